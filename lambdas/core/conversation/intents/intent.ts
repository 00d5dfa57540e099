import type { Language } from '../../catalog/schema.ts';
import type { CitizenGrievanceAction, GrievanceAction } from '../../grievances/actions.ts';
import type { InboundContent } from '../messages.ts';

/** A photo, document, voice note… the citizen sent, as WhatsApp describes it. */
export type SentMedia = Pick<
  Extract<InboundContent, { type: 'media' }>,
  'mediaType' | 'mediaId' | 'mimeType' | 'filename'
>;

/**
 * What one message means, read once from the session and the message alone (never from what the webhook looks up),
 * so the turn and the look-ups it needs follow one precedence order.
 */
export type Intent =
  | SessionIntent
  | OfficerIntent
  | GrievanceIntent
  | IdentityIntent
  | FormIntent
  | GrievanceFormIntent
  | BusIntent
  | SlotIntent
  | HeldCertificateIntent
  | TicketCancelIntent
  | AlertIntent
  | BillsIntent
  | CitizenIntent;

/** Where the conversation stands decides before what was said: STOP, an idle conversation, no language or consent. */
export type SessionIntent =
  /** The citizen sent STOP: nothing is sent until START. */
  | { kind: 'silent' }
  | { kind: 'resume' }
  | { kind: 'stop' }
  /** A conversation left idle mid-flow starts over. */
  | { kind: 'expired' }
  /** `request`: what the citizen typed or said, kept to be carried out once they have agreed to the notice. */
  | { kind: 'ask-language'; request?: string }
  | { kind: 'ask-consent'; request?: string };

/**
 * A command only a registered officer may give. Whether the sender is one is looked up for the turn; `otherwise` is
 * what the same message means from anyone else.
 */
export type OfficerCommand =
  | {
      kind: 'decision';
      decision: 'approved' | 'rejected';
      applicationId: string;
      /** Empty when none was given: a rejection then asks for one. */
      reason: string;
      otherwise: Intent;
    }
  | { kind: 'worklist'; otherwise: Intent }
  | { kind: 'worklist-open'; applicationId: string; otherwise: Intent }
  | { kind: 'revoke'; certId: string; reason: string; otherwise: Intent }
  /** A tap on a grievance notice's Accept, Ask citizen, Resolve or Transfer. */
  | { kind: 'grievance-action'; action: GrievanceAction; applicationId: string; otherwise: Intent };

/** The reason prompt after a tap on Reject: only an officer is ever shown it, so no look-up is needed. */
type RejectionReply =
  | { kind: 'rejection-reason'; applicationId: string; text: string }
  | { kind: 'rejection-withdrawn'; applicationId: string };

export type OfficerIntent = OfficerCommand | RejectionReply;

/**
 * A grievance's turns that need no officer look-up: the text typed after a tap on Ask citizen, Resolve, Transfer or
 * Reply, and the citizen's taps on Reply, a rating or Reopen. Who may do it is checked where it is carried out.
 */
export type GrievanceIntent =
  | { kind: 'grievance-text'; action: 'ask' | 'resolve' | 'transfer' | 'answer'; applicationId: string; text: string }
  | { kind: 'grievance-text-withdrawn'; applicationId: string }
  /** A photo sent while resolving: kept for the citizen; its caption, when there is one, is the note. */
  | { kind: 'grievance-resolution-photo'; applicationId: string; media: SentMedia; caption?: string }
  | { kind: 'grievance-citizen'; action: CitizenGrievanceAction; applicationId: string }
  /**
   * A bare 1 to 5 typed (Telugu digits too): the rating of the grievance resolved since the citizen last wrote, if
   * there is one (looked up for the turn); otherwise what `otherwise` says.
   */
  | { kind: 'grievance-rating-typed'; rating: number; otherwise: Intent };

export type IdentityIntent =
  /** Typed at the Aadhaar prompt; `aadhaar` is absent when it is no valid Aadhaar number. */
  | { kind: 'aadhaar'; aadhaar?: string }
  /** Typed at the OTP prompt; `otp` is absent when it is no six-digit OTP. */
  | { kind: 'otp'; otp?: string }
  /** Typed at an identity prompt while wrong OTPs keep the check locked. */
  | { kind: 'identity-locked' }
  | { kind: 'status' };

export type FormIntent =
  | { kind: 'service'; serviceId: string }
  /** Typed as the answer to the current question. */
  | { kind: 'answer'; text: string }
  /** An option of a choice question, tapped or typed as its number. */
  | { kind: 'option'; optionId: string }
  /** Media sent during a form: the answer to an attachment question, or else a photo to scan or something unread. */
  | { kind: 'attachment'; media: SentMedia }
  | { kind: 'confirm' }
  | { kind: 'edit' }
  | { kind: 'edit-field'; fieldId: string }
  /** The signed extract offered with a lookup's answer. */
  | { kind: 'extract' }
  /** "Pay" on a bill shown. */
  | { kind: 'pay-bill' }
  | { kind: 'back' }
  | { kind: 'cancel' };

/** What registering a grievance asks besides its questions: the place, photos, and whether it repeats an earlier one. */
export type GrievanceFormIntent =
  /** A grievance's place: a location shared from WhatsApp, or typed. */
  | { kind: 'grievance-place'; location?: { latitude: number; longitude: number }; text?: string }
  /** A photo of the problem, sent at the grievance's photo question. */
  | { kind: 'grievance-photo'; media: SentMedia }
  /** Skip or Done at the grievance's photos. */
  | { kind: 'photos-done' }
  /** The answer to "is this the same grievance?": the earlier one stands, or this one is registered too. */
  | { kind: 'similar-same' }
  | { kind: 'similar-new' };

/** A bus ticket being booked (intents/bus.ts). */
export type BusIntent =
  /** Typed while booking: a place, a date, seat numbers or a passenger. */
  | { kind: 'bus-text'; text: string }
  /** A bus chosen from the services shown. */
  | { kind: 'bus-service'; serviceCode: string }
  /** "Hold and pay" on the booking's review. */
  | { kind: 'bus-hold' };

/** A slot (a darshan time) chosen for places Mitra keeps (intents/slot.ts). */
export type SlotIntent = { kind: 'slot-chosen'; time: string };

/** "Send it again", offered to a citizen who applies for a certificate they already hold. */
export type HeldCertificateIntent = { kind: 'resend-document'; applicationId: string };

/** Cancelling a ticket the citizen bought (intents/ticket-cancel.ts). */
export type TicketCancelIntent =
  /** "cancel <PNR>" typed, or a ticket tapped under "status": what cancelling it refunds, to confirm. */
  | { kind: 'ticket-cancel'; reference: string }
  /** "Cancel ticket" tapped on that quote. */
  | { kind: 'ticket-cancel-confirm'; applicationId: string };

/** The citizen's opt-in alerts (intents/alerts.ts). */
export type AlertIntent =
  /** "alerts": what the citizen follows, to change it. */
  | { kind: 'alerts' }
  | { kind: 'alert-topic'; topic: string }
  | { kind: 'alert-districts' }
  | { kind: 'alert-district'; district: string }
  | { kind: 'alert-consent'; accepted: boolean }
  /** "Stop all alerts": the alerts end, the rest of Mitra goes on. */
  | { kind: 'alert-stop' };

/** The citizen's remembered bills (intents/my-bills.ts). */
export type BillsIntent =
  /** "my bills": the remembered bills with what is due now. */
  | { kind: 'my-bills' }
  /** "Save" on a bill shown: asks the remembering notice. */
  | { kind: 'bills-save' }
  | { kind: 'bills-consent'; accepted: boolean }
  /** A remembered bill tapped: paid at once when unchanged, shown otherwise. */
  | { kind: 'my-bill'; index: number }
  | { kind: 'bills-forget' }
  | { kind: 'bills-forget-one'; index: number }
  /** Reminders before each remembered bill's due date turned on or off. */
  | { kind: 'bills-reminders'; on: boolean };

export type CitizenIntent =
  | { kind: 'greet' }
  | { kind: 'choose-language'; language: Language }
  /** "language": show the language choice again. */
  | { kind: 'language-menu' }
  | { kind: 'consent'; accepted: boolean }
  | { kind: 'department'; departmentId: string }
  | { kind: 'page'; step: 1 | -1 }
  /** Free text outside a form: a department's name, or words to search the services for. */
  | { kind: 'search'; text: string }
  | { kind: 'help' }
  | { kind: 'image'; mediaId: string }
  | { kind: 'unreadable' }
  /** A tap on a row of an earlier menu that only meant something there. */
  | { kind: 'stale' }
  | { kind: 'bad-number'; number: number }
  | { kind: 'not-understood' };

export type IntentOf<K extends Intent['kind']> = Extract<Intent, { kind: K }>;

const OFFICER_COMMANDS: ReadonlySet<Intent['kind']> = new Set([
  'decision',
  'worklist',
  'worklist-open',
  'revoke',
  'grievance-action',
]);

export function isOfficerCommand(intent: Intent): intent is OfficerCommand {
  return OFFICER_COMMANDS.has(intent.kind);
}
