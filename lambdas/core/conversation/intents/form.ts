import type { Service } from '../../catalog/schema.ts';
import { maskedAadhaar, protectAadhaar } from '../../forms/aadhaar.ts';
import { attachmentKindKey } from '../../forms/attachment-values.ts';
import { periodProblem } from '../../forms/search-period.ts';
import { validateAttachment, validateField } from '../../forms/validators.ts';
import { isBilled } from '../../fulfilment/bills.ts';
import { nextSteps } from '../../fulfilment/next-steps.ts';
import { workflowOf } from '../../fulfilment/registry.ts';
import { lookupNeedsIdentity } from '../../fulfilment/status-lookup.ts';
import { placeGiven, withoutPlace } from '../../grievances/place.ts';
import { similarApplication } from '../../grievances/similar.ts';
import { type StringId, t } from '../../i18n/strings.ts';
import { mediaKey } from '../../media-keys.ts';
import { extractFields } from '../../understanding/extract-fields.ts';

import { identityCurrent, identityLocked } from '../context.ts';
import { placeScreen, similarScreen } from '../grievance-screens.ts';
import { pageIndexOf } from '../paging.ts';
import { editScreen, fieldScreen, servicesOf, servicesScreen, summaryScreen } from '../screens.ts';
import { FORM_STEPS, type SentOtp, type Session, type SessionStep } from '../session.ts';
import { answerBill, payBill } from './bill.ts';
import { BUS_SERVICE, booksBus, busStageBefore, startBus } from './bus.ts';
import { citizenTurns } from './citizen.ts';
import { otpAfterAnswer, otpOf, usableOtp } from './form-otp.ts';
import { heldCertificate, offerHeldCertificate } from './held-certificate.ts';
import { askIdentity, lockedOut } from './identity-prompt.ts';
import type { FormIntent } from './intent.ts';
import { answerLookup, requestExtract } from './lookup.ts';
import { home, render } from './navigation.ts';
import { chooseSlot, sellsSlots } from './slot.ts';
import {
  draftApplication,
  findService,
  type IntentHandlers,
  languageOf,
  show,
  type Turn,
  type TurnEnv,
  textScreen,
} from './turn.ts';

type FormStep = Extract<SessionStep, { name: 'form' }>;

/** A service's questions, one at a time, its summary, and the application it becomes. */
export const formTurns: IntentHandlers<FormIntent['kind']> = {
  service(session, { serviceId }, env) {
    const language = languageOf(session);
    const service = findService(env.catalog, serviceId);
    if (!service) return home(session, env, [t('notUnderstood', language)]);
    // Chosen from the services offered for a message: the answers that message states are filled in already.
    const { step } = session;
    if (booksBus(service)) return startBus(session, env);
    const values = step.name === 'search' ? extractFields(service, step.query, env.now, language) : {};
    return startForm(session, service, env, { values });
  },
  answer(session, { text }, env) {
    const { step } = session;
    const service = step.name === 'form' ? findService(env.catalog, step.serviceId) : undefined;
    if (step.name !== 'form' || !service) return home(session, env);
    return answer(session, step, service, text, env);
  },
  option(session, { optionId }, env) {
    const { step } = session;
    const service = step.name === 'form' ? findService(env.catalog, step.serviceId) : undefined;
    if (step.name !== 'form' || !service) return render(session, env, [t('notUnderstood', languageOf(session))]);
    return answer(session, step, service, optionId, env);
  },
  attachment(session, intent, env) {
    const { step } = session;
    const service = step.name === 'form' ? findService(env.catalog, step.serviceId) : undefined;
    if (step.name !== 'form' || !service) return home(session, env);
    const field = service.fields[step.fieldIndex];
    // Not a question that takes one: a photo is still a QR code to check, anything else is not read.
    if (field?.type !== 'attachment') {
      const { mediaType, mediaId } = intent.media;
      if (mediaType === 'image') return citizenTurns.image(session, { kind: 'image', mediaId }, env);
      return citizenTurns.unreadable(session, { kind: 'unreadable' }, env);
    }
    const key = mediaKey(
      { waId: env.inbound.waId, mediaId: intent.media.mediaId },
      env.context.settings.aadhaarHashKey,
    );
    const result = validateAttachment(field, { ...intent.media, key });
    if (!result.ok) return askAgain(session, step, service, result.error, env);
    return advance(
      session,
      step,
      service,
      { ...step.values, [field.id]: result.value, [attachmentKindKey(field.id)]: result.kind },
      env,
    );
  },
  confirm(session, _intent, env) {
    const { step } = session;
    const service = step.name === 'confirm' ? findService(env.catalog, step.serviceId) : undefined;
    if (step.name !== 'confirm' || !service) return render(session, env, [t('notUnderstood', languageOf(session))]);
    // The same citizen's grievance of this category and place in the last 24 hours: asked whether this is the same.
    const earlier =
      service.kind === 'grievance'
        ? similarApplication(env.context.applications ?? [], service.id, step.values, env.now)
        : undefined;
    if (earlier)
      return show(
        session,
        { name: 'grievance-similar', serviceId: service.id, values: step.values, applicationId: earlier.applicationId },
        similarScreen(service, earlier, languageOf(session), env.token),
        env,
      );
    return confirmForm(session, service, step.values, env, usableOtp(step, env.now));
  },
  edit(session, _intent, env) {
    const { step } = session;
    const service = step.name === 'confirm' ? findService(env.catalog, step.serviceId) : undefined;
    if (step.name !== 'confirm' || !service) return render(session, env, [t('notUnderstood', languageOf(session))]);
    return show(
      session,
      { name: 'edit', serviceId: service.id, values: step.values, ...otpOf(step) },
      editScreen(service, step.values, languageOf(session), env.token),
      env,
    );
  },
  'edit-field'(session, { fieldId }, env) {
    const { step } = session;
    const service = step.name === 'edit' ? findService(env.catalog, step.serviceId) : undefined;
    const index = service?.fields.findIndex((f) => f.id === fieldId) ?? -1;
    if (step.name !== 'edit' || !service || index < 0)
      return render(session, env, [t('notUnderstood', languageOf(session))]);
    return askField(session, service, index, step.values, true, env, otpOf(step));
  },
  back(session, _intent, env) {
    const { step } = session;
    const grievance = GRIEVANCE_STEPS.has(step.name) && 'serviceId' in step && findService(env.catalog, step.serviceId);
    if (grievance && 'values' in step) return grievanceBack(session, grievance, step, env);
    if (step.name === 'bus') {
      const bus = findService(env.catalog, BUS_SERVICE);
      return busStageBefore(session, step, env) ?? (bus ? backToServiceList(session, bus, env) : home(session, env));
    }
    if (step.name !== 'form' && step.name !== 'confirm' && step.name !== 'edit') return home(session, env);
    const service = findService(env.catalog, step.serviceId);
    if (!service) return home(session, env);
    if (step.name === 'edit' || (step.name === 'form' && step.editing))
      return toSummary(session, service, step.values, env, otpOf(step).otp);
    const index = step.name === 'confirm' ? service.fields.length - 1 : step.fieldIndex - 1;
    if (index >= 0) return askField(session, service, index, step.values, false, env, otpOf(step));
    return backToServiceList(session, service, env);
  },
  extract(session, _intent, env) {
    const { step } = session;
    const service = step.name === 'lookup-answered' ? findService(env.catalog, step.serviceId) : undefined;
    if (step.name !== 'lookup-answered' || !service) return home(session, env);
    return requestExtract(session, service, step.values, env);
  },
  'pay-bill'(session, _intent, env) {
    return payBill(session, env);
  },
  cancel(session, _intent, env) {
    if (!FORM_STEPS.has(session.step.name)) return home(session, env);
    return show(session, { name: 'menu', page: 0 }, textScreen([t('cancelled', languageOf(session))]), env);
  },
};

/** Back to the page of the service list the service was chosen from. */
function backToServiceList(session: Session, service: Service, env: TurnEnv): Turn {
  const onPage = pageIndexOf(servicesOf(env.catalog, service.department), service);
  return show(
    session,
    { name: 'services', departmentId: service.department, page: onPage },
    servicesScreen(env.catalog, languageOf(session), service.department, onPage, env.token),
    env,
  );
}

const GRIEVANCE_STEPS = new Set(['grievance-place', 'grievance-photos', 'grievance-similar']);

/** Back from a grievance's place (to its last question), photos (to its place) or similar one (to its summary). */
function grievanceBack(
  session: Session,
  service: Service,
  step: { name: string; values: Record<string, string> },
  env: TurnEnv,
) {
  if (step.name === 'grievance-place')
    return askField(session, service, service.fields.length - 1, step.values, false, env);
  if (step.name === 'grievance-photos') return toSummary(session, service, withoutPlace(step.values), env);
  return toSummary(session, service, step.values, env);
}

/** The confirmed answers submitted: a bill fetched, a lookup answered, or the application after the Aadhaar OTP. */
export function confirmForm(
  session: Session,
  service: Service,
  values: Record<string, string>,
  env: TurnEnv,
  otp?: SentOtp,
): Turn {
  // A bill is fetched and shown at once, and paid without an Aadhaar check.
  if (isBilled(service)) return answerBill(session, service, values, env);
  // A lookup is answered at once; only one of a person's own benefits (asked by Aadhaar) waits for their OTP.
  if (workflowOf(service) === undefined && !lookupNeedsIdentity(service))
    return answerLookup(session, service, values, env);
  if (identityCurrent(session, env.now, env.context.settings))
    return submit(session, service, values, session.identity.aadhaarHash!, env);
  if (identityLocked(session, env.now)) return lockedOut(session, env);
  const purpose = { name: 'submit', serviceId: service.id, values } as const;
  // The OTP sent when the form's Aadhaar question was answered (form-otp.ts): the Aadhaar is not asked again.
  if (!otp) return askIdentity(session, purpose, env);
  const { txnId, aadhaarHash, last4 } = otp;
  return show(
    session,
    { name: 'identity-otp', purpose, txnId, aadhaarHash, last4 },
    textScreen([t('otpSent', languageOf(session), { aadhaar: maskedAadhaar(last4) })]),
    env,
  );
}

/**
 * A service's form from its first unanswered question, with the answers already known (read from the citizen's
 * message); with every question answered, its summary to confirm.
 */
export function startForm(
  session: Session,
  service: Service,
  env: TurnEnv,
  { values = {}, before = [] }: { values?: Record<string, string>; before?: string[] } = {},
): Turn {
  const language = languageOf(session);
  // Someone who proved who they are is told at once of the same certificate they already hold, before any question.
  if (identityCurrent(session, env.now, env.context.settings)) {
    const held = heldCertificate(service, env.context.applications, session.identity.aadhaarHash);
    if (held) return offerHeldCertificate(session, service, held, env, before);
  }
  const first = nextOpenField(service, values, 0);
  if (first === undefined) return toSummary(session, service, values, env, undefined, before);
  const count =
    service.fields.length - Object.keys(values).filter((id) => service.fields.some((f) => f.id === id)).length;
  const intro = t('formIntro', language, { service: service.name[language], count });
  return askField(session, service, first, values, false, env, { before: [...before, intro] });
}

/** The first question from `from` on that has no answer yet. */
function nextOpenField(service: Service, values: Record<string, string>, from: number): number | undefined {
  const index = service.fields.findIndex((f, i) => i >= from && values[f.id] === undefined);
  return index < 0 ? undefined : index;
}

function askField(
  session: Session,
  service: Service,
  fieldIndex: number,
  values: Record<string, string>,
  editing: boolean,
  env: TurnEnv,
  { before = [], otp }: { before?: string[]; otp?: SentOtp } = {},
): Turn {
  return show(
    session,
    { name: 'form', serviceId: service.id, fieldIndex, values, page: 0, editing, ...(otp ? { otp } : {}) },
    fieldScreen(service, fieldIndex, 0, languageOf(session), env.token, before),
    env,
  );
}

function answer(session: Session, step: FormStep, service: Service, raw: string, env: TurnEnv): Turn {
  const language = languageOf(session);
  const field = service.fields[step.fieldIndex];
  if (!field) return home(session, env);
  const result = validateField(field, raw, env.now, language);
  if (!result.ok) return askAgain(session, step, service, result.error, env, result.values);
  const values = { ...step.values, [field.id]: result.value };
  // A period of years is checked as a whole as soon as either end is answered.
  const period = periodProblem(values, env.now);
  if (period) {
    const problem = t(period.error, language, period.values);
    return show(session, step, fieldScreen(service, step.fieldIndex, step.page, language, env.token, [problem]), env);
  }
  let { otp } = step;
  if (result.aadhaar) {
    // The full number goes no further than this line: the session and the application keep a keyed hash and the last four.
    const aadhaar = protectAadhaar(result.aadhaar, env.context.settings.aadhaarHashKey);
    values[field.id] = maskedAadhaar(aadhaar.last4);
    values[`${field.id}:hash`] = aadhaar.hash;
    otp = otpAfterAnswer(otp, field.id, aadhaar, env.context.otpRequest, env.now);
  }
  return advance(session, step, service, values, env, otp);
}

/** The same question again, after what was wrong with the answer. */
function askAgain(
  session: Session,
  step: FormStep,
  service: Service,
  error: StringId,
  env: TurnEnv,
  values?: Record<string, string | number>,
): Turn {
  const problem = t(error, languageOf(session), values);
  return show(
    session,
    step,
    fieldScreen(service, step.fieldIndex, step.page, languageOf(session), env.token, [problem]),
    env,
  );
}

/** After a good answer: the next question, or the summary once all are answered (or the one edited is). */
function advance(
  session: Session,
  step: FormStep,
  service: Service,
  values: Record<string, string>,
  env: TurnEnv,
  otp: SentOtp | undefined = step.otp,
): Turn {
  // Questions the citizen's first message already answered are not asked again.
  const next = step.editing ? undefined : nextOpenField(service, values, step.fieldIndex + 1);
  if (next !== undefined) return askField(session, service, next, values, false, env, otp ? { otp } : {});
  return toSummary(session, service, values, env, otp);
}

export function toSummary(
  session: Session,
  service: Service,
  values: Record<string, string>,
  env: TurnEnv,
  otp?: SentOtp,
  before: string[] = [],
): Turn {
  // A grievance's place is asked once its questions are answered (then its photos: intents/grievance-form.ts).
  if (service.kind === 'grievance' && !placeGiven(values))
    return show(
      session,
      { name: 'grievance-place', serviceId: service.id, values },
      placeScreen(languageOf(session), before),
      env,
    );
  return show(
    session,
    { name: 'confirm', serviceId: service.id, values, ...(otp ? { otp } : {}) },
    summaryScreen(service, values, languageOf(session), env.token, before),
    env,
  );
}

/** The application the confirmed answers become, and what the citizen is told happens next. */
export function submit(
  session: Session,
  service: Service,
  values: Record<string, string>,
  citizenHash: string,
  env: TurnEnv,
  before: string[] = [],
): Turn {
  if (workflowOf(service) === undefined) return answerLookup(session, service, values, env, before);
  // One valid certificate of a kind per person: checked again just before submitting, under the verified Aadhaar.
  const held = heldCertificate(service, env.context.applications, citizenHash);
  if (held) return offerHeldCertificate(session, service, held, env, before);
  // Places Mitra keeps are held for a chosen slot before the application starts, under the verified Aadhaar's quota.
  if (sellsSlots(service)) return chooseSlot(session, service, values, citizenHash, env, before);
  const language = languageOf(session);
  const application = draftApplication(session, service, values, citizenHash, env);
  const { applicationId } = application;
  const next = nextSteps(service, values, env.now, language);
  const done = t('submitted', language, { applicationId, service: service.name[language], sla: service.slaDays, next });
  const filed = service.kind === 'grievance' ? { ...session, grievanceFiledAt: env.now.toISOString() } : session;
  return show(filed, { name: 'menu', page: 0 }, textScreen([...before, done]), env, [
    { type: 'start-application', application },
  ]);
}
