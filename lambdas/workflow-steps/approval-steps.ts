import { ApplicationStore } from '#adapters/application-store.ts';
import { now } from '#adapters/clock.ts';
import { ConversationStore } from '#adapters/conversation-store.ts';
import { HttpDepartmentRecords } from '#adapters/department-records.ts';
import { requireEnv } from '#adapters/env.ts';
import { countMetric } from '#adapters/metrics.ts';
import { OfficerRegistry } from '#adapters/officers.ts';
import { logger } from '#adapters/powertools.ts';
import { approvalRequest, attachmentReplies, officersToNotify } from '#core/applications/approval.ts';
import { dueDate, istDate } from '#core/applications/dates.ts';
import type { Encumbrance } from '#core/applications/encumbrance.ts';
import type { RecordCheck } from '#core/applications/record-check.ts';
import { checkAgainstRecords, recordsCanConfirm } from '#core/applications/records.ts';
import { LIMITS } from '#core/catalog/rules.ts';
import type { Service } from '#core/catalog/schema.ts';
import { encumbranceLines } from '#core/certificate/encumbrance-facts.ts';
import type { Reply } from '#core/conversation/messages.ts';
import { OFFICER_WORDING } from '#core/fulfilment/officer-wording.ts';
import { fulfilmentOf } from '#core/fulfilment/registry.ts';
import { t } from '#core/i18n/strings.ts';
import { districtOf, isApplicant } from '#core/officers.ts';
import { checkWithRegister, searchEncumbrances } from './register-steps.ts';

/** What the approval steps read of the workflow's state; the state machine passes all of it. */
export interface ApprovalApplication {
  applicationId: string;
  waId: string;
  language: 'en' | 'te';
  submittedAt: string;
  values: Record<string, string>;
  /** The UID token of the citizen's Aadhaar OTP, the key of the household records. */
  citizenToken?: string;
  /** `department`: the catalog's department id, whose officers decide. */
  plan: { department: string; recordCheck?: RecordCheck; encumbrance?: Encumbrance };
}

/** lib/workflows/fulfilment-workflow.ts ESCALATION_WINDOW: how long the escalated wait lasts. */
const ESCALATION_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

const tableName = requireEnv('TABLE_NAME');
const applications = new ApplicationStore(tableName);
const registry = new OfficerRegistry(tableName);
const conversations = new ConversationStore(tableName);
const recordsEndpoint = requireEnv('RECORDS_ENDPOINT');
const records = recordsEndpoint === 'unconfigured' ? undefined : new HttpDepartmentRecords(recordsEndpoint);

/**
 * A certificate issued without an officer states facts the citizen declared (name, father's name, income, caste,
 * district); the household records must confirm every one of them the records can, and the register of a birth,
 * death or course every one it holds, or an officer decides. Undefined when there is nothing to confirm (an officer
 * decides anyway, or the service asks nothing the records or a register hold).
 */
export async function lookUpRecords(
  service: Service,
  application: ApprovalApplication,
): Promise<RecordCheck | undefined> {
  if (service.kind !== 'certificate' || service.officerApproval) return undefined;
  const token = application.citizenToken;
  const record = records && token && recordsCanConfirm(service) ? await records.lookup(token) : undefined;
  const household = recordsCanConfirm(service) ? checkAgainstRecords(service, application.values, record) : undefined;
  return checkWithRegister(service, application.values, household);
}

/** "Look up records", for a certificate that states a property's registered transactions (an encumbrance certificate). */
export function lookUpEncumbrance(
  service: Service,
  application: ApprovalApplication,
): Promise<Encumbrance | undefined> {
  return searchEncumbrances(service, application.values, now());
}

/**
 * "Await officer decision" / "Escalate": stores the token, with the department and district whose officers may
 * decide, and tells those officers (senior ones once the SLA has passed; `officersToNotify`) and the citizen. The
 * officer's decision in the chat resumes the workflow.
 */
export async function requestApproval(
  application: ApprovalApplication,
  service: Service,
  token: string,
  escalated: boolean,
): Promise<void> {
  const at = now();
  const { applicationId, waId, language, plan } = application;
  const slaDue = dueDate(application.submittedAt, service.slaDays);
  const dueAt = escalated ? new Date(at.getTime() + ESCALATION_WINDOW_MS) : slaDue;
  const district = districtOf(application.values);
  const jurisdiction = { department: plan.department, ...(district ? { district } : {}) };
  const [registered, applicant] = await Promise.all([
    registry.ofDepartment(plan.department),
    applications.applicant(applicationId),
  ]);
  const people = new Map(
    await Promise.all(registered.map(async (o) => [o.waId, await conversations.personOf(o.waId)] as const)),
  );
  // An officer who applied is passed over: it goes to another officer, or the senior one.
  const officers = officersToNotify(registered, jurisdiction, escalated, (officer) =>
    isApplicant(officer, people.get(officer.waId)?.identity, applicant ?? { waId }),
  );
  if (officers.length === 0) {
    logger.error('no officer registered to decide', jurisdiction);
    countMetric('NoOfficerToDecide');
  }
  if (escalated) countMetric('ApplicationsEscalated');
  const noticeRef = `${applicationId}#${escalated ? 'escalated' : 'awaiting-decision'}`;
  // Never the citizen's key, even for the same number: one transaction cannot write one item twice.
  const officerRef = `${noticeRef}#officer`;
  const officerNotices = await Promise.all(
    officers.map(async (officer) => {
      const officerLanguage = people.get(officer.waId)?.language ?? 'en';
      const request = approvalRequest(
        service,
        application,
        escalated ? slaDue : dueAt,
        escalated,
        officerLanguage,
        plan.recordCheck,
      );
      const reply = plan.encumbrance ? withTransactions(request, plan.encumbrance, officerLanguage) : request;
      // The attachments follow the notice, each under its own key so a retried step queues none twice.
      const attachments = attachmentReplies(service, application, officerLanguage).map((attachment, index) => ({
        waId: officer.waId,
        ref: `${officerRef}#attachment-${index + 1}`,
        reply: attachment,
      }));
      return [{ waId: officer.waId, ref: officerRef, reply }, ...attachments];
    }),
  ).then((perOfficer) => perOfficer.flat());
  const citizenText = escalated
    ? t('approvalEscalated', language, { applicationId, due: istDate(slaDue.toISOString()) })
    : t(
        plan.recordCheck && !plan.recordCheck.verified
          ? 'approvalRecordsUnconfirmed'
          : OFFICER_WORDING[fulfilmentOf(service.kind).officerAction].citizenWaits,
        language,
        {
          applicationId,
          service: service.name[language],
          authority: service.authority[language],
          due: istDate(slaDue.toISOString()),
        },
      );
  await applications.awaitDecision(
    applicationId,
    {
      taskToken: token,
      ...jurisdiction,
      dueAt,
      slaDueAt: slaDue,
      escalated,
      ...(plan.recordCheck && !plan.recordCheck.verified ? { recordCheck: plan.recordCheck } : {}),
    },
    officerNotices,
    { waId, ref: noticeRef, reply: { type: 'text', text: citizenText } },
    at,
  );
  logger.info(escalated ? 'application escalated past its SLA' : 'application awaits an officer', {
    applicationId,
    officersNotified: officers.length,
  });
}

/**
 * The officer's notice with the register's transactions below the answers, as many whole lines as WhatsApp's body
 * limit leaves room for (the buttons stay on the same message, so the decision is taken with them in view).
 */
function withTransactions(reply: Reply, encumbrance: Encumbrance, language: 'en' | 'te'): Reply {
  if (reply.type !== 'buttons') return reply;
  const lines = encumbranceLines(encumbrance, language);
  const below = (text: string) => {
    let extended = text;
    for (const [index, line] of lines.entries()) {
      const next = `${extended}${index === 0 ? '\n\n' : '\n'}${line}`;
      if (next.length > LIMITS.body) break;
      extended = next;
    }
    return extended;
  };
  // The decision template's parameter (the notice's details) gets them too: an officer outside the window decides
  // from the template alone.
  const window = reply.closedWindow;
  const [carried, ...more] = window && window.template !== 'none' ? (window.parameters ?? []) : [];
  return {
    ...reply,
    body: below(reply.body),
    ...(window && window.template !== 'none' && carried !== undefined && more.length === 0
      ? { closedWindow: { ...window, parameters: [below(carried)] } }
      : {}),
  };
}
