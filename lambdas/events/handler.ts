import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { now } from '#adapters/clock.ts';
import { requireEnv } from '#adapters/env.ts';
import { deliverToLake } from '#adapters/lake-delivery.ts';
import { lakeTokenKey } from '#adapters/lake-settings.ts';
import { LiveCounters } from '#adapters/live-counters.ts';
import { logger } from '#adapters/powertools.ts';
import { tableChangeOf } from '#adapters/stream-image.ts';
import { catalog } from '#core/catalog/catalog.ts';
import { eventsFromTableChange } from '#core/events/from-table-change.ts';

const deliveryStream = requireEnv('LAKE_DELIVERY_STREAM');
const counters = new LiveCounters(requireEnv('TABLE_NAME'));
const context = { tokenKey: await lakeTokenKey(), catalog: catalog() };

/**
 * Turns the table's changes into lake events: into the lake's delivery stream, and onto the live dashboard's
 * counters, the batch's events together. When they fail to land the whole batch is reported, so the stream retries it
 * in order; what already landed lands again with the same ids and is counted once.
 */
async function handle(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const events = event.Records.flatMap((record) => {
    try {
      return eventsFromTableChange(tableChangeOf(record), context);
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
