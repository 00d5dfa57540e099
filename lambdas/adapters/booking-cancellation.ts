import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, paginateQuery, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  applicationOfMitraPnr,
  type BookedTicket,
  type CancellationOutcome,
  mitraQuote,
  type RecordedCancellation,
  startsAtOf,
  type TicketToCancel,
} from '#core/bookings/cancellation.ts';
import { inventoryOf } from '#core/catalog/inventories.ts';
import { BY_CITIZEN_INDEX, keys } from '#core/table-keys.ts';
import { transitionApplication } from './application-transitions.ts';
import type { BookingInventory } from './booking-inventory.ts';
import type { HttpApsrtc } from './departments/apsrtc.ts';
import { DepartmentSystemError } from './departments/department-system-error.ts';
import { dynamodb } from './dynamodb-client.ts';
import type { GatewayRefund, RefundRequest } from './payment-gateway.ts';
import { logger } from './powertools.ts';
import type { RevocationService } from './revocation.ts';

/** The ticket an application item is, once it was paid (or free) and sold; undefined for anything else. */
function ticketOf(item: Record<string, unknown> | undefined): BookedTicket | undefined {
  if (item?.kind !== 'application') return undefined;
  const values = (item.values ?? {}) as Record<string, string>;
  const received = (item.payment as { received?: { paymentId: string; amountPaise: number } } | undefined)?.received;
  const posting = item.billPosting as { status?: string; billerReference?: string } | undefined;
  const certId = (item.outcome as { certId?: unknown } | undefined)?.certId;
  // A free appointment was sold without a payment: its ticket was paid nothing.
  const paid = received ?? (values.amount === '0' ? { paymentId: '', amountPaise: 0 } : undefined);
  if (!paid || posting?.status !== 'posted' || !posting.billerReference || !values['hold-id']) return undefined;
  return {
    applicationId: String(item.applicationId),
    serviceId: String(item.serviceId),
    waId: String(item.waId),
    state: String(item.state),
    pnr: posting.billerReference,
    holdId: values['hold-id'],
    ...(typeof certId === 'string' ? { certId } : {}),
    payment: { paymentId: paid.paymentId, amountPaise: paid.amountPaise },
    startsAt: startsAtOf(values).toISOString(),
    values,
    ...(item.cancellation ? { cancellation: item.cancellation as RecordedCancellation } : {}),
  };
}

/** Where tickets are read: the table, and APSRTC's reservation system for what a bus ticket refunds. */
export interface TicketSources {
  tableName: string;
  /** APSRTC's reservation system; absent when none is configured (a bus ticket is then not cancelled now). */
  apsrtc?: Pick<HttpApsrtc, 'refundQuote' | 'cancel'>;
  client?: DynamoDBDocumentClient;
}

/** The citizen's tickets as cancelling them needs them, and what cancelling one now refunds. */
export class BookedTickets {
  private readonly client: DynamoDBDocumentClient;

  constructor(private readonly sources: TicketSources) {
    this.client = sources.client ?? dynamodb;
  }

  /** A paid, sold booking by its application id (whoever booked it). */
  async get(applicationId: string): Promise<BookedTicket | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.sources.tableName, Key: keys.application(applicationId), ConsistentRead: true }),
    );
    return ticketOf(Item);
  }

  /** The ticket a citizen names by its PNR or application number, only if this number booked it. */
  async find(reference: string, waId: string): Promise<BookedTicket | undefined> {
    const applicationId = reference.startsWith('AP-') ? reference : applicationOfMitraPnr(reference);
    const ticket = applicationId ? await this.get(applicationId) : await this.findByPnr(reference, waId);
    return ticket?.waId === waId ? ticket : undefined;
  }

  /** The ticket and what cancelling it now refunds: by Mitra's rules, or as APSRTC answers. */
  async quote(reference: string, waId: string, now: Date): Promise<TicketToCancel> {
    const ticket = await this.find(reference, waId);
    if (!ticket) return { found: false };
    if (keptByMitra(ticket)) return { found: true, ticket, quote: mitraQuote(ticket, now) };
    if (!this.sources.apsrtc || ticket.state !== 'issued') return { found: true, ticket, quote: { unavailable: true } };
    try {
      const answer = await this.sources.apsrtc.refundQuote(ticket.pnr);
      return {
        found: true,
        ticket,
        quote:
          answer.status === 'cancellable'
            ? { cancellable: true, refundPaise: answer.refundPaise, percent: answer.refundPercent }
            : { cancellable: false },
      };
    } catch (error) {
      if (!(error instanceof DepartmentSystemError)) throw error;
      logger.warn('APSRTC refund quote unavailable', { applicationId: ticket.applicationId, error: error.message });
      return { found: true, ticket, quote: { unavailable: true } };
    }
  }

  /** APSRTC's PNRs name no application: the number's own bookings are searched for it. */
  private async findByPnr(pnr: string, waId: string): Promise<BookedTicket | undefined> {
    const pages = paginateQuery(
      { client: this.client },
      {
        TableName: this.sources.tableName,
        IndexName: BY_CITIZEN_INDEX,
        KeyConditionExpression: 'gsi1pk = :pk',
        FilterExpression: 'billPosting.billerReference = :pnr',
        ExpressionAttributeValues: { ':pk': keys.applicationsOfCitizen(waId).gsi1pk, ':pnr': pnr },
      },
    );
    for await (const page of pages) {
      const found = page.Items?.[0];
      // The index may lag the table: read the application itself.
      if (found) return this.get(String(found.applicationId));
    }
    return undefined;
  }
}

/** The services a ticket is cancelled with: where its places are kept, the gateway's refund, the revocation. */
export interface CancellationSources extends TicketSources {
  inventory: Pick<BookingInventory, 'cancel'>;
  refund: (request: RefundRequest) => Promise<GatewayRefund>;
  /** Revokes the ticket's signed record without a revocation notice: the citizen hears of the cancellation instead. */
  revocations: Pick<RevocationService, 'revoke'>;
}

/**
 * Cancels tickets the citizen bought, each step once however often it is asked (a redelivered message, a double tap,
 * a retried stream record): the refund is decided and recorded on the application first (conditionally, so two
 * cancellations agree on one amount); the places go back on sale (Mitra's conditional writes, or APSRTC's cancel
 * with the application id as its idempotency key); the gateway refunds under the same key; the ticket's signed record
 * is revoked as withdrawn at the holder's request; and the application moves from issued to cancelled.
 */
export class BookingCancellations {
  private readonly client: DynamoDBDocumentClient;
  private readonly tickets: BookedTickets;

  constructor(private readonly sources: CancellationSources) {
    this.client = sources.client ?? dynamodb;
    this.tickets = new BookedTickets(sources);
  }

  async cancel(applicationId: string, waId: string, now: Date): Promise<CancellationOutcome> {
    const ticket = await this.tickets.get(applicationId);
    if (!ticket || ticket.waId !== waId) return { outcome: 'not-found', reference: applicationId };
    if (ticket.state === 'cancelled' && ticket.cancellation)
      return { outcome: 'already-cancelled', ticket, cancellation: ticket.cancellation };
    if (ticket.state !== 'issued') return { outcome: 'not-cancellable', ticket };
    const decided = ticket.cancellation ? { recorded: ticket.cancellation } : await this.decide(ticket, now);
    if ('outcome' in decided) return decided;
    let cancellation = decided.recorded;
    if (keptByMitra(ticket)) await this.sources.inventory.cancel(ticket.holdId);
    if (cancellation.refundPaise > 0 && !cancellation.refundId) {
      const refund = await this.sources.refund({
        paymentId: ticket.payment.paymentId,
        amountPaise: cancellation.refundPaise,
        idempotencyKey: `${applicationId}-cancel`,
        reason: `ticket ${ticket.pnr} cancelled by the holder`,
      });
      cancellation = { ...cancellation, refundId: refund.refundId };
    }
    if (ticket.certId)
      await this.sources.revocations.revoke({ certId: ticket.certId, reason: 'holder-request', revokedBy: 'holder' });
    const moved = await transitionApplication(
      this.sources.tableName,
      { applicationId, transition: 'cancel', actor: { type: 'citizen' }, set: { cancellation } },
      now,
      this.client,
    );
    logger.info('ticket cancelled', { applicationId, moved, refundPaise: cancellation.refundPaise });
    return { outcome: moved ? 'cancelled' : 'already-cancelled', ticket, cancellation };
  }

  /**
   * The refund, decided once and recorded on the still-issued application: by Mitra's rules at this moment, or as
   * APSRTC's cancel answers (its seats are free from then). A cancellation that lost the race to record takes the one
   * recorded.
   */
  private async decide(
    ticket: BookedTicket,
    now: Date,
  ): Promise<{ recorded: RecordedCancellation } | Exclude<CancellationOutcome, { outcome: 'cancelled' }>> {
    let refund: { refundPaise: number; percent?: number };
    if (keptByMitra(ticket)) {
      const quote = mitraQuote(ticket, now);
      if (!quote.cancellable) return { outcome: 'not-cancellable', ticket };
      refund = quote;
    } else {
      if (!this.sources.apsrtc) return { outcome: 'unavailable', ticket };
      const answer = await this.sources.apsrtc.cancel(ticket.pnr, ticket.applicationId);
      if (answer.status !== 'cancelled') return { outcome: 'not-cancellable', ticket };
      refund = { refundPaise: answer.refundPaise };
    }
    const recorded: RecordedCancellation = { ...refund, cancelledAt: now.toISOString() };
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.sources.tableName,
          Key: keys.application(ticket.applicationId),
          UpdateExpression: 'SET cancellation = :cancellation',
          ConditionExpression: 'attribute_not_exists(cancellation) AND #state = :issued',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':cancellation': recorded, ':issued': 'issued' },
        }),
      );
      return { recorded };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const standing = await this.tickets.get(ticket.applicationId);
      if (standing?.cancellation) return { recorded: standing.cancellation };
      return { outcome: 'not-cancellable', ticket };
    }
  }
}

const keptByMitra = (ticket: BookedTicket) => inventoryOf(ticket.serviceId)?.source === 'mitra';
