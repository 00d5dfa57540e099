import {
  type BusCancellation,
  BusCancellationSchema,
  type BusConfirmation,
  BusConfirmationSchema,
  type BusHold,
  type BusHoldRequestSchema,
  BusHoldSchema,
  type BusRefundQuote,
  BusRefundQuoteSchema,
  BusReleaseSchema,
  BusSearchSchema,
  type BusService,
  type SeatMap,
  SeatMapSchema,
} from '#core/bookings/bus.ts';
import type * as z from '#core/validation.ts';
import { askDepartment } from './department-request.ts';

const SYSTEM = 'APSRTC reservations';
/** Searches and seat maps are read inside the citizen's turn: slower than this is the system down. */
const READ_TIMEOUT_MS = 3000;
/** Holds are placed in the turn too; confirmations and cancellations run in the workflow, which retries. */
const WRITE_TIMEOUT_MS = 8000;

/**
 * APSRTC's reservation system (docs/department-systems.md, "Reservations"), the source of truth of its seats:
 * `POST {endpoint}/apsrtc/services/search`, `…/services/seats`, `…/holds`, `…/holds/confirm`, `…/holds/release`,
 * `…/tickets/refund-quote`, `…/tickets/cancel`. Every write carries an idempotency key, answered with its first answer when asked again.
 * Unreachable, slow, non-2xx or out of contract is a DepartmentSystemError.
 */
export class HttpApsrtc {
  constructor(private readonly endpoint: string) {}

  async search(from: string, to: string, date: string): Promise<BusService[]> {
    const answer = await this.ask('services/search', { from, to, date }, BusSearchSchema, READ_TIMEOUT_MS);
    return answer.services;
  }

  seats(serviceCode: string, date: string): Promise<SeatMap> {
    return this.ask('services/seats', { serviceCode, date }, SeatMapSchema, READ_TIMEOUT_MS);
  }

  hold(request: z.infer<typeof BusHoldRequestSchema>): Promise<BusHold> {
    return this.ask('holds', request, BusHoldSchema, WRITE_TIMEOUT_MS);
  }

  confirm(
    holdId: string,
    payment: { paymentId: string; amountPaise: number; paidAt: string },
  ): Promise<BusConfirmation> {
    return this.ask('holds/confirm', { holdId, ...payment }, BusConfirmationSchema, WRITE_TIMEOUT_MS);
  }

  async release(holdId: string): Promise<void> {
    await this.ask('holds/release', { holdId }, BusReleaseSchema, WRITE_TIMEOUT_MS);
  }

  /** A read, asked in the citizen's turn before they confirm a cancellation. */
  refundQuote(pnr: string): Promise<BusRefundQuote> {
    return this.ask('tickets/refund-quote', { pnr }, BusRefundQuoteSchema, READ_TIMEOUT_MS);
  }

  cancel(pnr: string, idempotencyKey: string): Promise<BusCancellation> {
    return this.ask('tickets/cancel', { pnr, idempotencyKey }, BusCancellationSchema, WRITE_TIMEOUT_MS);
  }

  private ask<T>(path: string, body: unknown, schema: z.ZodMiniType<T>, timeoutMs: number): Promise<T> {
    return askDepartment(SYSTEM, `${this.endpoint.replace(/\/+$/, '')}/apsrtc/${path}`, body, schema, timeoutMs);
  }
}
