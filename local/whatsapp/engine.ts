import { createHmac, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { voiceNoteWithTags } from '../speech/ogg-opus.ts';
import { InvalidSimInput, parseSimSendInput, replyContent, sniffImage } from './citizen-input.ts';
import { createFaultInjector, type FaultInjector } from './faults.ts';
import { conversationId, wamid } from './ids.ts';
import { checkOutbound } from './limits.ts';
import { MediaStore } from './media-store.ts';
import { MessageLog, type OutboundEntry } from './message-log.ts';
import { type MetaErrorResponse, metaError } from './meta-errors.ts';
import { type SamplePerson, samplePersonName } from './sample-people.ts';
import { checkTemplate, type LocalTemplate } from './templates.ts';
import { userKey } from './user-ids.ts';
import {
  type BusinessNumber,
  type DeliveryStatus,
  type InboundContent,
  inboundMessage,
  messagesWebhook,
  paymentStatusWebhook,
  signWebhook,
  statusWebhook,
} from './webhook-payload.ts';
import { type PostWebhook, postHttp } from './webhook-transport.ts';

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
  /** The sample citizens and officers: a message from one of their numbers carries their profile name. */
  people: () => SamplePerson[];
  faults?: FaultInjector;
  templates: readonly LocalTemplate[];
  statusWebhooks: boolean;
  /** Payments in India: the payment configurations set up in WhatsApp Manager (name → gateway type). */
  paymentConfigurations: ReadonlyMap<string, string>;
  /** The gateway behind those configurations takes a payment for an order (WhatsApp's in-chat checkout). */
  checkout?: (request: CheckoutRequest) => Promise<{ paymentId: string }>;
  log: (message: string, detail?: unknown) => void;
}

/** Meta's first redeliveries of a failed message webhook, compressed from minutes to seconds. */
const WEBHOOK_REDELIVERY_MS = [1000, 2000, 4000, 8000, 16000, 32000, 60000];

interface CheckoutRequest {
  referenceId: string;
  amountPaise: number;
  outcome: 'captured' | 'failed';
  customerWaId: string;
  /** Whether the gateway also sends the business its own callback (false: that callback got lost). */
  callback: boolean;
}

/** What a tap on Pay (or a failed payment) in an order_details message did. */
export interface OrderPayment {
  paymentId: string;
  /** How the system's /webhook answered the payment status (null: unreachable). */
  webhookStatus: number | null;
}

const WINDOW_MS = 24 * 3600 * 1000;

function orderParameters(request: Record<string, unknown>): Record<string, unknown> | undefined {
  const interactive = request['interactive'] as { type?: string; action?: { parameters?: Json } } | undefined;
  return interactive?.type === 'order_details' ? interactive.action?.parameters : undefined;
}

function orderReference(request: Record<string, unknown>): unknown {
  return orderParameters(request)?.['reference_id'];
}
const MEDIA_URL_TTL_MS = 5 * 60 * 1000;

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

const asError = (e: MetaErrorResponse): GraphAnswer => ({
  status: e.status,
  body: e.body,
  ...(e.headers ? { headers: e.headers } : {}),
});

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

  /** POST /{phone_number_id}/messages: faults first, then Meta's checks, then the 24-hour window. */
  acceptOutbound(body: unknown): GraphAnswer {
    const isRead = (body as Json | null)?.['status'] !== undefined;
    if (!isRead) {
      const fault = this.faults.take(faultKey(body));
      if (fault !== undefined) return asError(metaError(fault));
    }
    const check = checkOutbound(body, {
      mediaExists: (id) => this.media.get(id, this.now()) !== undefined,
      paymentConfigurations: this.options.paymentConfigurations,
      ...(this.options.templates.length > 0
        ? {
            checkTemplate: (name: string, language: string, components: unknown[]) =>
              checkTemplate(this.options.templates, name, language, components),
          }
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
    if (
      check.by === 'user_id' &&
      check.template &&
      this.templateCategory(check.template.name, check.template.language) === 'authentication'
    ) {
      return asError(
        metaError(
          131062,
          `Template '${check.template.name}' is an authentication template; send it to a phone number.`,
        ),
      );
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
    if (this.options.statusWebhooks) {
      this.queueStatus({ id, status: 'sent' });
      this.queueStatus({ id, status: 'delivered' });
    }
    return {
      status: 200,
      body: {
        messaging_product: 'whatsapp',
        // Meta names the user the way the request did: wa_id for a phone number, user_id for a BSUID.
        contacts: [
          check.by === 'phone'
            ? { input: check.input, wa_id: check.waId }
            : { input: check.input, user_id: check.waId },
        ],
        // Meta adds message_status only for template sends.
        messages: [check.template ? { id, message_status: 'accepted' } : { id }],
      },
    };
  }

  private templateCategory(name: string, language: string): string {
    const template = this.options.templates.find((t) => t.name === name && t.language === language);
    return (template?.category ?? 'UTILITY').toLowerCase();
  }

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

  /** The citizen's side: build, escape, sign and POST the webhook Meta would send for this action. */
  async sendInbound(raw: unknown): Promise<{ wamid: string; status: number | null; error?: string }> {
    const input = parseSimSendInput(raw);
    const phoneNumber = input.from?.replace(/\D/g, '');
    // Messages are kept under the phone number when the user shares one, else under their BSUID.
    const waId = (phoneNumber ?? input.user_id) as string;
    const sender = {
      ...(phoneNumber ? { waId: phoneNumber } : {}),
      ...(input.user_id ? { userId: input.user_id } : {}),
      ...(input.username ? { username: input.username } : {}),
    };
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
        image: {
          ...(input.text ? { caption: input.text } : {}),
          mime_type: mimeType,
          sha256: stored.sha256_base64,
          id: stored.id,
        },
      };
    } else if (input.document_base64 !== undefined) {
      const bytes = Buffer.from(input.document_base64, 'base64');
      if (bytes.length === 0) throw new InvalidSimInput('document_base64: not base64-encoded bytes');
      const filename = input.document_filename ?? 'document.pdf';
      const mimeType =
        input.document_mime_type ??
        (filename.toLowerCase().endsWith('.pdf') ? 'application/pdf' : 'application/octet-stream');
      const stored = this.media.put({ bytes, mimeType, filename, origin: 'inbound', now: at });
      content = {
        type: 'document',
        document: {
          ...(input.text ? { caption: input.text } : {}),
          filename,
          mime_type: mimeType,
          sha256: stored.sha256_base64,
          id: stored.id,
        },
      };
    } else if (input.location !== undefined) {
      content = { type: 'location', location: input.location };
    } else if (input.voice !== undefined) {
      const bytes = voiceNoteWithTags({ TRANSCRIPT: input.voice.transcript, LANGUAGE: input.voice.language });
      const mimeType = 'audio/ogg; codecs=opus';
      const stored = this.media.put({ bytes, mimeType, origin: 'inbound', now: at });
      content = {
        type: 'audio',
        audio: { mime_type: mimeType, sha256: stored.sha256_base64, id: stored.id, voice: true },
      };
    } else if (input.reply_id !== undefined) {
      // The message the citizen tapped in (when known) decides first, then every earlier offer, newest first.
      const quoted = input.context_id ? this.log.outbound(input.context_id) : undefined;
      const offers = [...(quoted?.wa_id === waId ? [quoted] : []), ...this.log.recentOutbound(waId)];
      const resolved = replyContent(offers, input.reply_id, input.reply_title);
      content = resolved.content;
      context ??= resolved.contextId ? { from: this.business.displayPhoneNumber, id: resolved.contextId } : undefined;
    } else {
      content = { type: 'text', text: { body: input.text as string } };
    }
    const message = inboundMessage({
      ...(phoneNumber ? { from: phoneNumber } : {}),
      ...(input.user_id ? { fromUserId: input.user_id } : {}),
      id,
      at,
      content,
      ...(context ? { context } : {}),
    });
    const name = input.name ?? samplePersonName(this.options.people(), waId) ?? input.username ?? waId;
    // Recorded before the webhook is posted: the 24-hour window opens when the citizen writes, and the system's
    // reply may be sent while the webhook is still being handled.
    this.log.addInbound({
      wa_id: waId,
      ...(phoneNumber && input.user_id ? { user_id: input.user_id } : {}),
      id,
      received_at: at.toISOString(),
      name,
      message,
    });
    const signed = signWebhook(messagesWebhook(this.business, { name, ...sender }, [message]), this.options.appSecret);
    const copies = input.repeat ?? 1;
    const results = await Promise.all(Array.from({ length: copies }, () => this.post(signed.body, signed.headers)));
    const first = results[0]!;
    this.log.setWebhookResult(id, first.status, first.error);
    if (first.status === null || first.status >= 500) this.redeliver(id, signed.body, signed.headers);
    return { wamid: id, status: first.status, ...(first.error ? { error: first.error } : {}) };
  }

  async deliverStatus(request: StatusRequest): Promise<void> {
    const entry = this.log.outbound(request.id);
    if (!entry) throw new Error(`no outbound message has id ${request.id}`);
    const at = this.now();
    const conversation = this.conversation(entry, at);
    const errors = request.status === 'failed' ? [statusError(request.errorCode ?? 131026)] : undefined;
    const payload = statusWebhook(this.business, {
      id: entry.id,
      status: request.status,
      at,
      ...recipientOf(entry, request.status, this.log.aliasOf(entry.wa_id)),
      category: entry.category,
      conversationId: conversation.id,
      ...(request.status === 'sent' ? { conversationExpiresAt: conversation.expiresAt } : {}),
      ...(errors ? { errors } : {}),
      ...(typeof entry.request['biz_opaque_callback_data'] === 'string'
        ? { callbackData: entry.request['biz_opaque_callback_data'] }
        : {}),
    });
    this.log.addStatus(entry.id, request.status, at);
    const signed = signWebhook(payload, this.options.appSecret);
    const result = await this.post(signed.body, signed.headers);
    if (result.status === null || result.status >= 300) {
      this.options.log(`status webhook for ${entry.id} (${request.status}) answered ${result.status ?? result.error}`);
    }
  }

  /**
   * The citizen pays (or fails to pay) the last order_details message sent with this reference id: the gateway of its
   * payment configuration takes the payment, then WhatsApp sends the business the payment status webhook. Undefined
   * when no such order was sent.
   */
  async payOrder(
    referenceId: string,
    outcome: 'captured' | 'failed',
    options: { callback?: boolean } = {},
  ): Promise<OrderPayment | undefined> {
    const order = this.log.lastOutboundWhere((request) => orderReference(request) === referenceId);
    if (!order) return undefined;
    if (!this.options.checkout) throw new Error('no payment gateway is linked to the payment configurations');
    const parameters = orderParameters(order.request)!;
    const amountPaise = (parameters['total_amount'] as { value: number }).value;
    const gateway = (parameters['payment_settings'] as { payment_gateway: { type: string } }[])[0]!.payment_gateway
      .type;
    const createdAt = this.now();
    const { paymentId } = await this.options.checkout({
      referenceId,
      amountPaise,
      outcome,
      customerWaId: order.wa_id,
      callback: options.callback ?? true,
    });
    const payload = paymentStatusWebhook(this.business, {
      id: order.id,
      recipientId: order.wa_id,
      referenceId,
      status: outcome,
      at: this.now(),
      amountPaise,
      transaction: { id: paymentId, gateway, createdAt, method: 'upi' },
    });
    const signed = signWebhook(payload, this.options.appSecret);
    const result = await this.post(signed.body, signed.headers);
    return { paymentId, webhookStatus: result.status };
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

  private async post(
    body: Buffer,
    headers: Record<string, string>,
  ): Promise<{ status: number | null; error?: string }> {
    const poster = this.options.postWebhook ?? ((b, h) => postHttp(`${this.options.publicBaseUrl}/webhook`, b, h));
    const attempt = poster(body, headers).then(
      (answer) => ({ status: answer.status }),
      (error: unknown) => ({ status: null, error: (error as Error).message }),
    );
    this.track(attempt);
    return attempt;
  }

  /**
   * Meta keeps redelivering a message webhook the business answered with an error or not at all, with growing
   * intervals, for up to 7 days; here the same bytes go again after each of those delays until one is
   * answered below 500. Only the attempts count as in flight: `idle()` does not wait out the backoff.
   */
  private redeliver(id: string, body: Buffer, headers: Record<string, string>, attempt = 0): void {
    const delay = WEBHOOK_REDELIVERY_MS[attempt];
    if (delay === undefined) return;
    setTimeout(() => {
      void this.post(body, headers).then((result) => {
        this.log.setWebhookResult(id, result.status, result.error);
        if (result.status === null || result.status >= 500) this.redeliver(id, body, headers, attempt + 1);
      });
    }, delay).unref();
  }

  private track(promise: Promise<unknown>): void {
    this.inflight.add(promise);
    const forget = () => this.inflight.delete(promise);
    promise.then(forget, forget);
  }

  /** Resolves once every queued status webhook and in-flight delivery has finished. */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }
}

/** The key a fault injected for one user is taken by: the phone number's digits in `to`, else the BSUID. */
function faultKey(body: unknown): string {
  const message = (body ?? {}) as Json;
  for (const field of ['to', 'recipient']) {
    const value = message[field];
    if (typeof value === 'string') return userKey(value) ?? value;
  }
  return '';
}

/**
 * The recipient fields of a status: `recipient_id` (phone number) when the message went to one, and the BSUID in
 * `recipient_user_id`, except on a failed message sent to a phone number, where Meta omits it.
 */
function recipientOf(
  entry: OutboundEntry,
  status: DeliveryStatus,
  alias: string | undefined,
): { recipientId?: string; recipientUserId?: string } {
  const sentToPhone = /^\d+$/.test(entry.wa_id);
  if (!sentToPhone) return { recipientUserId: entry.wa_id };
  return { recipientId: entry.wa_id, ...(alias && status !== 'failed' ? { recipientUserId: alias } : {}) };
}

/** The errors[] item of a failed status: Meta repeats the title as message and puts the details in error_data. */
function statusError(code: number): { code: number; title: string; message: string; details: string } {
  const error = metaError(code).body.error;
  const title = error.message.replace(/^\(#\d+\) /, '');
  return { code, title, message: title, details: error.error_data?.details ?? title };
}
