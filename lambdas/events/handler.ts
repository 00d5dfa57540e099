import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { now } from '#adapters/clock.ts';
import { requireEnv } from '#adapters/env.ts';
import { deliverToLake } from '#adapters/lake-delivery.ts';
import { lakeTokenKey } from '#adapters/lake-settings.ts';
import { LiveCounters } from '#adapters/live-counters.ts';
import { logger } from '#adapters/powertools.ts';
import { catalog } from '#core/catalog/catalog.ts';
import { eventsFromTableChange } from '#core/events/from-table-change.ts';

const deliveryStream = requireEnv('LAKE_DELIVERY_STREAM');
const counters = new LiveCounters(requireEnv('TABLE_NAME'));
const context = { tokenKey: await lakeTokenKey(), catalog: catalog() };

const image = (value: unknown) =>
  value ? unmarshall(withoutEmptyValues(value as Record<string, AttributeValue>)) : undefined;

/**
 * A stream image may carry an attribute value with no type set (seen from DynamoDB Local), which unmarshall refuses;
 * such a value holds nothing, so it is left out rather than failing the whole record again and again.
 */
function withoutEmptyValues(map: Record<string, AttributeValue>): Record<string, AttributeValue> {
  const kept: Record<string, AttributeValue> = {};
  for (const [name, value] of Object.entries(map)) {
    if (!value || Object.keys(value).length === 0) continue;
    if (value.M) kept[name] = { M: withoutEmptyValues(value.M) };
    else if (value.L) kept[name] = { L: value.L.filter((v) => v && Object.keys(v).length > 0) };
    else kept[name] = value;
  }
  return kept;
}

/**
 * Turns the table's changes into lake events: into the lake's delivery stream, and onto the live dashboard's
 * counters, the batch's events together. When they fail to land the whole batch is reported, so the stream retries it
 * in order; what already landed lands again with the same ids and is counted once.
 */
async function handle(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const events = event.Records.flatMap((record) => {
    try {
      return eventsFromTableChange(
        {
          eventName: record.eventName ?? 'INSERT',
          oldImage: image(record.dynamodb?.OldImage),
          newImage: image(record.dynamodb?.NewImage),
        },
        context,
      );
    } catch (error) {
      // Not worth a retry: an item that cannot be read as events fails the same way every time.
      logger.error('table change unreadable as lake events; skipped', {
        sequenceNumber: record.dynamodb?.SequenceNumber,
        error: error as Error,
      });
      return [];
    }
  });
  if (events.length === 0) return { batchItemFailures: [] };
  try {
    await deliverToLake(deliveryStream, events);
    await counters.countAll(events, now());
  } catch (error) {
    logger.error('lake events failed; the batch is retried from the stream', { error: error as Error });
    return {
      batchItemFailures: event.Records.map((record) => ({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' })),
    };
  }
  return { batchItemFailures: [] };
}

export const handler = middy(handle).use(injectLambdaContext(logger, { resetKeys: true }));
