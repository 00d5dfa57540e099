import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { MitraError } from '#core/errors.ts';
import * as z from '#core/validation.ts';
import { optionalEnv, requireEnv } from './env.ts';

/** The payment gateway could not be reached, refused the request, or answered out of contract. */
class PaymentGatewayError extends MitraError {}

const SecretSchema = z.strictObject({
  apiKey: z.string().check(z.minLength(1)),
  webhookSecret: z.string().check(z.minLength(1)),
});
type PaymentSecrets = z.infer<typeof SecretSchema>;

let cached: Promise<PaymentSecrets> | undefined;

/**
 * The gateway's credentials: the API key that creates links and the secret its callbacks are signed with. In AWS
 * they live in one Secrets Manager secret (JSON `{ apiKey, webhookSecret }`) named by PAYMENT_SECRET_ARN, read once
 * per cold start; the embedded runtime passes its local defaults as PAYMENT_API_KEY and PAYMENT_WEBHOOK_SECRET.
 */
export function paymentSecrets(): Promise<PaymentSecrets> {
  cached ??= loadSecrets().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function loadSecrets(): Promise<PaymentSecrets> {
  const secretArn = optionalEnv('PAYMENT_SECRET_ARN');
  if (!secretArn) {
    return { apiKey: requireEnv('PAYMENT_API_KEY'), webhookSecret: requireEnv('PAYMENT_WEBHOOK_SECRET') };
  }
  const client = new SecretsManagerClient({});
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
  let json: unknown;
  try {
    json = JSON.parse(SecretString ?? '{}');
  } catch {
    throw new Error(`secret ${secretArn} must be JSON {"apiKey","webhookSecret"}`);
  }
  const parsed = SecretSchema.safeParse(json);
  if (!parsed.success) {
    // Never echo the secret's content: name only the keys that are wrong.
    throw new Error(
      `secret ${secretArn} must be JSON {"apiKey","webhookSecret"}: ${parsed.error.issues.map((i) => i.path.join('.') || 'body').join(', ')}`,
    );
  }
  return parsed.data;
}

export interface PaymentLinkRequest {
  /** Our application id: the gateway answers the link it already made for an order rather than make another. */
  orderId: string;
  amountPaise: number;
  description: string;
  customerWaId: string;
  expiresAt: string;
}

export interface PaymentLink {
  linkId: string;
  url: string;
  /** When the gateway stops taking payment on the link (the one it already had, for an order it knows). */
  expiresAt: string;
}

const LinkAnswer = z.looseObject({
  linkId: z.string().check(z.minLength(1)),
  url: z.url({ protocol: /^https?$/ }),
  expiresAt: z.optional(z.iso.datetime({ offset: true })),
});

const TIMEOUT_MS = 8000;

/**
 * The gateway's payment-link API at PAYMENT_GATEWAY_ENDPOINT: `POST {endpoint}/payment-links` with
 * `Authorization: Bearer <apiKey>` and `{ orderId, amountPaise, currency: 'INR', description, customerWaId,
 * expiresAt }` → `{ linkId, url, expiresAt? }`. The same orderId answers the same link, so a retried step never
 * makes the citizen a second one.
 */
export async function createPaymentLink(request: PaymentLinkRequest): Promise<PaymentLink> {
  const answer = await postToGateway('payment-links', { ...request, currency: 'INR' }, `order ${request.orderId}`);
  const parsed = LinkAnswer.safeParse(answer);
  if (!parsed.success) {
    throw new PaymentGatewayError(`payment gateway answered order ${request.orderId} without a usable { linkId, url }`);
  }
  return { linkId: parsed.data.linkId, url: parsed.data.url, expiresAt: parsed.data.expiresAt ?? request.expiresAt };
}

export interface RefundRequest {
  paymentId: string;
  amountPaise: number;
  /** The gateway answers a key it has seen with the refund it already made: a retried cancellation refunds once. */
  idempotencyKey: string;
  reason: string;
}

export interface GatewayRefund {
  refundId: string;
  status: 'processed' | 'pending';
  amountPaise: number;
}

const RefundAnswer = z.looseObject({
  refundId: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
  status: z.enum(['processed', 'pending']),
  amountPaise: z.number().check(z.int(), z.positive()),
});

/**
 * The gateway's refund: `POST {endpoint}/refunds` with the API key and `{ paymentId, amountPaise, currency: 'INR',
 * idempotencyKey, reason }` → `{ refundId, status: 'processed' | 'pending', amountPaise }`. The same idempotency key
 * answers the same refund, never a second one.
 */
export async function refundPayment(request: RefundRequest): Promise<GatewayRefund> {
  const answer = await postToGateway('refunds', { ...request, currency: 'INR' }, `refund ${request.idempotencyKey}`);
  const parsed = RefundAnswer.safeParse(answer);
  if (!parsed.success || parsed.data.amountPaise !== request.amountPaise)
    throw new PaymentGatewayError(`payment gateway answered refund ${request.idempotencyKey} out of contract`);
  return { refundId: parsed.data.refundId, status: parsed.data.status, amountPaise: parsed.data.amountPaise };
}

/** POSTs JSON to the gateway with its API key; unreachable, slow or non-2xx is a PaymentGatewayError. */
async function postToGateway(path: string, body: unknown, what: string): Promise<unknown> {
  const endpoint = requireEnv('PAYMENT_GATEWAY_ENDPOINT');
  if (endpoint === 'unconfigured') {
    throw new PaymentGatewayError('no payment gateway is configured (context paymentGatewayEndpoint)');
  }
  const { apiKey } = await paymentSecrets();
  const url = `${endpoint.replace(/\/+$/, '')}/${path}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS} ms` : String(error);
    throw new PaymentGatewayError(`payment gateway unreachable at ${url}: ${reason}`, { cause: error });
  }
  if (!response.ok) {
    // The gateway's own message says what it disliked; it carries no secret of ours.
    const detail = (await response.text().catch(() => '')).slice(0, 300);
    throw new PaymentGatewayError(`payment gateway answered ${response.status} for ${what}: ${detail}`);
  }
  return response.json().catch(() => undefined);
}

/** One payment the gateway holds for an order, as its lookup answers it. */
export interface GatewayPayment {
  paymentId: string;
  status: 'captured' | 'failed' | 'pending';
  amountPaise: number;
  currency: string;
  paidAt: string;
  method?: string;
}

const LookupAnswer = z.looseObject({
  payments: z.array(
    z.looseObject({
      paymentId: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
      status: z.enum(['captured', 'failed', 'pending']),
      amountPaise: z.number().check(z.int(), z.positive()),
      currency: z.string().check(z.maxLength(8)),
      paidAt: z.iso.datetime({ offset: true }),
      method: z.optional(z.string().check(z.maxLength(40))),
    }),
  ),
});

/**
 * The gateway's order lookup: `GET {endpoint}/orders/{orderId}/payments` with the API key → `{ payments: [{
 * paymentId, status, amountPaise, currency, paidAt, method? }] }`, every attempt on the order whichever way it was
 * paid (the link, or WhatsApp's in-chat checkout with the order's reference id). An order the gateway does not know
 * answers no payments. What a webhook claims is settled only as this answers it.
 */
export async function lookUpPayments(orderId: string): Promise<GatewayPayment[]> {
  const endpoint = requireEnv('PAYMENT_GATEWAY_ENDPOINT');
  if (endpoint === 'unconfigured') {
    throw new PaymentGatewayError('no payment gateway is configured (context paymentGatewayEndpoint)');
  }
  const { apiKey } = await paymentSecrets();
  const url = `${endpoint.replace(/\/+$/, '')}/orders/${encodeURIComponent(orderId)}/payments`;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { authorization: `Bearer ${apiKey}` },
      signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS),
    });
  } catch (error) {
    throw new PaymentGatewayError(`payment gateway lookup unreachable at ${url}: ${String(error)}`, { cause: error });
  }
  if (response.status === 404) return [];
  if (!response.ok) throw new PaymentGatewayError(`payment gateway lookup answered ${response.status} for ${orderId}`);
  const parsed = LookupAnswer.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new PaymentGatewayError(`payment gateway lookup for ${orderId} out of contract`);
  return parsed.data.payments.map((p) => ({
    paymentId: p.paymentId,
    status: p.status,
    amountPaise: p.amountPaise,
    currency: p.currency,
    paidAt: p.paidAt,
    ...(p.method ? { method: p.method } : {}),
  }));
}

/** Short: the lookup runs inside the webhook's turn, which Meta wants answered fast. */
const LOOKUP_TIMEOUT_MS = 3000;
