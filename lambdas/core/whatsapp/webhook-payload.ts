import type { InboundContent, InboundMessage } from '../conversation/messages.ts';
import * as z from '../validation.ts';
import { issueLine } from '../validation.ts';
import { isBusinessScopedUserId, userKeyOf } from './user-key.ts';

// Meta's webhook is not ours and grows: parse the parts we use, let every other key through untouched. What we use
// is checked closely, since it ends up in table keys, object keys, URLs and dates: a part that fails is dropped and
// logged, never a 5xx that Meta would retry for a week.

/** Meta's ids (wamid.<base64>): printable ASCII without spaces or `#`, the table keys' separator. */
const MetaId = z.string().check(z.regex(/^[\x21\x22\x24-\x7e]{1,256}$/, 'not a message id'));
/** Unix seconds, as Meta writes them: digits in a string. */
const EpochSeconds = z.string().check(z.regex(/^\d{1,11}$/, 'not a Unix time in seconds'));
/** Media ids are numbers in Meta's URLs (`GET /{media_id}`): nothing that could change the path. */
const MediaId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,128}$/, 'not a media id'));
/** Meta's limit on a text message, in characters. */
const TEXT_LIMIT = 4096;

/** Meta retries a delivery for up to 7 days; anything older is a replay, not a retry. */
const RETRY_WINDOW_MS = 7 * 24 * 3_600_000;
/** Timestamps come from Meta's clocks, not ours: a little ahead of ours is skew, more is a forgery or a fault. */
const CLOCK_SKEW_MS = 15 * 60_000;

const text = z.optional(z.string());
const shortText = (max: number) => z.string().check(z.maxLength(max, `longer than ${max} characters`));
const between = (min: number, max: number) => z.number().check(z.gte(min, `below ${min}`), z.lte(max, `above ${max}`));

const MediaObject = z.optional(z.looseObject({ id: MediaId, mime_type: text, caption: text, filename: text }));
const Reply = z.optional(z.looseObject({ id: z.string(), title: z.string() }));

const Message = z.looseObject({
  /** The sender's phone number: absent for a user who adopted a username. */
  from: text,
  /** The sender's business-scoped user id (BSUID). */
  from_user_id: text,
  id: MetaId,
  timestamp: EpochSeconds,
  type: shortText(64),
  context: z.optional(z.looseObject({ id: z.optional(MetaId) })),
  text: z.optional(
    z.looseObject({
      body: z
        .string()
        .check(z.refine((body) => [...body].length <= TEXT_LIMIT, `longer than ${TEXT_LIMIT} characters`)),
    }),
  ),
  interactive: z.optional(
    z.looseObject({
      type: z.string(),
      button_reply: Reply,
      list_reply: Reply,
      nfm_reply: z.optional(z.looseObject({ response_json: z.string(), name: text })),
    }),
  ),
  button: z.optional(z.looseObject({ payload: text, text: z.string() })),
  location: z.optional(z.looseObject({ latitude: between(-90, 90), longitude: between(-180, 180) })),
  image: MediaObject,
  document: MediaObject,
  audio: MediaObject,
  video: MediaObject,
  sticker: MediaObject,
  reaction: z.optional(z.looseObject({ message_id: z.string(), emoji: text })),
  system: z.optional(z.looseObject({ type: text, new_wa_id: text })),
  errors: z.optional(z.array(z.looseObject({ code: z.number() }))),
});

const MetaError = z.looseObject({
  code: z.number(),
  title: text,
  message: text,
  error_data: z.optional(z.looseObject({ details: text })),
});

const Status = z.looseObject({
  id: MetaId,
  status: shortText(64),
  timestamp: EpochSeconds,
  /** The recipient's phone number: absent for a user who adopted a username. */
  recipient_id: text,
  /** The recipient's business-scoped user id (BSUID). */
  recipient_user_id: text,
  errors: z.optional(z.array(MetaError)),
  pricing: z.optional(z.looseObject({ category: text })),
  /** What we sent with the message as `biz_opaque_callback_data` (512 characters at most). */
  biz_opaque_callback_data: z.optional(shortText(512)),
});

/** An amount as Meta writes money: `value` in units of 1/`offset` rupee (offset 100: paise). */
const Money = z.looseObject({
  value: z.number().check(z.int(), z.nonnegative()),
  offset: z.literal(100),
});

/** Gateway ids and order references: letters, digits, `_` and `-`. */
const GatewayId = (what: string) => z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, `not a ${what}`));

/**
 * A payment status (payments in India): `type: "payment"`, the order's `payment.reference_id`, and the gateway's
 * transaction. Only a claim: the gateway's own lookup decides what is settled.
 */
const PaymentStatus = z.looseObject({
  id: MetaId,
  type: z.literal('payment'),
  status: shortText(64),
  timestamp: EpochSeconds,
  recipient_id: z.optional(z.string()),
  payment: z.looseObject({
    reference_id: GatewayId('reference id'),
    amount: z.optional(Money),
    transaction: z.optional(
      z.looseObject({
        id: GatewayId('transaction id'),
        type: z.optional(shortText(32)),
        status: z.optional(shortText(32)),
      }),
    ),
  }),
});

const Contact = z.looseObject({
  wa_id: text,
  user_id: text,
  profile: z.optional(z.looseObject({ name: z.optional(shortText(256)), username: z.optional(shortText(256)) })),
});

const parts = z.optional(z.array(z.unknown()));
const Value = z.looseObject({
  metadata: z.optional(z.looseObject({ phone_number_id: z.string() })),
  // Each contact parsed on its own: one odd contact must not cost the delivery its messages.
  contacts: parts,
  messages: parts,
  statuses: parts,
  errors: parts,
});

const TemplateUpdate = z.looseObject({
  message_template_id: z.optional(z.union([z.number(), z.string()])),
  message_template_name: text,
  message_template_language: text,
  event: text,
  reason: z.optional(z.nullable(z.string())),
  previous_category: text,
  new_category: text,
  previous_quality_score: text,
  new_quality_score: text,
});

const Envelope = z.looseObject({
  object: text,
  entry: z._default(
    z.array(
      z.looseObject({ changes: z._default(z.array(z.looseObject({ field: z.string(), value: z.unknown() })), []) }),
    ),
    [],
  ),
});

interface WhatsAppError {
  code: number;
  title?: string;
  details?: string;
}

export interface DeliveryStatus {
  messageId: string;
  /** sent, delivered, read, failed (or whatever Meta adds: kept as given). */
  status: string;
  /** Whom it went to, as Mitra keys people: the phone number when Meta gives it, else the BSUID. */
  recipient: string;
  at: Date;
  errorCodes: number[];
  errors: WhatsAppError[];
  pricingCategory?: string;
  /** The message's `biz_opaque_callback_data`, when we sent it with one. */
  callbackData?: string;
}

/** What WhatsApp says happened to the payment of one of our orders: to be confirmed with the gateway. */
export interface PaymentStatusUpdate {
  /** Id of the order_details message paid on. */
  messageId: string;
  /** Our order's reference id (the application id). */
  referenceId: string;
  /** captured, pending or failed (or whatever Meta adds: kept as given). */
  status: string;
  /** The gateway's transaction, when one was made. */
  transactionId?: string;
  amountPaise?: number;
  at: Date;
}

/** Media a citizen sent that we keep: Meta's download URL expires in minutes, so it is fetched at once. */
export interface InboundMedia {
  messageId: string;
  waId: string;
  mediaId: string;
  mediaType: 'image' | 'document' | 'audio';
  mimeType?: string;
  filename?: string;
}

/** A change to one of our message templates: its approval status, quality or category. */
interface TemplateChange {
  field: string;
  templateName?: string;
  language?: string;
  event?: string;
  reason?: string;
  previousCategory?: string;
  newCategory?: string;
  newQuality?: string;
}

/** A message the conversation does not turn on (a reaction, a system notice), logged only. */
interface Notice {
  messageId: string;
  waId: string;
  type: string;
  detail?: string;
}

/** A part of the delivery left out, and why; with the message's id when it had a readable one. */
interface Ignored {
  field: string;
  reason: string;
  messageId?: string;
}

export interface WebhookContents {
  /** Messages for the conversation, in delivery order. */
  messages: InboundMessage[];
  media: InboundMedia[];
  statuses: DeliveryStatus[];
  /** Payment statuses of our orders (payments in India). */
  payments: PaymentStatusUpdate[];
  notices: Notice[];
  templateChanges: TemplateChange[];
  /** Errors Meta reports out of band (`value.errors`), not tied to one message we sent. */
  errors: WhatsAppError[];
  /** Parts we do not act on (other fields, unknown shapes), for the log. */
  ignored: Ignored[];
}

const TEMPLATE_FIELDS = new Set([
  'message_template_status_update',
  'template_category_update',
  'message_template_quality_update',
  'message_template_components_update',
]);

/** Types that say something about the conversation but are not a turn in it. */
const NOTICE_TYPES = new Set(['reaction', 'system', 'ephemeral', 'request_welcome']);

/**
 * Splits one delivery into what it carries; never throws on an unexpected shape. Given `now`, messages older than
 * Meta's 7-day retry window (or dated well ahead of `now`) are left out: applying them would replay a turn whose
 * dedupe mark may have expired.
 */
export function readWebhook(body: unknown, phoneNumberId?: string, now?: Date): WebhookContents {
  const contents: WebhookContents = {
    messages: [],
    media: [],
    statuses: [],
    payments: [],
    notices: [],
    templateChanges: [],
    errors: [],
    ignored: [],
  };
  const envelope = Envelope.safeParse(body);
  if (!envelope.success) {
    contents.ignored.push({ field: '(envelope)', reason: 'not a WhatsApp Business Account webhook' });
    return contents;
  }
  if (envelope.data.object !== undefined && envelope.data.object !== 'whatsapp_business_account') {
    contents.ignored.push({ field: '(envelope)', reason: `object ${envelope.data.object}` });
    return contents;
  }
  for (const entry of envelope.data.entry) {
    for (const change of entry.changes) {
      if (TEMPLATE_FIELDS.has(change.field)) {
        readTemplateChange(change.field, change.value, contents);
        continue;
      }
      if (change.field !== 'messages') {
        contents.ignored.push({ field: change.field, reason: 'field not handled' });
        continue;
      }
      const value = Value.safeParse(change.value);
      if (!value.success) {
        contents.ignored.push({ field: change.field, reason: 'unexpected value shape' });
        continue;
      }
      if (phoneNumberId && value.data.metadata && value.data.metadata.phone_number_id !== phoneNumberId) {
        contents.ignored.push({
          field: change.field,
          reason: `for another phone number ${value.data.metadata.phone_number_id}`,
        });
        continue;
      }
      readMessages(value.data, contents, now);
      readStatuses(value.data.statuses ?? [], contents);
      for (const raw of value.data.errors ?? []) {
        const error = MetaError.safeParse(raw);
        if (error.success) contents.errors.push(metaError(error.data));
        else contents.ignored.push({ field: change.field, reason: 'error without code' });
      }
    }
  }
  return contents;
}

type Contact = z.infer<typeof Contact>;

/** The contact a message came from: by phone number, else by BSUID. */
function contactOf(contacts: Contact[], m: z.infer<typeof Message>): Contact | undefined {
  return (
    contacts.find((c) => m.from !== undefined && c.wa_id === m.from) ??
    contacts.find((c) => m.from_user_id !== undefined && c.user_id === m.from_user_id)
  );
}

/** The sender as Mitra keys people, and their BSUID when the key is their phone number. */
function senderOf(
  contact: Contact | undefined,
  m: z.infer<typeof Message>,
): { waId: string; userId?: string } | undefined {
  const phoneNumber = m.from ?? contact?.wa_id;
  const userId = m.from_user_id ?? contact?.user_id;
  const waId = userKeyOf(phoneNumber, userId);
  if (waId === undefined) return undefined;
  return userId !== undefined && userId !== waId && isBusinessScopedUserId(userId) ? { waId, userId } : { waId };
}

function readMessages(value: z.infer<typeof Value>, contents: WebhookContents, now: Date | undefined): void {
  const contacts = (value.contacts ?? []).flatMap((raw) => {
    const contact = Contact.safeParse(raw);
    return contact.success ? [contact.data] : [];
  });
  for (const raw of value.messages ?? []) {
    const message = Message.safeParse(raw);
    if (!message.success) {
      contents.ignored.push({ field: 'messages', reason: `message ${problemOf(message.error)}`, ...idOf(raw) });
      continue;
    }
    const m = message.data;
    const sentAt = new Date(Number(m.timestamp) * 1000);
    const age = now ? now.getTime() - sentAt.getTime() : 0;
    if (age > RETRY_WINDOW_MS || age < -CLOCK_SKEW_MS) {
      contents.ignored.push({
        field: 'messages',
        reason: age > 0 ? 'older than Meta’s 7-day retry window' : 'dated in the future',
        messageId: m.id,
      });
      continue;
    }
    const contact = contactOf(contacts, m);
    const sender = senderOf(contact, m);
    if (!sender) {
      contents.ignored.push({ field: 'messages', reason: 'message without a phone number or business-scoped user id' });
      continue;
    }
    const { waId } = sender;
    if (NOTICE_TYPES.has(m.type)) {
      contents.notices.push({ messageId: m.id, waId, type: m.type, detail: noticeDetail(m) });
      continue;
    }
    const profileName = contact?.profile?.name ?? contact?.profile?.username;
    contents.messages.push({
      messageId: m.id,
      waId,
      ...(sender.userId ? { userId: sender.userId } : {}),
      profileName,
      contextId: m.context?.id,
      sentAt,
      content: contentOf(m),
    });
    for (const mediaType of ['image', 'document', 'audio'] as const) {
      const media = m[mediaType];
      if (m.type === mediaType && media) {
        contents.media.push({
          messageId: m.id,
          waId,
          mediaId: media.id,
          mediaType,
          ...(media.mime_type ? { mimeType: media.mime_type } : {}),
          ...(media.filename ? { filename: media.filename } : {}),
        });
      }
    }
  }
}

function readStatuses(raws: unknown[], contents: WebhookContents): void {
  for (const raw of raws) {
    if ((raw as { type?: unknown } | null)?.type === 'payment') {
      readPaymentStatus(raw, contents);
      continue;
    }
    const status = Status.safeParse(raw);
    const recipient = status.success ? userKeyOf(status.data.recipient_id, status.data.recipient_user_id) : undefined;
    if (!status.success) {
      contents.ignored.push({ field: 'statuses', reason: `status ${problemOf(status.error)}`, ...idOf(raw) });
      continue;
    }
    if (recipient === undefined) {
      contents.ignored.push({ field: 'statuses', reason: 'status without a recipient', messageId: status.data.id });
      continue;
    }
    const s = status.data;
    const errors = (s.errors ?? []).map(metaError);
    contents.statuses.push({
      messageId: s.id,
      status: s.status,
      recipient,
      at: new Date(Number(s.timestamp) * 1000),
      errorCodes: errors.map((e) => e.code),
      errors,
      ...(s.pricing?.category ? { pricingCategory: s.pricing.category } : {}),
      ...(s.biz_opaque_callback_data ? { callbackData: s.biz_opaque_callback_data } : {}),
    });
  }
}

function readPaymentStatus(raw: unknown, contents: WebhookContents): void {
  const parsed = PaymentStatus.safeParse(raw);
  if (!parsed.success) {
    contents.ignored.push({ field: 'statuses', reason: `payment status ${problemOf(parsed.error)}`, ...idOf(raw) });
    return;
  }
  const { id, status, timestamp, payment } = parsed.data;
  contents.payments.push({
    messageId: id,
    referenceId: payment.reference_id,
    status,
    ...(payment.transaction ? { transactionId: payment.transaction.id } : {}),
    ...(payment.amount ? { amountPaise: payment.amount.value } : {}),
    at: new Date(Number(timestamp) * 1000),
  });
}

/** What was wrong, by field path and rule, never by value: values may be personal. */
function problemOf(error: z.core.$ZodError): string {
  return `with ${error.issues.map((issue) => issueLine(issue, '(itself)')).join('; ')}`;
}

/** The id of a part we could not read, when it has a well-formed one. */
function idOf(raw: unknown): { messageId?: string } {
  const id = MetaId.safeParse((raw as { id?: unknown } | null)?.id);
  return id.success ? { messageId: id.data } : {};
}

function readTemplateChange(field: string, raw: unknown, contents: WebhookContents): void {
  const value = TemplateUpdate.safeParse(raw);
  if (!value.success) {
    contents.ignored.push({ field, reason: 'unexpected value shape' });
    return;
  }
  const v = value.data;
  contents.templateChanges.push({
    field,
    ...(v.message_template_name ? { templateName: v.message_template_name } : {}),
    ...(v.message_template_language ? { language: v.message_template_language } : {}),
    ...(v.event ? { event: v.event } : {}),
    ...(v.reason ? { reason: v.reason } : {}),
    ...(v.previous_category ? { previousCategory: v.previous_category } : {}),
    ...(v.new_category ? { newCategory: v.new_category } : {}),
    ...(v.new_quality_score ? { newQuality: v.new_quality_score } : {}),
  });
}

function metaError(e: z.infer<typeof MetaError>): WhatsAppError {
  return {
    code: e.code,
    ...((e.title ?? e.message) ? { title: e.title ?? e.message } : {}),
    ...(e.error_data?.details ? { details: e.error_data.details } : {}),
  };
}

function noticeDetail(m: z.infer<typeof Message>): string | undefined {
  if (m.type === 'reaction') return m.reaction?.emoji ? `reacted to ${m.reaction.message_id}` : 'removed a reaction';
  // user_changed_number, user_changed_user_id (a new number brings a new BSUID): the person's next messages arrive
  // under the new key, which is how Meta addresses them from then on; the old key's session lapses on its own.
  if (m.type === 'system') return m.system?.type;
  return undefined;
}

function contentOf(m: z.infer<typeof Message>): InboundContent {
  if (m.type === 'text' && m.text) return { type: 'text', text: m.text.body };
  if (m.type === 'interactive' && m.interactive) {
    const reply = m.interactive.button_reply ?? m.interactive.list_reply;
    if (reply) return { type: 'choice', id: reply.id, title: reply.title };
    // A WhatsApp Flow's answer (nfm_reply): the conversation has no flows yet, so it is answered like any other.
    return { type: 'other', originalType: `interactive.${m.interactive.type}` };
  }
  if (m.type === 'button' && m.button)
    return { type: 'choice', id: m.button.payload ?? m.button.text, title: m.button.text };
  if (m.type === 'location' && m.location)
    return { type: 'location', latitude: m.location.latitude, longitude: m.location.longitude };
  for (const mediaType of ['image', 'document', 'audio', 'video', 'sticker'] as const) {
    const media = m[mediaType];
    if (m.type === mediaType && media) {
      return {
        type: 'media',
        mediaType,
        mediaId: media.id,
        ...(media.caption === undefined ? {} : { caption: media.caption }),
        ...(media.mime_type ? { mimeType: media.mime_type } : {}),
        ...(media.filename ? { filename: media.filename } : {}),
      };
    }
  }
  // contacts, unsupported (131051), and any type Meta adds later: the conversation answers them politely.
  return { type: 'other', originalType: m.type };
}
