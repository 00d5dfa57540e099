import { PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import type { LakeEvent } from '#core/events/lake-event.ts';
import { firehose } from './firehose-client.ts';

/** Firehose's limits on one PutRecordBatch call: 500 records, 4 MiB. */
const BATCH_RECORDS = 500;
const BATCH_BYTES = 4 * 1024 * 1024;
/**
 * Firehose bills each record rounded up to 5 KB, and splits at most 500 events out of one record: events are packed
 * into records up to that size, newline-delimited, which the delivery stream's RecordDeAggregation processor splits
 * again before partitioning (lib/data-lake.ts).
 */
const RECORD_BYTES = 5 * 1024;
const EVENTS_PER_RECORD = 500;
const ATTEMPTS = 4;

/**
 * Puts events into the lake's delivery stream as newline-delimited JSON, several to a record, resending the records
 * Firehose reports as failed (throttling, internal errors) with backoff. Throws when some still fail, so the stream
 * batch is retried; events carry their own ids, so one delivered twice is counted once by the saved queries
 * (docs/events.md).
 */
export async function deliverToLake(deliveryStream: string, events: readonly LakeEvent[]): Promise<void> {
  const lines = events.map((event) => new TextEncoder().encode(`${JSON.stringify(event)}\n`));
  for (const batch of packed(records(lines), BATCH_RECORDS, BATCH_BYTES)) {
    let pending = batch.map(concatenated);
    for (let attempt = 1; pending.length > 0; attempt++) {
      const answer = await firehose.send(
        new PutRecordBatchCommand({
          DeliveryStreamName: deliveryStream,
          Records: pending.map((Data) => ({ Data })),
        }),
      );
      if (!answer.FailedPutCount) break;
      pending = pending.filter((_, index) => answer.RequestResponses?.[index]?.ErrorCode);
      if (attempt >= ATTEMPTS)
        throw new Error(`the lake's delivery stream refused ${pending.length} records after ${ATTEMPTS} attempts`);
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
}

/** Events' lines packed into records of up to 5 KB (an event longer than that is a record of its own). */
function records(lines: Uint8Array[]): Uint8Array[][] {
  return [...packed(lines, EVENTS_PER_RECORD, RECORD_BYTES)];
}

/** Consecutive items in groups of at most `count` items and `bytes` bytes (an item over `bytes` alone). */
function* packed<T extends Uint8Array | Uint8Array[]>(items: T[], count: number, bytes: number): Generator<T[]> {
  const size = (item: T) =>
    item instanceof Uint8Array ? item.length : item.reduce((sum, line) => sum + line.length, 0);
  let group: T[] = [];
  let used = 0;
  for (const item of items) {
    if (group.length > 0 && (group.length === count || used + size(item) > bytes)) {
      yield group;
      group = [];
      used = 0;
    }
    group.push(item);
    used += size(item);
  }
  if (group.length > 0) yield group;
}

function concatenated(lines: Uint8Array[]): Uint8Array {
  const record = new Uint8Array(lines.reduce((sum, line) => sum + line.length, 0));
  let at = 0;
  for (const line of lines) {
    record.set(line, at);
    at += line.length;
  }
  return record;
}
