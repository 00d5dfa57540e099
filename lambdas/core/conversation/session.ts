import * as z from '../validation.ts';
import { UserKeySchema } from '../whatsapp/user-key.ts';

const Values = z.record(z.string(), z.string());

/** Why the citizen is proving who they are, and what to do once they have. */
const IdentityPurpose = z.discriminatedUnion('name', [
  z.strictObject({ name: z.literal('status') }),
  z.strictObject({ name: z.literal('submit'), serviceId: z.string(), values: Values }),
]);

/**
 * The OTP sent in the turn that answered a form's Aadhaar question (intents/form-otp.ts): its transaction, when it was
 * sent, and what may be kept of the number (a keyed hash and the last four digits). Never the number itself.
 */
const SentOtp = z.strictObject({
  fieldId: z.string(),
  txnId: z.string(),
  sentAt: z.string(),
  aadhaarHash: z.string(),
  last4: z.string().check(z.regex(/^\d{4}$/)),
});

/** A bill remembered under "my bills": its service, the answers it is fetched by, and its number as shown. */
const SavedBill = z.strictObject({ serviceId: z.string(), number: z.string(), values: Values });

/** The longest first request kept across the language and consent screens (a request is a sentence or two). */
export const MAX_FIRST_REQUEST = 500;

const Step = z.discriminatedUnion('name', [
  z.strictObject({ name: z.literal('new') }),
  /** `request`: what a new citizen asked for before choosing a language and agreeing, carried out once they agree. */
  z.strictObject({
    name: z.literal('choose-language'),
    request: z.optional(z.string().check(z.maxLength(MAX_FIRST_REQUEST))),
  }),
  z.strictObject({ name: z.literal('consent'), request: z.optional(z.string().check(z.maxLength(MAX_FIRST_REQUEST))) }),
  z.strictObject({ name: z.literal('menu'), page: z._default(z.number().check(z.int(), z.nonnegative()), 0) }),
  z.strictObject({
    name: z.literal('services'),
    departmentId: z.string(),
    page: z.number().check(z.int(), z.nonnegative()),
  }),
  z.strictObject({ name: z.literal('search'), query: z.string() }),
  z.strictObject({
    name: z.literal('form'),
    serviceId: z.string(),
    fieldIndex: z.number().check(z.int(), z.nonnegative()),
    values: Values,
    /** Page of a choice field's options. */
    page: z._default(z.number().check(z.int(), z.nonnegative()), 0),
    /** Editing one answer from the summary: return to it afterwards. */
    editing: z._default(z.boolean(), false),
    otp: z.optional(SentOtp),
  }),
  z.strictObject({ name: z.literal('confirm'), serviceId: z.string(), values: Values, otp: z.optional(SentOtp) }),
  z.strictObject({ name: z.literal('edit'), serviceId: z.string(), values: Values, otp: z.optional(SentOtp) }),
  z.strictObject({ name: z.literal('identity-aadhaar'), purpose: IdentityPurpose }),
  z.strictObject({
    name: z.literal('identity-otp'),
    purpose: IdentityPurpose,
    txnId: z.string(),
    aadhaarHash: z.string(),
    last4: z.string().check(z.regex(/^\d{4}$/)),
  }),
  /** A lookup answered with a record that offers a signed extract: the answers it was found by, to issue it. */
  z.strictObject({ name: z.literal('lookup-answered'), serviceId: z.string(), values: Values }),
  /** A bill shown with something due: the answers it was fetched by, and the bill a "Pay" pays if it is unchanged. */
  z.strictObject({
    name: z.literal('bill-shown'),
    serviceId: z.string(),
    values: Values,
    billId: z.string(),
    amountPaise: z.number().check(z.int(), z.positive()),
  }),
  /** A grievance's place (a shared location, or a typed village and mandal), asked once its questions are answered. */
  z.strictObject({ name: z.literal('grievance-place'), serviceId: z.string(), values: Values }),
  /** A grievance's photos, up to three, none required. */
  z.strictObject({ name: z.literal('grievance-photos'), serviceId: z.string(), values: Values }),
  /** The same citizen's grievance of the same category and place in the last 24 hours: is this one the same? */
  z.strictObject({
    name: z.literal('grievance-similar'),
    serviceId: z.string(),
    values: Values,
    applicationId: z.string(),
  }),
  /**
   * A bus ticket being booked (intents/bus.ts), one stage at a time: the places, the date, the bus chosen from the
   * services shown, the seats, the passengers, then the review whose "Hold and pay" holds the seats.
   */
  z.strictObject({
    name: z.literal('bus'),
    stage: z.enum(['from', 'to', 'date', 'service', 'seats', 'passengers', 'review']),
    from: z.optional(z.string()),
    to: z.optional(z.string()),
    date: z.optional(z.string()),
    /** The services shown for the date, so the one chosen is known without asking again. */
    shown: z._default(
      z.array(
        z.strictObject({
          serviceCode: z.string(),
          departs: z.string(),
          busType: z.string(),
          farePaise: z.number().check(z.int(), z.nonnegative()),
        }),
      ),
      [],
    ),
    serviceCode: z.optional(z.string()),
    /** The seats free when the seat map was shown, and those of them reserved for women. */
    free: z._default(z.array(z.string()), []),
    women: z._default(z.array(z.string()), []),
    seats: z._default(z.array(z.string()), []),
    passengers: z._default(
      z.array(
        z.strictObject({
          name: z.string(),
          age: z.number().check(z.int()),
          gender: z.enum(['female', 'male', 'other']),
        }),
      ),
      [],
    ),
  }),
  /** A form of places Mitra keeps (darshan, seva, rooms) confirmed by a verified citizen: the slot is chosen next. */
  z.strictObject({ name: z.literal('slot'), serviceId: z.string(), values: Values, citizenHash: z.string() }),
  /** The remembering notice of "my bills", asked once; the bill shown when it was asked, to save and pay after. */
  z.strictObject({
    name: z.literal('bills-consent'),
    pending: z.optional(
      z.strictObject({
        serviceId: z.string(),
        values: Values,
        billId: z.optional(z.string()),
        amountPaise: z.optional(z.number().check(z.int(), z.positive())),
      }),
    ),
  }),
  /**
   * "My bills" listed: what each remembered bill had due when shown, so a tap pays it at once only while it is unchanged.
   */
  z.strictObject({
    name: z.literal('my-bills'),
    shown: z.array(
      z.strictObject({ billId: z.optional(z.string()), amountPaise: z.optional(z.number().check(z.int())) }),
    ),
  }),
  /** The remembered numbers, one to tap to forget. */
  z.strictObject({ name: z.literal('bills-forget') }),
  /** The citizen's alerts (intents/alerts.ts): their topics, each a row to add or remove. */
  z.strictObject({ name: z.literal('alerts') }),
  /** A ticket's refund shown, waiting for "Cancel ticket". */
  z.strictObject({
    name: z.literal('ticket-cancel'),
    applicationId: z.string(),
    pnr: z.string(),
    /** Nothing was paid for it (a free appointment): there is no refund to ask for. */
    free: z.optional(z.boolean()),
  }),
  /** The districts the citizen's alerts are for, a page of them at a time. */
  z.strictObject({
    name: z.literal('alert-districts'),
    page: z._default(z.number().check(z.int(), z.nonnegative()), 0),
  }),
  /** The alerts' own notice, asked before the first subscription: the topic tapped is subscribed once agreed. */
  z.strictObject({ name: z.literal('alert-consent'), topic: z.string() }),
  /** An officer tapped Reject: their next message is the reason the citizen will read. */
  z.strictObject({ name: z.literal('officer-reason'), applicationId: z.string() }),
  /**
   * An officer tapped Ask citizen, Resolve or Transfer on a grievance, or the citizen tapped Reply to the officer's
   * question: their next message is the question, the note, the transfer or the answer.
   */
  z.strictObject({
    name: z.literal('grievance-text'),
    applicationId: z.string(),
    action: z.enum(['ask', 'resolve', 'transfer', 'answer']),
    /** Resolving: the officer's photo sent before the note (its media bucket key). */
    photo: z.optional(z.string()),
  }),
]);

/** Steps of filling in a service's form: typed text is an answer there (never a language), and "cancel" abandons it. */
export const FORM_STEPS: ReadonlySet<string> = new Set([
  'form',
  'confirm',
  'edit',
  'identity-aadhaar',
  'identity-otp',
  'grievance-place',
  'grievance-photos',
  'grievance-similar',
  'bus',
]);

/** A citizen's conversation state, stored as one item and written only conditionally on its version. */
export const SessionSchema = z.strictObject({
  waId: UserKeySchema,
  /** 0 for a session never stored; each stored write increments it. */
  version: z.number().check(z.int(), z.nonnegative()),
  language: z.optional(z.enum(['en', 'te'])),
  /** When the citizen accepted the data protection notice. */
  consentedAt: z.optional(z.string()),
  /** The citizen sent STOP: nothing is sent until START. */
  stopped: z._default(z.boolean(), false),
  step: Step,
  /**
   * The options the last menu showed, in order, so a typed number picks the same option as a tap; `token` is put in
   * every row id of that menu, so a tap on an older menu is recognised as such.
   */
  menu: z._default(
    z.strictObject({ token: z.number().check(z.int(), z.nonnegative()), options: z.array(z.string()) }),
    {
      token: 0,
      options: [],
    },
  ),
  /** Aadhaar OTP: the last successful check (a keyed hash and last four digits only) and wrong-OTP lock-out. */
  identity: z._default(
    z.strictObject({
      verifiedAt: z.optional(z.string()),
      aadhaarHash: z.optional(z.string()),
      last4: z.optional(z.string()),
      /** The UID token the Aadhaar authentication returned: pseudonymous, the key of the state's records. */
      uidToken: z.optional(z.string()),
      failedAttempts: z._default(z.number().check(z.int(), z.nonnegative()), 0),
      lockedUntil: z.optional(z.string()),
    }),
    { failedAttempts: 0 },
  ),
  lastActiveAt: z.optional(z.string()),
  /**
   * When the citizen last registered a grievance in the chat: only then can a typed 1 to 5 be a grievance's rating,
   * so other citizens' typed menu numbers never wait on a look-up of their applications.
   */
  grievanceFiledAt: z.optional(z.string()),
  /**
   * The alerts the citizen subscribed to: every topic in every district. The table's subscription items (one per
   * topic and district, lambdas/core/table-keys.ts `alertSubscription`) are written with the turn that changes this.
   */
  alerts: z._default(
    z.strictObject({
      topics: z._default(z.array(z.string()), []),
      districts: z._default(z.array(z.string()), []),
      /** When the citizen agreed to the alerts' notice. */
      consentedAt: z.optional(z.string()),
    }),
    { topics: [], districts: [] },
  ),
  /**
   * "My bills": the bills the citizen fetched or paid, remembered once they agreed to the notice (and only then), to
   * list with what is due on each. Only the answers the biller knows the bill by are kept.
   */
  bills: z._default(
    z.strictObject({
      consentedAt: z.optional(z.string()),
      /** Declined after a bill: not asked again there; "my bills" still asks. */
      declinedAt: z.optional(z.string()),
      saved: z._default(z.array(SavedBill), []),
      /** When the citizen asked to be reminded before due dates; absent when reminders are off. */
      remindersAt: z.optional(z.string()),
    }),
    { saved: [] },
  ),
});

export type Session = z.infer<typeof SessionSchema>;
export type SavedBill = z.infer<typeof SavedBill>;
export type SessionStep = Session['step'];
export type IdentityPurpose = z.infer<typeof IdentityPurpose>;
export type SentOtp = z.infer<typeof SentOtp>;

export function newSession(waId: string): Session {
  return {
    waId,
    version: 0,
    stopped: false,
    step: { name: 'new' },
    menu: { token: 0, options: [] },
    identity: { failedAttempts: 0 },
    alerts: { topics: [], districts: [] },
    bills: { saved: [] },
  };
}
