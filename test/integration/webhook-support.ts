import { createHmac, randomBytes } from 'node:crypto';

const APP_SECRET = 'local-app-secret';
const PHONE_NUMBER_ID = '100000000000001';

/** Meta's escaping: every non-ASCII character as \uXXXX, and `/` and `@` escaped too. */
function metaJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/\//g, '\\/')
    .replace(/@/g, '\\u0040');
}

export function signature(body: Buffer | string, secret = APP_SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function newWamid(): string {
  return `wamid.${randomBytes(12).toString('base64url')}`;
}

/** A `messages` webhook whose value carries these parts (contacts, messages, statuses) as given, as Meta builds it. */
export function webhookPayload(value: Record<string, unknown>): string {
  return metaJson({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550000001', phone_number_id: PHONE_NUMBER_ID },
              ...value,
            },
          },
        ],
      },
    ],
  });
}

/** A `messages` webhook carrying the given messages from one citizen, as Meta builds it. */
export function messagesPayload(waId: string, messages: Record<string, unknown>[], at = new Date()): string {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  return webhookPayload({
    contacts: [{ profile: { name: 'Test Citizen' }, wa_id: waId }],
    messages: messages.map((m) => ({ from: waId, timestamp, ...m })),
  });
}

export const textMessage = (text: string, id = newWamid()) => ({ id, type: 'text', text: { body: text } });
/** POSTs bytes to /webhook, signed over exactly those bytes unless a signature is given. */
export async function postWebhook(
  baseUrl: string,
  body: Buffer | string,
  options: { signature?: string | null; contentType?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/json' };
  const sig = options.signature === undefined ? signature(body) : options.signature;
  if (sig !== null) headers['x-hub-signature-256'] = sig;
  return fetch(`${baseUrl}/webhook`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
}
