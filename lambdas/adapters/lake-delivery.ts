import { PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import type { LakeEvent } from '#core/events/lake-event.ts';
import { firehose } from './firehose-client.ts';

/** Firehose's limits on one PutRecordBatch call: 500 records, 4 MiB. */
const BATCH_RECORDS = 500;
const BATCH_BYTES = 4 * 1024 * 1024;
const ATTEMPTS = 4;

/**
 * Puts events into the lake's delivery stream as newline-delimited JSON, resending the records Firehose reports as
 * failed (throttling, internal errors) with backoff. Throws when some still fail, so the stream batch is retried;
 * events carry their own ids, so one delivered twice is counted once by the saved queries (docs/events.md).
 */
export async function deliverToLake(deliveryStream: string, events: readonly LakeEvent[]): Promise<void> {
  for (const batch of batches(events.map((event) => new TextEncoder().encode(`${JSON.stringify(event)}\n`)))) {
    let pending = batch;
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

function* batches(records: Uint8Array[]): Generator<Uint8Array[]> {
  let batch: Uint8Array[] = [];
  let bytes = 0;
  for (const record of records) {
    if (batch.length === BATCH_RECORDS || bytes + record.length > BATCH_BYTES) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(record);
    bytes += record.length;
  }
  if (batch.length > 0) yield batch;
}
