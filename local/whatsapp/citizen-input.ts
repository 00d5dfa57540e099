import * as z from 'zod';
import type { OutboundEntry } from './message-log.ts';
import { BSUID_PATTERN } from './user-ids.ts';
import type { InboundContent } from './webhook-payload.ts';

/**
 * What a citizen does in the simulator: type, tap a list row or button, or send a photo. The sender is a phone
 * number (`from`), a business-scoped user id (`user_id`, for a user who adopted a username and shares no number),
 * or both, as Meta sends both for a user whose number it may share.
 */
const SimSendInputSchema = z
  .strictObject({
    from: z
      .string()
      .regex(/^\+?\d{7,15}$/, 'from must be a wa_id: 7 to 15 digits with the country code')
      .optional(),
    user_id: z
      .string()
      .regex(BSUID_PATTERN, 'user_id must be a business-scoped user id: country code, a dot, letters and digits')
      .optional(),
    /** The WhatsApp username shown in contacts[].profile.username. */
    username: z.string().min(1).max(64).optional(),
    name: z.string().min(1).max(256).optional(),
    text: z.string().min(1).max(65_536).optional(),
    reply_id: z.string().min(1).max(256).optional(),
    reply_title: z.string().min(1).max(256).optional(),
    context_id: z.string().min(1).max(512).optional(),
    image_base64: z.string().min(1).optional(),
    image_mime_type: z.enum(['image/jpeg', 'image/png']).optional(),
    /** A file sent as a document (the 📎 clip, then Document); `text` is its caption. */
    document_base64: z.string().min(1).optional(),
    document_filename: z.string().min(1).max(240).optional(),
    document_mime_type: z.string().min(3).max(255).optional(),
    /** A place shared with WhatsApp's location button (the answer to a location request). */
    location: z
      .strictObject({
        latitude: z.number().min(-90).max(90),
        longitude: z.number().min(-180).max(180),
        name: z.string().min(1).max(256).optional(),
        address: z.string().min(1).max(512).optional(),
      })
      .optional(),
    /**
     * A voice note. No speech model runs offline here: the note carries its transcript (written into its OpusTags)
     * for the local speech service to "hear"; the simulator says so on screen.
     */
    voice: z.strictObject({ transcript: z.string().min(1).max(1000), language: z.enum(['te', 'en']) }).optional(),
    /** Deliver the same signed bytes this many times at once: Meta delivers at least once, duplicates concurrently. */
    repeat: z.int().min(1).max(10).optional(),
  })
  .refine((input) => input.from !== undefined || input.user_id !== undefined, {
    message: 'give from (a phone number), user_id (a business-scoped user id) or both',
  })
  .refine(
    (input) =>
      input.text !== undefined ||
      input.reply_id !== undefined ||
      input.image_base64 !== undefined ||
      input.document_base64 !== undefined ||
      input.location !== undefined ||
      input.voice !== undefined,
    { message: 'give text, reply_id, location, image_base64, document_base64 or voice' },
  )
  .refine((input) => input.voice === undefined || (input.text ?? input.reply_id ?? input.image_base64) === undefined, {
    message: 'a voice note goes alone',
  })
  .refine((input) => !(input.reply_id !== undefined && input.image_base64 !== undefined), {
    message: 'a reply_id cannot carry an image',
  })
  .refine((input) => !(input.document_base64 !== undefined && (input.reply_id ?? input.image_base64) !== undefined), {
    message: 'a document goes alone, with text as its caption',
  });

export type SimSendInput = z.input<typeof SimSendInputSchema>;
export type ParsedSimSendInput = z.output<typeof SimSendInputSchema>;

/** A simulator request the citizen could not have made; answered as 400 with this message. */
export class InvalidSimInput extends Error {}

export function parseSimSendInput(raw: unknown): ParsedSimSendInput {
  const parsed = SimSendInputSchema.safeParse(raw);
  if (!parsed.success) {
    throw new InvalidSimInput(
      parsed.error.issues
        .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
        .join('; '),
    );
  }
  return parsed.data;
}

type Json = Record<string, unknown>;
type ReplyMatch = { kind: 'row'; title: string; description?: string } | { kind: 'button' | 'template'; title: string };

function matchReply(request: Json, replyId: string): ReplyMatch | undefined {
  if (request['type'] === 'interactive') {
    const interactive = request['interactive'] as Json;
    const action = (interactive['action'] ?? {}) as Json;
    if (interactive['type'] === 'list') {
      for (const section of (action['sections'] ?? []) as Json[]) {
        const row = ((section['rows'] ?? []) as Json[]).find((candidate) => candidate['id'] === replyId);
        if (row) {
          const description = row['description'];
          return {
            kind: 'row',
            title: String(row['title']),
            ...(typeof description === 'string' ? { description } : {}),
          };
        }
      }
    }
    if (interactive['type'] === 'button') {
      for (const button of (action['buttons'] ?? []) as Json[]) {
        const reply = (button['reply'] ?? {}) as Json;
        if (reply['id'] === replyId) return { kind: 'button', title: String(reply['title']) };
      }
    }
  }
  if (request['type'] === 'template') {
    for (const component of ((request['template'] as Json)['components'] ?? []) as Json[]) {
      if (component['type'] !== 'button' || component['sub_type'] !== 'quick_reply') continue;
      const parameters = (component['parameters'] ?? []) as Json[];
      if (parameters.some((parameter) => parameter['payload'] === replyId)) return { kind: 'template', title: replyId };
    }
  }
  return undefined;
}

/**
 * What WhatsApp sends when the citizen taps `replyId`: the first offer (in the given order) that has it decides
 * list_reply, button_reply or a template's quick reply (type "button", not "interactive"), and is quoted as context.
 * An id no message offered still arrives, as a list_reply, so a sender's stale ids can be exercised.
 */
export function replyContent(
  offers: Iterable<OutboundEntry>,
  replyId: string,
  replyTitle: string | undefined,
): { content: InboundContent; contextId?: string } {
  for (const entry of offers) {
    const match = matchReply(entry.request, replyId);
    if (!match) continue;
    const title = replyTitle ?? match.title;
    if (match.kind === 'row') {
      const description = match.description ? { description: match.description } : {};
      return {
        content: {
          type: 'interactive',
          interactive: { type: 'list_reply', list_reply: { id: replyId, title, ...description } },
        },
        contextId: entry.id,
      };
    }
    if (match.kind === 'button') {
      return {
        content: { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: replyId, title } } },
        contextId: entry.id,
      };
    }
    return { content: { type: 'button', button: { payload: replyId, text: title } }, contextId: entry.id };
  }
  return {
    content: {
      type: 'interactive',
      interactive: { type: 'list_reply', list_reply: { id: replyId, title: replyTitle ?? replyId } },
    },
  };
}

export function sniffImage(bytes: Buffer): 'image/jpeg' | 'image/png' {
  return bytes[0] === 0x89 && bytes[1] === 0x50 ? 'image/png' : 'image/jpeg';
}
