import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ApplicationStore } from '#adapters/application-store.ts';
import { now } from '#adapters/clock.ts';
import { requireEnv } from '#adapters/env.ts';
import { errorResponse, type HttpResult, header, json, rawBody } from '#adapters/http.ts';
import { countMetric } from '#adapters/metrics.ts';
import { queueReply } from '#adapters/outbox.ts';
import { paymentSecrets } from '#adapters/payment-gateway.ts';
import {
  noticeFor,
  type PaymentApplicationRecord,
  type PaymentIssue,
  PaymentStore,
  type ReceivedPayment,
} from '#adapters/payment-store.ts';
import { logger } from '#adapters/powertools.ts';
import { resumeTask } from '#adapters/task-callbacks.ts';
import type { Language } from '#core/catalog/schema.ts';
import { t } from '#core/i18n/strings.ts';
import { maskPhone } from '#core/masking.ts';
import { formatPaise, paiseToRupees } from '#core/payments/amount.ts';
import {
  isValidPaymentSignature,
  PAYMENT_SIGNATURE_HEADER,
  type PaymentCallback,
  parsePaymentCallback,
} from '#core/payments/callback.ts';

const tableName = requireEnv('TABLE_NAME');
const payments = new PaymentStore(tableName);
const applications = new ApplicationStore(tableName);
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
    const application = await payments.get(callback.orderId);
    if (!application) {
      if (callback.event === 'payment.captured') needsRefund(callback, 'no application has this order id');
      else logger.warn('payment failure for an unknown order', { orderId: callback.orderId });
      return json(200, { result: 'unknown-order' });
    }
    const result =
      callback.event === 'payment.captured'
        ? await captured(callback, application)
        : await failed(callback, application);
    return json(200, { result });
  } catch (error) {
    // Nothing was settled: the gateway retries, and every step above is idempotent.
    return errorResponse(error);
  }
}

async function captured(callback: PaymentCallback, application: PaymentApplicationRecord): Promise<string> {
  const { applicationId, waId } = application;
  const payment = application.payment;
  const received: ReceivedPayment = {
    paymentId: callback.paymentId,
    amountPaise: callback.amountPaise,
    paidAt: callback.paidAt,
    ...(callback.method ? { method: callback.method } : {}),
  };

  if (payment?.received?.paymentId === callback.paymentId) {
    // A repeated callback. If the first one crashed before resuming the workflow, resume it now.
    if (application.state === 'paid') await resume(payment.taskToken, payment.received, applicationId, true);
    logger.info('payment callback repeated', { applicationId, paymentId: callback.paymentId });
    return 'already-settled';
  }
  if (!payment || application.state !== 'awaiting-payment') {
    await refuse(application, callback, 'not-awaiting-payment');
    return 'not-accepted';
  }
  if (callback.amountPaise !== payment.amountPaise) {
    await refuse(application, callback, 'wrong-amount', { expectedPaise: payment.amountPaise });
    return 'not-accepted';
  }
  if (Date.parse(callback.paidAt) > Date.parse(payment.expiresAt)) {
    await refuse(application, callback, 'after-link-expired', { expiresAt: payment.expiresAt });
    return 'not-accepted';
  }

  const at = now();
  const language = languageOf(application);
  const notice = noticeFor(
    await applications.hasStopped(waId),
    waId,
    `${applicationId}#paid`,
    t('paymentReceived', language, { applicationId, amount: formatPaise(callback.amountPaise) }),
    at,
  );
  const token = await payments.markPaid(applicationId, payment.linkId, received, notice, at);
  if (!token) {
    // Another delivery of this callback (or a re-driven step) changed the application meanwhile: look again.
    const fresh = await payments.get(applicationId);
    if (fresh?.payment?.received?.paymentId === callback.paymentId) return 'already-settled';
    if (fresh) await refuse(fresh, callback, 'not-awaiting-payment');
    return 'not-accepted';
  }
  countMetric('PaymentsCaptured');
  logger.info('payment captured', {
    applicationId,
    paymentId: callback.paymentId,
    amountPaise: callback.amountPaise,
    waId: maskPhone(waId),
  });
  const resumed = await resume(token, received, applicationId, false);
  if (!resumed) await refuse({ ...application, state: 'paid' }, callback, 'wait-closed');
  return 'accepted';
}

/**
 * Resumes the workflow waiting on the payment. False when the wait is already over: after a repeated callback, that
 * is the first one's success.
 */
async function resume(token: string, received: ReceivedPayment, applicationId: string, repeated: boolean) {
  const resumed = await resumeTask(token, {
    paymentId: received.paymentId,
    amount: paiseToRupees(received.amountPaise),
    paidAt: received.paidAt,
  });
  if (!resumed && !repeated) logger.warn('the workflow was no longer waiting for this payment', { applicationId });
  return resumed;
}

/** A captured payment Mitra does not accept: logged loudly and recorded once on the application, for a refund. */
async function refuse(
  application: PaymentApplicationRecord,
  callback: PaymentCallback,
  reason: PaymentIssue['reason'],
  details: Record<string, unknown> = {},
): Promise<void> {
  const recorded = await payments.recordIssue(application.applicationId, {
    reason,
    paymentId: callback.paymentId,
    amountPaise: callback.amountPaise,
    currency: callback.currency,
    paidAt: callback.paidAt,
    ...(callback.method ? { method: callback.method } : {}),
    recordedAt: now().toISOString(),
  });
  if (recorded) needsRefund(callback, reason, { state: application.state, ...details });
}

function needsRefund(callback: PaymentCallback, reason: string, details: Record<string, unknown> = {}): void {
  countMetric('PaymentsNeedingRefund');
  logger.error('payment captured but not accepted: needs refund', {
    reason,
    orderId: callback.orderId,
    paymentId: callback.paymentId,
    amountPaise: callback.amountPaise,
    currency: callback.currency,
    paidAt: callback.paidAt,
    ...details,
  });
}

/** A failed attempt: the link stays open; the citizen hears they can try again with it. */
async function failed(callback: PaymentCallback, application: PaymentApplicationRecord): Promise<string> {
  const { applicationId, waId, payment } = application;
  if (application.state !== 'awaiting-payment' || !payment) {
    logger.info('payment failure for an application not awaiting payment', { applicationId, state: application.state });
    return 'ignored';
  }
  if (await applications.hasStopped(waId)) return 'noted';
  const queued = await queueReply(
    tableName,
    waId,
    `${callback.paymentId}#failed`,
    { type: 'text', text: t('paymentFailed', languageOf(application), { applicationId, url: payment.url }) },
    now(),
  );
  logger.info('payment attempt failed', { applicationId, paymentId: callback.paymentId, told: queued });
  return 'noted';
}

function languageOf(application: PaymentApplicationRecord): Language {
  return application.language === 'te' ? 'te' : 'en';
}

export const handler = middy(handle).use(injectLambdaContext(logger));
