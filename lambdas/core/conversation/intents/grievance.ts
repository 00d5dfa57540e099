import { GrievanceTextSchema } from '../../grievances/actions.ts';
import { t } from '../../i18n/strings.ts';
import { mediaKey } from '../../media-keys.ts';
import type { ApplicationSummary } from '../context.ts';
import { text } from '../screens.ts';
import type { Session } from '../session.ts';
import type { GrievanceIntent } from './intent.ts';
import { type Effect, type IntentHandlers, languageOf, say, type Turn } from './turn.ts';

type GrievanceTask = Extract<Effect, { type: 'grievance-task' }>;

const WHAT = {
  ask: 'grievanceWhatQuestion',
  resolve: 'grievanceWhatNote',
  transfer: 'grievanceWhatTransfer',
  answer: 'grievanceWhatAnswer',
} as const;

/**
 * A grievance in the chat: an officer's Accept is carried out at once; Ask citizen, Resolve and Transfer (and the
 * citizen's Reply) first ask for the text, with no menu open to catch a typed number; a rating or Reopen is carried
 * out at once. Every action becomes a task the certificate-tasks function performs, where it is checked.
 */
export const grievanceTurns: IntentHandlers<GrievanceIntent['kind'] | 'grievance-action'> = {
  'grievance-action'(session, { action, applicationId }, env) {
    if (action === 'accept') return task(session, { action: 'accept', applicationId });
    return askText(session, action, applicationId, env.token);
  },
  'grievance-text'(session, { action, applicationId, text: typed }, env) {
    const language = languageOf(session);
    const valid = GrievanceTextSchema.safeParse(typed);
    if (!valid.success) return say(session, [text(t('grievanceTextTooShort', language, { applicationId }))]);
    const photo = session.step.name === 'grievance-text' ? session.step.photo : undefined;
    return task(backToMenu(session, env.token), {
      action,
      applicationId,
      text: valid.data,
      ...(action === 'resolve' && photo ? { photo } : {}),
    });
  },
  /**
   * A photo of the work done, sent while resolving: kept with the note. With a caption, the caption is the note and
   * the grievance is resolved at once; without one, the note is asked for next (a later photo replaces it).
   */
  'grievance-resolution-photo'(session, { applicationId, media, caption }, env) {
    const photo = mediaKey({ waId: env.inbound.waId, mediaId: media.mediaId }, env.context.settings.aadhaarHashKey);
    const note = caption === undefined ? undefined : GrievanceTextSchema.safeParse(caption);
    if (note?.success)
      return task(backToMenu(session, env.token), { action: 'resolve', applicationId, text: note.data, photo });
    const language = languageOf(session);
    const waiting: Session = {
      ...session,
      step: { name: 'grievance-text', applicationId, action: 'resolve', photo },
      menu: { token: env.token, options: [] },
    };
    return say(waiting, [text(t('grievancePhotoKeptWriteNote', language, { applicationId }))]);
  },
  'grievance-text-withdrawn'(session, { applicationId }, env) {
    const language = languageOf(session);
    return say(backToMenu(session, env.token), [text(t('grievanceTextCancelled', language, { applicationId }))]);
  },
  'grievance-citizen'(session, { action, applicationId }, env) {
    if (action === 'reply') return askText(session, 'answer', applicationId, env.token);
    if (action === 'reopen') return task(session, { action: 'reopen', applicationId });
    return task(session, { action: 'rate', applicationId, rating: Number(action.slice('rate-'.length)) });
  },
  /** Reaches here only when a grievance waits for its rating (converse checks it); the rating is carried out then. */
  'grievance-rating-typed'(session, { rating }, env) {
    const applicationId = ratableGrievance(env.context.applications, session)!;
    return task(session, { action: 'rate', applicationId, rating });
  },
};

/**
 * The grievance a typed 1 to 5 rates: of this number's, the one most lately resolved and not yet rated, when its
 * resolution (and the list to rate it) came after the citizen last wrote. Otherwise the digit means what it
 * always meant (a menu's option).
 */
export function ratableGrievance(
  applications: readonly ApplicationSummary[] | undefined,
  session: Session,
): string | undefined {
  const since = session.lastActiveAt ?? '';
  return (applications ?? [])
    .filter((a) => a.state === 'resolved' && a.resolvedAt !== undefined && a.resolvedAt > since)
    .sort((a, b) => (b.resolvedAt ?? '').localeCompare(a.resolvedAt ?? ''))[0]?.applicationId;
}

function askText(
  session: Session,
  action: 'ask' | 'resolve' | 'transfer' | 'answer',
  applicationId: string,
  token: number,
): Turn {
  const language = languageOf(session);
  const asking: Session = {
    ...session,
    step: { name: 'grievance-text', applicationId, action },
    menu: { token, options: [] },
  };
  const ask = t('grievanceAskText', language, { applicationId, what: t(WHAT[action], language) });
  return say(asking, [text(action === 'resolve' ? `${ask}\n${t('grievanceResolvePhotoHint', language)}` : ask)]);
}

function task(session: Session, what: Omit<GrievanceTask, 'type' | 'waId' | 'language'>): Turn {
  const language = languageOf(session);
  return say(
    session,
    [text(t('grievanceWorking', language, { applicationId: what.applicationId }))],
    [{ type: 'grievance-task', waId: session.waId, language, ...what }],
  );
}

function backToMenu(session: Session, token: number): Session {
  return { ...session, step: { name: 'menu', page: 0 }, menu: { token, options: [] } };
}
