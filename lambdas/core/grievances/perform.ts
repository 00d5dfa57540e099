import type { OfficerDecision } from '../applications/approval.ts';
import { istDate } from '../applications/dates.ts';
import type { Actor, TransitionName } from '../applications/lifecycle.ts';
import type { Catalog, Language, Service } from '../catalog/schema.ts';
import type { Reply } from '../conversation/messages.ts';
import { displayValue } from '../conversation/screens.ts';
import { t } from '../i18n/strings.ts';
import { jurisdictionName, mayDecide, type Officer } from '../officers.ts';
import { keys } from '../table-keys.ts';
import {
  citizenAsOfficerSeesThem,
  GrievanceTextSchema,
  mayReopen,
  officerButtons,
  questionNotice,
  resolutionNotice,
  resolutionPhoto,
} from './actions.ts';
import { placeText } from './place.ts';
import { placeOf, routeGrievance } from './routing.ts';

/** A grievance as its actions read it from its application record. */
export interface GrievanceRecord {
  applicationId: string;
  serviceId: string;
  /** The citizen's WhatsApp key: the relay's other end, never shown to an officer. */
  waId: string;
  language: Language;
  state: string;
  submittedAt: string;
  values: Record<string, string>;
  /** The department (and district) whose officers hold it now: the catalog's, or the one it was transferred to. */
  department: string;
  district?: string;
  /** The workflow's token while it waits for the resolution; absent once the workflow ended (a reopened grievance). */
  taskToken?: string;
  /** When the SLA falls due. */
  dueAt?: string;
  /** The officer (by id) who asked the citizen the open question: the answer goes to them. */
  askedBy?: string;
  resolvedAt?: string;
  /** The record's grievance attributes as stored (who asked, the note, the rating…): each action rewrites them whole. */
  grievance: Record<string, unknown>;
}

type GrievanceTaskAction = 'accept' | 'ask' | 'resolve' | 'transfer' | 'answer' | 'reopen' | 'rate';

interface Notice {
  waId: string;
  ref: string;
  reply: Reply;
}

/** What carrying out an action does: the transition with what it sets, the notices, and the actor's answer. */
export interface GrievancePlan {
  answer: Reply;
  transition?: { name: TransitionName; actor: Actor; set?: Record<string, unknown>; remove?: string[] };
  notices: Notice[];
  /** The resolution resumes the workflow, which issues the acknowledgement and tells the citizen. */
  resume?: { taskToken: string; decision: OfficerDecision };
  /** Officers were found for the place only by falling back (or none): the operators' alarm counts it. */
  fallback?: boolean;
}

/** Everything the plan is decided with, looked up by the adapter beforehand. */
export interface GrievanceSituation {
  record: GrievanceRecord;
  service: Service;
  catalog: Catalog;
  action: GrievanceTaskAction;
  /** Who asked: a registered officer, or else the sender's WhatsApp key. */
  sender: { officer: Officer } | { waId: string };
  text?: string;
  rating?: number;
  /** Resolving: the officer's photo of the work done, kept with the grievance (`resolutionPhotoKey`). */
  photo?: string;
  /** The registry of the department it goes to (its own, or the transfer's). */
  registry: readonly Officer[];
  /** The language each officer chose in the chat (English when none). */
  languageOf: (waId: string) => Language;
  /**
   * Whether an officer filed this grievance (the same number, or the same Aadhaar hash or UID token as they proved):
   * they never handle it, and it is routed past them.
   */
  isFiler: (officer: Officer) => boolean;
  now: Date;
  /** Ids unique to this task, so a retried task queues nothing twice. */
  ref: string;
}

const say = (language: Language, id: Parameters<typeof t>[0], values: Record<string, string | number>): Reply => ({
  type: 'text',
  text: t(id, language, values),
});

/**
 * Decides what an officer's or the citizen's action on a grievance does. Officers must hold a deciding role in the
 * department (and district) that holds the grievance now; only the citizen who registered it answers, rates or
 * reopens it. Nothing here writes: the adapter applies the transition, its notices and the workflow's resumption.
 */
export function planGrievanceAction(situation: GrievanceSituation): GrievancePlan {
  const { record, sender, action } = situation;
  if ('officer' in sender) return officerPlan(situation, sender.officer);
  const language = record.language;
  if (sender.waId !== record.waId || !['answer', 'reopen', 'rate'].includes(action))
    return { answer: say(language, 'grievanceNotYours', { applicationId: record.applicationId }), notices: [] };
  return citizenPlan(situation);
}

function officerPlan(situation: GrievanceSituation, officer: Officer): GrievancePlan {
  const { record, action, text, now, ref, catalog, photo } = situation;
  const { applicationId } = record;
  const language = situation.languageOf(officer.waId);
  const right = mayDecide(officer, record.department, record.district);
  if (!right.allowed || !['accept', 'ask', 'resolve', 'transfer'].includes(action)) {
    const department = jurisdictionName(catalog, jurisdictionOf(record), language);
    return { answer: say(language, 'decisionNotAllowed', { applicationId, department }), notices: [] };
  }
  if (situation.isFiler(officer)) return { answer: say(language, 'grievanceOwn', { applicationId }), notices: [] };
  const actor: Actor = { type: 'officer', id: officer.id };
  const department = departmentName(catalog, record.department, record.language);
  const citizen = (reply: Reply): Notice => ({ waId: record.waId, ref: `${applicationId}#${ref}`, reply });
  switch (action) {
    case 'accept':
      return {
        answer: {
          type: 'buttons',
          body: t('grievanceYouAccepted', language, { applicationId }),
          buttons: officerButtons('accepted', applicationId, language),
        },
        transition: { name: 'accept', actor },
        notices: [citizen(say(record.language, 'grievanceAccepted', { applicationId, department }))],
      };
    case 'ask':
      return {
        answer: say(language, 'grievanceQuestionSent', { applicationId }),
        transition: { name: 'ask-citizen', actor, set: { grievance: { ...record.grievance, askedBy: officer.id } } },
        notices: [citizen(questionNotice(applicationId, department, text ?? '', record.language))],
      };
    case 'resolve': {
      const note = text ?? '';
      const decision: OfficerDecision = {
        decision: 'approved',
        officerId: officer.id,
        officerName: officer.name,
        officerRole: officer.role,
        reason: note,
        decidedAt: now.toISOString(),
        ...(photo ? { photo } : {}),
      };
      const answer = say(language, 'grievanceYouResolved', { applicationId });
      // While the workflow waits, it issues the acknowledgement and tells the citizen (ApplicationStore.markIssued).
      if (record.taskToken) return { answer, notices: [], resume: { taskToken: record.taskToken, decision } };
      const kept = photo ? { photo } : {};
      const photoRef = `${applicationId}#${ref}#photo`;
      return {
        answer,
        transition: {
          name: 'resolve',
          actor,
          set: {
            grievance: { ...withoutKey(record.grievance, 'photo'), resolvedAt: now.toISOString(), note, ...kept },
          },
          remove: WORKLIST_KEYS,
        },
        notices: [
          ...(photo ? [{ ...citizen(resolutionPhoto(applicationId, photo, record.language)), ref: photoRef }] : []),
          citizen(resolutionNotice(applicationId, note, record.language, photo)),
        ],
      };
    }
    case 'transfer':
      return transferPlan(situation, actor, language);
    default:
      return { answer: say(language, 'decisionNotWaiting', { applicationId }), notices: [] };
  }
}

/** "panchayat-raj: the pole is on a panchayat road": the department by its id or name, and the reason. */
export function parseTransfer(text: string, catalog: Catalog): { department: string; reason: string } | undefined {
  const match = /^\s*([^:]+?)\s*[:,-]\s*([\s\S]+)$/.exec(text);
  if (!match) return undefined;
  const named = match[1]!.toLowerCase();
  const department = catalog.departments.find(
    (d) => d.id === named || d.name.en.toLowerCase() === named || d.name.te === match[1],
  );
  const reason = GrievanceTextSchema.safeParse(match[2]);
  return department && reason.success ? { department: department.id, reason: reason.data } : undefined;
}

function transferPlan(situation: GrievanceSituation, actor: Actor, language: Language): GrievancePlan {
  const { record, catalog, text, ref } = situation;
  const { applicationId } = record;
  const transfer = parseTransfer(text ?? '', catalog);
  if (!transfer || transfer.department === record.department)
    return { answer: say(language, 'grievanceTransferUnclear', { applicationId }), notices: [] };
  const route = routeGrievance(
    situation.registry,
    transfer.department,
    placeOf(record.values),
    false,
    situation.isFiler,
  );
  const moved: GrievanceRecord = { ...record, department: transfer.department, state: 'transferred' };
  const to = departmentName(catalog, transfer.department, record.language);
  return {
    answer: say(language, 'grievanceYouTransferred', {
      applicationId,
      department: departmentName(catalog, transfer.department, language),
    }),
    transition: {
      name: 'transfer',
      actor,
      set: {
        'approval.department': transfer.department,
        ...keys.awaitingDecision(transfer.department, record.district),
        grievance: { ...record.grievance, transferReason: transfer.reason, transferredFrom: record.department },
      },
    },
    notices: [
      {
        waId: record.waId,
        ref: `${applicationId}#${ref}`,
        reply: say(record.language, 'grievanceTransferred', { applicationId, department: to, reason: transfer.reason }),
      },
      ...officerNotices(situation, moved, route.officers, `${ref}#officer`, route.fallback),
    ],
    fallback: route.fallback,
  };
}

function citizenPlan(situation: GrievanceSituation): GrievancePlan {
  const { record, action, text, rating, now, ref, registry } = situation;
  const { applicationId, language } = record;
  const actor: Actor = { type: 'citizen' };
  switch (action) {
    case 'answer': {
      const asker = registry.find((o) => o.id === record.askedBy);
      if (record.state !== 'awaiting-citizen' || !asker)
        return { answer: say(language, 'decisionNotWaiting', { applicationId }), notices: [] };
      const officerLanguage = situation.languageOf(asker.waId);
      const citizen = citizenAsOfficerSeesThem(record.waId);
      return {
        answer: say(language, 'grievanceAnswerSent', { applicationId }),
        transition: { name: 'answer-officer', actor, set: { grievance: withoutKey(record.grievance, 'askedBy') } },
        notices: [
          {
            waId: asker.waId,
            ref: `${applicationId}#${ref}`,
            reply: {
              type: 'buttons',
              body: t('grievanceAnswerRelayed', officerLanguage, { applicationId, citizen, answer: text ?? '' }),
              buttons: officerButtons('accepted', applicationId, officerLanguage),
              closedWindow: { template: 'grievanceAnswer', parameters: [applicationId, citizen, text ?? ''] },
            },
          },
        ],
      };
    }
    case 'rate':
      if (record.state !== 'resolved')
        return { answer: say(language, 'decisionNotWaiting', { applicationId }), notices: [] };
      return {
        answer: say(language, 'grievanceRated', { applicationId, rating: rating ?? 0 }),
        transition: {
          name: 'close',
          actor,
          set: { grievance: { ...record.grievance, rating, ratedAt: now.toISOString() } },
        },
        notices: [],
      };
    case 'reopen': {
      const reopenable = (record.state === 'resolved' || record.state === 'closed') && record.resolvedAt;
      if (!reopenable) return { answer: say(language, 'decisionNotWaiting', { applicationId }), notices: [] };
      if (!mayReopen(record.resolvedAt!, now))
        return { answer: say(language, 'grievanceReopenTooLate', { applicationId }), notices: [] };
      const route = routeGrievance(registry, record.department, placeOf(record.values), true, situation.isFiler);
      const reopened: GrievanceRecord = { ...record, state: 'reopened' };
      return {
        answer: say(language, 'grievanceReopened', { applicationId }),
        transition: {
          name: 'reopen',
          actor,
          set: {
            ...keys.awaitingDecision(record.department, record.district),
            grievance: { ...record.grievance, reopenedAt: now.toISOString() },
          },
        },
        notices: officerNotices(situation, reopened, route.officers, `${ref}#officer`, route.fallback),
        fallback: route.fallback,
      };
    }
    default:
      return { answer: say(language, 'grievanceNotYours', { applicationId }), notices: [] };
  }
}

/** The notice each officer gets of a grievance now in their hands: what, where, by whom (masked), by when, buttons. */
function officerNotices(
  situation: GrievanceSituation,
  record: GrievanceRecord,
  officers: readonly Officer[],
  ref: string,
  fallback: boolean,
): Notice[] {
  return officers.map((officer) => ({
    waId: officer.waId,
    ref: `${record.applicationId}#${ref}`,
    reply: grievanceNotice(situation.service, record, situation.catalog, situation.languageOf(officer.waId), fallback),
  }));
}

/**
 * The officer's notice of a grievance: the category, the citizen by masked number, the place (a shared location
 * as a map link), when it was registered and is due, the answers, and the buttons for its state.
 */
export function grievanceNotice(
  service: Service,
  record: GrievanceRecord,
  catalog: Catalog,
  language: Language,
  fallback: boolean,
): Reply {
  const where = placeText({ ...record.values, ...(record.district ? { district: record.district } : {}) }, language);
  const details = service.fields
    .filter((f) => f.type !== 'attachment' && f.id !== 'district' && f.id !== 'mandal' && f.id !== 'village')
    .map((f) => `${f.label[language]}: ${displayValue(f, record.values, language, 200)}`)
    .join('\n');
  const fallbackLine = fallback
    ? `\n${t('grievanceFallbackRouted', language, {
        department: departmentName(catalog, record.department, language),
        place: where,
      })}`
    : '';
  return {
    type: 'buttons',
    body:
      t('grievanceOfficerNotice', language, {
        applicationId: record.applicationId,
        service: service.name[language],
        citizen: citizenAsOfficerSeesThem(record.waId),
        submitted: istDate(record.submittedAt),
        due: record.dueAt ? istDate(record.dueAt) : '-',
        place: where,
        details,
      }) + fallbackLine,
    buttons: officerButtons(record.state, record.applicationId, language),
    closedWindow: { template: 'grievanceOfficer' },
  };
}

/** The worklist index's keys (lib/state-table.ts): an application carries them while it is in officers' hands. */
const WORKLIST_KEYS = ['awaitingDepartment', 'awaitingDistrict', 'approvalDueAt'];

function withoutKey(values: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _dropped, ...rest } = values;
  return rest;
}

function jurisdictionOf(record: GrievanceRecord) {
  return { department: record.department, ...(record.district ? { district: record.district } : {}) };
}

function departmentName(catalog: Catalog, department: string, language: Language): string {
  return catalog.departments.find((d) => d.id === department)?.name[language] ?? department;
}
