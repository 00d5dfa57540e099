import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { requireEnv } from '#adapters/env.ts';
import { errorResponse, type HttpResult, header, json, rawBody } from '#adapters/http.ts';
import { paymentSecrets } from '#adapters/payment-gateway.ts';
import { PaymentSettlement } from '#adapters/payment-settlement.ts';
import { logger } from '#adapters/powertools.ts';
import { isValidPaymentSignature, PAYMENT_SIGNATURE_HEADER, parsePaymentCallback } from '#core/payments/callback.ts';

const settlement = new PaymentSettlement(requireEnv('TABLE_NAME'));
const { webhookSecret } = await paymentSecrets();

/**
 * `POST /payments/callback`: the payment gateway's signed server-to-server notice of a payment on one of our links.
 * Anything signed and well-formed is answered 200, also what Mitra does not accept (the gateway would otherwise
 * retry it for days): a payment that cannot be accepted is logged as needing a refund and recorded on the
 * application for the operators to reconcile.
 */
async function handle(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const body = rawBody(event);
  if (!isValidPaymentSignature(body, header(event, PAYMENT_SIGNATURE_HEADER), webhookSecret)) {
    logger.warn('payment callback rejected: missing or wrong signature', { bytes: body.length });
    return json(401, { message: 'invalid signature' });
  }
  const parsed = parsePaymentCallback(body);
  if (!parsed.ok) {
    logger.error('signed payment callback out of contract', { problem: parsed.problem });
    return json(400, { message: parsed.problem });
  }
  const callback = parsed.callback;
  // Names only: the gateway's values may be personal (a payer's VPA, a card's last digits).
  if (parsed.otherFields.length > 0)
    logger.info('payment callback fields not used', { fields: parsed.otherFields.slice(0, 20) });
  try {
    const result =
      callback.event === 'payment.captured'
        ? await settlement.captured(callback)
        : await settlement.failed(callback.orderId, callback.paymentId);
    return json(200, { result });
  } catch (error) {
    // Nothing was settled: the gateway retries, and every step above is idempotent.
    return errorResponse(error);
  }
}

export const handler = middy(handle).use(injectLambdaContext(logger));
