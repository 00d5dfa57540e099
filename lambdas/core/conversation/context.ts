import type { ApplicationState } from '../applications/lifecycle.ts';
import type { RecordCheck } from '../applications/record-check.ts';
import type { BusLookup, BusNeed } from '../bookings/bus.ts';
import type { TicketToCancel } from '../bookings/cancellation.ts';
import type { SlotNeed, SlotOutcome } from '../bookings/slots.ts';
import { latinDigits } from '../forms/digits.ts';
import type { BillOutcome } from '../fulfilment/bills.ts';
import type { StatusLookupOutcome } from '../fulfilment/status-lookup.ts';
import type { Officer } from '../officers.ts';
import type { Understanding } from '../understanding/understand.ts';
import type { Session } from './session.ts';

/** An application waiting for an officer's decision, as the officers' worklist and its notice show it. */
export interface WaitingApplicationSummary {
  applicationId: string;
  serviceId: string;
  submittedAt: string;
  values: Record<string, string>;
  /** Who decides it: the catalog's department id and, when the form named one, district id. */
  department: string;
  district?: string;
  /** When its SLA is (or was) due. */
  dueAt: string;
  escalated: boolean;
  /** What the records said, when they did not confirm it (the officer's notice says it). */
  recordCheck?: RecordCheck;
}

/** An application as "status" shows it. */
export interface ApplicationSummary {
  applicationId: string;
  serviceId: string;
  state: string;
  submittedAt: string;
  slaDays: number;
  /** Keyed hash of the Aadhaar of the citizen who submitted it (verified by OTP). */
  citizenHash?: string;
  /** Its answers (a grievance's place, to tell a repeated grievance). */
  values?: Record<string, string>;
  /** A booking's PNR, once it was sold. */
  pnr?: string;
  /** When a grievance was resolved (its rating is asked from then). */
  resolvedAt?: string;
}

/**
 * Whether the application an officer's decision names still waits for one. When it does not, `decided` says how it
 * ended, only for an officer of its department (and district) and only once it has an outcome.
 */
export type DecisionTarget = { waiting: true } | { waiting: false; decided?: ApplicationState };

/** A document Mitra issued for one application, as sending it again needs it: whose it is and where it is archived. */
export interface HeldDocument {
  applicationId: string;
  serviceId: string;
  waId: string;
  /** Keyed hash of the Aadhaar verified when it was applied for. */
  citizenHash?: string;
  certId: string;
  /** The PDF's key in the certificate archive. */
  archiveKey: string;
  /** Issued and not revoked. */
  valid: boolean;
}

export interface ConversationSettings {
  /** Minutes without a message after which a conversation in progress starts over. */
  inactivityMinutes: number;
  /** Key of the Aadhaar hash (HMAC-SHA256), from configuration. */
  aadhaarHashKey: string;
  /** An OTP check counts this many days for seeing applications and submitting. */
  identityValidDays: number;
  wrongOtpLimit: number;
  lockMinutes: number;
}

export const DEFAULT_SETTINGS: ConversationSettings = {
  inactivityMinutes: 30,
  aadhaarHashKey: 'local-aadhaar-hash-key',
  identityValidDays: 30,
  wrongOtpLimit: 3,
  lockMinutes: 30,
};

/**
 * What the webhook looked up for this turn, because `turnNeeds` said the turn would need it. The conversation stays a
 * pure function: every answer from the outside world arrives here, before the turn is decided.
 */
export interface TurnContext {
  settings: ConversationSettings;
  /**
   * What the free text of this message asks for, when an understanding other than the built-in rules read it first
   * (the webhook's language model adapter, checked against the catalog); absent, the rules read it in the turn.
   */
  understood?: Understanding;
  applications?: ApplicationSummary[];
  /** The identity service's answer to sending an OTP for the Aadhaar number typed in this message. */
  otpRequest?: { ok: true; txnId: string } | { ok: false };
  /** The identity service's answer to the OTP typed in this message. */
  otpCheck?: { ok: true; valid: boolean; uidToken?: string } | { ok: false };
  /** The registered officer who sent this message, looked up only for an officer's command. */
  officer?: Officer;
  /** For an officer's "pending": the first applications of their department waiting for a decision, and the count. */
  officerQueue?: { waiting: WaitingApplicationSummary[]; total: number };
  /** For an officer's tap on a worklist row: that application, or null when it no longer waits. */
  openedApplication?: WaitingApplicationSummary | null;
  /** The department register's (or Mitra's own) answer to the status lookup this message confirmed. */
  lookup?: StatusLookupOutcome;
  /** The biller's answer to the bill this message asked to see (or to pay, fetched again). */
  bill?: BillOutcome;
  /** The billers' answers for each remembered bill, in the order of `session.bills.saved`. */
  myBills?: BillOutcome[];
  /** APSRTC's answer to the search, seat map or hold this message asked for. */
  bus?: BusLookup;
  /** Mitra's inventory's answer to the hold of the slot this message chose. */
  slotHold?: SlotOutcome;
  /** For an officer's decision: whether that application still waits for one. */
  decisionTarget?: DecisionTarget;
  /** For "send it again": the document the citizen asked for, or null when there is none. */
  heldDocument?: HeldDocument | null;
  /** For "cancel <PNR>": that ticket of this number's, and what cancelling it now refunds. */
  ticketToCancel?: TicketToCancel;
}

export interface TurnNeeds {
  applications: boolean;
  /** Full Aadhaar only for the identity service's call; never stored. */
  otpRequest?: { aadhaar: string };
  otpCheck?: { txnId: string; otp: string };
  /** The message is an officer's command: look up whether the sender is a registered officer. */
  officer?: true;
  /** An officer's "pending": and, if they are one, their department's worklist. */
  officerQueue?: true;
  /** An officer opened this application from the worklist: read it, if they are one. */
  openApplication?: string;
  /**
   * A status lookup confirmed (or unlocked by the OTP checked in this turn): ask the department's register, or
   * Mitra's own table for a Mitra application number.
   */
  lookup?: { serviceId: string; values: Record<string, string> };
  /** A bill confirmed, or "Pay" tapped on one: fetch it from its biller. */
  bill?: { serviceId: string; values: Record<string, string> };
  /** "My bills": fetch each remembered bill from its biller. */
  myBills?: { serviceId: string; values: Record<string, string> }[];
  /**
   * A bus ticket: search the services of a date, read a bus's seat map, or hold the seats chosen (the idempotency
   * key is the application id of this message).
   */
  bus?: BusNeed;
  /** A slot chosen: hold its places in Mitra's inventory (named after this message's application id). */
  slotHold?: SlotNeed;
  /** An officer's decision names this application: whether it still waits, if they are an officer. */
  decisionOn?: string;
  /** Free text outside a form: a configured language model may read it first (`TurnContext.understood`). */
  understand?: { text: string };
  /** "Send it again" on a certificate the citizen already holds: this application's document. */
  heldDocument?: string;
  /** A ticket to cancel, by its PNR or application number: find it among this number's, with its refund now. */
  ticketToCancel?: string;
}

export function identityLocked(session: Session, now: Date): boolean {
  const until = session.identity.lockedUntil;
  return until !== undefined && Date.parse(until) > now.getTime();
}

export function identityCurrent(session: Session, now: Date, settings: ConversationSettings): boolean {
  const { verifiedAt, aadhaarHash } = session.identity;
  if (!verifiedAt || !aadhaarHash) return false;
  return now.getTime() - Date.parse(verifiedAt) < settings.identityValidDays * 86_400_000;
}

const MID_FLOW = new Set([
  'services',
  'search',
  'form',
  'confirm',
  'edit',
  'identity-aadhaar',
  'identity-otp',
  'officer-reason',
  'bus',
]);

/** A conversation in progress that has been idle too long starts over. */
export function expired(session: Session, now: Date, settings: ConversationSettings): boolean {
  if (!session.lastActiveAt || !MID_FLOW.has(session.step.name)) return false;
  return now.getTime() - Date.parse(session.lastActiveAt) > settings.inactivityMinutes * 60_000;
}

/** The exact text of a typed OTP, or undefined. */
export function typedOtp(text: string): string | undefined {
  const digits = latinDigits(text).replace(/\s/g, '');
  return /^\d{6}$/.test(digits) ? digits : undefined;
}
