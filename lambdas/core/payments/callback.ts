import { isValidSignature } from '#core/whatsapp/signature.ts';
import * as z from '../validation.ts';
import { issueLine } from '../validation.ts';

/** The header the gateway signs its server-to-server callbacks with: `sha256=<hex HMAC-SHA256 of the raw body>`. */
export const PAYMENT_SIGNATURE_HEADER = 'x-payment-signature';

/**
 * The gateway's callback for one payment attempt on a link. `orderId` is the order the link was created for, which
 * is our application id; amounts are integer paise. The gateway's format is not ours and grows: the fields we use
 * are checked closely, any other is left out (and named in the log), so a field the gateway adds never stops a
 * payment from settling.
 */
const PaymentCallback = z.object({
  event: z.enum(['payment.captured', 'payment.failed']),
  paymentId: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
  orderId: z.string().check(z.regex(/^AP-[0-9A-Z]{12}$/)),
  amountPaise: z.number().check(z.int(), z.positive()),
  currency: z.literal('INR'),
  paidAt: z.iso.datetime({ offset: true }),
  method: z.optional(z.string().check(z.maxLength(40))),
});
type PaymentCallback = z.infer<typeof PaymentCallback>;

/**
 * Checks the callback's signature over the body bytes exactly as received, with the gateway's webhook secret. The
 * scheme is Meta's (HMAC-SHA256, `sha256=` hex, compared in constant time after a length check), so it is the same
 * check.
 */
export function isValidPaymentSignature(rawBody: Buffer, header: string | undefined, webhookSecret: string): boolean {
  return isValidSignature(rawBody, header, webhookSecret);
}

export type ParsedCallback =
  | { ok: true; callback: PaymentCallback; otherFields: string[] }
  | { ok: false; problem: string };

const KNOWN_FIELDS = new Set(Object.keys(PaymentCallback.shape));

/** A signed body that is not JSON, or whose known fields are wrong, is refused (400) rather than half-understood. */
export function parsePaymentCallback(rawBody: Buffer): ParsedCallback {
  let body: unknown;
  try {
    body = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return { ok: false, problem: 'body is not JSON' };
  }
  const parsed = PaymentCallback.safeParse(body);
  if (!parsed.success) {
    return {
      ok: false,
      problem: parsed.error.issues.map((issue) => issueLine(issue, 'body')).join('; '),
    };
  }
  const otherFields = Object.keys(body as object).filter((key) => !KNOWN_FIELDS.has(key));
  return { ok: true, callback: parsed.data, otherFields };
}
