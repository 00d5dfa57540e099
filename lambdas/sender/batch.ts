import type { OutboxItem } from '#adapters/outbox.ts';
import { maskPhone } from '#core/masking.ts';
import { turnReplyPlace } from '#core/whatsapp/turn-replies.ts';
import type { Outcome } from './delivery.ts';

/**
 * One outbox item of a stream batch, with an id of its own: the record's sequence number (what a batch item failure
 * names), and the reply's place when the record carries a turn's replies.
 */
export interface BatchEntry {
  id: string;
  item: OutboxItem;
}

export interface BatchPorts {
  deliver(item: OutboxItem): Promise<Outcome>;
  /** pending → parked, kept for a redrive; false when the item is not pending (another invocation holds it). */
  park(item: OutboxItem, reason: string): Promise<boolean>;
  /** Whether replies queued to this citizen before the item are parked (it must not overtake them). */
  parkedBefore(item: OutboxItem): Promise<boolean>;
  /** Whether an error is an AWS service busy for a while (throttling, 5xx): worth trying the reply again soon. */
  busy(error: unknown): boolean;
  sleep(ms: number): Promise<void>;
  /** Counts a metric (CloudWatch Embedded Metric Format). */
  count(name: string, value: number): void;
  log: { warn(message: string, details?: object): void; error(message: string, details?: object): void };
}

/**
 * Delivers a stream batch: different citizens at once, each citizen's replies one after another in stream order.
 * A reply that cannot go now is parked with the citizen's replies after it, so one failing recipient never delays or
 * drops anyone else's; answers the ids the stream must hand over again (only replies another invocation holds, or
 * that could not even be parked).
 */
export async function deliverBatch(entries: readonly BatchEntry[], ports: BatchPorts): Promise<string[]> {
  const byCitizen = new Map<string, BatchEntry[]>();
  for (const entry of entries) {
    const queue = byCitizen.get(entry.item.waId) ?? [];
    queue.push(entry);
    byCitizen.set(entry.item.waId, queue);
  }
  const failed = await Promise.all([...byCitizen.values()].map((queue) => deliverInOrder(queue, ports)));
  return failed.flat();
}

/** The pauses before trying a reply again when S3 or DynamoDB was busy, before it is parked. */
const BUSY_RETRY_DELAYS_MS = [250, 500, 1000, 2000];

async function deliverInOrder(queue: BatchEntry[], ports: BatchPorts): Promise<string[]> {
  for (const [index, { item }] of queue.entries()) {
    let outcome: Outcome;
    let reason: string;
    for (let attempt = 0; ; attempt++) {
      try {
        if (index === 0 && (await ports.parkedBefore(item))) {
          return parkRest(queue, index, 'earlier replies to this citizen are parked', ports);
        }
        outcome = await ports.deliver(item);
        reason = 'the Graph API could not take it';
        break;
      } catch (error) {
        const delay = BUSY_RETRY_DELAYS_MS[attempt];
        if (delay !== undefined && ports.busy(error)) {
          // The delivery released its claim: the same reply is tried again, still before the citizen's next.
          await ports.sleep(delay);
          continue;
        }
        ports.log.error('outbox item could not be processed; parked', { sk: item.sk, error: error as Error });
        outcome = 'retry-later';
        reason = (error as Error).message;
        break;
      }
    }
    if (outcome === 'held') return queue.slice(index).map((entry) => entry.id);
    if (outcome === 'retry-later') return parkRest(queue, index, reason, ports);
  }
  return [];
}

/**
 * Parks the entry at `from` and the citizen's replies after it, in order, up to the first that cannot be parked;
 * answers those left (so the ones handled are always a prefix of the queue).
 */
async function parkRest(queue: BatchEntry[], from: number, reason: string, ports: BatchPorts): Promise<string[]> {
  const unparked: string[] = [];
  for (const { id, item } of queue.slice(from)) {
    if (unparked.length === 0) {
      try {
        if (await ports.park(item, reason)) continue;
      } catch (error) {
        ports.log.error('reply could not be parked; the stream hands it over again', {
          sk: item.sk,
          error: (error as Error).message,
        });
      }
    }
    unparked.push(id);
  }
  const parked = queue.length - from - unparked.length;
  if (parked > 0) {
    ports.count('RepliesParked', parked);
    ports.log.warn('replies parked until a redrive', { waId: maskPhone(queue[from]!.item.waId), parked, reason });
  }
  return unparked;
}

/** The record of an entry: a turn's replies share their session record's sequence number (`<sequence>@<sk>`). */
const recordOf = (entryId: string) => entryId.split('@')[0]!;

/** The stream records to hand over again: those of the entries that failed. */
export function failedRecords(failed: readonly string[]): string[] {
  return [...new Set(failed.map(recordOf))];
}

/**
 * The stream hands a batch over again from its earliest failed record, with every record after it. A turn's replies
 * have no item to show they went, so each turn record from there on that sent, settled or parked any of its replies
 * must record how many (always its first ones: a citizen's replies stop at the first that fails), for the next
 * delivery to start after them and send none twice.
 */
export function turnProgressBefore(
  entries: readonly BatchEntry[],
  failed: readonly string[],
): { item: OutboxItem; turn: string; sent: number }[] {
  const records = failedRecords(failed);
  if (records.length === 0) return [];
  const [from] = records.toSorted(bySequence);
  const missed = new Set(failed);
  const turns = new Map<string, { item: OutboxItem; turn: string; sent: number }>();
  for (const { id, item } of entries) {
    if (!item.ofTurn || bySequence(recordOf(id), from!) < 0) continue;
    const { turn } = turnReplyPlace(item.sk);
    const progress = turns.get(turn) ?? { item, turn, sent: 0 };
    if (!missed.has(id)) progress.sent += 1;
    turns.set(turn, progress);
  }
  return [...turns.values()].filter(({ sent }) => sent > 0);
}

/** Stream sequence numbers are decimal strings of up to 40 digits, without leading zeros. */
const bySequence = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
