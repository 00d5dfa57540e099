import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  type _Record,
  type AttributeValue,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { AttributeValue as LambdaAttributeValue } from 'aws-lambda';
import { matchesPattern } from './event-pattern.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './local-aws.ts';

interface StreamMapping {
  batchSize: number;
  /** Batches of one shard handled at once; a partition key's records always go to the same one, in order. */
  parallelizationFactor: number;
  maximumRetryAttempts: number;
  filters: unknown[];
}

export interface StreamPollerOptions {
  dynamodb: DynamoDBClient;
  endpoint: string;
  tableName: string;
  mapping: StreamMapping;
  invoke: (event: { Records: unknown[] }) => Promise<unknown>;
  /** Where the last delivered sequence number of each shard is kept, so a restart resumes and never resends. */
  checkpointFile: string;
  /** Records that exhausted their retries, as Lambda's on-failure destination would receive them. */
  deadLetterFile: string;
  log: (message: string, details?: Record<string, unknown>) => void;
}

export interface StreamPoller {
  stop(): Promise<void>;
  /** Resolves once every record written so far has been delivered (for tests). */
  drained(): Promise<void>;
  healthy(): boolean;
}

/**
 * Delivers DynamoDB Local's stream to a handler as Lambda's event source mapping does: batches in shard order,
 * filter criteria applied, partial batch failures retried from the first failed record, and a record that keeps
 * failing set aside after the mapping's retry limit.
 */
export async function startStreamPoller(options: StreamPollerOptions): Promise<StreamPoller> {
  const streams = new DynamoDBStreamsClient({
    endpoint: options.endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  const { Table } = await options.dynamodb.send(new DescribeTableCommand({ TableName: options.tableName }));
  const streamArn = Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`table ${options.tableName} has no stream`);

  const checkpoints = readCheckpoints(options.checkpointFile, streamArn);
  const iterators = new Map<string, string | null>();
  let stopped = false;
  let lastError: unknown;
  // A drain waits for an empty poll that began after it was asked for, so records written just before are seen.
  let pollsStarted = 0;
  let idleWaiters: { after: number; resolve: () => void }[] = [];

  // The checkpoints are written off the event loop, one write at a time: changes made while one is under way go in the
  // next. A stop waits for the last. A crash between two writes only delivers again what the later one would have
  // passed (at least once, as Lambda's own mappings deliver).
  let saving: Promise<void> | undefined;
  let unsaved = false;
  const saveCheckpoints = () => {
    unsaved = true;
    saving ??= (async () => {
      const temp = `${options.checkpointFile}.tmp`;
      await mkdir(dirname(options.checkpointFile), { recursive: true });
      while (unsaved) {
        unsaved = false;
        await writeFile(temp, JSON.stringify({ streamArn, shards: checkpoints }));
        await rename(temp, options.checkpointFile);
      }
    })()
      .catch((error: unknown) => {
        lastError = error;
        options.log('stream checkpoint not saved', { error: (error as Error).message });
      })
      .finally(() => {
        saving = undefined;
        if (unsaved) saveCheckpoints();
      });
  };

  const iteratorFor = async (shardId: string): Promise<string | null> => {
    if (iterators.has(shardId)) return iterators.get(shardId)!;
    const after = checkpoints[shardId];
    const { ShardIterator } = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ShardIteratorType: after ? 'AFTER_SEQUENCE_NUMBER' : 'TRIM_HORIZON',
        ...(after ? { SequenceNumber: after } : {}),
      }),
    );
    iterators.set(shardId, ShardIterator ?? null);
    return ShardIterator ?? null;
  };

  // Records read and not yet handled, per shard in stream order: the checkpoint moves past a record only once it
  // and every record before it are handled. Each lane (a partition key's records always go to the same one) works
  // through its own queue, so a batch retrying in one lane does not hold back the others, as in Lambda.
  const unhandled = new Map<string, { sequenceNumber: string; handled: boolean }[]>();
  const lanes = new Map<
    number,
    { queue: { event: LambdaStreamRecord; mark: { handled: boolean } }[]; idle: boolean }
  >();
  const working = new Set<Promise<void>>();
  let shardIds: string[] = [];
  let shardsListedAt = 0;
  let lastRead = false;
  const pending = () => [...unhandled.values()].reduce((sum, marks) => sum + marks.length, 0);

  const advance = () => {
    let moved = false;
    for (const [shardId, marks] of unhandled) {
      while (marks[0]?.handled) {
        checkpoints[shardId] = marks.shift()!.sequenceNumber;
        moved = true;
      }
    }
    if (moved) saveCheckpoints();
  };

  const enqueue = (shardId: string, records: _Record[]) => {
    const marks = unhandled.get(shardId) ?? [];
    unhandled.set(shardId, marks);
    for (const record of records) {
      const event = toLambdaRecord(streamArn)(record);
      const mark = { sequenceNumber: event.dynamodb.SequenceNumber, handled: false };
      marks.push(mark);
      if (!passes(options.mapping.filters, event)) {
        mark.handled = true;
        continue;
      }
      const laneId = laneOf(event.dynamodb.Keys, options.mapping.parallelizationFactor);
      const lane = lanes.get(laneId) ?? { queue: [], idle: true };
      lanes.set(laneId, lane);
      lane.queue.push({ event, mark });
      if (lane.idle) {
        lane.idle = false;
        const work = runLane(lane).finally(() => working.delete(work));
        working.add(work);
      }
    }
    advance();
  };

  const runLane = async (lane: {
    queue: { event: LambdaStreamRecord; mark: { handled: boolean } }[];
    idle: boolean;
  }) => {
    while (lane.queue.length > 0 && !stopped) {
      const batch = lane.queue.splice(0, options.mapping.batchSize);
      // A batch left between retries when the poller stops stays unhandled: a restart delivers it again.
      if (!(await deliverBatch(batch.map(({ event }) => event)))) break;
      for (const { mark } of batch) mark.handled = true;
      advance();
    }
    lane.idle = true;
  };

  /** Answers whether the batch is done with: handled, or set aside after its retries. */
  const deliverBatch = async (events: LambdaStreamRecord[]): Promise<boolean> => {
    let batch = events;
    for (let attempt = 0; batch.length > 0; attempt++) {
      let failedFrom = -1;
      try {
        const result = (await options.invoke({ Records: batch })) as {
          batchItemFailures?: { itemIdentifier: string }[];
        } | null;
        const failures = result?.batchItemFailures ?? [];
        if (failures.length === 0) return true;
        const ids = new Set(failures.map((f) => f.itemIdentifier));
        failedFrom = batch.findIndex((r) => ids.has(r.dynamodb.SequenceNumber));
        if (failedFrom < 0) failedFrom = 0;
      } catch (error) {
        options.log('stream handler failed', { error: (error as Error).message });
        failedFrom = 0;
      }
      if (attempt >= options.mapping.maximumRetryAttempts) {
        options.log('stream records set aside after retries', { count: batch.length - failedFrom });
        mkdirSync(dirname(options.deadLetterFile), { recursive: true });
        appendFileSync(
          options.deadLetterFile,
          `${JSON.stringify({ at: new Date().toISOString(), records: batch.slice(failedFrom) })}\n`,
        );
        return true;
      }
      batch = batch.slice(failedFrom);
      await sleep(Math.min(200 * 2 ** attempt, 5000));
      if (stopped) return false;
    }
    return true;
  };

  /** Reads what the shards hold past what was read; answers whether anything was read or is still being handled. */
  const pollOnce = async (): Promise<boolean> => {
    // Enough in hand: let the lanes catch up before reading more.
    if (pending() >= MAX_UNHANDLED) return true;
    // The shards are listed again now and then (a shard closes and a new one opens), not on every read.
    if (Date.now() - shardsListedAt > SHARDS_LISTED_EVERY_MS) {
      const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
      shardIds = (StreamDescription?.Shards ?? []).map((shard) => shard.ShardId!);
      shardsListedAt = Date.now();
    }
    let read = false;
    for (const shardId of shardIds) {
      let iterator = await iteratorFor(shardId);
      if (!iterator) continue;
      const { Records = [], NextShardIterator } = await streams.send(
        new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }),
      );
      iterator = NextShardIterator ?? null;
      if (Records.length > 0) {
        enqueue(shardId, Records);
        read = true;
      }
      iterators.set(shardId, iterator);
    }
    lastRead = read;
    return read || pending() > 0;
  };

  const loop = (async () => {
    while (!stopped) {
      const poll = ++pollsStarted;
      try {
        const busy = await pollOnce();
        lastError = undefined;
        if (!busy) {
          for (const waiter of idleWaiters.filter((w) => w.after < poll)) waiter.resolve();
          idleWaiters = idleWaiters.filter((w) => w.after >= poll);
        }
        // Read again at once while the stream has more; otherwise wait a moment (Lambda polls a shard four times a
        // second; each read is a call DynamoDB Local serves beside the functions').
        await sleep(lastRead ? 10 : IDLE_POLL_MS);
      } catch (error) {
        lastError = error;
        // Read again from the checkpoint only once what was read is handled, so nothing is delivered twice.
        await Promise.all(working);
        iterators.clear();
        shardsListedAt = 0;
        if (!stopped) options.log('stream polling failed; retrying', { error: (error as Error).message });
        await sleep(500);
      }
    }
    await Promise.all(working);
  })();

  return {
    async stop() {
      stopped = true;
      await loop;
      await saving;
    },
    drained() {
      shardsListedAt = 0;
      return new Promise((resolve) => idleWaiters.push({ after: pollsStarted, resolve }));
    },
    healthy: () => !stopped && lastError === undefined,
  };
}

/** Records read ahead of the handler at most, across the lanes. */
const MAX_UNHANDLED = 2000;
const SHARDS_LISTED_EVERY_MS = 1000;
const IDLE_POLL_MS = 100;

function readCheckpoints(file: string, streamArn: string): Record<string, string> {
  if (!existsSync(file)) return {};
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { streamArn: string; shards: Record<string, string> };
    // A re-created table has a new stream: its sequence numbers start over.
    return saved.streamArn === streamArn ? saved.shards : {};
  } catch {
    return {};
  }
}

interface LambdaStreamRecord {
  eventID: string;
  eventName: string;
  dynamodb: { SequenceNumber: string } & Record<string, unknown>;
  [key: string]: unknown;
}

/** Lambda's partitioning of a shard by partition key: the same key, the same lane. */
function laneOf(keys: unknown, lanes: number): number {
  if (lanes <= 1) return 0;
  const text = JSON.stringify((keys as { pk?: unknown } | undefined)?.pk ?? keys ?? '');
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) >>> 0;
  return hash % lanes;
}

function toLambdaRecord(streamArn: string) {
  return (record: _Record): LambdaStreamRecord => {
    const d = record.dynamodb!;
    return {
      eventID: record.eventID!,
      eventName: record.eventName!,
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: LOCAL_REGION,
      dynamodb: {
        ApproximateCreationDateTime: d.ApproximateCreationDateTime
          ? Math.floor(d.ApproximateCreationDateTime.getTime() / 1000)
          : undefined,
        Keys: d.Keys,
        NewImage: d.NewImage && asLambdaSends(d.NewImage),
        OldImage: d.OldImage && asLambdaSends(d.OldImage),
        SequenceNumber: d.SequenceNumber!,
        SizeBytes: d.SizeBytes,
        StreamViewType: d.StreamViewType,
      },
      eventSourceARN: streamArn,
    };
  };
}

/** An item image as Lambda's JSON event carries it: binary values as base64 text. */
export function asLambdaSends(image: Record<string, AttributeValue>): Record<string, LambdaAttributeValue> {
  return Object.fromEntries(Object.entries(image).map(([name, value]) => [name, valueAsSent(value)]));
}

function valueAsSent(value: AttributeValue): LambdaAttributeValue {
  const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
  if (value.B) return { B: base64(value.B) };
  if (value.BS) return { BS: value.BS.map(base64) };
  if (value.M) return { M: asLambdaSends(value.M) };
  if (value.L) return { L: value.L.map(valueAsSent) };
  return value as LambdaAttributeValue;
}

function passes(filters: unknown[], record: LambdaStreamRecord): boolean {
  return filters.length === 0 || filters.some((pattern) => matchesPattern(pattern, record));
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
