import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { streamImage, tableChangeOf } from '#adapters/stream-image.ts';
import { catalog } from '#core/catalog/catalog.ts';
import { eventsFromTableChange } from '#core/events/from-table-change.ts';
import { asLambdaSends } from '../local/stream-poller.ts';
import type { Figure } from './results-file.ts';
import { startBenchRuntime } from './runtime.ts';
import { conversationSessionWrites } from './turn-items.ts';

/** Records in one stream batch of the events function, as lib/mitra-stack.ts configures its mapping. */
export const EVENTS_BATCH_RECORDS = 300;
const WARM_UP_BATCHES = 2;
const BATCHES = 8;

/** A marshalled item as Lambda's JSON event carries it. */
const lambdaImage = (item: Record<string, unknown>) => asLambdaSends(marshall(item, { removeUndefinedValues: true }));

/**
 * Stream batches of session writes, each record a turn of the scripted conversation written by a citizen of its own
 * (so no two records carry the same message and every event is counted), as the table's stream hands them over.
 */
function streamBatches(count: number, offset: number): DynamoDBStreamEvent[] {
  const writes = conversationSessionWrites();
  let sequence = offset * EVENTS_BATCH_RECORDS;
  return Array.from({ length: count }, () => ({
    Records: Array.from({ length: EVENTS_BATCH_RECORDS }, () => {
      const { before, after } = writes[sequence % writes.length]!;
      const waId = `9198${String(sequence++).padStart(8, '0')}`;
      const citizen = (item: Record<string, unknown>) => ({ ...item, pk: `CITIZEN#${waId}`, waId });
      const record: DynamoDBRecord = {
        eventName: before ? 'MODIFY' : 'INSERT',
        dynamodb: {
          SequenceNumber: String(sequence),
          Keys: lambdaImage({ pk: `CITIZEN#${waId}`, sk: String(after.sk) }),
          NewImage: lambdaImage(citizen(after)),
          ...(before ? { OldImage: lambdaImage(citizen(before)) } : {}),
          StreamViewType: 'NEW_AND_OLD_IMAGES',
        },
      };
      return record;
    }),
  }));
}

/** Lake events a batch means, as the events function reads it. */
function eventsIn(batch: DynamoDBStreamEvent): number {
  const context = { tokenKey: 'bench', catalog: catalog() };
  return batch.Records.reduce((sum, record) => sum + eventsFromTableChange(tableChangeOf(record), context).length, 0);
}

/**
 * The events function's CPU per lake event: its bundle from cdk.out invoked on the embedded runtime with stream
 * batches of a citizen's turns (each a message in and the replies out), delivering to the local Firehose and counting
 * on DynamoDB Local as in AWS. CPU is this process's (the function, its SDK clients and the local Firehose), not
 * DynamoDB Local's JVM. Beside it, the floor every consumer of the stream pays: the same records' images unmarshalled.
 */
export async function lakeEventFigures(): Promise<Figure[]> {
  const bench = await startBenchRuntime('lake-events');
  try {
    const events = [...bench.runtime.functions.values()].find((fn) => fn.spec.name === 'events')!;
    const invoke = async (batch: DynamoDBStreamEvent) => {
      const answer = (await events.invoke(batch)) as { batchItemFailures?: unknown[] };
      if (answer.batchItemFailures?.length) throw new Error('the events function reported failed records');
    };
    for (const batch of streamBatches(WARM_UP_BATCHES, 0)) await invoke(batch);
    const batches = streamBatches(BATCHES, WARM_UP_BATCHES);
    const lakeEvents = batches.reduce((sum, batch) => sum + eventsIn(batch), 0);

    const started = process.cpuUsage();
    for (const batch of batches) await invoke(batch);
    const used = process.cpuUsage(started);

    const unmarshalled = process.cpuUsage();
    for (const batch of batches)
      for (const record of batch.Records) {
        streamImage(record.dynamodb?.OldImage);
        streamImage(record.dynamodb?.NewImage);
      }
    const floor = process.cpuUsage(unmarshalled);

    const perEvent = (cpu: NodeJS.CpuUsage) => (cpu.user + cpu.system) / lakeEvents;
    return [
      {
        name: 'events.cpu_us_per_event',
        value: perEvent(used),
        unit: 'µs',
        baseline: { name: 'the stream images unmarshalled alone', value: perEvent(floor) },
        ratio: perEvent(used) / perEvent(floor),
      },
    ];
  } finally {
    await bench.stop();
  }
}
