import { istDate } from '../applications/dates.ts';
import { inventoryOf } from '../catalog/inventories.ts';
import type { Catalog, Language } from '../catalog/schema.ts';
import { latinDigits } from '../forms/digits.ts';
import { t } from '../i18n/strings.ts';
import { formatPaise } from '../payments/amount.ts';
import { refundOf } from './inventory-model.ts';
import { placesOf, resourceOf } from './slots.ts';

/**
 * Cancelling a ticket the citizen bought: which ticket a message names, what the rules refund, and how the chat says
 * it. The refund is the inventory's time-based rule: Mitra's own for darshan, seva and rooms; APSRTC's, answered by its
 * reservation system, for a bus.
 */

/** A paid, issued booking as cancelling it needs it. */
export interface BookedTicket {
  applicationId: string;
  serviceId: string;
  /** The number that booked it: only that number may cancel it. */
  waId: string;
  state: string;
  /** APSRTC's PNR, or Mitra's own for places it keeps. */
  pnr: string;
  /** The hold its places were sold from. */
  holdId: string;
  /** The ticket's certificate id in the document pipeline, revoked when it is cancelled. */
  certId?: string;
  payment: { paymentId: string; amountPaise: number };
  /** When the bus leaves or the slot begins (ISO, from the date and time booked, in India time). */
  startsAt: string;
  values: Record<string, string>;
  /** Recorded once, when the cancellation was first carried out. */
  cancellation?: RecordedCancellation;
}

export interface RecordedCancellation {
  refundPaise: number;
  /** Of the fare, by the rule that applied (APSRTC answers the amount only). */
  percent?: number;
  cancelledAt: string;
  /** The gateway's refund, once it was asked for. */
  refundId?: string;
}

/** What cancelling now would refund, or that it can no longer be cancelled. */
export type RefundQuote = { cancellable: true; refundPaise: number; percent?: number } | { cancellable: false };

/** What carrying out a confirmed cancellation came to. */
export type CancellationOutcome =
  | { outcome: 'cancelled' | 'already-cancelled'; ticket: BookedTicket; cancellation: RecordedCancellation }
  | { outcome: 'not-found'; reference: string }
  | { outcome: 'not-cancellable'; ticket: BookedTicket }
  /** APSRTC's reservation system is not configured: nothing was changed. */
  | { outcome: 'unavailable'; ticket: BookedTicket };

/** What the webhook found for a ticket to cancel: none of this number's, or the ticket and what cancelling gives. */
export type TicketToCancel =
  | { found: false }
  | { found: true; ticket: BookedTicket; quote: RefundQuote | { unavailable: true } };

const REFERENCE = /^(?:cancel(?:\s+ticket)?|raddu|రద్దు(?:\s+చేయి|\s+చేయండి)?)\s+(AP-[0-9A-Z]{12}|[A-Z0-9]{6,16})$/iu;

/** "cancel T7K2M9QX4B1TZ", "cancel ticket AP-…", "రద్దు P…": the ticket's PNR or application number, upper-cased. */
export function ticketReferenceOf(text: string): string | undefined {
  const match = REFERENCE.exec(latinDigits(text).normalize('NFC').replace(/\s+/g, ' ').trim());
  return match?.[1]?.toUpperCase();
}

/** The PNR Mitra gives places it keeps: its hold's (and application's) id after a T. */
export const mitraPnrOf = (holdId: string) => holdId.replace(/^AP-/, 'T');

/** The application a PNR of Mitra's own names, if it is one. */
export function applicationOfMitraPnr(reference: string): string | undefined {
  return /^T[0-9A-Z]{12}$/.test(reference) ? `AP-${reference.slice(1)}` : undefined;
}

/** When a booking starts: its date at the bus's departure or the slot's time, in India time (UTC+05:30). */
export function startsAtOf(values: Record<string, string>): Date {
  const time = values.departs || values['slot-time'] || '00:00';
  return new Date(`${values['travel-date'] ?? ''}T${time}:00+05:30`);
}

/** The refund by Mitra's own inventory's rules for cancelling now. */
export function mitraQuote(ticket: Pick<BookedTicket, 'serviceId' | 'payment' | 'startsAt'>, now: Date): RefundQuote {
  const rules = inventoryOf(ticket.serviceId)?.cancellation ?? [];
  const refund = refundOf(rules, ticket.payment.amountPaise, new Date(ticket.startsAt), now);
  return refund
    ? { cancellable: true, refundPaise: refund.refundPaise, percent: refund.percent }
    : { cancellable: false };
}

/**
 * Whether a ticket just issued is offered to cancel with it: before it starts, and where Mitra keeps the places, while
 * its rules still refund something (APSRTC answers its own refund when asked).
 */
export function offersCancel(serviceId: string, values: Record<string, string>, paidPaise: number, now: Date): boolean {
  const startsAt = startsAtOf(values);
  if (!(startsAt.getTime() > now.getTime())) return false;
  if (inventoryOf(serviceId)?.source !== 'mitra') return true;
  const payment = { paymentId: '', amountPaise: paidPaise };
  return mitraQuote({ serviceId, payment, startsAt: startsAt.toISOString() }, now).cancellable;
}

/** Whether a booking can still be cancelled from the chat: paid, issued, not yet started. */
export function isUpcomingTicket(ticket: Pick<BookedTicket, 'state' | 'startsAt'>, now: Date): boolean {
  return ticket.state === 'issued' && Date.parse(ticket.startsAt) > now.getTime();
}

/** One line naming a ticket: what, when, and its PNR. */
export function ticketLine(
  ticket: Pick<BookedTicket, 'serviceId' | 'pnr' | 'values'>,
  catalog: Catalog,
  language: Language,
): string {
  const { values } = ticket;
  const inventory = inventoryOf(ticket.serviceId);
  // A temple's name in the citizen's language (the answers keep the English one).
  const place = (inventory && resourceOf(inventory, values)?.name[language]) ?? values['service-code'] ?? '';
  const what = values['from-place']
    ? `${values['from-place']} → ${values['to-place'] ?? ''}, ${t('factSeats', language)} ${values.seats ?? ''}`
    : `${catalog.services.find((s) => s.id === ticket.serviceId)?.name[language] ?? ticket.serviceId}, ${place} × ${placesOf(values)}`;
  const time = values.departs || values['slot-time'] || '';
  return t('ticketLine', language, { pnr: ticket.pnr, what, date: istDate(values['travel-date'] ?? ''), time });
}

/** What the chat says before the citizen confirms: the refund, or why nothing can be done. */
export function cancellationQuoteText(
  found: Extract<TicketToCancel, { found: true }>,
  catalog: Catalog,
  language: Language,
): { text: string; confirm: boolean } {
  const { ticket, quote } = found;
  const line = ticketLine(ticket, catalog, language);
  if (ticket.state === 'cancelled' || ticket.cancellation)
    return {
      text: t('ticketAlreadyCancelled', language, {
        ticket: line,
        refund: formatPaise(ticket.cancellation?.refundPaise ?? 0),
      }),
      confirm: false,
    };
  if (ticket.state !== 'issued') return { text: t('ticketNotCancellable', language, { ticket: line }), confirm: false };
  if ('unavailable' in quote) return { text: t('busUnavailable', language), confirm: false };
  if (!quote.cancellable) return { text: t('ticketPastCancellation', language, { ticket: line }), confirm: false };
  if (ticket.payment.amountPaise === 0)
    return { text: t('ticketCancelQuoteFree', language, { ticket: line }), confirm: true };
  return {
    text: t('ticketCancelQuote', language, {
      ticket: line,
      paid: formatPaise(ticket.payment.amountPaise),
      refund: formatPaise(quote.refundPaise),
      kept: formatPaise(ticket.payment.amountPaise - quote.refundPaise),
    }),
    confirm: true,
  };
}

/** The chat's answer once a confirmed cancellation was carried out (or found done already). */
export function cancellationAnswer(result: CancellationOutcome, catalog: Catalog, language: Language): string {
  switch (result.outcome) {
    case 'not-found':
      return t('ticketNotFound', language, { reference: result.reference });
    case 'unavailable':
      return t('busUnavailable', language);
    case 'not-cancellable':
      return t('ticketPastCancellation', language, { ticket: ticketLine(result.ticket, catalog, language) });
    case 'already-cancelled':
      return t('ticketAlreadyCancelled', language, {
        ticket: ticketLine(result.ticket, catalog, language),
        refund: formatPaise(result.cancellation.refundPaise),
      });
    case 'cancelled':
      if (result.ticket.payment.amountPaise === 0)
        return t('ticketCancelledFree', language, { pnr: result.ticket.pnr });
      return result.cancellation.refundPaise > 0
        ? t('ticketCancelled', language, {
            pnr: result.ticket.pnr,
            refund: formatPaise(result.cancellation.refundPaise),
            refundId: result.cancellation.refundId ?? '',
          })
        : t('ticketCancelledNoRefund', language, { pnr: result.ticket.pnr });
  }
}
