import { ApplicationStore } from '#adapters/application-store.ts';
import { now } from '#adapters/clock.ts';
import { HttpBillers } from '#adapters/departments/billers.ts';
import { DepartmentSystemError } from '#adapters/departments/department-system-error.ts';
import { requireEnv } from '#adapters/env.ts';
import { countMetric } from '#adapters/metrics.ts';
import { noticeFor, PaymentStore } from '#adapters/payment-store.ts';
import { logger } from '#adapters/powertools.ts';
import type { Service } from '#core/catalog/schema.ts';
import type { Reply } from '#core/conversation/messages.ts';
import { ValidationError } from '#core/errors.ts';
import { BILLERS, type Biller, type BillPosting } from '#core/fulfilment/bills.ts';
import { t } from '#core/i18n/strings.ts';
import { formatPaise } from '#core/payments/amount.ts';

/** What the bill steps read of the workflow's state. */
export interface BillApplication {
  applicationId: string;
  serviceId: string;
  waId: string;
  language: 'en' | 'te';
  values: Record<string, string>;
}

const tableName = requireEnv('TABLE_NAME');
const billersEndpoint = requireEnv('BILLERS_ENDPOINT');
const billers = billersEndpoint === 'unconfigured' ? undefined : new HttpBillers(billersEndpoint);
const payments = new PaymentStore(tableName);
const applications = new ApplicationStore(tableName);

/**
 * "Post to biller": the captured payment is posted against the bill, exactly once. The application id is the
 * idempotency key, so a retry after a biller timeout (the biller may have posted it and not answered in time) gets
 * the biller's first answer back; and the answer is recorded on the application before it is returned, so a re-driven
 * execution reads it instead of asking again.
 */
export async function postToBiller(application: BillApplication): Promise<BillPosting> {
  const { applicationId, values } = application;
  const stored = await payments.get(applicationId);
  const received = stored?.payment?.received;
  if (!stored || !received) throw new ValidationError(`application ${applicationId} has no captured payment to post`);
  if (stored.billPosting) return stored.billPosting;
  const biller = values.biller as Biller;
  if (!(BILLERS as readonly string[]).includes(biller)) throw new ValidationError(`unknown biller ${values.biller}`);
  if (!billers) throw new DepartmentSystemError(`biller ${biller}`, 'no BILLERS_ENDPOINT configured');
  const posting = await billers.postPayment(biller, {
    idempotencyKey: applicationId,
    service: application.serviceId,
    number: values['bill-number'] ?? '',
    billId: values['bill-id'] ?? '',
    amountPaise: received.amountPaise,
    paymentId: received.paymentId,
    paidAt: received.paidAt,
  });
  const recorded = await payments.recordPosting(applicationId, posting);
  logger.info('payment posted to the biller', { applicationId, biller, status: posting.status, recorded });
  return recorded ? posting : ((await payments.get(applicationId))?.billPosting ?? posting);
}

/**
 * An order paid inside WhatsApp whose payment the biller or reservation system took: its status moves on to completed
 * beside the receipt or ticket, which also closes the order's page in WhatsApp. None for a payment made by link.
 */
export async function orderCompleted(application: BillApplication, service: Service | undefined): Promise<Reply[]> {
  const { applicationId, language } = application;
  const stored = await payments.get(applicationId);
  const received = stored?.payment?.received;
  if (!stored?.payment?.inChat || !received || stored.billPosting?.status !== 'posted') return [];
  const body = t(service?.kind === 'booking' ? 'orderCompletedBooking' : 'orderCompletedBill', language, {
    applicationId,
    amount: formatPaise(received.amountPaise),
    service: service?.name[language] ?? application.serviceId,
  });
  return [{ type: 'order-status', body, reference: applicationId, status: 'completed' }];
}

/** "Record refund": the biller refused a paid bill; the payment is owed back, recorded so, and the citizen told. */
export async function recordRefund(application: BillApplication, service: Service | undefined): Promise<void> {
  const { applicationId, waId, language } = application;
  const stored = await payments.get(applicationId);
  const received = stored?.payment?.received;
  const posting = stored?.billPosting;
  if (!received || posting?.status !== 'refused')
    throw new ValidationError(`application ${applicationId} has no refused posting`);
  const at = now();
  const text = t(service?.kind === 'booking' ? 'bookingRefundDue' : 'billRefundDue', language, {
    applicationId,
    amount: formatPaise(received.amountPaise),
    service: service?.name[language] ?? application.serviceId,
    reason: posting.reason,
  });
  // Paid inside WhatsApp: the order itself shows as canceled, with the news.
  const news: Reply = stored.payment?.inChat
    ? { type: 'order-status', body: text, reference: applicationId, status: 'canceled' }
    : { type: 'text', text };
  const notice = noticeFor(await applications.hasStopped(waId), waId, `${applicationId}#refund-due`, news, at);
  const moved = await payments.refundDue(
    applicationId,
    { ...received, reason: posting.reason, recordedAt: at.toISOString() },
    notice,
    at,
  );
  if (!moved) return;
  countMetric('PaymentsNeedingRefund');
  logger.error('biller refused a paid bill: needs refund', {
    applicationId,
    paymentId: received.paymentId,
    amountPaise: received.amountPaise,
    reason: posting.reason,
  });
}
