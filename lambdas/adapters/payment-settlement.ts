import type { Language } from '#core/catalog/schema.ts';
import { t } from '#core/i18n/strings.ts';
import { maskPhone } from '#core/masking.ts';
import { formatPaise, paiseToRupees } from '#core/payments/amount.ts';
import type { OutboundReply } from '#core/whatsapp/limits.ts';
import { ApplicationStore } from './application-store.ts';
import { now } from './clock.ts';
import { countMetric } from './metrics.ts';
import { queueReply } from './outbox.ts';
import {
  noticeFor,
  type PaymentApplicationRecord,
  type PaymentIssue,
  PaymentStore,
  type ReceivedPayment,
} from './payment-store.ts';
import { logger } from './powertools.ts';
import { resumeTask } from './task-callbacks.ts';

/** One payment attempt on an order (our application id), as the gateway states it. */
export interface SettledPayment {
  orderId: string;
  paymentId: string;
  amountPaise: number;
  currency: string;
  paidAt: string;
  method?: string;
}

/** What became of a payment: taken, taken before (a repeat), refused for a refund, or only noted. */
export type Settlement = 'accepted' | 'already-settled' | 'not-accepted' | 'noted' | 'ignored' | 'unknown-order';

/**
 * Settles payments on applications, whichever way they arrive: the gateway's signed callback, or WhatsApp's payment
 * status confirmed with the gateway's lookup. A payment is taken once: the application moves to paid on a write
 * conditional on the wait it answers, a repeat (a second delivery, the other path's notice of the same payment) finds
 * it recorded, and a captured payment that cannot be taken is recorded once for a refund.
 */
export class PaymentSettlement {
  private readonly payments: PaymentStore;
  private readonly applications: ApplicationStore;

  constructor(private readonly tableName: string) {
    this.payments = new PaymentStore(tableName);
    this.applications = new ApplicationStore(tableName);
  }

  async captured(payment: SettledPayment): Promise<Settlement> {
    const application = await this.payments.get(payment.orderId);
    if (!application) {
      needsRefund(payment, 'no application has this order id');
      return 'unknown-order';
    }
    const { applicationId, waId } = application;
    const awaited = application.payment;
    const received: ReceivedPayment = {
      paymentId: payment.paymentId,
      amountPaise: payment.amountPaise,
      paidAt: payment.paidAt,
      ...(payment.method ? { method: payment.method } : {}),
    };

    if (awaited?.received?.paymentId === payment.paymentId) {
      // A repeat. If the first one crashed before resuming the workflow, resume it now.
      if (application.state === 'paid') await this.resume(awaited.taskToken, awaited.received, applicationId, true);
      logger.info('payment settled before', { applicationId, paymentId: payment.paymentId });
      return 'already-settled';
    }
    if (!awaited || application.state !== 'awaiting-payment') {
      await this.refuse(application, payment, 'not-awaiting-payment');
      return 'not-accepted';
    }
    if (payment.amountPaise !== awaited.amountPaise) {
      await this.refuse(application, payment, 'wrong-amount', { expectedPaise: awaited.amountPaise });
      return 'not-accepted';
    }
    if (Date.parse(payment.paidAt) > Date.parse(awaited.expiresAt)) {
      await this.refuse(application, payment, 'after-link-expired', { expiresAt: awaited.expiresAt });
      return 'not-accepted';
    }

    const at = now();
    const text = t('paymentReceived', languageOf(application), {
      applicationId,
      amount: formatPaise(payment.amountPaise),
    });
    // Paid inside WhatsApp: the order's own status moves on with the news, on the order's page too.
    const news: OutboundReply = awaited.inChat
      ? { type: 'order-status', body: text, reference: applicationId, status: 'processing' }
      : { type: 'text', text };
    const notice = noticeFor(await this.applications.hasStopped(waId), waId, `${applicationId}#paid`, news, at);
    const token = await this.payments.markPaid(applicationId, awaited.linkId, received, notice, at);
    if (!token) {
      // Another notice of this payment (or a re-driven step) changed the application meanwhile: look again.
      const fresh = await this.payments.get(applicationId);
      if (fresh?.payment?.received?.paymentId === payment.paymentId) return 'already-settled';
      if (fresh) await this.refuse(fresh, payment, 'not-awaiting-payment');
      return 'not-accepted';
    }
    countMetric('PaymentsCaptured');
    logger.info('payment captured', {
      applicationId,
      paymentId: payment.paymentId,
      amountPaise: payment.amountPaise,
      waId: maskPhone(waId),
    });
    const resumed = await this.resume(token, received, applicationId, false);
    if (!resumed) await this.refuse({ ...application, state: 'paid' }, payment, 'wait-closed');
    return 'accepted';
  }

  /** A failed attempt: the order stays open; the citizen hears, once per attempt, that they can try again. */
  async failed(orderId: string, paymentId: string): Promise<Settlement> {
    const application = await this.payments.get(orderId);
    if (!application) {
      logger.warn('payment failure for an unknown order', { orderId });
      return 'unknown-order';
    }
    const { applicationId, waId, payment } = application;
    if (application.state !== 'awaiting-payment' || !payment) {
      logger.info('payment failure for an application not awaiting payment', {
        applicationId,
        state: application.state,
      });
      return 'ignored';
    }
    if (await this.applications.hasStopped(waId)) return 'noted';
    const queued = await queueReply(
      this.tableName,
      waId,
      `${paymentId}#failed`,
      {
        type: 'text',
        text: t(payment.inChat ? 'paymentFailedInChat' : 'paymentFailed', languageOf(application), {
          applicationId,
          url: payment.url,
        }),
      },
      now(),
    );
    logger.info('payment attempt failed', { applicationId, paymentId, told: queued });
    return 'noted';
  }

  /**
   * Resumes the workflow waiting on the payment. False when the wait is already over: after a repeat, that is the
   * first notice's success.
   */
  private async resume(token: string, received: ReceivedPayment, applicationId: string, repeated: boolean) {
    const resumed = await resumeTask(token, {
      paymentId: received.paymentId,
      amount: paiseToRupees(received.amountPaise),
      paidAt: received.paidAt,
    });
    if (!resumed && !repeated) logger.warn('the workflow was no longer waiting for this payment', { applicationId });
    return resumed;
  }

  /** A captured payment Mitra does not accept: logged loudly and recorded once on the application, for a refund. */
  private async refuse(
    application: PaymentApplicationRecord,
    payment: SettledPayment,
    reason: PaymentIssue['reason'],
    details: Record<string, unknown> = {},
  ): Promise<void> {
    const recorded = await this.payments.recordIssue(application.applicationId, {
      reason,
      paymentId: payment.paymentId,
      amountPaise: payment.amountPaise,
      currency: payment.currency,
      paidAt: payment.paidAt,
      ...(payment.method ? { method: payment.method } : {}),
      recordedAt: now().toISOString(),
    });
    if (recorded) needsRefund(payment, reason, { state: application.state, ...details });
  }
}

function needsRefund(payment: SettledPayment, reason: string, details: Record<string, unknown> = {}): void {
  countMetric('PaymentsNeedingRefund');
  logger.error('payment captured but not accepted: needs refund', {
    reason,
    orderId: payment.orderId,
    paymentId: payment.paymentId,
    amountPaise: payment.amountPaise,
    currency: payment.currency,
    paidAt: payment.paidAt,
    ...details,
  });
}

function languageOf(application: PaymentApplicationRecord): Language {
  return application.language === 'te' ? 'te' : 'en';
}
