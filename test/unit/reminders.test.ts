import { describe, expect, it } from 'vitest';
import {
  BOOKING_REMINDER_LEAD_MS,
  billReminder,
  bookingReminder,
  ReminderSchema,
  reminderDecision,
  reminderTemplate,
} from '#core/reminders/reminder.ts';

const bus = {
  applicationId: 'AP-0123456789AB',
  waId: '919876543210',
  serviceName: { en: 'APSRTC bus ticket', te: 'ఏపీఎస్ఆర్టీసీ బస్సు టికెట్' },
  values: {
    'travel-date': '2026-12-20',
    departs: '21:30',
    'from-place': 'Vijayawada',
    'to-place': 'Hyderabad',
    'service-code': '5412',
    seats: '7, 8',
  },
};
const darshan = {
  applicationId: 'AP-ABCDEF012345',
  waId: '919876543210',
  serviceName: { en: 'Special entry darshan', te: 'ప్రత్యేక ప్రవేశ దర్శనం' },
  values: { 'travel-date': '2026-12-20', 'slot-time': '06:00', temple: 'tirumala' },
};
const before = new Date('2026-12-10T00:00:00Z');
const ofBooking = { about: 'booking' } as const;
const power = {
  waId: '919876543210',
  serviceId: 'electricity-bill',
  number: '1123456789',
  serviceName: { en: 'Electricity bill', te: 'విద్యుత్ బిల్లు' },
  billId: 'APSPDCL-1123456789-202612',
  amountPaise: 84_250,
  dueDate: '2026-12-18',
};

describe('a booked ticket is reminded of three hours before it', () => {
  it('reminds of a bus three hours before it leaves (India time), in English and Telugu', () => {
    const reminder = bookingReminder(bus, before)!;
    // 21:30 IST is 16:00 UTC; three hours before is 13:00 UTC.
    expect(reminder.at).toBe('2026-12-20T13:00:00.000Z');
    expect(Date.parse('2026-12-20T16:00:00Z') - Date.parse(reminder.at)).toBe(BOOKING_REMINDER_LEAD_MS);
    expect(reminder.text.en).toContain('from Vijayawada to Hyderabad leaves at 21:30 on 20-12-2026, seats 7, 8');
    expect(reminder.text.en).toContain('AP-0123456789AB');
    expect(reminder.text.te).toContain('21:30');
    expect(reminder.text.te).toMatch(/[\u0C00-\u0C7F]/);
    expect(reminder.reminderId).toBe('booking-AP-0123456789AB');
  });

  it("reminds of a darshan by the service's name, at its slot", () => {
    const reminder = bookingReminder(darshan, before)!;
    expect(reminder.at).toBe('2026-12-19T21:30:00.000Z');
    expect(reminder.text.en).toBe(
      'your Special entry darshan is at 06:00 on 20-12-2026 (booking AP-ABCDEF012345). Show the ticket Mitra sent you at the gate.',
    );
    expect(reminder.text.te).toContain('ప్రత్యేక ప్రవేశ దర్శనం');
  });

  it('schedules nothing for a ticket whose reminder time has passed, or that names no date and time', () => {
    expect(bookingReminder(bus, new Date('2026-12-20T13:00:00Z'))).toBeUndefined();
    expect(bookingReminder({ ...bus, values: { ...bus.values, departs: '' } }, before)).toBeUndefined();
    expect(bookingReminder({ ...bus, values: { ...bus.values, 'travel-date': '20-12-2026' } }, before)).toBeUndefined();
  });

  it('names the reminder so that EventBridge Scheduler takes it as a schedule name', () => {
    expect(ReminderSchema.safeParse({ ...bookingReminder(bus, before), reminderId: 'has space' }).success).toBe(false);
    expect(ReminderSchema.safeParse({ ...bookingReminder(bus, before), reminderId: 'x'.repeat(65) }).success).toBe(
      false,
    );
  });
});

describe('a remembered bill is reminded of three days before it is due', () => {
  it('comes at 09:00 India time three days before the due date, saying what is due, in English and Telugu', () => {
    const reminder = billReminder(power, before)!;
    // 09:00 IST on 15-12-2026 is 03:30 UTC.
    expect(reminder.at).toBe('2026-12-15T03:30:00.000Z');
    expect(reminder.about).toBe('bill');
    expect(reminder.text.en).toBe(
      'your Electricity bill for 1123456789, ₹842.50, is due on 18-12-2026. Send "my bills" to pay it here with one tap.',
    );
    expect(reminder.text.te).toContain('నా బిల్లులు');
  });

  it('is one reminder per bill, named without the number, and none once its morning has passed', () => {
    const reminder = billReminder(power, before)!;
    expect(billReminder(power, new Date('2026-12-12T00:00:00Z'))?.reminderId).toBe(reminder.reminderId);
    expect(reminder.reminderId).toMatch(/^bill-[0-9a-f]{40}$/);
    expect(reminder.reminderId).not.toContain(power.number);
    expect(billReminder({ ...power, billId: 'APSPDCL-1123456789-202701' }, before)?.reminderId).not.toBe(
      reminder.reminderId,
    );
    expect(billReminder(power, new Date('2026-12-15T03:30:00Z'))).toBeUndefined();
    expect(billReminder({ ...power, dueDate: '18-12-2026' }, before)).toBeUndefined();
  });

  it("is refused as a record when it names neither a booking's application nor a bill", () => {
    const { bill: _bill, ...nameless } = billReminder(power, before)!;
    expect(ReminderSchema.safeParse(nameless).success).toBe(false);
    const { about: _about, ...stored } = bookingReminder(bus, before)!;
    expect(ReminderSchema.parse(stored).about).toBe('booking');
  });
});

describe('whether a reminder goes is decided when it fires', () => {
  it('sends while the booking stands, the citizen has not sent STOP and it has not fired before', () => {
    expect(reminderDecision(ofBooking, { fired: false, stopped: false, applicationState: 'issued' })).toBe('send');
  });

  it('sends nothing after STOP, for a booking cancelled or never issued, or a second time', () => {
    expect(reminderDecision(ofBooking, { fired: false, stopped: true, applicationState: 'issued' })).toBe('stopped');
    expect(reminderDecision(ofBooking, { fired: false, stopped: false, applicationState: 'cancelled' })).toBe(
      'booking-not-standing',
    );
    expect(reminderDecision(ofBooking, { fired: false, stopped: false })).toBe('booking-not-standing');
    expect(reminderDecision(ofBooking, { fired: true, stopped: false, applicationState: 'issued' })).toBe(
      'already-fired',
    );
  });

  it("sends a bill's reminder while bill reminders are on and the bill is still kept under my bills", () => {
    const reminder = billReminder(power, before)!;
    const saved = [{ serviceId: power.serviceId, number: power.number }];
    expect(reminderDecision(reminder, { fired: false, stopped: false, bills: { reminders: true, saved } })).toBe(
      'send',
    );
    expect(reminderDecision(reminder, { fired: false, stopped: false, bills: { reminders: false, saved } })).toBe(
      'bill-reminders-off',
    );
    expect(reminderDecision(reminder, { fired: false, stopped: false, bills: { reminders: true, saved: [] } })).toBe(
      'bill-forgotten',
    );
    expect(reminderDecision(reminder, { fired: false, stopped: true, bills: { reminders: true, saved } })).toBe(
      'stopped',
    );
    const paid = { fired: false, stopped: false, bills: { reminders: true, saved }, billPaid: true };
    expect(reminderDecision(reminder, paid)).toBe('bill-paid');
    expect(reminder.bill?.billId).toBe(power.billId);
  });

  it('goes as the reminder template in the citizen language, its text the one parameter', () => {
    const reminder = bookingReminder(bus, before)!;
    expect(reminderTemplate(reminder, 'te', 'mitra_reminder')).toEqual({
      type: 'template',
      name: 'mitra_reminder',
      language: 'te',
      parameters: [reminder.text.te],
    });
  });
});
