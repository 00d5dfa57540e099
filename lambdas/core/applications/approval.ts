import { LIMITS } from '../catalog/rules.ts';
import type { Catalog, Language, Service } from '../catalog/schema.ts';
import type { WaitingApplicationSummary } from '../conversation/context.ts';
import type { Reply } from '../conversation/messages.ts';
import { decisionButtonId, worklistRowId } from '../conversation/officer-commands.ts';
import { displayValue } from '../conversation/screens.ts';
import { attachmentsOf } from '../forms/attachment-values.ts';
import { OFFICER_WORDING } from '../fulfilment/officer-wording.ts';
import { fulfilmentOf } from '../fulfilment/registry.ts';
import { t } from '../i18n/strings.ts';
import { attachmentKey } from '../media-keys.ts';
import {
  isDecidingRole,
  type Jurisdiction,
  jurisdictionName,
  OFFICER_ROLES,
  type Officer,
  officerReason,
  SENIOR_ROLES,
} from '../officers.ts';
import * as z from '../validation.ts';
import { istDate } from './dates.ts';
import type { RecordCheck } from './record-check.ts';

export const ApplicationIdSchema = z
  .string()
  .check(z.regex(/^AP-[0-9A-Z]{12}$/, 'an application id is AP- and 12 characters'));

/** Why an officer rejected an application, as the citizen reads it: short, printable, no line breaks. */
export const DecisionReasonSchema = officerReason(300);

/** What an officer's decision resumes the workflow with (SendTaskSuccess output, `$.decision` in the state). */
export const OfficerDecisionSchema = z.strictObject({
  decision: z.enum(['approved', 'rejected']),
  /** The officer's id, never their phone number. */
  officerId: z.string(),
  /** Who decided, as the issued document prints it. */
  officerName: z.string(),
  officerRole: z.enum(OFFICER_ROLES),
  reason: z.optional(z.string()),
  decidedAt: z.string(),
  /** A grievance's resolution: the officer's photo of the work done, kept with the grievance in the media bucket. */
  photo: z.optional(z.string().check(z.regex(/^applications\/AP-[0-9A-Z]{12}\/resolution-photo$/))),
});
export type OfficerDecision = z.infer<typeof OfficerDecisionSchema>;

/**
 * Who hears of an application waiting for a decision. First the deciding officers of its department in its district;
 * if none is registered there (or the form asked no district), the department's state-level deciding officers. Once
 * it is past its SLA: the senior officers of that district, else the department's state-level senior officers, else
 * whoever heard of it first, so it never goes unheard. Everyone answered may decide it (`mayDecide`).
 */
export function officersToNotify(
  officers: readonly Officer[],
  application: Jurisdiction,
  escalated: boolean,
  /** The officers who applied themselves: passed over, so it goes to another officer or the senior one. */
  isApplicant: (officer: Officer) => boolean = () => false,
): Officer[] {
  const deciding = officers.filter(
    (o) => o.department === application.department && isDecidingRole(o.role) && !isApplicant(o),
  );
  const inDistrict = application.district ? deciding.filter((o) => o.district === application.district) : [];
  const stateLevel = deciding.filter((o) => o.district === undefined);
  const first = inDistrict.length > 0 ? inDistrict : stateLevel;
  if (!escalated) return first;
  const senior = (group: Officer[]) => group.filter((o) => SENIOR_ROLES.includes(o.role));
  return [senior(inDistrict), senior(stateLevel), first].find((group) => group.length > 0) ?? [];
}

export interface WaitingApplication {
  applicationId: string;
  values: Record<string, string>;
  submittedAt: string;
}

/**
 * The notice an officer gets for an application waiting for their decision: what was asked, by when, and Approve /
 * Reject buttons whose ids name the application (so a tap works however old the notice). Values are shortened until
 * the body fits WhatsApp's limit.
 */
export function approvalRequest(
  service: Service,
  application: WaitingApplication,
  due: Date,
  escalated: boolean,
  language: Language,
  recordCheck?: RecordCheck,
): Reply {
  const { applicationId } = application;
  const wording = OFFICER_WORDING[fulfilmentOf(service.kind).officerAction];
  const approve = t(wording.approve, language);
  const records = recordCheck && !recordCheck.verified ? `\n${recordsLine(service, recordCheck, language)}` : '';
  const attached = attachmentsOf(service.fields, application.values).map(({ field }) => field.label[language]);
  const attachments =
    attached.length > 0 ? `\n${t('attachmentsSentBelow', language, { attachments: attached.join(', ') })}` : '';
  const request = (max: number) =>
    t(escalated ? 'officerEscalatedRequest' : 'officerApprovalRequest', language, {
      heading: t(wording.heading, language, { applicationId }),
      approve,
      applicationId,
      service: service.name[language],
      submitted: istDate(application.submittedAt),
      due: istDate(due.toISOString()),
      details:
        service.fields
          .map((f) => `${f.label[language]}: ${displayValue(f, application.values, language, max)}`)
          .join('\n') +
        records +
        attachments,
    });
  const how = t(escalated ? 'officerEscalatedHow' : 'officerDecisionHow', language, { approve, applicationId });
  const body = (max: number) => `${request(max)}\n\n${how}`;
  let max = 80;
  while (body(max).length > LIMITS.body && max > 10) max -= 10;
  return {
    type: 'buttons',
    body: body(max),
    buttons: [
      { id: decisionButtonId('approve', applicationId), title: approve },
      { id: decisionButtonId('reject', applicationId), title: t('rejectButton', language) },
    ],
    // The template says how to decide itself, and carries the same decisions as quick replies.
    closedWindow: { template: 'decision', parameters: [request(max)] },
  };
}

/**
 * What the citizen attached to an application, sent to an officer right after its notice: each photo or PDF from the
 * copy kept for the application (`attachmentKey`), captioned with the application and the question it answers.
 */
export function attachmentReplies(service: Service, application: WaitingApplication, language: Language): Reply[] {
  const { applicationId } = application;
  return attachmentsOf(service.fields, application.values).map(({ field, kind }) => ({
    type: 'media',
    bucket: 'media',
    key: attachmentKey(applicationId, field.id),
    mediaType: kind === 'pdf' ? 'document' : 'image',
    ...(kind === 'pdf' ? { filename: `${applicationId}-${field.id}.pdf` } : {}),
    caption: t('attachmentCaption', language, { applicationId, label: field.label[language] }),
  }));
}

/**
 * An officer's worklist: the applications of their department (and district, for a district officer) waiting for a
 * decision, soonest due first, as a list whose rows open each one's notice again.
 */
export function worklistReply(
  queue: { waiting: WaitingApplicationSummary[]; total: number },
  officer: Jurisdiction,
  catalog: Catalog,
  language: Language,
): Reply {
  const department = jurisdictionName(catalog, officer, language);
  if (queue.waiting.length === 0) return { type: 'text', text: t('worklistEmpty', language, { department }) };
  const rows = queue.waiting.map((a) => {
    const service = catalog.services.find((s) => s.id === a.serviceId)?.name[language] ?? a.serviceId;
    return {
      id: worklistRowId(a.applicationId),
      title: a.applicationId,
      description: t('worklistRow', language, { service, due: istDate(a.dueAt) }),
    };
  });
  return {
    type: 'list',
    body: t('worklist', language, {
      total: queue.total,
      department,
      shown: rows.length,
      list: rows.map((r, i) => `${i + 1}. ${r.title}: ${r.description}`).join('\n'),
    }),
    button: t('worklistButton', language),
    sections: [{ title: t('worklistSection', language), rows }],
  };
}

const REGISTER_NAMES = { births: 'registerBirths', deaths: 'registerDeaths', training: 'registerTraining' } as const;

/** What the records check found (in the household records, or the register it asked), for the officer who decides. */
function recordsLine(service: Service, check: RecordCheck, language: Language): string {
  const fields = check.mismatches.map((id) => service.fields.find((f) => f.id === id)?.label[language] ?? id);
  if (check.register) {
    const register = t(REGISTER_NAMES[check.register], language);
    if (check.noRecord) return t('registerNoEntry', language, { register });
    if (fields.length === 0) return t('registerIncomplete', language, { register });
    return t('registerMismatch', language, { register, fields: fields.join(', ') });
  }
  if (check.noRecord) return t('recordsNoRecord', language);
  if (fields.length === 0) return t('recordsIncomplete', language);
  return t('recordsMismatch', language, { fields: fields.join(', ') });
}

export type DecisionOutcome =
  | { outcome: 'approved' | 'rejected' | 'not-waiting' | 'own-application'; applicationId: string }
  /** Who may decide it: the application's department and district. */
  | { outcome: 'not-allowed'; applicationId: string; jurisdiction: Jurisdiction; why: string };

/** The chat's answer to an officer's decision, in their language, naming departments and districts as the catalog does. */
export function decisionAnswer(result: DecisionOutcome, catalog: Catalog, language: Language): string {
  const { applicationId } = result;
  switch (result.outcome) {
    case 'approved':
      return t('decisionApproved', language, { applicationId });
    case 'rejected':
      return t('decisionRejected', language, { applicationId });
    case 'not-waiting':
      return t('decisionNotWaiting', language, { applicationId });
    case 'own-application':
      return t('decisionOwnApplication', language, { applicationId });
    case 'not-allowed':
      return t('decisionNotAllowed', language, {
        applicationId,
        department: jurisdictionName(catalog, result.jurisdiction, language),
      });
  }
}
