import { createHash } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { LakeEvent } from '#core/events/lake-event.ts';
import { type CounterKey, countersOf } from '#core/events/live-counters.ts';
import { DEDUPE_RETENTION_SECONDS, keys } from '#core/table-keys.ts';
import { dynamodb } from './dynamodb-client.ts';

/** DynamoDB's limit on the items of one transaction: a run's mark and its counters. */
const TRANSACTION_ITEMS = 100;
/** Events one mark lists (12 characters each): keeps the mark under 4 KB. */
export const EVENTS_PER_MARK = 300;

/**
 * Today's figures for the live dashboard, counted from the stream as events pass, each event once.
 *
 * A stream batch's events are counted in runs, each in one transaction: the run's counters, each once with the
 * run's sum, and one mark, named by the run's first event and listing a digest of every event it holds, conditional on
 * being new. The events function's stream mapping retries a failed batch whole, from its first record and in the same
 * order (no bisecting, one record at a time per key), so a run counted by an earlier attempt begins with the same
 * event: its mark is found, the events it lists are left out, and the rest are counted as a new run. A mark costs a
 * few write units for up to a few hundred events, where a mark per event cost two units each.
 */
export class LiveCounters {
  constructor(private readonly tableName: string) {}

  async countAll(events: readonly LakeEvent[], now: Date): Promise<void> {
    let pending = distinct(events.filter((event) => countersOf(event).length > 0));
    while (pending.length > 0) {
      const run = firstRun(pending);
      if (await this.countRun(run, now)) {
        pending = pending.slice(run.length);
        continue;
      }
      const counted = await this.markedIn(run[0]!);
      pending = pending.filter((event) => !counted.has(digest(event.event_id)));
    }
  }

  /** The run's mark and its summed counters in one transaction; false when a run beginning with its first event was counted before. */
  private async countRun(run: readonly LakeEvent[], now: Date): Promise<boolean> {
    const sums = new Map<string, { day: string; name: CounterKey; add: number }>();
    for (const counter of run.flatMap(countersOf)) {
      const key = `${counter.day}#${counter.name}`;
      const sum = sums.get(key) ?? { ...counter, add: 0 };
      sum.add += counter.add;
      sums.set(key, sum);
    }
    try {
      await dynamodb.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  ...keys.countedEvents(digest(run[0]!.event_id)),
                  kind: 'counted-events',
                  events: run.map((event) => digest(event.event_id)).join(' '),
                  expiresAt: Math.floor(now.getTime() / 1000) + DEDUPE_RETENTION_SECONDS,
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            ...[...sums.values()].map((counter) => ({
              Update: {
                TableName: this.tableName,
                Key: keys.liveCounter(counter.day, counter.name),
                UpdateExpression: 'ADD #value :add SET kind = :kind, expiresAt = if_not_exists(expiresAt, :expires)',
                ExpressionAttributeNames: { '#value': 'value' },
                ExpressionAttributeValues: {
                  ':add': counter.add,
                  ':kind': 'live-counter',
                  // Kept for a few weeks: trends further back come from the lake.
                  ':expires': Math.floor(now.getTime() / 1000) + 35 * 24 * 3600,
                },
              },
            })),
          ],
        }),
      );
      return true;
    } catch (error) {
      if (
        error instanceof TransactionCanceledException &&
        error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed'
      )
        return false;
      throw error;
    }
  }

  /** The digests of the events a run beginning with this event counted. */
  private async markedIn(first: LakeEvent): Promise<Set<string>> {
    const { Item } = await dynamodb.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.countedEvents(digest(first.event_id)),
        ConsistentRead: true,
      }),
    );
    const listed = typeof Item?.events === 'string' ? Item.events.split(' ') : [];
    // The mark names its first event: it is always among those it counted, so the loop moves on.
    return new Set([digest(first.event_id), ...listed]);
  }

  /** One day's counters, by name. */
  async day(day: string): Promise<Record<CounterKey, number>> {
    const figures: Record<string, number> = {};
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await dynamodb.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.liveCounter(day, '').pk },
          ExclusiveStartKey,
        }),
      );
      for (const item of page.Items ?? []) figures[String(item.sk)] = Number(item.value ?? 0);
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return figures;
  }
}

/** A short digest of an event id (72 bits): marks list many, and an id may name a citizen's message. */
function digest(eventId: string): string {
  return createHash('sha256').update(eventId).digest('base64url').slice(0, 12);
}

/** Each event id once, in order: a stream may hand over one change twice within a batch. */
function distinct(events: readonly LakeEvent[]): LakeEvent[] {
  const seen = new Set<string>();
  return events.filter((event) => !seen.has(event.event_id) && seen.add(event.event_id));
}

/** The longest run from the start that fits one transaction (its mark and a counter for each distinct name) and one mark. */
function firstRun(events: readonly LakeEvent[]): LakeEvent[] {
  const counters = new Set<string>();
  let length = 0;
  for (const event of events) {
    const names = countersOf(event).map((counter) => `${counter.day}#${counter.name}`);
    const more = names.filter((name) => !counters.has(name)).length;
    if (length > 0 && (1 + counters.size + more > TRANSACTION_ITEMS || length === EVENTS_PER_MARK)) break;
    for (const name of names) counters.add(name);
    length++;
  }
  return events.slice(0, length);
}
