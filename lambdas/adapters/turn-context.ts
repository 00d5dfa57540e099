import { isApplicationState, isSettled } from '#core/applications/lifecycle.ts';
import type { BusLookup, BusNeed } from '#core/bookings/bus.ts';
import type { SlotNeed, SlotOutcome } from '#core/bookings/slots.ts';
import type { Catalog } from '#core/catalog/schema.ts';
import type { ConversationSettings, DecisionTarget, TurnContext } from '#core/conversation/context.ts';
import { applicationIdFor, turnNeeds } from '#core/conversation/converse.ts';
import type { InboundMessage } from '#core/conversation/messages.ts';
import type { Session } from '#core/conversation/session.ts';
import { applicationStatusResult } from '#core/fulfilment/application-status.ts';
import { type BillOutcome, billerOf, billNumber } from '#core/fulfilment/bills.ts';
import {
  answeredFromMitra,
  lookupQuery,
  type StatusLookupOutcome,
  type VerifiedIdentity,
} from '#core/fulfilment/status-lookup.ts';
import { coversApplication, type Officer } from '#core/officers.ts';
import type { ApplicationQueries, DecisionStanding } from './application-queries.ts';
import type { BookedTickets } from './booking-cancellation.ts';
import type { BookingInventory } from './booking-inventory.ts';
import type { HttpApsrtc } from './departments/apsrtc.ts';
import type { HttpBillers } from './departments/billers.ts';
import { DepartmentSystemError } from './departments/department-system-error.ts';
import type { HttpStatusRegisters } from './departments/status-registers.ts';
import { type IdentityService, otpRequestId } from './identity.ts';
import type { ModelUnderstanding } from './model-understanding.ts';
import type { OfficerRegistry } from './officers.ts';
import { logger } from './powertools.ts';

export interface TurnContextSources {
  settings: ConversationSettings;
  applications: ApplicationQueries;
  officers: Pick<OfficerRegistry, 'find'>;
  /** Absent when no identity endpoint is configured: the conversation then says the check is unavailable. */
  identity?: IdentityService;
  catalog: Catalog;
  /** The departments' status registers; absent when none is configured (lookups answer "unavailable"). */
  statusRegisters?: Pick<HttpStatusRegisters, 'lookup'>;
  /** The billers; absent when none is configured (bills answer "unavailable"). */
  billers?: Pick<HttpBillers, 'fetchBill'>;
  /** Mitra's own inventory (darshan, seva, rooms), in the table. */
  inventory?: Pick<BookingInventory, 'hold'>;
  /** APSRTC's reservation system; absent when none is configured (bus tickets answer "unavailable"). */
  apsrtc?: Pick<HttpApsrtc, 'search' | 'seats' | 'hold'>;
  /** The citizen's tickets, for "cancel <PNR>": what cancelling one now refunds. */
  tickets?: Pick<BookedTickets, 'quote'>;
  /** A language model that reads free text first; absent (the default), the conversation's own rules read it. */
  understanding?: ModelUnderstanding;
}

/**
 * Looks up what `converse` will need for this message (the citizen's applications, an OTP sent or checked, whether
 * an officer's decision is still awaited, a document to send again), so the
 * conversation itself stays pure. The webhook calls this again for every delivery and every re-applied turn of the
 * same message, so the OTP request is named after the message: the identity service sends one OTP per message. A
 * failing identity service is an answer the conversation handles ("try again in a few minutes"), not an error that
 * would make Meta redeliver the message.
 */
export async function loadTurnContext(
  sources: TurnContextSources,
  session: Session,
  message: InboundMessage,
  now: Date,
): Promise<TurnContext> {
  const needs = turnNeeds(session, message, now, sources.settings, sources.catalog);
  const context: TurnContext = { settings: sources.settings };
  const { identity } = sources;
  const [applications, otpRequest, otpCheck, officer, heldDocument] = await Promise.all([
    needs.applications ? sources.applications.ofCitizen(session.waId) : undefined,
    needs.otpRequest
      ? identity
        ? identity.requestOtp(needs.otpRequest.aadhaar, otpRequestId(message.messageId)).then(
            ({ txnId }) => ({ ok: true as const, txnId }),
            (error: unknown) => unavailable('requestOtp', error),
          )
        : unavailable('requestOtp', 'no identity endpoint configured')
      : undefined,
    needs.otpCheck
      ? identity
        ? identity.verifyOtp(needs.otpCheck.txnId, needs.otpCheck.otp).then(
            (check) => ({ ok: true as const, ...check }),
            (error: unknown) => unavailable('verifyOtp', error),
          )
        : unavailable('verifyOtp', 'no identity endpoint configured')
      : undefined,
    needs.officer ? sources.officers.find(session.waId) : undefined,
    needs.heldDocument ? sources.applications.issuedDocument(needs.heldDocument).then((d) => d ?? null) : undefined,
  ]);
  if (officer) {
    context.officer = officer;
    // What an officer asked to see, of their own department (and district, for a district officer) only.
    if (needs.officerQueue) context.officerQueue = await sources.applications.awaitingDecision(officer);
    if (needs.openApplication) {
      const opened = await sources.applications.waitingApplication(needs.openApplication);
      context.openedApplication = opened && coversApplication(officer, opened) ? opened : null;
    }
    if (needs.decisionOn)
      context.decisionTarget = decisionTarget(officer, await sources.applications.decisionStanding(needs.decisionOn));
  }
  if (heldDocument !== undefined) context.heldDocument = heldDocument;
  if (applications) context.applications = applications;
  if (otpRequest) context.otpRequest = otpRequest;
  if (otpCheck) context.otpCheck = otpCheck;
  if (needs.bill) context.bill = await fetchBill(sources, needs.bill);
  if (needs.myBills) context.myBills = await Promise.all(needs.myBills.map((saved) => fetchBill(sources, saved)));
  if (needs.bus) context.bus = await askApsrtc(sources, needs.bus, applicationIdFor(message.messageId));
  if (needs.slotHold)
    context.slotHold = sources.inventory
      ? await holdSlot(sources.inventory, needs.slotHold, applicationIdFor(message.messageId), now)
      : { unavailable: true };
  if (needs.ticketToCancel)
    context.ticketToCancel = sources.tickets
      ? await sources.tickets.quote(needs.ticketToCancel, session.waId, now)
      : { found: false };
  if (needs.lookup) context.lookup = await lookUp(sources, needs.lookup, verifiedIdentity(session, otpCheck));
  if (needs.understand && sources.understanding) {
    const understood = await sources.understanding.understand(needs.understand.text, session.language ?? 'en', now);
    if (understood) context.understood = understood;
  }
  return context;
}

/**
 * Whether the application an officer decides still waits. How it ended is told only to an officer of the department
 * (and district) it went to, as the worklist shows only theirs; to anyone else it is just "not waiting".
 */
function decisionTarget(officer: Officer, standing: DecisionStanding | undefined): DecisionTarget {
  if (standing?.waiting) return { waiting: true };
  if (!standing || !isApplicationState(standing.state) || !isSettled(standing.state)) return { waiting: false };
  const theirs = standing.jurisdiction !== undefined && coversApplication(officer, standing.jurisdiction);
  return theirs ? { waiting: false, decided: standing.state } : { waiting: false };
}

/** Who has proved their identity: the OTP checked in this very turn, or the session's earlier check. */
function verifiedIdentity(session: Session, otpCheck: TurnContext['otpCheck']): VerifiedIdentity {
  const { step } = session;
  if (otpCheck?.ok && otpCheck.valid && step.name === 'identity-otp')
    return { aadhaarHash: step.aadhaarHash, ...(otpCheck.uidToken ? { uidToken: otpCheck.uidToken } : {}) };
  if (!otpCheck) return session.identity;
  return {};
}

/**
 * The answer to a status lookup: Mitra's own table for its application numbers, otherwise the department's register,
 * asked only for what it needs. An unreachable register is an answer ("try again later"), never a failed turn.
 */
async function lookUp(
  sources: TurnContextSources,
  needed: { serviceId: string; values: Record<string, string> },
  identity: VerifiedIdentity,
): Promise<StatusLookupOutcome> {
  const service = sources.catalog.services.find((s) => s.id === needed.serviceId);
  if (!service) return { unavailable: true };
  if (answeredFromMitra(service)) {
    const number = needed.values['application-number'];
    const view = number ? await sources.applications.statusView(number) : undefined;
    return applicationStatusResult(view, sources.catalog);
  }
  const query = lookupQuery(service, needed.values, identity);
  if (!query) return { ownAadhaarOnly: true };
  if (!sources.statusRegisters) return { unavailable: true };
  try {
    return await sources.statusRegisters.lookup(service.id, query);
  } catch (error) {
    if (!(error instanceof DepartmentSystemError)) throw error;
    logger.warn('status register unavailable', { serviceId: service.id, error: error.message });
    return { unavailable: true };
  }
}

/** The bill a citizen asked for, from its biller; a biller down or unknown is an answer, never a failed turn. */
async function fetchBill(
  sources: TurnContextSources,
  needed: { serviceId: string; values: Record<string, string> },
): Promise<BillOutcome> {
  const service = sources.catalog.services.find((s) => s.id === needed.serviceId);
  const biller = service && billerOf(service, needed.values);
  if (!service) return { unavailable: true };
  if (!biller) return { found: false };
  if (!sources.billers) return { unavailable: true };
  const query = lookupQuery(service, needed.values) ?? {};
  try {
    return await sources.billers.fetchBill(biller, service.id, billNumber(service, needed.values), query);
  } catch (error) {
    if (!(error instanceof DepartmentSystemError)) throw error;
    logger.warn('biller unavailable', { serviceId: service.id, biller, error: error.message });
    return { unavailable: true };
  }
}

/**
 * APSRTC's answer to a bus ticket's search, seat map or hold. A hold is named after the message's application id, so
 * a redelivered message gets the same hold back. A system down is an answer, never a failed turn.
 */
async function askApsrtc(sources: TurnContextSources, need: BusNeed, applicationId: string): Promise<BusLookup> {
  const { apsrtc } = sources;
  if (!apsrtc) return { kind: 'unavailable' };
  try {
    switch (need.kind) {
      case 'search':
        return { kind: 'services', services: await apsrtc.search(need.from, need.to, need.date) };
      case 'seats':
        return { kind: 'seats', seatMap: await apsrtc.seats(need.serviceCode, need.date) };
      case 'hold': {
        const { kind: _, ...request } = need;
        return { kind: 'hold', hold: await apsrtc.hold({ idempotencyKey: applicationId, ...request }) };
      }
    }
  } catch (error) {
    if (!(error instanceof DepartmentSystemError)) throw error;
    logger.warn('APSRTC reservations unavailable', { call: need.kind, error: error.message });
    return { kind: 'unavailable' };
  }
}

/** Holds a chosen slot's places for this message's application, under the person's quota. */
function holdSlot(
  inventory: Pick<BookingInventory, 'hold'>,
  need: SlotNeed,
  holdId: string,
  now: Date,
): Promise<SlotOutcome> {
  const { resourceKey, count, units, holdMinutes, quota } = need;
  return inventory.hold(
    {
      holdId,
      resourceKey,
      wanted: { count, of: units },
      expiresAt: new Date(now.getTime() + holdMinutes * 60_000),
      ...(quota ? { quota } : {}),
    },
    now,
  );
}

function unavailable(call: string, error: unknown): { ok: false } {
  logger.warn('identity service unavailable', { call, error: error instanceof Error ? error.message : String(error) });
  return { ok: false };
}
