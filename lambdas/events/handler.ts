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
import { eventsFromTableChange, type TableChange } from '#core/events/from-table-change.ts';

const deliveryStream = requireEnv('LAKE_DELIVERY_STREAM');
const counters = new LiveCounters(requireEnv('TABLE_NAME'));
const context = { tokenKey: await lakeTokenKey(), catalog: catalog() };

const image = (value: unknown) => (value ? unmarshall(value as Record<string, AttributeValue>) : undefined);

/**
 * Turns the table's changes into lake events: into the lake's delivery stream, and onto the live dashboard's
 * counters. A record whose events fail to land is reported with every record after it, so the stream retries them in
 * order; what already landed lands again with the same ids and is counted once.
 */
async function handle(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  for (const [index, record] of event.Records.entries()) {
    try {
      const change: TableChange = {
        eventName: record.eventName ?? 'INSERT',
        oldImage: image(record.dynamodb?.OldImage),
        newImage: image(record.dynamodb?.NewImage),
      };
      const events = eventsFromTableChange(change, context);
      if (events.length === 0) continue;
      await deliverToLake(deliveryStream, events);
      for (const lakeEvent of events) await counters.count(lakeEvent, now());
    } catch (error) {
      logger.error('lake events failed; retried from the stream', {
        sequenceNumber: record.dynamodb?.SequenceNumber,
        error: error as Error,
      });
      return {
        batchItemFailures: event.Records.slice(index).map((r) => ({ itemIdentifier: r.dynamodb?.SequenceNumber ?? '' })),
      };
    }
  }
  return { batchItemFailures: [] };
}

export const handler = middy(handle).use(injectLambdaContext(logger, { resetKeys: true }));
