import { createHmac } from 'node:crypto';

/**
 * Meta's webhook bytes. Meta serialises the payload with unicode escaped ("we generate the signature using an
 * escaped unicode version of the payload, with lowercase hex digits … äöå should be escaped to \u00e4\u00f6\u00e5",
 * Meta's webhook docs, quoted in whatsapp-api-js#290) and signs those escaped bytes. Graph JSON also escapes `/` as
 * `\/` (whatsapp-api-js#380: a "/" in a message broke re-serialising receivers; Graph answers carry "http:\/\/")
 * and `@` as `\u0040` (tawn33y/whatsapp-cloud-api#60: an e-mail address broke them; Graph answers carry
 * "name\u0040example.com"). Escaping at least these is what makes a receiver that parses and re-serialises before
 * the HMAC fail here, as it would in production.
 */
const META_ESCAPED_ASCII: Readonly<Record<string, string>> = { '/': '\\/', '@': '\\u0040' };

const hex4 = (unit: number): string => `\\u${unit.toString(16).padStart(4, '0')}`;

/** JSON.stringify, then escape the way Meta does: every UTF-16 unit above 0x7f as \uXXXX (lowercase), `/`, `@`. */
export function metaJson(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('value is not serialisable as JSON');
  // JSON.stringify already writes control characters and lone surrogates as lowercase \u escapes, so only the
  // characters it leaves raw need handling; `/` and `@` never occur outside strings in JSON text.
  return json.replace(/[\u0080-\uffff/@]/g, (char) => META_ESCAPED_ASCII[char] ?? hex4(char.charCodeAt(0)));
}

function hmacHex(algorithm: 'sha256' | 'sha1', secret: string, bytes: Buffer): string {
  return createHmac(algorithm, secret).update(bytes).digest('hex');
}

export interface SignedWebhook {
  body: Buffer;
  headers: Record<string, string>;
}

/** The exact bytes and headers of one webhook POST. Meta still sends the legacy SHA-1 header next to SHA-256. */
export function signWebhook(payload: unknown, appSecret: string): SignedWebhook {
  const body = Buffer.from(metaJson(payload), 'utf8');
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'facebookexternalua',
      'x-hub-signature': `sha1=${hmacHex('sha1', appSecret, body)}`,
      'x-hub-signature-256': `sha256=${hmacHex('sha256', appSecret, body)}`,
    },
  };
}

export interface BusinessNumber {
  businessAccountId: string;
  displayPhoneNumber: string;
  phoneNumberId: string;
}

function envelope(business: BusinessNumber, value: Record<string, unknown>): Record<string, unknown> {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: business.businessAccountId,
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: business.displayPhoneNumber, phone_number_id: business.phoneNumberId },
              ...value,
            },
            field: 'messages',
          },
        ],
      },
    ],
  };
}

export type InboundContent =
  | { type: 'text'; text: { body: string } }
  | { type: 'interactive'; interactive: { type: 'button_reply'; button_reply: { id: string; title: string } } }
  | {
      type: 'interactive';
      interactive: { type: 'list_reply'; list_reply: { id: string; title: string; description?: string } };
    }
  | { type: 'button'; button: { payload: string; text: string } }
  | { type: 'location'; location: { latitude: number; longitude: number; name?: string; address?: string } }
  | { type: 'image'; image: { caption?: string; mime_type: string; sha256: string; id: string } }
  | {
      type: 'document';
      document: { caption?: string; filename: string; mime_type: string; sha256: string; id: string };
    }
  /** A voice note recorded in the chat (`voice: true`), as Meta sends it: OGG/Opus. */
  | { type: 'audio'; audio: { mime_type: string; sha256: string; id: string; voice: boolean } };

export interface InboundMessage {
  context?: { from: string; id: string };
  /** The sender's phone number; absent for a username user whose number Meta does not share. */
  from?: string;
  /** The sender's business-scoped user id. */
  from_user_id?: string;
  id: string;
  timestamp: string;
  type: InboundContent['type'];
  [payload: string]: unknown;
}

/**
 * Field order follows Meta's own payloads (pywa's recorded fixtures): context, from, id, timestamp, type, payload;
 * the business-scoped user id goes next to `from`.
 */
export function inboundMessage(input: {
  /** The sender's phone number, when they share it. */
  from?: string;
  /** The sender's business-scoped user id. */
  fromUserId?: string;
  id: string;
  at: Date;
  content: InboundContent;
  context?: { from: string; id: string };
}): InboundMessage {
  const { type, ...payload } = input.content;
  return {
    ...(input.context ? { context: input.context } : {}),
    ...(input.from ? { from: input.from } : {}),
    ...(input.fromUserId ? { from_user_id: input.fromUserId } : {}),
    id: input.id,
    timestamp: epochSeconds(input.at),
    type,
    ...payload,
  };
}

/** Who wrote: a phone number, a business-scoped user id, or both (at least one). */
export interface Sender {
  waId?: string;
  userId?: string;
  username?: string;
}

/** One contact as Meta lists it: `wa_id` only when it shares the number, `user_id` always when there is one. */
export function messagesWebhook(
  business: BusinessNumber,
  contact: Sender & { name: string },
  messages: InboundMessage[],
): Record<string, unknown> {
  const profile = { name: contact.name, ...(contact.username ? { username: contact.username } : {}) };
  return envelope(business, {
    contacts: [
      {
        profile,
        ...(contact.waId ? { wa_id: contact.waId } : {}),
        ...(contact.userId ? { user_id: contact.userId } : {}),
      },
    ],
    messages,
  });
}

export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'failed';

export interface StatusInput {
  id: string;
  status: DeliveryStatus;
  at: Date;
  /** The recipient's phone number, when the message went to one. */
  recipientId?: string;
  /** The recipient's business-scoped user id, when known. */
  recipientUserId?: string;
  /** 'service' inside the customer service window, 'utility' etc. for templates; drives the pricing block. */
  category: string;
  conversationId: string;
  conversationExpiresAt?: Date;
  errors?: Array<{ code: number; title: string; message: string; details: string }>;
  /** The `biz_opaque_callback_data` the message was sent with: Meta returns it with each of its statuses. */
  callbackData?: string;
}

export function statusWebhook(business: BusinessNumber, input: StatusInput): Record<string, unknown> {
  const status: Record<string, unknown> = {
    id: input.id,
    status: input.status,
    timestamp: epochSeconds(input.at),
    ...(input.recipientId ? { recipient_id: input.recipientId } : {}),
    ...(input.recipientUserId ? { recipient_user_id: input.recipientUserId } : {}),
    ...(input.callbackData ? { biz_opaque_callback_data: input.callbackData } : {}),
  };
  if (input.status === 'failed') {
    status['errors'] = (input.errors ?? []).map((error) => ({
      code: error.code,
      title: error.title,
      message: error.message,
      error_data: { details: error.details },
      href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
    }));
  } else if (input.status !== 'read') {
    // Meta sends conversation and pricing with sent/delivered only, expiration only on the first.
    status['conversation'] = {
      id: input.conversationId,
      ...(input.conversationExpiresAt ? { expiration_timestamp: epochSeconds(input.conversationExpiresAt) } : {}),
      origin: { type: input.category },
    };
    status['pricing'] = { billable: input.category !== 'service', pricing_model: 'PMP', category: input.category };
  }
  return envelope(business, { statuses: [status] });
}

export interface PaymentStatusInput {
  /** The order_details message paid on. */
  id: string;
  recipientId: string;
  referenceId: string;
  status: 'captured' | 'failed' | 'pending';
  at: Date;
  amountPaise: number;
  /** The gateway's transaction: its id, the gateway type (razorpay…), and how it was paid. */
  transaction: { id: string; gateway: string; createdAt: Date; method: string };
}

/**
 * A payment status (payments in India, payment gateway): `statuses[]` with `type: "payment"`, the order's
 * reference id, and the gateway's transaction (status `success`, `failed` or `pending`).
 */
export function paymentStatusWebhook(business: BusinessNumber, input: PaymentStatusInput): Record<string, unknown> {
  const amount = { value: input.amountPaise, offset: 100 };
  return envelope(business, {
    statuses: [
      {
        id: input.id,
        recipient_id: input.recipientId,
        type: 'payment',
        status: input.status,
        timestamp: epochSeconds(input.at),
        payment: {
          reference_id: input.referenceId,
          amount,
          currency: 'INR',
          transaction: {
            id: input.transaction.id,
            type: input.transaction.gateway,
            status: input.status === 'captured' ? 'success' : input.status,
            created_timestamp: Number(epochSeconds(input.transaction.createdAt)),
            updated_timestamp: Number(epochSeconds(input.at)),
            amount,
            currency: 'INR',
            method: { type: input.transaction.method },
          },
        },
      },
    ],
  });
}

const epochSeconds = (at: Date): string => String(Math.floor(at.getTime() / 1000));
