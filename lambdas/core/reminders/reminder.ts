import { createHash } from 'node:crypto';
import type { Language } from '../catalog/schema.ts';
import { t } from '../i18n/strings.ts';
import { formatPaise } from '../payments/amount.ts';
import * as z from '../validation.ts';
import type { TemplateReply } from '../whatsapp/limits.ts';
import { UserKeySchema } from '../whatsapp/user-key.ts';

/** India Standard Time, UTC+05:30: a departure or darshan time in a booking is India's. */
const IST = '+05:30';

/** A booked bus or darshan is reminded of this long before it: time to reach the bus stand or the temple. */
export const BOOKING_REMINDER_LEAD_MS = 3 * 60 * 60 * 1000;

/** A remembered bill's due date is reminded of this many days before, in the morning (India time). */
export const BILL_REMINDER_LEAD_DAYS = 3;
const BILL_REMINDER_HOUR = '09:00';

/**
 * One reminder to one citizen, stored when it is scheduled and read when it fires. Its id names its one-time schedule
 * too (EventBridge Scheduler: at most 64 letters, digits, `-`, `_`, `.`), so scheduling it again finds it there.
 */
export const ReminderSchema = z
  .strictObject({
    reminderId: z.string().check(z.regex(/^[A-Za-z0-9_.-]{1,64}$/)),
    waId: UserKeySchema,
    /** When it is sent (ISO time). */
    at: z.iso.datetime(),
    /** What it reminds of; reminders stored before bills had them are all of bookings. */
    about: z._default(z.enum(['booking', 'bill']), 'booking'),
    /** A booking's: it is sent only while that booking still stands (not cancelled, refunded, revoked). */
    applicationId: z.optional(z.string().check(z.minLength(1))),
    /** A remembered bill's: sent only while the citizen keeps it under "my bills" with reminders on. */
    bill: z.optional(
      z.strictObject({
        serviceId: z.string().check(z.minLength(1)),
        number: z.string().check(z.minLength(1)),
        /** The biller's id of the bill reminded of: paid since, in the chat, it is not reminded of. */
        billId: z.optional(z.string().check(z.minLength(1))),
      }),
    ),
    /** What it says, in both languages: the citizen's language when it fires picks one. */
    text: z.strictObject({ en: z.string().check(z.minLength(1)), te: z.string().check(z.minLength(1)) }),
  })
  .check(
    z.refine((r) => (r.about === 'booking' ? r.applicationId !== undefined : r.bill !== undefined), {
      message: "a booking's reminder names its application, a bill's its service and number",
    }),
  );
export type Reminder = z.infer<typeof ReminderSchema>;

/** What a booked ticket's application carries that a reminder needs (lambdas/workflow-steps). */
export interface BookedTicket {
  applicationId: string;
  waId: string;
  values: Record<string, string>;
  serviceName: Record<Language, string>;
}

/**
 * The reminder of a ticket just issued: `BOOKING_REMINDER_LEAD_MS` before the bus leaves or the darshan begins. None
 * when the booking names no date and time, or when that moment is already past (a ticket bought for a bus leaving
 * within the lead time needs no reminder).
 */
export function bookingReminder(ticket: BookedTicket, now: Date): Reminder | undefined {
  const { values } = ticket;
  const date = values['travel-date'] ?? '';
  const bus = Boolean(values.departs);
  const time = values.departs || values['slot-time'] || '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return undefined;
  const startsAt = Date.parse(`${date}T${time}:00${IST}`);
  const at = startsAt - BOOKING_REMINDER_LEAD_MS;
  if (!Number.isFinite(startsAt) || at <= now.getTime()) return undefined;
  const shownDate = `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}`;
  const text = (language: Language) =>
    bus
      ? t('reminderBus', language, {
          service: values['service-code'] ?? '',
          from: values['from-place'] ?? '',
          to: values['to-place'] ?? '',
          time,
          date: shownDate,
          seats: values.seats ?? '',
          applicationId: ticket.applicationId,
        })
      : t('reminderSlot', language, {
          service: ticket.serviceName[language],
          time,
          date: shownDate,
          applicationId: ticket.applicationId,
        });
  return ReminderSchema.parse({
    reminderId: `booking-${ticket.applicationId}`.replace(/[^A-Za-z0-9_.-]/g, '-').slice(0, 64),
    waId: ticket.waId,
    at: new Date(at).toISOString(),
    about: 'booking',
    applicationId: ticket.applicationId,
    text: { en: text('en'), te: text('te') },
  });
}

/** A bill remembered under "my bills", as its biller stated it when the list was shown. */
export interface RemindedBill {
  waId: string;
  serviceId: string;
  number: string;
  serviceName: Record<Language, string>;
  billId: string;
  amountPaise: number;
  /** YYYY-MM-DD. */
  dueDate: string;
}

/**
 * The reminder of a remembered bill: `BILL_REMINDER_LEAD_DAYS` before its due date, in the morning. None once that
 * morning has passed. Its id is a digest of the citizen, the service and the biller's bill id (which names the
 * number): one reminder per bill however often the list is shown, and no number readable in a schedule's name.
 */
export function billReminder(bill: RemindedBill, now: Date): Reminder | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(bill.dueDate)) return undefined;
  const due = Date.parse(`${bill.dueDate}T${BILL_REMINDER_HOUR}:00${IST}`);
  const at = due - BILL_REMINDER_LEAD_DAYS * 24 * 60 * 60 * 1000;
  if (!Number.isFinite(at) || at <= now.getTime()) return undefined;
  const { dueDate } = bill;
  const date = `${dueDate.slice(8, 10)}-${dueDate.slice(5, 7)}-${dueDate.slice(0, 4)}`;
  const text = (language: Language) =>
    t('reminderBill', language, {
      service: bill.serviceName[language],
      number: bill.number,
      amount: formatPaise(bill.amountPaise),
      date,
    });
  const digest = createHash('sha256').update(`${bill.waId}\n${bill.serviceId}\n${bill.billId}`).digest('hex');
  return ReminderSchema.parse({
    reminderId: `bill-${digest.slice(0, 40)}`,
    waId: bill.waId,
    at: new Date(at).toISOString(),
    about: 'bill',
    bill: { serviceId: bill.serviceId, number: bill.number, billId: bill.billId },
    text: { en: text('en'), te: text('te') },
  });
}

/** Why a reminder that fired is not sent, or `send`. */
export type ReminderDecision =
  | 'send'
  | 'stopped'
  | 'booking-not-standing'
  | 'bill-reminders-off'
  | 'bill-forgotten'
  | 'bill-paid'
  | 'already-fired';

/**
 * Decided when the reminder fires, from what holds then, never from what held when it was scheduled: a citizen who
 * sent STOP since gets nothing, a booking cancelled since (its application no longer `issued`) is not reminded of,
 * nor a bill once its citizen turned bill reminders off, forgot its number or paid it in the chat; so nothing has to find and delete a
 * schedule. A reminder that fired before (the scheduler fired twice) is not sent again.
 */
export function reminderDecision(
  reminder: Pick<Reminder, 'about' | 'bill'>,
  state: {
    fired: boolean;
    stopped: boolean;
    applicationState?: string;
    /** The citizen's "my bills": whether bill reminders are on, and the bills kept. */
    bills?: { reminders: boolean; saved: { serviceId: string; number: string }[] };
    /** The bill reminded of was paid in the chat since it was scheduled. */
    billPaid?: boolean;
  },
): ReminderDecision {
  if (state.fired) return 'already-fired';
  if (state.stopped) return 'stopped';
  if (reminder.about === 'bill') {
    if (!state.bills?.reminders) return 'bill-reminders-off';
    const { serviceId, number } = reminder.bill ?? {};
    const kept = state.bills.saved.some((saved) => saved.serviceId === serviceId && saved.number === number);
    if (!kept) return 'bill-forgotten';
    return state.billPaid ? 'bill-paid' : 'send';
  }
  if (state.applicationState !== 'issued') return 'booking-not-standing';
  return 'send';
}

/** The reminder as the approved UTILITY template (a reminder reaches citizens outside the 24-hour window). */
export function reminderTemplate(reminder: Reminder, language: Language, templateName: string): TemplateReply {
  return { type: 'template', name: templateName, language, parameters: [reminder.text[language]] };
}
