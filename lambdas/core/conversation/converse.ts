import { approvalRequest, DecisionReasonSchema, worklistReply } from '../applications/approval.ts';
import { istTime } from '../applications/dates.ts';
import type { Catalog, Language, Service } from '../catalog/schema.ts';
import { RevocationReasonSchema } from '../certificate/revocation.ts';
import { maskedAadhaar, parseAadhaar, protectAadhaar } from '../forms/aadhaar.ts';
import { typedNumber } from '../forms/digits.ts';
import { validateField } from '../forms/validators.ts';
import { t } from '../i18n/strings.ts';
import { meansTheSameAnywhere, parseRowId } from './actions.ts';
import { applicationIdFor, statusText } from './applications.ts';
import { type Command, commandOf, normalizeText } from './commands.ts';
import {
  DEFAULT_SETTINGS,
  expired,
  identityCurrent,
  identityLocked,
  turnNeeds as needsOf,
  type TurnContext,
  type TurnNeeds,
  typedOtp,
} from './context.ts';
import type { InboundMessage, Reply } from './messages.ts';
import {
  type DecisionCommand,
  isWorklistCommand,
  officerDecisionOf,
  openedFromWorklist,
  parseRevokeCommand,
} from './officer-commands.ts';
import { pageIndexOf } from './paging.ts';
import {
  consentScreen,
  departmentsScreen,
  editScreen,
  fieldScreen,
  languageScreen,
  type Screen,
  searchScreen,
  servicesOf,
  servicesScreen,
  summaryScreen,
  text,
} from './screens.ts';
import { searchServices } from './search.ts';
import { type IdentityPurpose, newSession, type Session, type SessionStep } from './session.ts';

/** A new application, to be stored with the turn and then started as a workflow. */
export interface ApplicationDraft {
  applicationId: string;
  serviceId: string;
  serviceKind: Service['kind'];
  waId: string;
  language: Language;
  values: Record<string, string>;
  submittedAt: string;
  slaDays: number;
  /** Keyed hash of the Aadhaar number the citizen verified by OTP: only they see it under "status". */
  citizenHash: string;
  /** The citizen's UID token from that verification, for the records check; absent when none was returned. */
  citizenToken?: string;
  /**
   * Whether a workflow takes it up now: certificates (fee, officer approval and issue are its steps). The other kinds
   * (bills, bookings, grievances…) wait in state "received" until their workflows exist.
   */
  startsWorkflow: boolean;
}

export type Effect =
  | { type: 'start-application'; application: ApplicationDraft }
  /** A photo the citizen sent, possibly of a certificate's QR code: checked off the webhook's path, answered later. */
  | { type: 'scan-certificate'; waId: string; mediaId: string; language: Language }
  /** A registered officer's decision on an application; their right to decide it is checked where it is done. */
  | {
      type: 'decide-application';
      waId: string;
      applicationId: string;
      decision: 'approved' | 'rejected';
      reason?: string;
      language: Language;
    }
  /** A registered officer's revocation; whether their role and department allow it is checked where it is done. */
  | { type: 'revoke-certificate'; waId: string; certId: string; reason: string; language: Language };

export interface Turn {
  session: Session;
  replies: Reply[];
  effects: Effect[];
}

type Input =
  | { kind: 'command'; command: Command }
  /** An option of the current menu, tapped or typed as its number. */
  | { kind: 'option'; action: string }
  /** A tap on a row or button of an earlier menu. */
  | { kind: 'stale'; action: string }
  | { kind: 'bad-number'; number: number }
  | { kind: 'text'; text: string }
  | { kind: 'image'; mediaId: string }
  | { kind: 'unreadable' };

interface Env {
  catalog: Catalog;
  now: Date;
  context: TurnContext;
  inbound: InboundMessage;
  /** The menu token of this turn: the version the session gets when this turn is written. */
  token: number;
}

const FORM_STEPS = new Set(['form', 'confirm', 'edit', 'identity-aadhaar', 'identity-otp']);
const LANGUAGE_WORDS: Record<string, Language> = { english: 'en', ఇంగ్లీష్: 'en', telugu: 'te', తెలుగు: 'te' };

/**
 * One turn of the conversation: the citizen's message applied to their session. Pure: the same session, message,
 * catalog, time and context always give the same turn, so the webhook can re-apply it after losing a write race.
 */
export function converse(
  session: Session,
  inbound: InboundMessage,
  catalog: Catalog,
  now: Date,
  context: TurnContext = { settings: DEFAULT_SETTINGS },
): Turn {
  const env: Env = { catalog, now, context, inbound, token: session.version + 1 };
  const turn = decide(session, readInput(session, inbound), env);
  const silent = turn.replies.length === 0 && session.stopped && turn.session.stopped;
  return {
    session: { ...turn.session, waId: session.waId, version: session.version + 1, lastActiveAt: now.toISOString() },
    // Nothing at all goes to a citizen who sent STOP, not even a read receipt.
    replies: silent ? [] : [{ type: 'read-receipt', messageId: inbound.messageId }, ...turn.replies],
    effects: turn.effects.map((effect) =>
      effect.type === 'start-application'
        ? { ...effect, application: { ...effect.application, submittedAt: now.toISOString() } }
        : effect,
    ),
  };
}

/** What the webhook must look up before calling `converse` for this message. */
export function turnNeeds(session: Session, inbound: InboundMessage, now: Date, context = DEFAULT_SETTINGS): TurnNeeds {
  return needsOf(session, inbound, now, context, (s, message) => {
    const input = readInput(s, message);
    return input.kind === 'command' && input.command === 'status';
  });
}

function readInput(session: Session, inbound: InboundMessage): Input {
  const { content } = inbound;
  if (content.type === 'choice') {
    const { action, token } = parseRowId(content.id);
    const current = token === session.menu.token && session.menu.options.includes(action);
    return current ? { kind: 'option', action } : { kind: 'stale', action };
  }
  if (content.type === 'media' && content.mediaType === 'image') return { kind: 'image', mediaId: content.mediaId };
  if (content.type !== 'text') return { kind: 'unreadable' };
  const command = commandOf(content.text);
  if (command) return { kind: 'command', command };
  const options = session.menu.options;
  const number = typedNumber(content.text);
  if (number !== undefined && options.length > 0) {
    const action = options[number - 1];
    return action ? { kind: 'option', action } : { kind: 'bad-number', number };
  }
  const language = LANGUAGE_WORDS[normalizeText(content.text)];
  if (language && !FORM_STEPS.has(session.step.name)) return { kind: 'option', action: `lang:${language}` };
  return { kind: 'text', text: content.text };
}

function decide(session: Session, input: Input, env: Env): Turn {
  const language: Language = session.language ?? 'en';
  const { settings } = env.context;

  if (session.stopped) {
    if (input.kind === 'command' && input.command === 'start')
      return home({ ...session, stopped: false }, env, [t('resumed', language)]);
    return say(session, []);
  }
  if (input.kind === 'command' && input.command === 'stop') {
    const step: SessionStep = session.language ? { name: 'menu', page: 0 } : { name: 'new' };
    return say({ ...session, stopped: true, step, menu: { token: env.token, options: [] } }, [
      text(t('stopped', language)),
    ]);
  }
  const idle = expired(session, env.now, settings);
  // Officers act on notices whatever their own conversation is doing, idle or not, before any language or consent
  // screen; only a reason prompt left idle has lapsed.
  if (!(idle && session.step.name === 'officer-reason')) {
    const officerTurn = officerAction(session, input, env);
    if (officerTurn) return officerTurn;
  }
  if (idle) {
    return home({ ...session, step: { name: 'menu', page: 0 } }, env, [
      t('sessionExpired', language, { minutes: settings.inactivityMinutes }),
    ]);
  }
  const action = input.kind === 'option' || input.kind === 'stale' ? input.action : undefined;
  if (action?.startsWith('lang:')) return chooseLanguage(session, action === 'lang:te' ? 'te' : 'en', env);
  if (!session.language) return show(session, { name: 'choose-language' }, languageScreen(env.token), env);
  if (!session.consentedAt) {
    if (action === 'consent:yes') return home({ ...session, consentedAt: env.now.toISOString() }, env);
    if (action === 'consent:no') {
      // Nothing the citizen typed is kept; only the language they chose to read this in.
      const fresh = { ...newSession(session.waId), version: session.version, language: session.language };
      return say(fresh, [text(t('consentDeclined', language))]);
    }
    return show(session, { name: 'consent' }, consentScreen(language, env.token), env);
  }
  // A photo is personal data too: it is only looked at after consent.
  if (input.kind === 'image') {
    return say(
      session,
      [text(t('scanChecking', language))],
      [{ type: 'scan-certificate', waId: session.waId, mediaId: input.mediaId, language }],
    );
  }
  if (input.kind === 'unreadable') return say(session, [text(t('textOnly', language))]);
  // Only a registered officer's message is read as a command to revoke; anyone else's is ordinary text.
  const revocation = input.kind === 'text' && env.context.officer ? parseRevokeCommand(input.text) : undefined;
  if (revocation) {
    const reason = RevocationReasonSchema.safeParse(revocation.reason);
    if (!reason.success) return say(session, [text(t('revokeNeedsReason', language))]);
    return say(
      session,
      [text(t('revokeStarted', language, { certId: revocation.certId }))],
      [{ type: 'revoke-certificate', waId: session.waId, certId: revocation.certId, reason: reason.data, language }],
    );
  }

  switch (input.kind) {
    case 'command':
      return command(session, input.command, language, env);
    case 'stale':
      if (meansTheSameAnywhere(input.action)) return act(session, input.action, language, env);
      return render(session, env, [t('staleMenu', language)]);
    case 'bad-number':
      return say(session, [
        text(t('noSuchOption', language, { number: input.number, count: session.menu.options.length })),
      ]);
    case 'option':
      return act(session, input.action, language, env);
    case 'text':
      return typed(session, input.text, language, env);
  }
}

/**
 * A registered officer's Approve / Reject (tapped on a notice or typed), or the reason they type after tapping
 * Reject. Undefined when the message is none of these, or the sender is not a registered officer.
 */
function officerAction(session: Session, input: Input, env: Env): Turn | undefined {
  const language: Language = session.language ?? 'en';
  const { step } = session;
  if (step.name === 'officer-reason' && (input.kind === 'text' || input.kind === 'command')) {
    const { applicationId } = step;
    const back: Session = { ...session, step: { name: 'menu', page: 0 }, menu: { token: env.token, options: [] } };
    if (input.kind === 'command') {
      if (input.command !== 'cancel' && input.command !== 'back') return undefined;
      return say(back, [text(t('decisionCancelled', language, { applicationId }))]);
    }
    const reason = DecisionReasonSchema.safeParse(input.text);
    if (!reason.success) return say(session, [text(t('decisionNeedsReason', language, { applicationId }))]);
    return decided(back, { decision: 'rejected', applicationId, reason: reason.data });
  }
  const { officer, officerQueue, openedApplication } = env.context;
  const { content } = env.inbound;
  if (officer && officerQueue && content.type === 'text' && isWorklistCommand(content.text))
    return say(session, [worklistReply(officerQueue, officer, env.catalog, language)]);
  const opened = content.type === 'choice' ? openedFromWorklist(content.id) : undefined;
  if (officer && opened) {
    const service = openedApplication && findService(env.catalog, openedApplication.serviceId);
    if (!openedApplication || !service)
      return say(session, [text(t('decisionNotWaiting', language, { applicationId: opened }))]);
    const due = new Date(openedApplication.dueAt);
    return say(session, [approvalRequest(service, openedApplication, due, openedApplication.escalated, language)]);
  }
  const command = officer ? officerDecisionOf(env.inbound) : undefined;
  if (!command) return undefined;
  const { applicationId } = command;
  if (command.decision === 'approved') return decided(session, { ...command, reason: '' });
  if (!command.reason) {
    // A tap on Reject (or "reject <id>" alone): ask for the reason, with no menu open to catch a typed number.
    const asking: Session = {
      ...session,
      step: { name: 'officer-reason', applicationId },
      menu: { token: env.token, options: [] },
    };
    return say(asking, [text(t('decisionAskReason', language, { applicationId }))]);
  }
  const reason = DecisionReasonSchema.safeParse(command.reason);
  if (!reason.success) return say(session, [text(t('decisionNeedsReason', language, { applicationId }))]);
  return decided(session, { ...command, reason: reason.data });
}

function decided(session: Session, command: DecisionCommand): Turn {
  const language: Language = session.language ?? 'en';
  const { applicationId, decision, reason } = command;
  return say(
    session,
    [text(t('decisionStarted', language, { applicationId }))],
    [
      {
        type: 'decide-application',
        waId: session.waId,
        applicationId,
        decision,
        ...(reason ? { reason } : {}),
        language,
      },
    ],
  );
}

function say(session: Session, replies: Reply[], effects: Effect[] = []): Turn {
  return { session, replies, effects };
}

/** Moves to a step and shows it; the options shown become the menu that typed numbers and taps are read against. */
function show(session: Session, step: SessionStep, screen: Screen, env: Env, effects: Effect[] = []): Turn {
  return {
    session: { ...session, step, menu: { token: env.token, options: screen.options } },
    replies: screen.replies,
    effects,
  };
}

/** Text replies first, then a screen. */
const withText = (lines: string[], screen: Screen): Screen => ({
  replies: [...lines.map(text), ...screen.replies],
  options: screen.options,
});

function chooseLanguage(session: Session, language: Language, env: Env): Turn {
  const chosen = { ...session, language };
  if (!chosen.consentedAt) return show(chosen, { name: 'consent' }, consentScreen(language, env.token), env);
  if (session.step.name === 'new' || session.step.name === 'choose-language') return home(chosen, env);
  return render(chosen, env);
}

/** The main menu (or whatever must come before it: the language, the consent). */
function home(session: Session, env: Env, before: string[] = []): Turn {
  if (!session.language)
    return show(session, { name: 'choose-language' }, withText(before, languageScreen(env.token)), env);
  if (!session.consentedAt)
    return show(session, { name: 'consent' }, withText(before, consentScreen(session.language, env.token)), env);
  return show(
    session,
    { name: 'menu', page: 0 },
    withText(before, departmentsScreen(env.catalog, session.language, 0, env.token)),
    env,
  );
}

/** Shows the current step again (after a tap on an old menu, or in a new language). */
function render(session: Session, env: Env, before: string[] = []): Turn {
  const language = session.language ?? 'en';
  const { step } = session;
  const service = 'serviceId' in step ? findService(env.catalog, step.serviceId) : undefined;
  switch (step.name) {
    case 'menu':
      return show(session, step, withText(before, departmentsScreen(env.catalog, language, step.page, env.token)), env);
    case 'services':
      return show(
        session,
        step,
        withText(before, servicesScreen(env.catalog, language, step.departmentId, step.page, env.token)),
        env,
      );
    case 'search': {
      const results = searchServices(env.catalog, step.query);
      if (results.length > 0)
        return show(session, step, withText(before, searchScreen(results, language, step.query, env.token)), env);
      break;
    }
    case 'form':
      if (service)
        return show(session, step, fieldScreen(service, step.fieldIndex, step.page, language, env.token, before), env);
      break;
    case 'confirm':
      if (service) return show(session, step, summaryScreen(service, step.values, language, env.token, before), env);
      break;
    case 'edit':
      if (service)
        return show(session, step, withText(before, editScreen(service, step.values, language, env.token)), env);
      break;
    case 'identity-aadhaar':
      return show(
        session,
        step,
        withText([...before, t('identityNeeded', language)], { replies: [], options: [] }),
        env,
      );
    case 'identity-otp':
      return show(
        session,
        step,
        withText([...before, t('otpSent', language, { aadhaar: maskedAadhaar(step.last4) })], {
          replies: [],
          options: [],
        }),
        env,
      );
  }
  return home(session, env, before);
}

function command(session: Session, which: Command, language: Language, env: Env): Turn {
  const { step } = session;
  switch (which) {
    case 'greet':
    case 'start':
    case 'stop':
      return home(session, env);
    case 'help':
      return say(session, [text(t('help', language))]);
    case 'language':
      return show(session, step, languageScreen(env.token), env);
    case 'status':
      return status(session, env);
    case 'cancel':
      if (FORM_STEPS.has(step.name))
        return show(
          session,
          { name: 'menu', page: 0 },
          { replies: [text(t('cancelled', language))], options: [] },
          env,
        );
      return home(session, env);
    case 'back':
      return back(session, env);
  }
}

function back(session: Session, env: Env): Turn {
  const language = session.language ?? 'en';
  const { step } = session;
  if (step.name === 'form' || step.name === 'confirm' || step.name === 'edit') {
    const service = findService(env.catalog, step.serviceId);
    if (!service) return home(session, env);
    if (step.name === 'edit' || (step.name === 'form' && step.editing))
      return toSummary(session, service, step.values, env);
    const index = step.name === 'confirm' ? service.fields.length - 1 : step.fieldIndex - 1;
    if (index < 0) {
      // Back to the page of the service list the service was chosen from.
      const onPage = pageIndexOf(servicesOf(env.catalog, service.department), service);
      return show(
        session,
        { name: 'services', departmentId: service.department, page: onPage },
        servicesScreen(env.catalog, language, service.department, onPage, env.token),
        env,
      );
    }
    return askField(session, service, index, step.values, false, env);
  }
  return home(session, env);
}

function act(session: Session, action: string, language: Language, env: Env): Turn {
  const { step } = session;
  if (action.startsWith('consent:')) return home(session, env);
  if (action.startsWith('dept:')) {
    const departmentId = action.slice(5);
    if (!env.catalog.departments.some((d) => d.id === departmentId))
      return home(session, env, [t('notUnderstood', language)]);
    return show(
      session,
      { name: 'services', departmentId, page: 0 },
      servicesScreen(env.catalog, language, departmentId, 0, env.token),
      env,
    );
  }
  if (action.startsWith('svc:')) {
    const service = findService(env.catalog, action.slice(4));
    if (!service) return home(session, env, [t('notUnderstood', language)]);
    const intro = t('formIntro', language, { service: service.name[language], count: service.fields.length });
    return askField(session, service, 0, {}, false, env, [intro]);
  }
  if (action === 'more') {
    if (step.name === 'menu') return render({ ...session, step: { ...step, page: step.page + 1 } }, env);
    if (step.name === 'services') return render({ ...session, step: { ...step, page: step.page + 1 } }, env);
    if (step.name === 'form') return render({ ...session, step: { ...step, page: step.page + 1 } }, env);
  }
  if (action.startsWith('opt:') && step.name === 'form') {
    const service = findService(env.catalog, step.serviceId);
    if (service) return answer(session, step, service, action.slice(4), env);
  }
  if (step.name === 'confirm') {
    const service = findService(env.catalog, step.serviceId);
    if (service && action === 'confirm') return confirm(session, service, step.values, env);
    if (service && action === 'edit')
      return show(
        session,
        { name: 'edit', serviceId: service.id, values: step.values },
        editScreen(service, step.values, language, env.token),
        env,
      );
  }
  if (action === 'cancel') return command(session, 'cancel', language, env);
  if (action.startsWith('field:') && step.name === 'edit') {
    const service = findService(env.catalog, step.serviceId);
    const index = service?.fields.findIndex((f) => f.id === action.slice(6)) ?? -1;
    if (service && index >= 0) return askField(session, service, index, step.values, true, env);
  }
  return render(session, env, [t('notUnderstood', language)]);
}

function typed(session: Session, typedText: string, language: Language, env: Env): Turn {
  const { step } = session;
  if (step.name === 'form') {
    const service = findService(env.catalog, step.serviceId);
    if (service) return answer(session, step, service, typedText, env);
  }
  if (step.name === 'identity-aadhaar') return identityAadhaar(session, step.purpose, typedText, env);
  if (step.name === 'identity-otp') return identityOtp(session, step, typedText, env);
  if (step.name === 'confirm' || step.name === 'edit') return render(session, env, [t('notUnderstood', language)]);
  const department = env.catalog.departments.find((d) =>
    [d.name.en, d.name.te, d.id].some((name) => normalizeText(name) === normalizeText(typedText)),
  );
  if (department) return act(session, `dept:${department.id}`, language, env);
  const results = searchServices(env.catalog, typedText);
  if (results.length === 0)
    return say(session, [text(t('searchNothing', language, { query: typedText.trim().slice(0, 60) }))]);
  const query = typedText.trim().slice(0, 100);
  return show(session, { name: 'search', query }, searchScreen(results, language, query, env.token), env);
}

function findService(catalog: Catalog, serviceId: string): Service | undefined {
  return catalog.services.find((s) => s.id === serviceId);
}

function askField(
  session: Session,
  service: Service,
  fieldIndex: number,
  values: Record<string, string>,
  editing: boolean,
  env: Env,
  before: string[] = [],
): Turn {
  const language = session.language ?? 'en';
  return show(
    session,
    { name: 'form', serviceId: service.id, fieldIndex, values, page: 0, editing },
    fieldScreen(service, fieldIndex, 0, language, env.token, before),
    env,
  );
}

function answer(
  session: Session,
  step: Extract<SessionStep, { name: 'form' }>,
  service: Service,
  raw: string,
  env: Env,
): Turn {
  const language = session.language ?? 'en';
  const field = service.fields[step.fieldIndex];
  if (!field) return home(session, env);
  const result = validateField(field, raw, env.now, language);
  if (!result.ok) {
    const problem = t(result.error, language, result.values);
    return show(session, step, fieldScreen(service, step.fieldIndex, step.page, language, env.token, [problem]), env);
  }
  const values = { ...step.values, [field.id]: result.value };
  if (result.aadhaar) {
    // The full number goes no further than this line: the session and the application keep a keyed hash and the last four.
    const { hash, last4 } = protectAadhaar(result.aadhaar, env.context.settings.aadhaarHashKey);
    values[field.id] = maskedAadhaar(last4);
    values[`${field.id}:hash`] = hash;
  }
  const next = step.fieldIndex + 1;
  if (!step.editing && next < service.fields.length) return askField(session, service, next, values, false, env);
  return toSummary(session, service, values, env);
}

function toSummary(session: Session, service: Service, values: Record<string, string>, env: Env): Turn {
  return show(
    session,
    { name: 'confirm', serviceId: service.id, values },
    summaryScreen(service, values, session.language ?? 'en', env.token),
    env,
  );
}

function confirm(session: Session, service: Service, values: Record<string, string>, env: Env): Turn {
  if (identityCurrent(session, env.now, env.context.settings))
    return submit(session, service, values, session.identity.aadhaarHash!, env);
  return startIdentity(session, { name: 'submit', serviceId: service.id, values }, env);
}

function startIdentity(session: Session, purpose: IdentityPurpose, env: Env): Turn {
  const language = session.language ?? 'en';
  if (identityLocked(session, env.now)) return locked(session, env);
  return show(
    session,
    { name: 'identity-aadhaar', purpose },
    { replies: [text(t('identityNeeded', language))], options: [] },
    env,
  );
}

function locked(session: Session, env: Env): Turn {
  const language = session.language ?? 'en';
  const until = istTime(session.identity.lockedUntil ?? env.now.toISOString());
  return show(
    session,
    { name: 'menu', page: 0 },
    { replies: [text(t('otpLocked', language, { until }))], options: [] },
    env,
  );
}

function identityAadhaar(session: Session, purpose: IdentityPurpose, typedText: string, env: Env): Turn {
  const language = session.language ?? 'en';
  if (identityLocked(session, env.now)) return locked(session, env);
  const aadhaar = parseAadhaar(typedText);
  if (!aadhaar) return say(session, [text(`${t('invalidAadhaar', language)}`)]);
  const request = env.context.otpRequest;
  if (!request?.ok) return say(session, [text(t('identityUnavailable', language))]);
  const { hash, last4 } = protectAadhaar(aadhaar, env.context.settings.aadhaarHashKey);
  return show(
    session,
    { name: 'identity-otp', purpose, txnId: request.txnId, aadhaarHash: hash, last4 },
    { replies: [text(t('otpSent', language, { aadhaar: maskedAadhaar(last4) }))], options: [] },
    env,
  );
}

function identityOtp(
  session: Session,
  step: Extract<SessionStep, { name: 'identity-otp' }>,
  typedText: string,
  env: Env,
): Turn {
  const language = session.language ?? 'en';
  const { settings } = env.context;
  if (identityLocked(session, env.now)) return locked(session, env);
  if (!typedOtp(typedText)) return say(session, [text(t('otpInvalidFormat', language))]);
  const check = env.context.otpCheck;
  if (!check?.ok) return say(session, [text(t('identityUnavailable', language))]);
  if (!check.valid) {
    const failedAttempts = session.identity.failedAttempts + 1;
    if (failedAttempts >= settings.wrongOtpLimit) {
      const lockedUntil = new Date(env.now.getTime() + settings.lockMinutes * 60_000).toISOString();
      return locked({ ...session, identity: { ...session.identity, failedAttempts: 0, lockedUntil } }, env);
    }
    return say({ ...session, identity: { ...session.identity, failedAttempts } }, [
      text(t('otpWrong', language, { left: settings.wrongOtpLimit - failedAttempts })),
    ]);
  }
  const verified: Session = {
    ...session,
    identity: {
      verifiedAt: env.now.toISOString(),
      aadhaarHash: step.aadhaarHash,
      last4: step.last4,
      ...(check.uidToken ? { uidToken: check.uidToken } : {}),
      failedAttempts: 0,
    },
  };
  const thanks = t('identityVerified', language);
  if (step.purpose.name === 'status') return statusReply(verified, env, [thanks]);
  const service = findService(env.catalog, step.purpose.serviceId);
  if (!service) return home(verified, env, [thanks]);
  return submit(verified, service, step.purpose.values, step.aadhaarHash, env, [thanks]);
}

function submit(
  session: Session,
  service: Service,
  values: Record<string, string>,
  citizenHash: string,
  env: Env,
  before: string[] = [],
): Turn {
  const language = session.language ?? 'en';
  const applicationId = applicationIdFor(env.inbound.messageId);
  const application: ApplicationDraft = {
    applicationId,
    serviceId: service.id,
    serviceKind: service.kind,
    waId: session.waId,
    language,
    values,
    submittedAt: '',
    slaDays: service.slaDays,
    citizenHash,
    ...(session.identity.uidToken ? { citizenToken: session.identity.uidToken } : {}),
    startsWorkflow: service.kind === 'certificate',
  };
  const authority = service.authority[language];
  const next = !application.startsWorkflow
    ? t('nextReceived', language, { authority })
    : [
        ...(service.fee > 0 ? [t('nextFee', language, { fee: service.fee })] : []),
        service.officerApproval ? t('nextOfficer', language, { authority }) : t('nextInstant', language),
      ].join(' ');
  const done = t('submitted', language, { applicationId, service: service.name[language], sla: service.slaDays, next });
  return show(session, { name: 'menu', page: 0 }, { replies: [...before, done].map(text), options: [] }, env, [
    { type: 'start-application', application },
  ]);
}

function status(session: Session, env: Env): Turn {
  if (identityCurrent(session, env.now, env.context.settings)) return statusReply(session, env);
  if (identityLocked(session, env.now)) return locked(session, env);
  return startIdentity(session, { name: 'status' }, env);
}

function statusReply(session: Session, env: Env, before: string[] = []): Turn {
  const language = session.language ?? 'en';
  const body = statusText(env.context.applications ?? [], session.identity.aadhaarHash, env.catalog, language);
  return show(session, { name: 'menu', page: 0 }, { replies: [...before, body].map(text), options: [] }, env);
}

export { applicationIdFor };
