import { ticketReferenceOf } from '../../bookings/cancellation.ts';
import type { Language } from '../../catalog/schema.ts';
import { parseAadhaar, withoutAadhaar } from '../../forms/aadhaar.ts';
import { typedNumber } from '../../forms/digits.ts';
import { grievanceButtonOf, ratingOf } from '../../grievances/actions.ts';
import { meansTheSameAnywhere, parseRowId } from '../actions.ts';
import { type Command, commandOf, normalizeText } from '../commands.ts';
import { type ConversationSettings, expired, identityLocked, typedOtp } from '../context.ts';
import type { InboundMessage } from '../messages.ts';
import { isWorklistCommand, officerDecisionOf, openedFromWorklist, parseRevokeCommand } from '../officer-commands.ts';
import { FORM_STEPS, MAX_FIRST_REQUEST, type Session } from '../session.ts';
import type { Intent, OfficerCommand, SentMedia } from './intent.ts';

/** What classifying needs besides the session and the message: nothing the webhook has to look up. */
export interface Moment {
  now: Date;
  settings: ConversationSettings;
}

/** The message as the current menu reads it, before its meaning in the current step. */
type Input =
  | { kind: 'command'; command: Command }
  /** An option of the current menu, tapped or typed as its number. */
  | { kind: 'option'; action: string }
  /** A tap on a row or button of an earlier menu. */
  | { kind: 'stale'; action: string }
  | { kind: 'bad-number'; number: number }
  | { kind: 'text'; text: string }
  | { kind: 'media'; media: SentMedia }
  | { kind: 'location'; latitude: number; longitude: number }
  | { kind: 'unreadable' };

const PAGED_STEPS = new Set(['menu', 'services', 'form', 'alert-districts']);
const LANGUAGE_WORDS: Record<string, Language> = { english: 'en', ఇంగ్లీష్: 'en', telugu: 'te', తెలుగు: 'te' };

/**
 * The one meaning of a message, in the order that decides: STOP and START, an officer's command (whatever the
 * officer's own conversation is doing), an idle conversation, the language and consent, then what was said in the
 * current step.
 */
export function classify(session: Session, inbound: InboundMessage, moment: Moment): Intent {
  const input = readInput(session, inbound);
  if (session.stopped) return isCommand(input, 'start') ? { kind: 'resume' } : { kind: 'silent' };
  if (isCommand(input, 'stop')) return { kind: 'stop' };
  const idle = expired(session, moment.now, moment.settings);
  const { step } = session;
  // A reason prompt left idle has lapsed; a fresh one takes whatever the officer types next.
  if (step.name === 'officer-reason' && !idle) {
    if (input.kind === 'command' && (input.command === 'cancel' || input.command === 'back'))
      return { kind: 'rejection-withdrawn', applicationId: step.applicationId };
    if (inbound.content.type === 'text' && input.kind !== 'command')
      return { kind: 'rejection-reason', applicationId: step.applicationId, text: inbound.content.text };
  }
  if (step.name === 'grievance-text' && !idle) {
    if (input.kind === 'command' && (input.command === 'cancel' || input.command === 'back'))
      return { kind: 'grievance-text-withdrawn', applicationId: step.applicationId };
    if (inbound.content.type === 'text' && input.kind !== 'command')
      return {
        kind: 'grievance-text',
        action: step.action,
        applicationId: step.applicationId,
        text: inbound.content.text,
      };
    if (step.action === 'resolve' && input.kind === 'media' && input.media.mediaType === 'image') {
      const caption = inbound.content.type === 'media' ? inbound.content.caption : undefined;
      return {
        kind: 'grievance-resolution-photo',
        applicationId: step.applicationId,
        media: input.media,
        ...(caption ? { caption } : {}),
      };
    }
  }
  const tap = inbound.content.type === 'choice' ? grievanceButtonOf(inbound.content.id) : undefined;
  if (tap?.by === 'citizen' && session.consentedAt)
    return { kind: 'grievance-citizen', action: tap.action, applicationId: tap.applicationId };
  const otherwise = idle ? ({ kind: 'expired' } as const) : ordinaryIntent(session, input, moment.now);
  if (tap?.by === 'officer')
    return { kind: 'grievance-action', action: tap.action, applicationId: tap.applicationId, otherwise };
  // A bare 1 to 5 from a citizen who has filed a grievance may rate one resolved since they last wrote; whether one
  // waits is looked up.
  const rating =
    inbound.content.type === 'text' && session.grievanceFiledAt && !idle && !FORM_STEPS.has(step.name)
      ? ratingOf(inbound.content.text)
      : undefined;
  if (rating) return { kind: 'grievance-rating-typed', rating, otherwise };
  return officerCommand(inbound, otherwise) ?? otherwise;
}

/** The officer's command this message would be, if its sender is a registered officer. */
function officerCommand(inbound: InboundMessage, otherwise: Intent): OfficerCommand | undefined {
  const { content } = inbound;
  const decision = officerDecisionOf(inbound);
  if (decision) return { kind: 'decision', ...decision, otherwise };
  if (content.type === 'choice') {
    const opened = openedFromWorklist(content.id);
    return opened ? { kind: 'worklist-open', applicationId: opened, otherwise } : undefined;
  }
  if (content.type !== 'text') return undefined;
  if (isWorklistCommand(content.text)) return { kind: 'worklist', otherwise };
  const revocation = parseRevokeCommand(content.text);
  return revocation ? { kind: 'revoke', ...revocation, otherwise } : undefined;
}

function ordinaryIntent(session: Session, input: Input, now: Date): Intent {
  const action = input.kind === 'option' || input.kind === 'stale' ? input.action : undefined;
  if (action?.startsWith('lang:')) return { kind: 'choose-language', language: action === 'lang:te' ? 'te' : 'en' };
  if (!session.language) {
    const request = firstRequest(input);
    return request ? { kind: 'ask-language', request } : { kind: 'ask-language' };
  }
  if (!session.consentedAt) {
    if (action === 'consent:yes' || action === 'consent:no')
      return { kind: 'consent', accepted: action === 'consent:yes' };
    const request = firstRequest(input);
    return request ? { kind: 'ask-consent', request } : { kind: 'ask-consent' };
  }
  switch (input.kind) {
    // A photo is personal data too: it is only looked at after consent. At a question, what was sent is an answer
    // (the form knows whether the question takes a photo or a PDF); anywhere else a photo is a QR code to check.
    case 'media':
      if (session.step.name === 'form') return { kind: 'attachment', media: input.media };
      if (session.step.name === 'grievance-photos') return { kind: 'grievance-photo', media: input.media };
      return input.media.mediaType === 'image'
        ? { kind: 'image', mediaId: input.media.mediaId }
        : { kind: 'unreadable' };
    // A shared location answers a grievance's place; anywhere else it is not read.
    case 'location':
      if (session.step.name !== 'grievance-place') return { kind: 'unreadable' };
      return { kind: 'grievance-place', location: { latitude: input.latitude, longitude: input.longitude } };
    case 'unreadable':
      return { kind: 'unreadable' };
    case 'command':
      return commandIntent(input.command);
    case 'stale':
      return meansTheSameAnywhere(input.action) ? actionIntent(session, input.action) : { kind: 'stale' };
    case 'bad-number':
      return { kind: 'bad-number', number: input.number };
    case 'option':
      return actionIntent(session, input.action);
    case 'text':
      return textIntent(session, input.text, now);
  }
}

/**
 * Words typed before the language and consent, kept (at most MAX_FIRST_REQUEST characters) as a possible request;
 * an Aadhaar number in them is never kept, even for those two taps.
 */
function firstRequest(input: Input): string | undefined {
  if (input.kind !== 'text') return undefined;
  const request = withoutAadhaar(input.text).replace(/\s+/g, ' ').trim().slice(0, MAX_FIRST_REQUEST);
  return request.length > 0 ? request : undefined;
}

function commandIntent(command: Command): Intent {
  switch (command) {
    case 'greet':
    case 'start':
    case 'stop':
      return { kind: 'greet' };
    case 'help':
      return { kind: 'help' };
    case 'language':
      return { kind: 'language-menu' };
    case 'status':
      return { kind: 'status' };
    case 'back':
      return { kind: 'back' };
    case 'cancel':
      return { kind: 'cancel' };
    case 'alerts':
      return { kind: 'alerts' };
    case 'bills':
      return { kind: 'my-bills' };
  }
}

/** What a row of a menu means in the current step (see actions.ts for the actions). */
function actionIntent(session: Session, action: string): Intent {
  const { step } = session;
  const [verb = '', ...rest] = action.split(':');
  const argument = rest.join(':');
  if (verb === 'consent') return { kind: 'greet' };
  if (verb === 'dept') return { kind: 'department', departmentId: argument };
  if (verb === 'svc') return { kind: 'service', serviceId: argument };
  if (action === 'more' && PAGED_STEPS.has(step.name)) return { kind: 'page', step: 1 };
  if (action === 'previous' && PAGED_STEPS.has(step.name)) return { kind: 'page', step: -1 };
  if (verb === 'opt' && step.name === 'form') return { kind: 'option', optionId: argument };
  if (action === 'confirm' && step.name === 'confirm') return { kind: 'confirm' };
  if (action === 'edit' && step.name === 'confirm') return { kind: 'edit' };
  if (action === 'cancel') return { kind: 'cancel' };
  if (verb === 'field' && step.name === 'edit') return { kind: 'edit-field', fieldId: argument };
  if (action === 'extract' && step.name === 'lookup-answered') return { kind: 'extract' };
  if (action === 'pay' && step.name === 'bill-shown') return { kind: 'pay-bill' };
  if (action === 'photos-done' && step.name === 'grievance-photos') return { kind: 'photos-done' };
  if (action === 'similar-same' && step.name === 'grievance-similar') return { kind: 'similar-same' };
  if (action === 'similar-new' && step.name === 'grievance-similar') return { kind: 'similar-new' };
  if (verb === 'bus' && step.name === 'bus') return { kind: 'bus-service', serviceCode: argument };
  if (action === 'bus-hold' && step.name === 'bus') return { kind: 'bus-hold' };
  if (verb === 'slot' && step.name === 'slot') return { kind: 'slot-chosen', time: argument };
  if (verb === 'alert-topic' && step.name === 'alerts') return { kind: 'alert-topic', topic: argument };
  if (action === 'alert-districts' && step.name === 'alerts') return { kind: 'alert-districts' };
  if (action === 'alert-stop' && step.name === 'alerts') return { kind: 'alert-stop' };
  if (verb === 'alert-district' && step.name === 'alert-districts')
    return { kind: 'alert-district', district: argument };
  if (verb === 'alert-consent' && step.name === 'alert-consent')
    return { kind: 'alert-consent', accepted: argument === 'yes' };
  if (action === 'my-bills') return { kind: 'my-bills' };
  if (action === 'bills-save' && step.name === 'bill-shown') return { kind: 'bills-save' };
  if (verb === 'bills-consent' && step.name === 'bills-consent')
    return { kind: 'bills-consent', accepted: argument === 'yes' };
  if (verb === 'my-bill' && step.name === 'my-bills') return { kind: 'my-bill', index: Number(argument) };
  if (action === 'bills-forget' && step.name === 'my-bills') return { kind: 'bills-forget' };
  if (verb === 'bills-remind' && step.name === 'my-bills') return { kind: 'bills-reminders', on: argument === 'on' };
  if (verb === 'bills-forget' && step.name === 'bills-forget')
    return { kind: 'bills-forget-one', index: Number(argument) };
  if (verb === 'resend') return { kind: 'resend-document', applicationId: argument };
  if (verb === 'tcancel') return { kind: 'ticket-cancel', reference: argument };
  if (verb === 'tcancel-yes' && step.name === 'ticket-cancel' && step.applicationId === argument)
    return { kind: 'ticket-cancel-confirm', applicationId: argument };
  if (action === 'home') return { kind: 'greet' };
  return { kind: 'not-understood' };
}

function textIntent(session: Session, text: string, now: Date): Intent {
  const { step } = session;
  // Outside a form's questions, "cancel <PNR>" asks to cancel that ticket (a form's answer may read like one).
  const ticket = FORM_STEPS.has(step.name) ? undefined : ticketReferenceOf(text);
  if (ticket) return { kind: 'ticket-cancel', reference: ticket };
  switch (step.name) {
    case 'form':
      return { kind: 'answer', text };
    case 'grievance-place':
      return { kind: 'grievance-place', text };
    case 'identity-aadhaar': {
      if (identityLocked(session, now)) return { kind: 'identity-locked' };
      const aadhaar = parseAadhaar(text);
      return aadhaar ? { kind: 'aadhaar', aadhaar } : { kind: 'aadhaar' };
    }
    case 'identity-otp': {
      if (identityLocked(session, now)) return { kind: 'identity-locked' };
      const otp = typedOtp(text);
      return otp ? { kind: 'otp', otp } : { kind: 'otp' };
    }
    case 'confirm':
    case 'edit':
    case 'grievance-photos':
    case 'grievance-similar':
      return { kind: 'not-understood' };
    case 'bus':
      return { kind: 'bus-text', text };
    default:
      return { kind: 'search', text };
  }
}

function readInput(session: Session, inbound: InboundMessage): Input {
  const { content } = inbound;
  if (content.type === 'choice') {
    const { action, token } = parseRowId(content.id);
    const current = token === session.menu.token && session.menu.options.includes(action);
    return current ? { kind: 'option', action } : { kind: 'stale', action };
  }
  if (content.type === 'media') {
    const { mediaType, mediaId, mimeType, filename } = content;
    return {
      kind: 'media',
      media: { mediaType, mediaId, ...(mimeType ? { mimeType } : {}), ...(filename ? { filename } : {}) },
    };
  }
  if (content.type === 'location')
    return { kind: 'location', latitude: content.latitude, longitude: content.longitude };
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

const isCommand = (input: Input, command: Command) => input.kind === 'command' && input.command === command;
