import { BookingInventory } from '#adapters/booking-inventory.ts';
import { now } from '#adapters/clock.ts';
import { HttpApsrtc } from '#adapters/departments/apsrtc.ts';
import { DepartmentSystemError } from '#adapters/departments/department-system-error.ts';
import { requireEnv } from '#adapters/env.ts';
import { PaymentStore } from '#adapters/payment-store.ts';
import { logger } from '#adapters/powertools.ts';
import { Reminders, reminderSchedulingFromEnv } from '#adapters/reminders.ts';
import { mitraPnrOf, offersCancel } from '#core/bookings/cancellation.ts';
import { inventoryOf } from '#core/catalog/inventories.ts';
import type { Service } from '#core/catalog/schema.ts';
import { ValidationError } from '#core/errors.ts';
import type { BillPosting } from '#core/fulfilment/bills.ts';
import { t } from '#core/i18n/strings.ts';
import { bookingReminder } from '#core/reminders/reminder.ts';
import type { BillApplication } from './bill-steps.ts';

const reservationsEndpoint = requireEnv('RESERVATIONS_ENDPOINT');
const apsrtc = reservationsEndpoint === 'unconfigured' ? undefined : new HttpApsrtc(reservationsEndpoint);
const payments = new PaymentStore(requireEnv('TABLE_NAME'));
const inventory = new BookingInventory(requireEnv('TABLE_NAME'));
const reminders = new Reminders(requireEnv('TABLE_NAME'));
const reminderScheduling = reminderSchedulingFromEnv();

/** Whether an application is a booking whose seats are held in a reservation system. */
export const holdsSeats = (application: BillApplication) => Boolean(application.values['hold-id']);

/**
 * "Post to biller" for a booking: the captured payment turns the hold into a sale, once (in APSRTC's system, or in
 * Mitra's own inventory). A hold that lapsed before the
 * payment sells nothing: the posting is recorded as refused, and the workflow records the refund. The answer is
 * recorded on the application before it is returned, so a re-driven execution reads it instead of asking again.
 */
export async function confirmBooking(application: BillApplication): Promise<BillPosting> {
  const { applicationId, values } = application;
  const stored = await payments.get(applicationId);
  const received = stored?.payment?.received;
  // A free place (an appointment) is sold when the workflow takes it up, while its hold still stands.
  const free = keptByMitra(application) && !(Number(values.amount) > 0);
  if (!stored || !(received || free)) throw new ValidationError(`booking ${applicationId} has no captured payment`);
  if (stored.billPosting) return stored.billPosting;
  const holdId = values['hold-id'] ?? '';
  const pnr = keptByMitra(application)
    ? await sellHeld(holdId, received?.paidAt ?? now().toISOString())
    : await confirmWithApsrtc(holdId, received!);
  const posting: BillPosting = pnr
    ? { status: 'posted', billerReference: pnr, postedAt: now().toISOString() }
    : { status: 'refused', reason: 'the places were no longer held when the payment came' };
  const recorded = await payments.recordPosting(applicationId, posting);
  logger.info('booking confirmed in the reservation system', { applicationId, status: posting.status, recorded });
  return recorded ? posting : ((await payments.get(applicationId))?.billPosting ?? posting);
}

/** The payment never came: the places go back on sale at once rather than when the hold lapses. */
export async function releaseBooking(application: BillApplication): Promise<void> {
  if (!holdsSeats(application)) return;
  const holdId = application.values['hold-id'] ?? '';
  if (keptByMitra(application)) await inventory.release(holdId);
  else if (apsrtc) await apsrtc.release(holdId);
  logger.info('unpaid booking released', { applicationId: application.applicationId });
}

const keptByMitra = (application: BillApplication) => inventoryOf(application.serviceId)?.source === 'mitra';

/** Mitra's own inventory: the hold becomes a sale if it is still held at the payment's time; its PNR is the hold's. */
async function sellHeld(holdId: string, paidAt: string): Promise<string | undefined> {
  const sale = await inventory.sell(holdId, new Date(paidAt));
  return sale.sold ? mitraPnrOf(holdId) : undefined;
}

async function confirmWithApsrtc(holdId: string, received: { paymentId: string; amountPaise: number; paidAt: string }) {
  if (!apsrtc) throw new DepartmentSystemError('APSRTC reservations', 'no RESERVATIONS_ENDPOINT configured');
  const { paymentId, amountPaise, paidAt } = received;
  const answer = await apsrtc.confirm(holdId, { paymentId, amountPaise, paidAt });
  return answer.status === 'confirmed' ? answer.pnr : undefined;
}

/**
 * The Cancel button a ticket comes with while its rules let it be cancelled: the same action as a ticket picked to
 * cancel under "status", so a tap on it however late asks the refund its rules give then, before anything is done.
 */
export async function cancelOffer(application: BillApplication, at: Date): Promise<{ id: string; title: string }[]> {
  const { applicationId, serviceId, values, language } = application;
  // A free appointment was paid nothing, and may be given up all the same.
  const paid =
    (await payments.get(applicationId))?.payment?.received?.amountPaise ?? (values.amount === '0' ? 0 : undefined);
  if (paid === undefined || !offersCancel(serviceId, values, paid, at)) return [];
  return [{ id: `tcancel:${applicationId}`, title: t('ticketCancelButton', language) }];
}

/**
 * A ticket was just issued: its reminder is scheduled before the bus leaves or the darshan begins. Whether it is sent
 * is decided when it fires (a booking cancelled since is not reminded of).
 */
export async function scheduleBookingReminder(application: BillApplication, service: Service, at: Date): Promise<void> {
  const reminder = bookingReminder(
    {
      applicationId: application.applicationId,
      waId: application.waId,
      values: application.values,
      serviceName: service.name,
    },
    at,
  );
  if (!reminder) return;
  await reminders.schedule(reminder, reminderScheduling);
  logger.info('booking reminder scheduled', { applicationId: application.applicationId, at: reminder.at });
}
