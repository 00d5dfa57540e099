import { z } from 'zod';
import type { InboundContent, InboundMessage } from '../conversation/messages.ts';

// Meta's webhook is not ours and grows: parse the parts we use, let every other key through untouched.
const Message = z.looseObject({
  from: z.string(),
  id: z.string(),
  timestamp: z.string(),
  type: z.string(),
  context: z.looseObject({ id: z.string().optional() }).optional(),
  text: z.looseObject({ body: z.string() }).optional(),
  interactive: z
    .looseObject({
      type: z.string(),
      button_reply: z.looseObject({ id: z.string(), title: z.string() }).optional(),
      list_reply: z.looseObject({ id: z.string(), title: z.string() }).optional(),
    })
    .optional(),
  button: z.looseObject({ payload: z.string().optional(), text: z.string() }).optional(),
  location: z.looseObject({ latitude: z.number(), longitude: z.number() }).optional(),
  image: z.looseObject({ id: z.string(), caption: z.string().optional() }).optional(),
  document: z.looseObject({ id: z.string(), caption: z.string().optional() }).optional(),
  audio: z.looseObject({ id: z.string() }).optional(),
  video: z.looseObject({ id: z.string(), caption: z.string().optional() }).optional(),
  sticker: z.looseObject({ id: z.string() }).optional(),
});

const Status = z.looseObject({
  id: z.string(),
  status: z.string(),
  timestamp: z.string(),
  recipient_id: z.string(),
  errors: z.array(z.looseObject({ code: z.number(), title: z.string().optional() })).optional(),
});

const Value = z.looseObject({
  metadata: z.looseObject({ phone_number_id: z.string() }).optional(),
  contacts: z
    .array(z.looseObject({ wa_id: z.string(), profile: z.looseObject({ name: z.string() }).optional() }))
    .optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
});

const Envelope = z.looseObject({
  object: z.string().optional(),
  entry: z
    .array(z.looseObject({ changes: z.array(z.looseObject({ field: z.string(), value: z.unknown() })).default([]) }))
    .default([]),
});

export interface DeliveryStatus {
  messageId: string;
  status: string;
  recipient: string;
  at: Date;
  errorCodes: number[];
}

export interface WebhookContents {
  messages: InboundMessage[];
  statuses: DeliveryStatus[];
  /** Parts we do not act on (other fields, unknown shapes), for the log. */
  ignored: { field: string; reason: string }[];
}

/** Splits one delivery into the messages and statuses it carries; never throws on an unexpected shape. */
export function readWebhook(body: unknown, phoneNumberId?: string): WebhookContents {
  const contents: WebhookContents = { messages: [], statuses: [], ignored: [] };
  const envelope = Envelope.safeParse(body);
  if (!envelope.success) {
    contents.ignored.push({ field: '(envelope)', reason: 'not a WhatsApp Business Account webhook' });
    return contents;
  }
  for (const entry of envelope.data.entry) {
    for (const change of entry.changes) {
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
      const names = new Map((value.data.contacts ?? []).map((c) => [c.wa_id, c.profile?.name]));
      for (const raw of value.data.messages ?? []) {
        const message = Message.safeParse(raw);
        if (!message.success) {
          contents.ignored.push({ field: change.field, reason: 'message without from/id/timestamp/type' });
          continue;
        }
        const m = message.data;
        contents.messages.push({
          messageId: m.id,
          waId: m.from,
          profileName: names.get(m.from),
          contextId: m.context?.id,
          sentAt: new Date(Number(m.timestamp) * 1000),
          content: contentOf(m),
        });
      }
      for (const raw of value.data.statuses ?? []) {
        const status = Status.safeParse(raw);
        if (!status.success) {
          contents.ignored.push({ field: change.field, reason: 'status without id/status/recipient' });
          continue;
        }
        const s = status.data;
        contents.statuses.push({
          messageId: s.id,
          status: s.status,
          recipient: s.recipient_id,
          at: new Date(Number(s.timestamp) * 1000),
          errorCodes: (s.errors ?? []).map((e) => e.code),
        });
      }
    }
  }
  return contents;
}

function contentOf(m: z.infer<typeof Message>): InboundContent {
  if (m.type === 'text' && m.text) return { type: 'text', text: m.text.body };
  if (m.type === 'interactive' && m.interactive) {
    const reply = m.interactive.button_reply ?? m.interactive.list_reply;
    if (reply) return { type: 'choice', id: reply.id, title: reply.title };
  }
  if (m.type === 'button' && m.button)
    return { type: 'choice', id: m.button.payload ?? m.button.text, title: m.button.text };
  if (m.type === 'location' && m.location) return { type: 'location', ...m.location };
  for (const mediaType of ['image', 'document', 'audio', 'video', 'sticker'] as const) {
    const media = m[mediaType];
    if (m.type === mediaType && media) {
      return {
        type: 'media',
        mediaType,
        mediaId: media.id,
        caption: 'caption' in media ? (media.caption as string | undefined) : undefined,
      };
    }
  }
  return { type: 'other', originalType: m.type };
}
