import { createHmac, randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { z } from 'zod';
import { createFaultInjector, type FaultInjector } from './faults.ts';
import { conversationId, wamid } from './ids.ts';
import { checkOutbound } from './limits.ts';
import { MediaStore } from './media-store.ts';
import { MessageLog, type OutboundEntry } from './message-log.ts';
import { type MetaErrorResponse, metaError } from './meta-errors.ts';
import { checkTemplate, type LocalTemplate } from './templates.ts';
import {
  type BusinessNumber,
  type DeliveryStatus,
  type InboundContent,
  inboundMessage,
  messagesWebhook,
  signWebhook,
  statusWebhook,
} from './webhook-payload.ts';

export type PostWebhook = (body: Buffer, headers: Record<string, string>) => Promise<{ status: number; body: string }>;

export interface EngineOptions {
  publicBaseUrl: string;
  appSecret: string;
  accessToken: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
  businessAccountId: string;
  dataDir: string;
  now: () => Date;
  postWebhook?: PostWebhook;
  citizens: () => unknown[];
  faults?: FaultInjector;
  templates: readonly LocalTemplate[];
  autoStatuses: boolean;
  log: (message: string, detail?: unknown) => void;
}

const WINDOW_MS = 24 * 3600 * 1000;
const MEDIA_URL_TTL_MS = 5 * 60 * 1000;

/** What a citizen does in the simulator: type, tap a list row or button, or send a photo. */
export const SimSendInputSchema = z
  .strictObject({
    from: z.string().regex(/^\+?\d{7,15}$/, 'from must be a wa_id: 7 to 15 digits with the country code'),
    name: z.string().min(1).max(256).optional(),
    text: z.string().min(1).max(65_536).optional(),
    reply_id: z.string().min(1).max(256).optional(),
    reply_title: z.string().min(1).max(256).optional(),
    context_id: z.string().min(1).max(512).optional(),
    image_base64: z.string().min(1).optional(),
    image_mime_type: z.enum(['image/jpeg', 'image/png']).optional(),
    /** Deliver the same signed bytes this many times at once: Meta delivers at least once, duplicates concurrently. */
    repeat: z.int().min(1).max(10).optional(),
  })
  .refine((input) => input.text !== undefined || input.reply_id !== undefined || input.image_base64 !== undefined, {
    message: 'give text, reply_id or image_base64',
  })
  .refine((input) => !(input.reply_id !== undefined && input.image_base64 !== undefined), {
    message: 'a reply_id cannot carry an image',
  });

export type SimSendInput = z.input<typeof SimSendInputSchema>;

/** A simulator request the citizen could not have made; answered as 400 with this message. */
export class InvalidSimInput extends Error {}

export function parseSimSendInput(raw: unknown): z.output<typeof SimSendInputSchema> {
  const parsed = SimSendInputSchema.safeParse(raw);
  if (!parsed.success) {
    throw new InvalidSimInput(parsed.error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; '));
  }
  return parsed.data;
}

export interface StatusRequest {
  id: string;
  status: DeliveryStatus;
  /** For 'failed': the Meta error code to report in statuses[].errors (131026 by default). */
  errorCode?: number;
}

export interface GraphAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

type Json = Record<string, unknown>;

const asError = (e: MetaErrorResponse): GraphAnswer => ({ status: e.status, body: e.body, ...(e.headers ? { headers: e.headers } : {}) });

/** The simulator's state and rules, shared by the Graph API routes, the /sim routes and the programmatic API. */
export class WhatsAppEngine {
  readonly log: MessageLog;
  readonly media: MediaStore;
  readonly faults: FaultInjector;
  readonly business: BusinessNumber;
  private readonly mediaUrlKey = randomBytes(32);
  private readonly conversations = new Map<string, { id: string; expiresAt: Date; category: string }>();
  private statusChain: Promise<void> = Promise.resolve();
  private readonly inflight = new Set<Promise<unknown>>();

  constructor(readonly options: EngineOptions) {
    this.log = new MessageLog(options.dataDir);
    this.media = new MediaStore(join(options.dataDir, 'media'));
    this.faults = options.faults ?? createFaultInjector();
    this.business = {
      businessAccountId: options.businessAccountId,
      displayPhoneNumber: options.displayPhoneNumber,
      phoneNumberId: options.phoneNumberId,
    };
  }

  now(): Date {
    return this.options.now();
  }

  // ---- Graph API: POST /{phone_number_id}/messages ----

  acceptOutbound(body: unknown): GraphAnswer {
    const recipient = typeof (body as Json | null)?.['to'] === 'string' ? ((body as Json)['to'] as string).replace(/\D/g, '') : '';
    const isRead = (body as Json | null)?.['status'] !== undefined;
    if (!isRead) {
      const fault = this.faults.take(recipient);
      if (fault !== undefined) return asError(metaError(fault));
    }
    const check = checkOutbound(body, {
      mediaExists: (id) => this.media.get(id, this.now()) !== undefined,
      ...(this.options.templates.length > 0
        ? { checkTemplate: (name: string, language: string, components: unknown[]) => checkTemplate(this.options.templates, name, language, components) }
        : {}),
    });
    if (!check.ok) return asError(metaError(check.code, check.details));
    const now = this.now();
    if (check.kind === 'read') {
      if (!this.log.inbound(check.messageId)) {
        return asError(metaError(100, `message_id '${check.messageId}' is not a message this number received.`));
      }
      this.log.addRead(check.messageId, now, check.typing);
      return { status: 200, body: { success: true } };
    }
    if (!check.template) {
      const last = this.log.lastInboundAt(check.waId);
      if (!last || now.getTime() - last.getTime() > WINDOW_MS) {
        const when = last ? `last wrote at ${last.toISOString()}` : 'never wrote to this number';
        return asError(
          metaError(
            131047,
            `Message failed to send because more than 24 hours have passed since the customer last replied to this number (${check.waId} ${when}; now ${now.toISOString()}).`,
          ),
        );
      }
    }
    const category = check.template ? this.templateCategory(check.template.name, check.template.language) : 'service';
    const id = wamid(check.waId);
    this.log.addOutbound({ wa_id: check.waId, id, sent_at: now.toISOString(), request: body as Json, category });
    if (this.options.autoStatuses) {
      this.queueStatus({ id, status: 'sent' });
      this.queueStatus({ id, status: 'delivered' });
    }
    return {
      status: 200,
      body: {
        messaging_product: 'whatsapp',
        contacts: [{ input: check.to, wa_id: check.waId }],
        // Meta adds message_status only for template sends.
        messages: [check.template ? { id, message_status: 'accepted' } : { id }],
      },
    };
  }

  private templateCategory(name: string, language: string): string {
    const template = this.options.templates.find((t) => t.name === name && t.language === language);
    return (template?.category ?? 'UTILITY').toLowerCase();
  }

  // ---- media ----

  mediaUrl(id: string): string {
    const expires = Math.floor((this.now().getTime() + MEDIA_URL_TTL_MS) / 1000);
    return `${this.options.publicBaseUrl}/graph/media-bytes/${id}?ext=${expires}&hash=${this.mediaUrlHash(id, expires)}`;
  }

  /** Whether a download URL is one we issued and still fresh (Meta's expire after about five minutes). */
  mediaUrlValid(id: string, ext: string | null, hash: string | null): boolean {
    const expires = Number(ext);
    if (!Number.isInteger(expires) || hash !== this.mediaUrlHash(id, expires)) return false;
    return this.now().getTime() <= expires * 1000;
  }

  private mediaUrlHash(id: string, expires: number): string {
    return createHmac('sha256', this.mediaUrlKey).update(`${id}:${expires}`).digest('base64url').slice(0, 22);
  }

  // ---- inbound: the citizen's side ----

  async sendInbound(raw: SimSendInput): Promise<{ wamid: string; status: number | null; error?: string }> {
    const input = parseSimSendInput(raw);
    const waId = input.from.replace(/\D/g, '');
    const at = this.now();
    const id = wamid(waId);
    let content: InboundContent;
    let context = input.context_id ? { from: this.business.displayPhoneNumber, id: input.context_id } : undefined;
    if (input.image_base64 !== undefined) {
      const bytes = Buffer.from(input.image_base64, 'base64');
      if (bytes.length === 0) throw new InvalidSimInput('image_base64: not base64-encoded image bytes');
      const mimeType = input.image_mime_type ?? sniffImage(bytes);
      const stored = this.media.put({ bytes, mimeType, origin: 'inbound', now: at });
      content = {
        type: 'image',
        image: { ...(input.text ? { caption: input.text } : {}), mime_type: mimeType, sha256: stored.sha256_base64, id: stored.id },
      };
    } else if (input.reply_id !== undefined) {
      const resolved = this.resolveReply(waId, input.reply_id, input.reply_title);
      content = resolved.content;
      context ??= resolved.contextId ? { from: this.business.displayPhoneNumber, id: resolved.contextId } : undefined;
    } else {
      content = { type: 'text', text: { body: input.text as string } };
    }
    const message = inboundMessage({ from: waId, id, at, content, ...(context ? { context } : {}) });
    const name = input.name ?? this.citizenName(waId) ?? waId;
    // Recorded before the webhook is posted: the 24-hour window opens when the citizen writes, and the system's
    // reply may be sent while the webhook is still being handled.
    this.log.addInbound({ wa_id: waId, id, received_at: at.toISOString(), name, message });
    const signed = signWebhook(messagesWebhook(this.business, { name, waId }, [message]), this.options.appSecret);
    const copies = input.repeat ?? 1;
    const results = await Promise.all(Array.from({ length: copies }, () => this.post(signed.body, signed.headers)));
    const first = results[0]!;
    this.log.setWebhookResult(id, first.status, first.error);
    return { wamid: id, status: first.status, ...(first.error ? { error: first.error } : {}) };
  }

  /** A tapped reply becomes what WhatsApp would send for the message that offered it, newest offer first. */
  private resolveReply(waId: string, replyId: string, replyTitle: string | undefined): { content: InboundContent; contextId?: string } {
    for (const entry of this.log.recentOutbound(waId)) {
      const match = matchReply(entry, replyId);
      if (!match) continue;
      if (match.kind === 'row') {
        return {
          content: {
            type: 'interactive',
            interactive: {
              type: 'list_reply',
              list_reply: { id: replyId, title: replyTitle ?? match.title, ...(match.description ? { description: match.description } : {}) },
            },
          },
          contextId: entry.id,
        };
      }
      if (match.kind === 'button') {
        return {
          content: { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: replyId, title: replyTitle ?? match.title } } },
          contextId: entry.id,
        };
      }
      // A template's quick-reply button arrives as type "button", not "interactive".
      return { content: { type: 'button', button: { payload: replyId, text: replyTitle ?? match.title } }, contextId: entry.id };
    }
    return { content: { type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: replyId, title: replyTitle ?? replyId } } } };
  }

  private citizenName(waId: string): string | undefined {
    for (const citizen of this.options.citizens()) {
      if (typeof citizen !== 'object' || citizen === null) continue;
      const c = citizen as Json;
      const mobile = String(c['mobile'] ?? c['phone'] ?? c['wa_id'] ?? '').replace(/\D/g, '');
      if (mobile.length >= 10 && waId.endsWith(mobile.slice(-10))) {
        const name = c['name'];
        if (typeof name === 'string') return name;
        if (typeof name === 'object' && name !== null && typeof (name as Json)['en'] === 'string') return (name as Json)['en'] as string;
      }
    }
    return undefined;
  }

  // ---- statuses ----

  async deliverStatus(request: StatusRequest): Promise<void> {
    const entry = this.log.outbound(request.id);
    if (!entry) throw new Error(`no outbound message has id ${request.id}`);
    const at = this.now();
    const conversation = this.conversation(entry, at);
    const errors =
      request.status === 'failed'
        ? (() => {
            const code = request.errorCode ?? 131026;
            const error = metaError(code).body.error;
            const title = error.message.replace(/^\(#\d+\) /, '');
            return [{ code, title, message: title, details: error.error_data?.details ?? title }];
          })()
        : undefined;
    const payload = statusWebhook(this.business, {
      id: entry.id,
      status: request.status,
      at,
      recipientId: entry.wa_id,
      category: entry.category,
      conversationId: conversation.id,
      ...(request.status === 'sent' ? { conversationExpiresAt: conversation.expiresAt } : {}),
      ...(errors ? { errors } : {}),
    });
    this.log.addStatus(entry.id, request.status, at);
    const signed = signWebhook(payload, this.options.appSecret);
    const result = await this.post(signed.body, signed.headers);
    if (result.status === null || result.status >= 300) {
      this.options.log(`status webhook for ${entry.id} (${request.status}) answered ${result.status ?? result.error}`);
    }
  }

  /** Queue a status after the ones before it, so sent always reaches the webhook before delivered. */
  queueStatus(request: StatusRequest): void {
    this.statusChain = this.statusChain
      .then(() => this.deliverStatus(request))
      .catch((error: unknown) => this.options.log(`status webhook failed: ${(error as Error).message}`));
    this.track(this.statusChain);
  }

  private conversation(entry: OutboundEntry, at: Date): { id: string; expiresAt: Date } {
    const key = `${entry.wa_id}:${entry.category}`;
    const open = this.conversations.get(key);
    if (open && open.expiresAt.getTime() > at.getTime()) return open;
    const fresh = { id: conversationId(), expiresAt: new Date(at.getTime() + WINDOW_MS), category: entry.category };
    this.conversations.set(key, fresh);
    return fresh;
  }

  // ---- webhook transport ----

  private async post(body: Buffer, headers: Record<string, string>): Promise<{ status: number | null; error?: string }> {
    const poster = this.options.postWebhook ?? ((b, h) => postHttp(`${this.options.publicBaseUrl}/webhook`, b, h));
    const attempt = poster(body, headers).then(
      (answer) => ({ status: answer.status }),
      (error: unknown) => ({ status: null, error: (error as Error).message }),
    );
    this.track(attempt);
    return attempt;
  }

  private track(promise: Promise<unknown>): void {
    this.inflight.add(promise);
    void promise.finally(() => this.inflight.delete(promise));
  }

  /** Resolves once every queued status webhook and in-flight delivery has finished. */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }
}

type ReplyMatch = { kind: 'row'; title: string; description?: string } | { kind: 'button' | 'template'; title: string };

function matchReply(entry: OutboundEntry, replyId: string): ReplyMatch | undefined {
  const request = entry.request;
  if (request['type'] === 'interactive') {
    const interactive = request['interactive'] as Json;
    const action = (interactive['action'] ?? {}) as Json;
    if (interactive['type'] === 'list') {
      for (const section of (action['sections'] ?? []) as Json[]) {
        for (const row of (section['rows'] ?? []) as Json[]) {
          if (row['id'] === replyId) {
            return { kind: 'row', title: String(row['title']), ...(typeof row['description'] === 'string' ? { description: row['description'] } : {}) };
          }
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
    const components = ((request['template'] as Json)['components'] ?? []) as Json[];
    for (const component of components) {
      if (component['type'] !== 'button' || component['sub_type'] !== 'quick_reply') continue;
      for (const parameter of (component['parameters'] ?? []) as Json[]) {
        if (parameter['payload'] === replyId) return { kind: 'template', title: replyId };
      }
    }
  }
  return undefined;
}

function sniffImage(bytes: Buffer): 'image/jpeg' | 'image/png' {
  return bytes[0] === 0x89 && bytes[1] === 0x50 ? 'image/png' : 'image/jpeg';
}

/** POST the exact bytes; Meta gives a webhook about 20 s before it counts the delivery as failed. */
export function postHttp(target: string, body: Buffer, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const url = new URL(target);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, { method: 'POST', headers: { ...headers, 'content-length': String(body.length) }, timeout: 20_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('webhook timed out after 20 s')));
    req.on('error', reject);
    req.end(body);
  });
}
