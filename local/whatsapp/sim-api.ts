import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from 'zod';
import { InvalidSimInput } from './citizen-input.ts';
import type { StatusRequest, WhatsAppEngine } from './engine.ts';
import { BodyTooLarge, parseJson, readBody, sendJson } from './http-io.ts';
import { officerView, type SampleOfficer } from './sample-people.ts';
import { type LocalTemplate, renderTemplate } from './templates.ts';
import { userKey } from './user-ids.ts';

export interface SimContext {
  engine: WhatsAppEngine;
  clock: { get(): Date; advance(seconds: number): void };
  citizens: () => unknown[];
  officers: () => readonly SampleOfficer[];
  lastOtp: (aadhaar: string) => string | undefined;
  templates: readonly LocalTemplate[];
  page: () => { html: string; nonce: string };
}

// A 5 MB photo is about 6.7 MB in base64.
const SEND_BODY_LIMIT = 8 * 1024 * 1024;
const SMALL_BODY_LIMIT = 64 * 1024;
const TYPING_MS = 25_000;

const ClockInput = z.strictObject({
  advance_seconds: z
    .number()
    .finite()
    .min(0)
    .max(366 * 86_400),
});
const FaultInput = z.strictObject({
  code: z.int().positive(),
  times: z.int().min(1).max(1000).optional(),
  /** Only sends to this user consume it: a phone number or a business-scoped user id. */
  wa_id: z
    .string()
    .refine((value) => userKey(value) === value, 'a phone number (7 to 15 digits) or a business-scoped user id')
    .optional(),
});
const StatusInput = z.strictObject({
  id: z.string().min(1),
  status: z.enum(['sent', 'delivered', 'read', 'failed']),
  error_code: z.int().positive().optional(),
});

const PayInput = z.strictObject({
  /** An order's reference id (paid inside WhatsApp), or a payment link's id (paid on the gateway's page). */
  reference: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'an order reference id or a payment link id'),
  outcome: z.enum(['captured', 'failed']),
  /** In-chat orders only: false when the gateway's own callback to the business is lost on the way. */
  gateway_callback: z.boolean().optional(),
});

class BadRequest extends Error {}

async function jsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  let raw: Buffer;
  try {
    raw = await readBody(req, limit);
  } catch (error) {
    if (error instanceof BodyTooLarge) throw new BadRequest(`body is larger than ${limit} bytes`);
    throw error;
  }
  const parsed = parseJson(raw);
  if (!parsed.ok) throw new BadRequest(`body is not valid JSON: ${parsed.error}`);
  return parsed.value;
}

function validate<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new BadRequest(
      parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; '),
    );
  }
  return parsed.data;
}

/** The user named by `wa_id`: a phone number (7 to 15 digits, spacing and + allowed) or a business-scoped user id. */
function waIdParam(url: URL): string {
  const waId = userKey(url.searchParams.get('wa_id') ?? '');
  if (waId === undefined) {
    throw new BadRequest(
      'wa_id query parameter is required: 7 to 15 digits with the country code, or a business-scoped user id',
    );
  }
  return waId;
}

type Route = (ctx: SimContext, req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;

const ROUTES: Record<string, Partial<Record<string, Route>>> = {
  '/sim': { GET: page },
  '/sim/': { GET: page },
  '/sim/api/send': {
    POST: async (ctx, req, res) => {
      const body = await jsonBody(req, SEND_BODY_LIMIT);
      const result = await ctx.engine.sendInbound(body);
      sendJson(res, 200, {
        wamid: result.wamid,
        webhook_status: result.status,
        ...(result.error ? { webhook_error: result.error } : {}),
      });
    },
  },
  '/sim/api/clock': {
    GET: (ctx, _req, res) => sendJson(res, 200, { now: ctx.clock.get().toISOString() }),
    POST: async (ctx, req, res) => {
      const input = validate(ClockInput, await jsonBody(req, SMALL_BODY_LIMIT));
      ctx.clock.advance(input.advance_seconds);
      sendJson(res, 200, { now: ctx.clock.get().toISOString() });
    },
  },
  '/sim/api/messages': {
    GET: (ctx, _req, res, url) => sendJson(res, 200, ctx.engine.log.sent(waIdParam(url))),
  },
  '/sim/api/chat': { GET: chat },
  '/sim/api/citizens': {
    GET: (ctx, _req, res) => sendJson(res, 200, ctx.citizens()),
  },
  '/sim/api/officers': {
    GET: (ctx, _req, res) => sendJson(res, 200, ctx.officers().map(officerView)),
  },
  '/sim/api/otp': {
    GET: (ctx, _req, res, url) => {
      const aadhaar = (url.searchParams.get('aadhaar') ?? '').replace(/\s/g, '');
      if (!/^\d{12}$/.test(aadhaar)) throw new BadRequest('aadhaar query parameter is required: 12 digits');
      const otp = ctx.lastOtp(aadhaar);
      if (otp === undefined)
        return sendJson(res, 404, { error: 'no one-time password was sent for that Aadhaar number' });
      sendJson(res, 200, { aadhaar, otp });
    },
  },
  '/sim/api/faults': {
    POST: async (ctx, req, res) => {
      const input = validate(FaultInput, await jsonBody(req, SMALL_BODY_LIMIT));
      ctx.engine.faults.inject({
        code: input.code,
        ...(input.times ? { times: input.times } : {}),
        ...(input.wa_id ? { waId: input.wa_id } : {}),
      });
      sendJson(res, 200, { injected: input });
    },
    DELETE: (ctx, _req, res) => {
      ctx.engine.faults.clear();
      sendJson(res, 200, { cleared: true });
    },
  },
  '/sim/api/pay': {
    POST: async (ctx, req, res) => {
      const input = validate(PayInput, await jsonBody(req, SMALL_BODY_LIMIT));
      if (input.reference.startsWith('plink_')) {
        // A link is paid on the gateway's page, as the citizen's browser would.
        const answer = await fetch(`${ctx.engine.options.publicBaseUrl}/pay/${input.reference}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ outcome: input.outcome }),
        });
        return sendJson(res, answer.status, {
          reference: input.reference,
          payment_id: answer.headers.get('x-payment-id'),
          callback_status: answer.status,
        });
      }
      const paid = await ctx.engine.payOrder(input.reference, input.outcome, {
        ...(input.gateway_callback === undefined ? {} : { callback: input.gateway_callback }),
      });
      if (!paid) return sendJson(res, 404, { error: `no order_details message has reference id ${input.reference}` });
      sendJson(res, 200, {
        reference: input.reference,
        payment_id: paid.paymentId,
        webhook_status: paid.webhookStatus,
      });
    },
  },
  '/sim/api/status': {
    POST: async (ctx, req, res) => {
      const input = validate(StatusInput, await jsonBody(req, SMALL_BODY_LIMIT));
      if (!ctx.engine.log.outbound(input.id))
        return sendJson(res, 404, { error: `no outbound message has id ${input.id}` });
      const request: StatusRequest = {
        id: input.id,
        status: input.status,
        ...(input.error_code ? { errorCode: input.error_code } : {}),
      };
      ctx.engine.queueStatus(request);
      sendJson(res, 202, { queued: request });
    },
  },
};

function page(ctx: SimContext, _req: IncomingMessage, res: ServerResponse): void {
  const { html, nonce } = ctx.page();
  const bytes = Buffer.from(html, 'utf8');
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': String(bytes.length),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    // Everything inline carries the nonce; nothing else may run or load, so message text can never become code.
    'content-security-policy': [
      "default-src 'none'",
      `script-src 'nonce-${nonce}'`,
      `style-src 'nonce-${nonce}'`,
      "img-src 'self' data: blob: http: https:",
      "connect-src 'self'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
  });
  res.end(bytes);
}

function chat(ctx: SimContext, _req: IncomingMessage, res: ServerResponse, url: URL): void {
  const waId = waIdParam(url);
  const now = ctx.engine.now();
  const items = ctx.engine.log.timeline(waId).map((item) => {
    if (item.direction !== 'out' || item.payload['type'] !== 'template') return item;
    const rendered = renderTemplate(ctx.templates, item.payload);
    return rendered ? { ...item, rendered } : item;
  });
  // WhatsApp shows "typing…" from the mark-as-read call with a typing indicator until the reply, or 25 s.
  const since = ctx.engine.log.typingSince(waId);
  const typing = since !== undefined && now.getTime() - since.getTime() < TYPING_MS;
  sendJson(res, 200, {
    now: now.toISOString(),
    wa_id: waId,
    business: ctx.engine.business.displayPhoneNumber,
    typing,
    items,
  });
}

/** The simulator's media view: no bearer (a browser tab cannot send one) and sandboxed so a file cannot run script. */
function media(ctx: SimContext, req: IncomingMessage, res: ServerResponse, id: string): void {
  req.resume();
  const record = ctx.engine.media.get(id, ctx.engine.now());
  if (!record) {
    sendJson(res, 404, { error: 'no such media, or it expired' });
    return;
  }
  const data = ctx.engine.media.bytes(record);
  const filename = record.filename ?? `${record.id}`;
  res.writeHead(200, {
    'content-type': record.mime_type,
    'content-length': String(data.length),
    'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(filename)}`,
    'content-security-policy': 'sandbox',
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  res.end(data);
}

/** The simulator's routes under /sim. Returns false for paths it does not serve, so the runtime answers 404. */
export async function handleSim(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  const path = url.pathname;
  const mediaMatch = /^\/sim\/media\/(\d+)$/.exec(path);
  if (mediaMatch) {
    if (req.method !== 'GET') return methodNotAllowed(req, res, 'GET');
    media(ctx, req, res, mediaMatch[1]!);
    return true;
  }
  const methods = ROUTES[path];
  if (!methods) return false;
  const route = methods[req.method ?? 'GET'];
  if (!route) return methodNotAllowed(req, res, Object.keys(methods).join(', '));
  try {
    await route(ctx, req, res, url);
  } catch (error) {
    if (error instanceof BadRequest || error instanceof InvalidSimInput) {
      sendJson(res, 400, { error: error.message });
    } else {
      throw error;
    }
  }
  return true;
}

function methodNotAllowed(req: IncomingMessage, res: ServerResponse, allow: string): true {
  req.resume();
  sendJson(res, 405, { error: `method not allowed; use ${allow}` }, { allow });
  return true;
}
