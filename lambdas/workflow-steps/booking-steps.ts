import { now } from '#adapters/clock.ts';
import { HttpApsrtc } from '#adapters/departments/apsrtc.ts';
import { DepartmentSystemError } from '#adapters/departments/department-system-error.ts';
import { requireEnv } from '#adapters/env.ts';
import { PaymentStore } from '#adapters/payment-store.ts';
import { logger } from '#adapters/powertools.ts';
import { ValidationError } from '#core/errors.ts';
import type { BillPosting } from '#core/fulfilment/bills.ts';
import type { BillApplication } from './bill-steps.ts';

const reservationsEndpoint = requireEnv('RESERVATIONS_ENDPOINT');
const apsrtc = reservationsEndpoint === 'unconfigured' ? undefined : new HttpApsrtc(reservationsEndpoint);
const payments = new PaymentStore(requireEnv('TABLE_NAME'));

/** Whether an application is a booking whose seats are held in a reservation system. */
export const holdsSeats = (application: BillApplication) => Boolean(application.values['hold-id']);

/**
 * "Post to biller" for a booking: the captured payment turns the hold into a sale, once. A hold that lapsed before the
 * payment sells nothing: the posting is recorded as refused, and the workflow records the refund. The answer is
 * recorded on the application before it is returned, so a re-driven execution reads it instead of asking again.
 */
export async function confirmBooking(application: BillApplication): Promise<BillPosting> {
  const { applicationId, values } = application;
  const stored = await payments.get(applicationId);
  const received = stored?.payment?.received;
  if (!stored || !received) throw new ValidationError(`booking ${applicationId} has no captured payment`);
  if (stored.billPosting) return stored.billPosting;
  if (!apsrtc) throw new DepartmentSystemError('APSRTC reservations', 'no RESERVATIONS_ENDPOINT configured');
  const answer = await apsrtc.confirm(values['hold-id'] ?? '', {
    paymentId: received.paymentId,
    amountPaise: received.amountPaise,
    paidAt: received.paidAt,
  });
  const posting: BillPosting =
    answer.status === 'confirmed'
      ? { status: 'posted', billerReference: answer.pnr, postedAt: now().toISOString() }
      : { status: 'refused', reason: 'the seats were no longer held when the payment came' };
  const recorded = await payments.recordPosting(applicationId, posting);
  logger.info('booking confirmed in the reservation system', { applicationId, status: posting.status, recorded });
  return recorded ? posting : ((await payments.get(applicationId))?.billPosting ?? posting);
}

/** The payment never came: the seats go back on sale at once rather than when the hold lapses. */
export async function releaseBooking(application: BillApplication): Promise<void> {
  if (!apsrtc || !holdsSeats(application)) return;
  await apsrtc.release(application.values['hold-id'] ?? '');
  logger.info('unpaid booking released', { applicationId: application.applicationId });
}
