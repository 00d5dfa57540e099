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

  /** Answers whether the event was counted now (false: it had been already). */
  async count(event: LakeEvent, now: Date): Promise<boolean> {
    const counters = countersOf(event);
    if (counters.length === 0) return false;
    try {
      await dynamodb.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  ...keys.countedEvent(event.event_id),
                  kind: 'counted-event',
                  expiresAt: Math.floor(now.getTime() / 1000) + DEDUPE_RETENTION_SECONDS,
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            ...counters.map((counter) => ({
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
