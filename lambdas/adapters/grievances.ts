import type { Catalog, Language } from '#core/catalog/schema.ts';
import type { CertificateTask } from '#core/certificate/tasks.ts';
import type { Reply } from '#core/conversation/messages.ts';
import { resolutionPhotoKey } from '#core/grievances/actions.ts';
import {
  type GrievancePlan,
  type GrievanceRecord,
  type GrievanceSituation,
  parseTransfer,
  planGrievanceAction,
} from '#core/grievances/perform.ts';
import { t } from '#core/i18n/strings.ts';
import { maskPhone } from '#core/masking.ts';
import { isApplicant, type ProvenIdentity } from '#core/officers.ts';
import { type ApplicationStore, applicantOf } from './application-store.ts';
import { transitionApplication } from './application-transitions.ts';
import type { ConversationStore } from './conversation-store.ts';
import { countMetric } from './metrics.ts';
import type { OfficerRegistry } from './officers.ts';
import { outboxItem } from './outbox.ts';
import { logger } from './powertools.ts';
import { resumeTask } from './task-callbacks.ts';

type GrievanceTask = Extract<CertificateTask, { task: 'grievance' }>;

interface Collaborators {
  tableName: string;
  applications: Pick<ApplicationStore, 'get' | 'hasStopped'>;
  officers: Pick<OfficerRegistry, 'find' | 'ofDepartment'>;
  conversations: Pick<ConversationStore, 'personOf'>;
  catalog: Catalog;
  /** Copies kept media to another key of the media bucket; false when it is not there. */
  copyMedia(from: string, to: string): Promise<boolean>;
}

/**
 * Carries out an action on a grievance asked for in the chat: reads the grievance and the registry again (an officer
 * removed since decides nothing), plans it (lambdas/core/grievances/perform.ts), and applies the transition with its
 * notices in one transaction, or resumes the workflow with the resolution. Answers what the one who asked reads.
 */
export async function performGrievanceTask(
  task: GrievanceTask,
  collaborators: Collaborators,
  now: Date,
): Promise<{ answer: Reply; outcome: string }> {
  const { applications, officers, conversations, catalog } = collaborators;
  const { applicationId } = task;
  const notWaiting = (outcome: string) => ({
    answer: { type: 'text' as const, text: t('decisionNotWaiting', task.language, { applicationId }) },
    outcome,
  });
  const item = await applications.get(applicationId);
  const record = item && grievanceRecordOf(item);
  const service = record && catalog.services.find((s) => s.id === record.serviceId);
  if (!record || !service || service.kind !== 'grievance') return notWaiting('not-a-grievance');
  const officer = await officers.find(task.waId);
  const acting = officer && ['accept', 'ask', 'resolve', 'transfer'].includes(task.action);
  const target = task.action === 'transfer' ? parseTransfer(task.text ?? '', catalog)?.department : undefined;
  const registry = await officers.ofDepartment(target ?? record.department);
  // Each officer's language, and the identity they proved: an officer who filed the grievance never handles it.
  const languages = new Map<string, Language>();
  const identities = new Map<string, ProvenIdentity>();
  await Promise.all(
    [...registry, ...(officer ? [officer] : [])].map(async (o) => {
      const person = await conversations.personOf(o.waId);
      languages.set(o.waId, person.language ?? 'en');
      identities.set(o.waId, person.identity);
    }),
  );
  if (officer) languages.set(officer.waId, task.language);
  const filer = applicantOf(item);
  const situation: GrievanceSituation = {
    record,
    service,
    catalog,
    action: task.action,
    sender: acting ? { officer } : { waId: task.waId },
    ...(task.text ? { text: task.text } : {}),
    ...(task.rating ? { rating: task.rating } : {}),
    registry,
    languageOf: (waId) => languages.get(waId) ?? 'en',
    isFiler: (o) => isApplicant(o, identities.get(o.waId), filer),
    now,
    ref: `${task.action}#${task.messageId}`,
  };
  // An officer's photo is copied to the grievance only for a resolution they may make: nobody else writes there.
  const photo = task.photo && task.action === 'resolve' ? resolutionPhotoKey(applicationId) : undefined;
  let plan = planGrievanceAction({ ...situation, ...(photo ? { photo } : {}) });
  if (photo && resolves(plan) && !(await collaborators.copyMedia(task.photo!, photo))) {
    logger.warn('the resolution photo is no longer kept; resolved without it', { applicationId });
    plan = planGrievanceAction(situation);
  }
  if (plan.fallback) {
    logger.warn('grievance routed by fallback: no officer registered for its place', {
      applicationId,
      department: target ?? record.department,
    });
    countMetric('GrievancesRoutedByFallback');
  }
  if (plan.resume) {
    const heard = await resumeTask(plan.resume.taskToken, plan.resume.decision);
    if (!heard) return notWaiting('not-waiting');
  }
  if (plan.transition) {
    const stopped = await applications.hasStopped(record.waId);
    const notices = plan.notices.filter((n) => !(stopped && n.waId === record.waId));
    const moved = await transitionApplication(
      collaborators.tableName,
      {
        applicationId,
        transition: plan.transition.name,
        actor: plan.transition.actor,
        ...(plan.transition.set ? { set: plan.transition.set } : {}),
        ...(plan.transition.remove ? { remove: plan.transition.remove } : {}),
        notices: notices.map((n) => outboxItem(n.waId, n.ref, n.reply, now)),
      },
      now,
    );
    if (!moved) return notWaiting('not-waiting');
  }
  logger.info('grievance action done', {
    applicationId,
    action: task.action,
    by: officer ? officer.id : maskPhone(task.waId),
    transition: plan.transition?.name,
  });
  return { answer: plan.answer, outcome: plan.transition?.name ?? (plan.resume ? 'resolve' : 'refused') };
}

function resolves(plan: GrievancePlan): boolean {
  return plan.resume !== undefined || plan.transition?.name === 'resolve';
}

/** The grievance as its actions read it, from the application item (undefined when it is not one). */
function grievanceRecordOf(item: Record<string, unknown>): GrievanceRecord | undefined {
  const approval = (item['approval'] ?? {}) as Record<string, unknown>;
  const grievance = (item['grievance'] ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const applicationId = text(item['applicationId']);
  const department = text(approval['department']);
  if (!applicationId || !department) return undefined;
  const open = item['state'] !== 'reopened' && item['state'] !== 'resolved' && item['state'] !== 'closed';
  const optional = {
    district: text(approval['district']),
    taskToken: open ? text(approval['taskToken']) : undefined,
    dueAt: text(approval['dueAt']),
    askedBy: text(grievance['askedBy']),
    resolvedAt: text(grievance['resolvedAt']),
  };
  return {
    applicationId,
    serviceId: String(item['serviceId']),
    waId: String(item['waId']),
    language: item['language'] === 'te' ? 'te' : 'en',
    state: String(item['state']),
    submittedAt: String(item['submittedAt']),
    values: (item['values'] ?? {}) as Record<string, string>,
    department,
    grievance,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
  };
}
