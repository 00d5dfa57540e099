import { ApplicationStore } from '#adapters/application-store.ts';
import { now } from '#adapters/clock.ts';
import { optionalEnv, requireEnv } from '#adapters/env.ts';
import { readRecipient } from '#adapters/outbox.ts';
import { createPaymentLink } from '#adapters/payment-gateway.ts';
import { noticeFor, PaymentStore } from '#adapters/payment-store.ts';
import { logger } from '#adapters/powertools.ts';
import { catalog } from '#core/catalog/catalog.ts';
import type { Reply } from '#core/conversation/messages.ts';
import { ValidationError } from '#core/errors.ts';
import { t } from '#core/i18n/strings.ts';
import { formatPaise, rupeesToPaise } from '#core/payments/amount.ts';
import { windowOpen } from '#core/whatsapp/customer-window.ts';

/** What the payment steps read of the workflow's state; the state machine passes all of it. */
export interface PaymentApplication {
  applicationId: string;
  serviceId: string;
  waId: string;
  language: 'en' | 'te';
  values?: Record<string, string>;
  plan: { fee: number };
}

/** As long as the workflow waits for the payment (lib/workflows/fulfilment-workflow.ts, "Await payment"). */
const PAYMENT_WINDOW_MS = 48 * 60 * 60 * 1000;

const tableName = requireEnv('TABLE_NAME');
// Read at cold start so a function deployed without a gateway setting fails before its first payment.
requireEnv('PAYMENT_GATEWAY_ENDPOINT');
const payments = new PaymentStore(tableName);
/**
 * WhatsApp's payments in India, where the deployment set them up (context whatsAppPaymentConfiguration): the name of
 * the payment configuration in WhatsApp Manager and the gateway it is linked to. Elsewhere, the link alone.
 */
const inChatConfiguration = optionalEnv('WHATSAPP_PAYMENT_CONFIGURATION');
const inChatPayment =
  inChatConfiguration && inChatConfiguration !== 'unconfigured'
    ? { configuration: inChatConfiguration, gateway: requireEnv('WHATSAPP_PAYMENT_GATEWAY') }
    : undefined;
const applications = new ApplicationStore(tableName);

/**
 * When the link stops taking money: at the end of the payment window, or sooner when the application holds seats or
 * places, when the hold lapses; so a citizen cannot pay for places no longer held for them.
 */
function linkExpiry(application: PaymentApplication, at: Date): string {
  const windowEnds = at.getTime() + PAYMENT_WINDOW_MS;
  const holdLapses = Date.parse(application.values?.['hold-expires-at'] ?? '');
  return new Date(Number.isFinite(holdLapses) ? Math.min(windowEnds, holdLapses) : windowEnds).toISOString();
}

/**
 * "Await payment": makes (or finds again) the gateway's payment link for the application's fee, stores it with the
 * task token on the application, and sends the citizen the link. The workflow then waits until the gateway's
 * callback (lambdas/payments) resumes it with the token, or the payment window closes.
 */
export async function requestPayment(application: PaymentApplication, taskToken: string): Promise<void> {
  const { applicationId, waId, language } = application;
  const amountPaise = rupeesToPaise(application.plan.fee);
  const service = catalog().services.find((s) => s.id === application.serviceId);
  if (!service) throw new ValidationError(`unknown service ${application.serviceId}`);
  const at = now();

  const stored = await payments.get(applicationId);
  if (!stored) throw new ValidationError(`application ${applicationId} is not on record`);
  // A retried or re-driven step reuses the link it stored; the gateway would answer the same one for the order anyway.
  const earlier = stored.payment?.amountPaise === amountPaise ? stored.payment : undefined;
  const link = earlier
    ? { linkId: earlier.linkId, url: earlier.url, expiresAt: earlier.expiresAt }
    : await createPaymentLink({
        orderId: applicationId,
        amountPaise,
        description: `${service.name.en}, application ${applicationId}`,
        customerWaId: waId,
        expiresAt: linkExpiry(application, at),
      });

  const isBill = Boolean(application.values?.biller);
  const wording = { applicationId, service: service.name[language], amount: formatPaise(amountPaise), url: link.url };
  const linkText = t(isBill ? 'billPaymentRequested' : 'paymentRequested', language, wording);
  // In the chat only while the citizen's 24-hour window is open (an order_details message is not a template).
  const inChat =
    inChatPayment !== undefined && windowOpen((await readRecipient(tableName, waId)).lastInboundAt, at) === true;
  const request: Reply = inChat
    ? {
        type: 'order',
        body: t(isBill ? 'billPaymentInChat' : 'paymentInChat', language, wording),
        reference: applicationId,
        payment: inChatPayment,
        items: [{ id: service.id, name: service.name[language], amountPaise, quantity: 1 }],
        expiresAt: link.expiresAt,
        fallback: linkText,
      }
    : { type: 'text', text: linkText };
  const notice = noticeFor(await applications.hasStopped(waId), waId, `${applicationId}#payment-link`, request, at);
  const awaiting = await payments.awaitPayment(
    applicationId,
    { taskToken, amountPaise, ...link, ...(inChat ? { inChat } : {}) },
    notice,
    at,
  );
  if (!awaiting) {
    // Paid already (an execution re-driven after the callback), or closed: nothing to ask the citizen for.
    logger.error('payment requested for an application that is not waiting for one', {
      applicationId,
      state: stored.state,
    });
    throw new ValidationError(`application ${applicationId} is ${stored.state}, not waiting for a payment`);
  }
  logger.info('payment requested', {
    applicationId,
    linkId: link.linkId,
    amountPaise,
    inChat,
    notified: notice !== undefined,
  });
}

/** "Close unpaid": the payment window closed without a payment; the application closes and the citizen is told. */
export async function closeUnpaid(application: PaymentApplication): Promise<void> {
  const { applicationId, waId, language } = application;
  const at = now();
  const notice = noticeFor(
    await applications.hasStopped(waId),
    waId,
    `${applicationId}#payment-expired`,
    t('paymentExpired', language, { applicationId }),
    at,
  );
  if (await payments.expire(applicationId, notice, at)) {
    logger.info('unpaid application closed', { applicationId });
    return;
  }
  const stored = await payments.get(applicationId);
  if (stored?.state === 'payment-expired') return;
  // The callback marked it paid just as the wait timed out: the citizen paid for a workflow that has ended.
  logger.error('payment window closed on an application that is not awaiting payment; needs refund or a restart', {
    applicationId,
    state: stored?.state,
  });
}
