import {
  type BookedTicket,
  cancellationQuoteText,
  isUpcomingTicket,
  startsAtOf,
  ticketLine,
} from '../../bookings/cancellation.ts';
import type { Catalog, Language } from '../../catalog/schema.ts';
import { t } from '../../i18n/strings.ts';
import { rowId } from '../actions.ts';
import type { ApplicationSummary } from '../context.ts';
import type { Screen } from '../screens.ts';
import type { TicketCancelIntent } from './intent.ts';
import { home } from './navigation.ts';
import { type IntentHandlers, languageOf, show, textScreen } from './turn.ts';

/** At most this many tickets are offered to cancel under "status" (one WhatsApp message's buttons). */
const OFFERED = 3;

export const ticketCancelTurns: IntentHandlers<TicketCancelIntent['kind']> = {
  /**
   * The ticket named, if this number booked it: what cancelling it now refunds by its rules, with "Cancel ticket" and
   * "Keep ticket"; or, plainly, why it cannot be cancelled.
   */
  'ticket-cancel'(session, { reference }, env) {
    const language = languageOf(session);
    const found = env.context.ticketToCancel;
    if (!found?.found || found.ticket.waId !== session.waId)
      return show(session, { name: 'menu', page: 0 }, textScreen([t('ticketNotFound', language, { reference })]), env);
    const { text, confirm } = cancellationQuoteText(found, env.catalog, language);
    if (!confirm) return show(session, { name: 'menu', page: 0 }, textScreen([text]), env);
    const { applicationId } = found.ticket;
    const actions = [`tcancel-yes:${applicationId}`, 'home'];
    const screen: Screen = {
      replies: [
        {
          type: 'buttons',
          body: text,
          buttons: [
            { id: rowId(actions[0]!, env.token), title: t('ticketCancelButton', language) },
            { id: rowId(actions[1]!, env.token), title: t('ticketKeepButton', language) },
          ],
        },
      ],
      options: actions,
    };
    const free = found.ticket.payment.amountPaise === 0;
    const step = { name: 'ticket-cancel', applicationId, pnr: found.ticket.pnr, ...(free ? { free } : {}) } as const;
    return show(session, step, screen, env);
  },
  /** Confirmed: carried out off the webhook's path, which answers when the refund is recorded. */
  'ticket-cancel-confirm'(session, { applicationId }, env) {
    const { step } = session;
    if (step.name !== 'ticket-cancel' || step.applicationId !== applicationId) return home(session, env);
    const language = languageOf(session);
    return show(
      session,
      { name: 'menu', page: 0 },
      textScreen([t(step.free ? 'ticketCancellingFree' : 'ticketCancelling', language, { pnr: step.pnr })]),
      env,
      [{ type: 'cancel-booking', waId: session.waId, applicationId, language }],
    );
  },
};

/**
 * The paid tickets booked from this number whose time has not come, soonest first: "status" lists them, each a
 * button that asks to cancel it.
 */
export function upcomingTickets(
  applications: readonly ApplicationSummary[],
  catalog: Catalog,
  now: Date,
): Pick<BookedTicket, 'applicationId' | 'serviceId' | 'pnr' | 'values' | 'startsAt'>[] {
  return applications
    .flatMap((a) => {
      if (!a.pnr || !a.values || catalog.services.find((s) => s.id === a.serviceId)?.kind !== 'booking') return [];
      const ticket = { ...a, pnr: a.pnr, values: a.values, startsAt: startsAtOf(a.values).toISOString() };
      return isUpcomingTicket(ticket, now) ? [ticket] : [];
    })
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .slice(0, OFFERED);
}

/** "Status"'s tickets: their lines, and a Cancel button for each. */
export function ticketsScreen(
  tickets: ReturnType<typeof upcomingTickets>,
  catalog: Catalog,
  language: Language,
  token: number,
): Screen | undefined {
  if (tickets.length === 0) return undefined;
  const list = tickets.map((ticket, i) => `${i + 1}. ${ticketLine(ticket, catalog, language)}`).join('\n');
  const actions = tickets.map((ticket) => `tcancel:${ticket.applicationId}`);
  return {
    replies: [
      {
        type: 'buttons',
        body: t('ticketsUpcoming', language, { list }),
        buttons: actions.map((action, i) => ({
          id: rowId(action, token),
          title: t('ticketCancelRow', language, { n: i + 1 }),
        })),
      },
    ],
    options: actions,
  };
}
