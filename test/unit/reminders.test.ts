import { describe, expect, it } from 'vitest';
import {
  BOOKING_REMINDER_LEAD_MS,
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

describe('whether a reminder goes is decided when it fires', () => {
  it('sends while the booking stands, the citizen has not sent STOP and it has not fired before', () => {
    expect(reminderDecision({ fired: false, stopped: false, applicationState: 'issued' })).toBe('send');
  });

  it('sends nothing after STOP, for a booking cancelled or never issued, or a second time', () => {
    expect(reminderDecision({ fired: false, stopped: true, applicationState: 'issued' })).toBe('stopped');
    expect(reminderDecision({ fired: false, stopped: false, applicationState: 'cancelled' })).toBe(
      'booking-not-standing',
    );
    expect(reminderDecision({ fired: false, stopped: false })).toBe('booking-not-standing');
    expect(reminderDecision({ fired: true, stopped: false, applicationState: 'issued' })).toBe('already-fired');
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
