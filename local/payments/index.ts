import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { readJsonBody, sendJsonBody } from '../json-io.ts';
import { type PayPageLink, payPage } from './pay-page.ts';

/**
 * The embedded runtime's stand-in for an Indian payment gateway (the kind government portals use): payment links
 * made over an API with a bearer key, a hosted pay page, and a server-to-server callback signed with the webhook
 * secret over the raw body (`X-Payment-Signature: sha256=<hex>`). It is a fake of a third party and shares no code
 * with lambdas/, so it catches mistakes in Mitra's side of the contract rather than repeating them.
 */
export interface LocalPaymentGateway {
  /**
   * `POST /payment-gateway/payment-links`, `GET /payment-gateway/orders/{orderId}/payments`,
   * `POST /payment-gateway/refunds`, `GET|POST /pay/{linkId}` and `GET /sim/api/payments?order_id=`; false for other
   * paths.
   */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
  /**
   * WhatsApp's in-chat checkout through the payment configuration linked to this gateway: a payment on the order
   * with this reference id, then (unless `callback` is false: lost on the way) the signed callback to the business.
   */
  checkout(request: {
    referenceId: string;
    amountPaise: number;
    outcome: 'captured' | 'failed';
    customerWaId: string;
    callback: boolean;
  }): Promise<{ paymentId: string }>;
}

/** A payment taken by WhatsApp's checkout for an order (not on a link). */
interface InChatPayment extends Attempt {
  orderId: string;
  amountPaise: number;
  customerWaId: string;
}

/** Money given back on a captured payment, once per idempotency key, never more than was paid. */
interface Refund {
  refundId: string;
  paymentId: string;
  orderId: string;
  amountPaise: number;
  idempotencyKey: string;
  reason: string;
  at: string;
}

interface Attempt {
  paymentId: string;
  outcome: 'captured' | 'failed';
  at: string;
  /** What Mitra's callback endpoint answered (absent: no callback reached it). */
  callbackStatus?: number;
}

interface Link extends PayPageLink {
  currency: 'INR';
  customerWaId: string;
  url: string;
  createdAt: string;
  attempts: Attempt[];
}

export interface LocalPaymentGatewayOptions {
  publicBaseUrl: string;
  apiKey: string;
  webhookSecret: string;
  /** Where the signed callbacks go: the runtime's own `/payments/callback`, as registered with a real gateway. */
  callbackUrl: string;
  dataDir: string;
  now: () => Date;
}
const ORDER_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function createLocalPaymentGateway(options: LocalPaymentGatewayOptions): LocalPaymentGateway {
  mkdirSync(options.dataDir, { recursive: true });
  const file = join(options.dataDir, 'links.json');
  // Links survive a restart like the rest of the runtime's data: a citizen's link keeps working.
  const links = new Map<string, Link>(
    existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Link[]).map((l) => [l.linkId, l]) : [],
  );
  const save = () => {
    writeFileSync(`${file}.tmp`, JSON.stringify([...links.values()], null, 1));
    renameSync(`${file}.tmp`, file);
  };
  const inChatFile = join(options.dataDir, 'in-chat-payments.json');
  const inChat: InChatPayment[] = existsSync(inChatFile)
    ? (JSON.parse(readFileSync(inChatFile, 'utf8')) as InChatPayment[])
    : [];
  const saveInChat = () => {
    writeFileSync(`${inChatFile}.tmp`, JSON.stringify(inChat, null, 1));
    renameSync(`${inChatFile}.tmp`, inChatFile);
  };
  const refundsFile = join(options.dataDir, 'refunds.json');
  const refunds: Refund[] = existsSync(refundsFile) ? (JSON.parse(readFileSync(refundsFile, 'utf8')) as Refund[]) : [];
  const saveRefunds = () => {
    writeFileSync(`${refundsFile}.tmp`, JSON.stringify(refunds, null, 1));
    renameSync(`${refundsFile}.tmp`, refundsFile);
  };
  const authorised = (req: IncomingMessage) => {
    const presented = Buffer.from(req.headers.authorization ?? '');
    const expected = Buffer.from(`Bearer ${options.apiKey}`);
    return presented.length === expected.length && timingSafeEqual(presented, expected);
  };
  /** The signed server-to-server callback for one payment attempt on an order. */
  const notify = (orderId: string, paymentId: string, outcome: Attempt['outcome'], amountPaise: number, at: string) => {
    const callback = Buffer.from(
      JSON.stringify({
        event: outcome === 'captured' ? 'payment.captured' : 'payment.failed',
        paymentId,
        orderId,
        amountPaise,
        currency: 'INR',
        paidAt: at,
        method: 'upi',
      }),
      'utf8',
    );
    return fetch(options.callbackUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-payment-signature': `sha256=${createHmac('sha256', options.webhookSecret).update(callback).digest('hex')}`,
      },
      body: callback,
      signal: AbortSignal.timeout(30_000),
    });
  };
  /** Every attempt on an order, on its link or in WhatsApp's checkout, as the lookup answers them. */
  const paymentsOf = (orderId: string) => [
    ...[...links.values()]
      .filter((l) => l.orderId === orderId)
      .flatMap((l) => l.attempts.map((a) => ({ ...a, amountPaise: l.amountPaise }))),
    ...inChat.filter((p) => p.orderId === orderId),
  ];
  /** A captured payment, whichever way it was paid, with the order it was for. */
  const capturedPayment = (paymentId: string) =>
    [
      ...[...links.values()].flatMap((l) =>
        l.attempts.map((a) => ({ ...a, orderId: l.orderId, amountPaise: l.amountPaise })),
      ),
      ...inChat,
    ].find((p) => p.paymentId === paymentId && p.outcome === 'captured');

  const refund = async (req: IncomingMessage, res: ServerResponse) => {
    if (!authorised(req)) return sendJsonBody(res, 401, { message: 'invalid API key' });
    const body = (await readJsonBody(req)) as Record<string, unknown> | undefined;
    const { paymentId, amountPaise, idempotencyKey, reason } = body ?? {};
    if (
      typeof paymentId !== 'string' ||
      typeof idempotencyKey !== 'string' ||
      idempotencyKey.length === 0 ||
      typeof amountPaise !== 'number' ||
      !Number.isInteger(amountPaise) ||
      amountPaise <= 0 ||
      body?.currency !== 'INR'
    )
      return sendJsonBody(res, 400, {
        message:
          'the body must be { paymentId, amountPaise (positive paise), currency: "INR", idempotencyKey, reason }',
      });
    const earlier = refunds.find((r) => r.idempotencyKey === idempotencyKey);
    if (earlier) {
      if (earlier.paymentId !== paymentId || earlier.amountPaise !== amountPaise)
        return sendJsonBody(res, 409, { message: `refund ${idempotencyKey} was already made for another amount` });
      return sendJsonBody(res, 200, refundAnswer(earlier));
    }
    const payment = capturedPayment(paymentId);
    if (!payment) return sendJsonBody(res, 404, { message: `no captured payment ${paymentId}` });
    const refunded = refunds.filter((r) => r.paymentId === paymentId).reduce((sum, r) => sum + r.amountPaise, 0);
    if (refunded + amountPaise > payment.amountPaise)
      return sendJsonBody(res, 409, {
        message: `payment ${paymentId} has only ${payment.amountPaise - refunded} paise left`,
      });
    const made: Refund = {
      refundId: `rfnd_${randomBytes(9).toString('base64url')}`,
      paymentId,
      orderId: payment.orderId,
      amountPaise,
      idempotencyKey,
      reason: typeof reason === 'string' ? reason.slice(0, 200) : '',
      at: options.now().toISOString(),
    };
    refunds.push(made);
    saveRefunds();
    sendJsonBody(res, 201, refundAnswer(made));
  };
  const statusOf = (link: Link): Link['status'] =>
    link.status === 'created' && options.now().getTime() > Date.parse(link.expiresAt) ? 'expired' : link.status;

  const createLink = async (req: IncomingMessage, res: ServerResponse) => {
    if (!authorised(req)) return sendJsonBody(res, 401, { message: 'invalid API key' });
    const body = await readJsonBody(req);
    const problem = linkRequestProblem(body);
    if (problem) return sendJsonBody(res, 400, { message: problem });
    const request = body as Record<string, string & number>;
    const existing = [...links.values()].find((l) => l.orderId === request.orderId);
    if (existing) {
      if (existing.amountPaise !== request.amountPaise)
        return sendJsonBody(res, 409, { message: `order ${request.orderId} already has a link for another amount` });
      return sendJsonBody(res, 200, answer(existing));
    }
    const linkId = `plink_${randomBytes(9).toString('base64url')}`;
    const link: Link = {
      linkId,
      orderId: request.orderId,
      amountPaise: request.amountPaise,
      currency: 'INR',
      description: request.description,
      customerWaId: request.customerWaId,
      expiresAt: new Date(request.expiresAt).toISOString(),
      url: `${options.publicBaseUrl}/pay/${linkId}`,
      createdAt: options.now().toISOString(),
      status: 'created',
      attempts: [],
    };
    links.set(linkId, link);
    save();
    sendJsonBody(res, 201, answer(link));
  };

  /** The citizen's UPI app paid (or failed): the gateway tells Mitra, signed, and answers what Mitra answered. */
  const settle = async (req: IncomingMessage, res: ServerResponse, link: Link) => {
    const body = (await readJsonBody(req)) as { outcome?: unknown } | undefined;
    const outcome = body?.outcome;
    if (outcome !== 'captured' && outcome !== 'failed')
      return sendJsonBody(res, 400, { message: 'outcome must be "captured" or "failed"' });
    const status = statusOf(link);
    if (status !== 'created') return sendJsonBody(res, 409, { message: `this link is ${status}` });
    const paymentId = `pay_${randomBytes(9).toString('base64url')}`;
    const at = options.now().toISOString();
    if (outcome === 'captured') link.status = 'paid';
    const response = await notify(link.orderId, paymentId, outcome, link.amountPaise, at);
    const answered = Buffer.from(await response.arrayBuffer());
    link.attempts.push({ paymentId, outcome, at, callbackStatus: response.status });
    save();
    res.writeHead(response.status, {
      'content-type': response.headers.get('content-type') ?? 'application/json',
      'x-payment-id': paymentId,
    });
    res.end(answered);
  };

  return {
    async checkout(request) {
      const paymentId = `pay_${randomBytes(9).toString('base64url')}`;
      const at = options.now().toISOString();
      const payment: InChatPayment = {
        paymentId,
        outcome: request.outcome,
        at,
        orderId: request.referenceId,
        amountPaise: request.amountPaise,
        customerWaId: request.customerWaId,
      };
      inChat.push(payment);
      saveInChat();
      if (request.callback) {
        const response = await notify(request.referenceId, paymentId, request.outcome, request.amountPaise, at);
        await response.arrayBuffer();
        payment.callbackStatus = response.status;
        saveInChat();
      }
      return { paymentId };
    },
    async handle(req, res, url) {
      const method = req.method ?? 'GET';
      const lookup = /^\/payment-gateway\/orders\/([A-Za-z0-9_-]{1,64})\/payments$/.exec(url.pathname);
      if (lookup) {
        if (method !== 'GET') sendJsonBody(res, 405, { message: 'method not allowed' });
        else if (!authorised(req)) sendJsonBody(res, 401, { message: 'invalid API key' });
        else
          sendJsonBody(res, 200, {
            orderId: lookup[1],
            payments: paymentsOf(lookup[1]!).map((p) => ({
              paymentId: p.paymentId,
              status: p.outcome,
              amountPaise: p.amountPaise,
              currency: 'INR',
              paidAt: p.at,
              method: 'upi',
            })),
          });
        return true;
      }
      if (url.pathname === '/payment-gateway/refunds') {
        if (method !== 'POST') sendJsonBody(res, 405, { message: 'method not allowed' });
        else await refund(req, res);
        return true;
      }
      if (url.pathname === '/payment-gateway/payment-links') {
        if (method !== 'POST') sendJsonBody(res, 405, { message: 'method not allowed' });
        else await createLink(req, res);
        return true;
      }
      if (url.pathname === '/sim/api/payments' && method === 'GET') {
        const orderId = url.searchParams.get('order_id');
        const listed = [...links.values()]
          .filter((l) => orderId === null || l.orderId === orderId)
          .map((l) => ({ ...l, status: statusOf(l) }));
        const checkouts = inChat.filter((p) => orderId === null || p.orderId === orderId);
        const given = refunds.filter((r) => orderId === null || r.orderId === orderId);
        sendJsonBody(res, 200, { links: listed, inChat: checkouts, refunds: given });
        return true;
      }
      const pay = /^\/pay\/([A-Za-z0-9_-]+)$/.exec(url.pathname);
      if (!pay) return false;
      const link = links.get(pay[1]!);
      if (method === 'GET') {
        res.writeHead(link ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(link ? payPage({ ...link, status: statusOf(link) }) : '<!doctype html><p>No such payment link.</p>');
      } else if (method !== 'POST') {
        sendJsonBody(res, 405, { message: 'method not allowed' });
      } else if (!link) {
        sendJsonBody(res, 404, { message: 'no such payment link' });
      } else {
        await settle(req, res, link);
      }
      return true;
    },
  };
}

function refundAnswer(refund: Refund) {
  return { refundId: refund.refundId, status: 'processed', amountPaise: refund.amountPaise };
}

function answer(link: Link) {
  return { linkId: link.linkId, url: link.url, expiresAt: link.expiresAt };
}

function linkRequestProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return 'body must be a JSON object';
  const b = body as Record<string, unknown>;
  if (typeof b.orderId !== 'string' || !ORDER_ID.test(b.orderId)) return 'orderId must be 1 to 64 letters or digits';
  if (typeof b.amountPaise !== 'number' || !Number.isInteger(b.amountPaise) || b.amountPaise <= 0)
    return 'amountPaise must be a positive whole number of paise';
  if (b.currency !== 'INR') return 'currency must be INR';
  if (typeof b.description !== 'string' || b.description.length === 0 || b.description.length > 200)
    return 'description must be 1 to 200 characters';
  if (typeof b.customerWaId !== 'string' || !/^(?:\d{6,20}|[A-Z]{2}\.[A-Za-z0-9]{1,128})$/.test(b.customerWaId))
    return 'customerWaId must be a phone number in international format, digits only, or a WhatsApp user id';
  if (typeof b.expiresAt !== 'string' || Number.isNaN(Date.parse(b.expiresAt))) return 'expiresAt must be a date';
  return undefined;
}
