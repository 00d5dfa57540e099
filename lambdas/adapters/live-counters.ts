import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { LakeEvent } from '#core/events/lake-event.ts';
import { type CounterKey, countersOf } from '#core/events/live-counters.ts';
import { DEDUPE_RETENTION_SECONDS, keys } from '#core/table-keys.ts';
import { dynamodb } from './dynamodb-client.ts';

/**
 * Today's figures for the live dashboard, counted from the stream as events pass. Each event is counted in one
 * transaction with a mark of its id, conditional on the mark being new: a stream batch retried after a partial
 * failure, or a change delivered twice, counts nothing twice.
 */
export class LiveCounters {
  constructor(private readonly tableName: string) {}

  /**
   * Counts a stream batch's events in as few transactions as DynamoDB's 100 items a transaction allow: each event's
   * mark, and each counter once with the batch's sum (a busy day's message counters are written once a batch, not
   * once a message). A chunk holding an event counted before (a retried batch) is counted event by event instead.
   */
  async countAll(events: readonly LakeEvent[], now: Date): Promise<void> {
    for (const chunk of chunksOf(events.filter((event) => countersOf(event).length > 0))) {
      if (chunk.length === 1 || !(await this.countTogether(chunk, now))) {
        for (const event of chunk) await this.count(event, now);
      }
    }
  }

  /** Answers whether the event was counted now (false: it had been already). */
  private async count(event: LakeEvent, now: Date): Promise<boolean> {
    if (countersOf(event).length === 0) return false;
    return this.countTogether([event], now);
  }

  /** The events' marks and their summed counters in one transaction; false when one of them was counted before. */
  private async countTogether(events: readonly LakeEvent[], now: Date): Promise<boolean> {
    const sums = new Map<string, { day: string; name: CounterKey; add: number }>();
    for (const counter of events.flatMap(countersOf)) {
      const key = `${counter.day}#${counter.name}`;
      const sum = sums.get(key) ?? { ...counter, add: 0 };
      sum.add += counter.add;
      sums.set(key, sum);
    }
    try {
      await dynamodb.send(
        new TransactWriteCommand({
          TransactItems: [
            ...events.map((event) => ({
              Put: {
                TableName: this.tableName,
                Item: {
                  ...keys.countedEvent(event.event_id),
                  kind: 'counted-event',
                  expiresAt: Math.floor(now.getTime() / 1000) + DEDUPE_RETENTION_SECONDS,
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            })),
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
        error.CancellationReasons?.slice(0, events.length).some((reason) => reason.Code === 'ConditionalCheckFailed')
      )
        return false;
      throw error;
    }
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

/** DynamoDB's limit on the items of one transaction. */
const TRANSACTION_ITEMS = 100;

/**
 * Countable events in chunks that fit one transaction (a mark each, a counter each distinct name), each event id once.
 */
function chunksOf(events: readonly LakeEvent[]): LakeEvent[][] {
  const chunks: LakeEvent[][] = [];
  let chunk: LakeEvent[] = [];
  let ids = new Set<string>();
  let counters = new Set<string>();
  for (const event of events) {
    if (ids.has(event.event_id)) continue;
    const names = countersOf(event).map((counter) => `${counter.day}#${counter.name}`);
    const more = names.filter((name) => !counters.has(name)).length;
    if (chunk.length > 0 && chunk.length + 1 + counters.size + more > TRANSACTION_ITEMS) {
      chunks.push(chunk);
      chunk = [];
      ids = new Set();
      counters = new Set();
    }
    chunk.push(event);
    ids.add(event.event_id);
    for (const name of names) counters.add(name);
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}
