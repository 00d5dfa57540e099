import { describe, expect, it } from 'vitest';
import {
  type BookedTicket,
  cancellationAnswer,
  mitraQuote,
  startsAtOf,
  type TicketToCancel,
  ticketReferenceOf,
} from '#core/bookings/cancellation.ts';
import type { Language } from '#core/catalog/schema.ts';
import { turnNeeds } from '#core/conversation/converse.ts';
import { Citizen, START, services } from './citizen.ts';

const APPLICATION = 'AP-7K2M9QX4B1TZ';
const PNR = 'T7K2M9QX4B1TZ';

/** A darshan ticket for 4 at Tirumala, ₹1,200 paid, starting `hours` after the test's clock. */
function darshan(hours: number, overrides: Partial<BookedTicket> = {}): BookedTicket {
  const starts = new Date(START.getTime() + hours * 3_600_000 + 5.5 * 3_600_000);
  const values = {
    'travel-date': starts.toISOString().slice(0, 10),
    'slot-time': starts.toISOString().slice(11, 16),
    temple: 'tirumala',
    persons: '4',
    'service-code': 'Tirumala (TTD)',
    'hold-id': APPLICATION,
  };
  return {
    applicationId: APPLICATION,
    serviceId: 'endowments.darshan-ticket',
    waId: '919876543210',
    state: 'issued',
    pnr: PNR,
    holdId: APPLICATION,
    certId: 'AbCdEfGhIjKlMnOpQrStUw',
    payment: { paymentId: 'pay_1', amountPaise: 120_000 },
    startsAt: startsAtOf(values).toISOString(),
    values,
    ...overrides,
  };
}

const quoted = (ticket: BookedTicket): TicketToCancel => ({ found: true, ticket, quote: mitraQuote(ticket, START) });

describe('cancelling a ticket in the chat', () => {
  it('reads "cancel <PNR>" in English, Telugu and Telugu in Latin letters, and nothing that is not a ticket', () => {
    expect(ticketReferenceOf(`cancel ${PNR}`)).toBe(PNR);
    expect(ticketReferenceOf(`Cancel ticket ${APPLICATION.toLowerCase()}`)).toBe(APPLICATION);
    expect(ticketReferenceOf(`రద్దు ${PNR}`)).toBe(PNR);
    expect(ticketReferenceOf(`raddu PVJAHYD00001`)).toBe('PVJAHYD00001');
    expect(ticketReferenceOf('cancel')).toBeUndefined();
    expect(ticketReferenceOf(`please cancel ${PNR}`)).toBeUndefined();
  });

  it('refunds by the time left: 80 % three days ahead, 50 % a day ahead, nothing the last day', () => {
    expect(mitraQuote(darshan(80), START)).toEqual({ cancellable: true, refundPaise: 96_000, percent: 80 });
    expect(mitraQuote(darshan(30), START)).toEqual({ cancellable: true, refundPaise: 60_000, percent: 50 });
    expect(mitraQuote(darshan(10), START)).toEqual({ cancellable: false });
    expect(mitraQuote(darshan(-1), START)).toEqual({ cancellable: false });
  });

  it('asks for the ticket and its refund only for "cancel <PNR>" outside a form', () => {
    const citizen = new Citizen().ready();
    const needs = (text: string) =>
      turnNeeds(
        citizen.session,
        { messageId: 'wamid.x', waId: citizen.waId, sentAt: citizen.now, content: { type: 'text', text } },
        citizen.now,
      );
    expect(needs(`cancel ${PNR}`)).toEqual({ applications: false, ticketToCancel: PNR });
    citizen.tap('svc:revenue.income-certificate');
    expect(needs(`cancel ${PNR}`).ticketToCancel).toBeUndefined();
  });

  for (const [language, asked, cancelling] of [
    ['en', 'Cancel this ticket?', 'Cancelling ticket'],
    ['te', 'ఈ టికెట్ రద్దు చేయాలా?', 'రద్దు చేసి వాపసు కోరుతున్నాం'],
  ] as const)
    it(`shows the refund and confirms with "Cancel ticket" (${language})`, () => {
      const citizen = new Citizen().ready(language as Language);
      citizen.text(`cancel ${PNR}`, { ticketToCancel: quoted(darshan(80)) });
      expect(citizen.said).toContain(asked);
      expect(citizen.said).toContain(language === 'te' ? 'తిరుమల' : 'Tirumala');
      expect(citizen.said).toContain('₹960');
      expect(citizen.turn.effects).toEqual([]);
      citizen.tap(`tcancel-yes:${APPLICATION}`);
      expect(citizen.said).toContain(cancelling);
      expect(citizen.turn.effects).toEqual([
        { type: 'cancel-booking', waId: citizen.waId, applicationId: APPLICATION, language },
      ]);
    });

  it('answers plainly when it cannot be cancelled, is cancelled already, or is not this number’s', () => {
    const citizen = new Citizen().ready();
    citizen.text(`cancel ${PNR}`, { ticketToCancel: quoted(darshan(10)) });
    expect(citizen.said).toContain('can no longer be cancelled');
    expect(citizen.replies.every((r) => r.type === 'text')).toBe(true);
    const cancelled = darshan(80, {
      state: 'cancelled',
      cancellation: { refundPaise: 96_000, cancelledAt: START.toISOString() },
    });
    citizen.text(`cancel ${PNR}`, { ticketToCancel: quoted(cancelled) });
    expect(citizen.said).toContain('already cancelled, and its refund of ₹960 recorded once');
    citizen.text(`cancel ${PNR}`, { ticketToCancel: quoted(darshan(80, { waId: '919000000001' })) });
    expect(citizen.said).toContain(`No ticket ${PNR} was booked from this number`);
    // A confirmation tapped without the quote shown (an old button) cancels nothing.
    citizen.tap(`tcancel-yes:${APPLICATION}`);
    expect(citizen.turn.effects).toEqual([]);
  });

  it('tells the refund once it is done, in Telugu too', () => {
    const done = {
      outcome: 'cancelled' as const,
      ticket: darshan(80),
      cancellation: { refundPaise: 96_000, cancelledAt: START.toISOString(), refundId: 'rfnd_1' },
    };
    expect(cancellationAnswer(done, services, 'en')).toContain(`Ticket ${PNR} is cancelled. ₹960 is refunded`);
    expect(cancellationAnswer(done, services, 'te')).toContain(`టికెట్ ${PNR} రద్దు అయింది. ₹960 `);
    const none = { ...done, cancellation: { ...done.cancellation, refundPaise: 0 } };
    expect(cancellationAnswer(none, services, 'en')).toContain('nothing is refunded');
  });
});
