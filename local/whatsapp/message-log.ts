import { join } from 'node:path';
import { JsonlFile } from './jsonl-file.ts';
import type { DeliveryStatus, InboundMessage } from './webhook-payload.ts';

/** One message the system sent through the Graph API: its request body, plus the id and time Meta would assign. */
export type SentMessage = Record<string, unknown> & {
  id: string;
  sent_at: string;
  /** The phone number it was sent to, or… */
  to?: string;
  /** …the business-scoped user id (Meta's `recipient`). */
  recipient?: string;
  type: string;
};

export interface OutboundEntry {
  kind: 'outbound';
  wa_id: string;
  id: string;
  sent_at: string;
  request: Record<string, unknown>;
  /** 'service' for free-form replies, the template's category otherwise; shown in status webhooks. */
  category: string;
}

export interface InboundEntry {
  kind: 'inbound';
  /** The user it came from: their phone number when the webhook carried it, else their business-scoped user id. */
  wa_id: string;
  /** Their business-scoped user id, when `wa_id` is their phone number. */
  user_id?: string;
  id: string;
  received_at: string;
  name: string;
  message: InboundMessage;
}

/** How the system's /webhook answered an inbound delivery (null status: it could not be reached). */
export interface WebhookResultEntry {
  kind: 'webhook';
  id: string;
  status: number | null;
  error?: string;
}

interface StatusEntry {
  kind: 'status';
  id: string;
  status: DeliveryStatus;
  at: string;
}

/** The system's mark-as-read call for an inbound message (blue ticks, and the typing indicator if asked). */
export interface ReadEntry {
  kind: 'read';
  id: string;
  at: string;
  typing: boolean;
}

type Entry = OutboundEntry | InboundEntry | WebhookResultEntry | StatusEntry | ReadEntry;

export interface TimelineItem {
  direction: 'in' | 'out';
  id: string;
  at: string;
  /** Outbound: the Graph request body. Inbound: the webhook message object. */
  payload: Record<string, unknown>;
  /** Outbound: last delivery status. Inbound: 'pending' | 'delivered' | 'failed' (webhook answer) | 'read'. */
  status: string;
  webhook_status?: number | null;
  webhook_error?: string;
}

/** Both sides of every conversation, kept in memory and appended to dataDir/messages.jsonl. */
export class MessageLog {
  private readonly file: JsonlFile<Entry>;
  private readonly byWaId = new Map<string, Array<OutboundEntry | InboundEntry>>();
  private readonly outboundById = new Map<string, OutboundEntry>();
  private readonly inboundById = new Map<string, InboundEntry>();
  private readonly statuses = new Map<string, DeliveryStatus>();
  private readonly webhookResults = new Map<string, WebhookResultEntry>();
  private readonly reads = new Map<string, ReadEntry>();
  /** A user's phone number and business-scoped user id name the same person: each maps to the other. */
  private readonly aliases = new Map<string, string>();
  /** Per wa_id, the record order of the last outbound message and of the last read call that asked for typing. */
  private readonly order = new Map<string, { lastOutbound: number; typing?: { seq: number; at: string } }>();
  private seq = 0;
  private readonly sentListeners = new Set<(waId: string) => void>();

  constructor(dataDir: string) {
    this.file = new JsonlFile(join(dataDir, 'messages.jsonl'));
    for (const entry of this.file.readAll()) this.apply(entry);
  }

  private apply(entry: Entry): void {
    this.seq += 1;
    switch (entry.kind) {
      case 'outbound':
        this.outboundById.set(entry.id, entry);
        this.conversation(entry.wa_id).push(entry);
        this.orderOf(entry.wa_id).lastOutbound = this.seq;
        return;
      case 'inbound':
        this.inboundById.set(entry.id, entry);
        this.conversation(entry.wa_id).push(entry);
        if (entry.user_id) {
          this.aliases.set(entry.wa_id, entry.user_id);
          this.aliases.set(entry.user_id, entry.wa_id);
        }
        return;
      case 'webhook':
        this.webhookResults.set(entry.id, entry);
        return;
      case 'status':
        if (rank(entry.status) >= rank(this.statuses.get(entry.id))) this.statuses.set(entry.id, entry.status);
        return;
      case 'read': {
        this.reads.set(entry.id, entry);
        const waId = this.inboundById.get(entry.id)?.wa_id;
        if (waId && entry.typing) this.orderOf(waId).typing = { seq: this.seq, at: entry.at };
        return;
      }
    }
  }

  private orderOf(waId: string): { lastOutbound: number; typing?: { seq: number; at: string } } {
    let order = this.order.get(waId);
    if (!order) {
      order = { lastOutbound: 0 };
      this.order.set(waId, order);
    }
    return order;
  }

  /** When the system last showed "typing…" to that citizen without replying since, if it has. */
  typingSince(waId: string): Date | undefined {
    const order = this.order.get(waId);
    return order?.typing && order.typing.seq > order.lastOutbound ? new Date(order.typing.at) : undefined;
  }

  private record(entry: Entry): void {
    this.file.append(entry);
    this.apply(entry);
  }

  private conversation(waId: string): Array<OutboundEntry | InboundEntry> {
    let list = this.byWaId.get(waId);
    if (!list) {
      list = [];
      this.byWaId.set(waId, list);
    }
    return list;
  }

  addOutbound(entry: Omit<OutboundEntry, 'kind'>): void {
    this.record({ kind: 'outbound', ...entry });
    for (const listener of this.sentListeners) listener(entry.wa_id);
  }

  /** Calls `listener` with the user's key after each message sent to a user; answers the function that stops it. */
  onSent(listener: (waId: string) => void): () => void {
    this.sentListeners.add(listener);
    return () => this.sentListeners.delete(listener);
  }

  addInbound(entry: Omit<InboundEntry, 'kind'>): void {
    this.record({ kind: 'inbound', ...entry });
  }

  setWebhookResult(id: string, status: number | null, error?: string): void {
    this.record({ kind: 'webhook', id, status, ...(error ? { error } : {}) });
  }

  addStatus(id: string, status: DeliveryStatus, at: Date): void {
    this.record({ kind: 'status', id, status, at: at.toISOString() });
  }

  addRead(id: string, at: Date, typing: boolean): void {
    this.record({ kind: 'read', id, at: at.toISOString(), typing });
  }

  sent(waId: string): SentMessage[] {
    return (this.byWaId.get(waId) ?? [])
      .filter((entry): entry is OutboundEntry => entry.kind === 'outbound')
      .map((entry) => ({ ...entry.request, id: entry.id, sent_at: entry.sent_at }) as SentMessage);
  }

  /** The last message sent that `match` picks out (by its Graph request body). */
  lastOutboundWhere(match: (request: Record<string, unknown>) => boolean): OutboundEntry | undefined {
    return [...this.outboundById.values()].reverse().find((entry) => match(entry.request));
  }

  outbound(id: string): OutboundEntry | undefined {
    return this.outboundById.get(id);
  }

  inbound(id: string): InboundEntry | undefined {
    return this.inboundById.get(id);
  }

  read(id: string): ReadEntry | undefined {
    return this.reads.get(id);
  }

  status(id: string): DeliveryStatus | undefined {
    return this.statuses.get(id);
  }

  /** The other name of the same user (their BSUID for a phone number, and back), once a message carried both. */
  aliasOf(waId: string): string | undefined {
    return this.aliases.get(waId);
  }

  /**
   * When the citizen last wrote: the 24-hour customer service window runs from here, whichever of their names
   * their messages came under.
   */
  lastInboundAt(waId: string): Date | undefined {
    const alias = this.aliases.get(waId);
    const times = [waId, ...(alias ? [alias] : [])].map((key) => {
      const list = this.byWaId.get(key) ?? [];
      for (let i = list.length - 1; i >= 0; i--) {
        const entry = list[i]!;
        if (entry.kind === 'inbound') return Date.parse(entry.received_at);
      }
      return undefined;
    });
    const latest = Math.max(...times.filter((time) => time !== undefined));
    return Number.isFinite(latest) ? new Date(latest) : undefined;
  }

  /** Outbound messages to that citizen, newest first, for matching a tapped reply to what offered it. */
  *recentOutbound(waId: string): Generator<OutboundEntry> {
    const list = this.byWaId.get(waId) ?? [];
    for (let i = list.length - 1; i >= 0; i--) {
      const entry = list[i]!;
      if (entry.kind === 'outbound') yield entry;
    }
  }

  timeline(waId: string): TimelineItem[] {
    return (this.byWaId.get(waId) ?? []).map((entry) => {
      if (entry.kind === 'outbound') {
        return {
          direction: 'out',
          id: entry.id,
          at: entry.sent_at,
          payload: entry.request,
          status: this.statuses.get(entry.id) ?? 'accepted',
        };
      }
      const webhook = this.webhookResults.get(entry.id);
      const delivered = webhook?.status !== undefined && webhook.status !== null && webhook.status < 300;
      const status = this.reads.has(entry.id) ? 'read' : !webhook ? 'pending' : delivered ? 'delivered' : 'failed';
      return {
        direction: 'in',
        id: entry.id,
        at: entry.received_at,
        payload: entry.message as unknown as Record<string, unknown>,
        status,
        ...(webhook ? { webhook_status: webhook.status } : {}),
        ...(webhook?.error ? { webhook_error: webhook.error } : {}),
      };
    });
  }
}

// Statuses can arrive out of order (Meta does not guarantee order); the furthest one wins, failed trumps all.
function rank(status: DeliveryStatus | undefined): number {
  return status === undefined ? -1 : ['sent', 'delivered', 'read', 'failed'].indexOf(status);
}
