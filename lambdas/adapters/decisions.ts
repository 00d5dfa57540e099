import type { DecisionOutcome, OfficerDecision } from '#core/applications/approval.ts';
import { isApplicant, mayDecide, type Officer, type ProvenIdentity } from '#core/officers.ts';
import type { ApplicationStore } from './application-store.ts';
import { resumeTask } from './task-callbacks.ts';

export interface DecisionRequest {
  applicationId: string;
  decision: 'approved' | 'rejected';
  reason?: string;
}

/**
 * Carries an officer's decision to the workflow waiting for it. The application must be waiting for a decision, and
 * the officer must hold a deciding role in its department, for its district or the whole state (the department and
 * district stored with the wait), and must not be the applicant (`isApplicant`); the workflow's token is closed by the first decision, so of two officers deciding
 * at once only one is heard and the other is told it was already decided. The workflow itself records the decision,
 * with who decided, and tells the citizen.
 */
export async function decideApplication(
  applications: Pick<ApplicationStore, 'awaitingDecision'>,
  request: DecisionRequest,
  officer: Officer | undefined,
  /** The identity the officer proved by OTP from their number: the same as the applicant's is their own application. */
  identity: ProvenIdentity | undefined,
  now: Date,
): Promise<DecisionOutcome> {
  const { applicationId } = request;
  const waiting = await applications.awaitingDecision(applicationId);
  if (!waiting) return { outcome: 'not-waiting', applicationId };
  const { department, district } = waiting;
  const right = officer ? mayDecide(officer, department, district) : undefined;
  if (!officer || !right?.allowed) {
    const jurisdiction = { department, ...(district ? { district } : {}) };
    const why = right && !right.allowed ? right.why : 'not a registered officer';
    return { outcome: 'not-allowed', applicationId, jurisdiction, why };
  }
  if (isApplicant(officer, identity, waiting.applicant)) return { outcome: 'own-application', applicationId };
  const decision: OfficerDecision = {
    decision: request.decision,
    officerId: officer.id,
    officerName: officer.name,
    officerRole: officer.role,
    ...(request.reason ? { reason: request.reason } : {}),
    decidedAt: now.toISOString(),
  };
  const heard = await resumeTask(waiting.taskToken, decision);
  return heard ? { outcome: request.decision, applicationId } : { outcome: 'not-waiting', applicationId };
}
