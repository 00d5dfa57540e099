import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent, ScheduledEvent } from 'aws-lambda';
import { isServiceBusy } from '#adapters/aws-errors.ts';
import { now } from '#adapters/clock.ts';
import { dynamodb } from '#adapters/dynamodb-client.ts';
import { requireEnv } from '#adapters/env.ts';
import { GraphApi, GraphApiError } from '#adapters/graph-api.ts';
import { readMediaObject } from '#adapters/media-store.ts';
import { countMetric } from '#adapters/metrics.ts';
import {
  Outbox,
  type OutboxItem,
  readRecipient,
  recordPairPacing,
  recordTurnProgress,
  repliesQueuedBy,
} from '#adapters/outbox.ts';
import { ParkedReplies } from '#adapters/parked-replies.ts';
import { logger } from '#adapters/powertools.ts';
import { s3 } from '#adapters/s3-client.ts';
import { streamImage } from '#adapters/stream-image.ts';
import { whatsAppConfig } from '#adapters/whatsapp-config.ts';
import { grievanceTemplates } from '#core/whatsapp/customer-window.ts';
import { type BatchEntry, deliverBatch, failedRecords, turnProgressBefore } from './batch.ts';
import { createDelivery } from './delivery.ts';

const tableName = requireEnv('TABLE_NAME');
const archiveBucket = requireEnv('ARCHIVE_BUCKET');
const mediaBucket = requireEnv('MEDIA_BUCKET');
const templates = {
  text: requireEnv('WHATSAPP_REPLY_TEMPLATE'),
  document: requireEnv('WHATSAPP_DOCUMENT_TEMPLATE'),
  decision: requireEnv('WHATSAPP_DECISION_TEMPLATE'),
  ...grievanceTemplates(requireEnv('WHATSAPP_GRIEVANCE_TEMPLATE_PREFIX')),
};
const graph = new GraphApi(await whatsAppConfig());
const outbox = new Outbox(tableName);
const parked = new ParkedReplies(dynamodb, tableName);

const dependencies = {
  claim: (item: OutboxItem) => outbox.claim(item, now()),
  release: (item: OutboxItem, lastError: string) => outbox.release(item, lastError),
  settle: (item: OutboxItem, status: 'sent' | 'failed' | 'undeliverable', details: object) =>
    outbox.settle(item, status, details as Record<string, unknown>, now()),
  recipient: (waId: string) => readRecipient(tableName, waId),
  slowDown: (waId: string, until: Date) => recordPairPacing(tableName, waId, until),
  send: (payload: Record<string, unknown>) => graph.sendMessage(payload),
  async uploadDocument(archiveKey: string, filename: string) {
    const object = await s3.send(new GetObjectCommand({ Bucket: archiveBucket, Key: archiveKey }));
    return graph.uploadMedia(await object.Body!.transformToByteArray(), 'application/pdf', filename);
  },
  async uploadMedia(key: string, filename: string | undefined) {
    const media = await readMediaObject(mediaBucket, key);
    return media && graph.uploadMedia(media.bytes, media.contentType, filename ?? key.split('/').at(-1)!);
  },
  isSendFailure: (error: unknown): error is GraphApiError => error instanceof GraphApiError,
  templates,
  now,
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  metric: (name: string, properties?: Record<string, string | number>) => countMetric(name, 1, properties),
  log: {
    info: (message: string, details: object = {}) => logger.info(message, { ...details }),
    warn: (message: string, details: object = {}) => logger.warn(message, { ...details }),
    error: (message: string, details: object = {}) => logger.error(message, { ...details }),
  },
};

/**
 * Sends the outbox: a stream batch with different citizens' replies at once and each citizen's in order (parking
 * what cannot go yet); or, on the schedule, queues the parked replies again.
 */
async function handle(
  event: DynamoDBStreamEvent | ScheduledEvent,
): Promise<DynamoDBBatchResponse | { redriven: number }> {
  if (!('Records' in event)) {
    const redriven = await parked.redrive(now());
    if (redriven > 0) logger.info('parked replies queued again', { redriven });
    return { redriven };
  }
  const delivery = createDelivery(dependencies);
  const entries: BatchEntry[] = [];
  const awaited: AwaitedTurn[] = [];
  for (const record of event.Records) {
    const sequence = record.dynamodb?.SequenceNumber ?? '';
    const item = streamImage(record.dynamodb?.NewImage);
    if (item?.kind === 'outbox' && record.eventName === 'INSERT')
      entries.push({ id: sequence, item: item as unknown as OutboxItem });
    if (item?.kind !== 'session') continue;
    const replies = repliesQueuedBy(item, streamImage(record.dynamodb?.OldImage));
    const ids: string[] = [];
    for (const reply of replies) {
      ids.push(`${sequence}@${reply.sk}`);
      entries.push({ id: ids.at(-1)!, item: reply });
    }
    if (replies.length > 0 && Array.isArray(item.answersLater))
      awaited.push({ waId: String(item.waId), turn: String(item.repliesTo), ids });
  }
  const failed = await deliverBatch(entries, {
    deliver: (item) => delivery.deliver(item),
    park: (item, reason) => parked.park(item, reason, now()),
    // Only a citizen with a parked mark needs the parked replies looked at; the read of the citizen is the delivery's.
    parkedBefore: async (item) => ((await delivery.recipient(item.waId)).parked ? parked.parkedBefore(item) : false),
    busy: isServiceBusy,
    sleep: dependencies.sleep,
    count: (name, value) => countMetric(name, value),
    log: dependencies.log,
  });
  if (failed.length > 0) await recordProgress(entries, failed);
  await recordAnswered(awaited, failed);
  return { batchItemFailures: failedRecords(failed).map((itemIdentifier) => ({ itemIdentifier })) };
}

/** A turn that started work answering later (its session item's `answersLater`), and its replies' entry ids. */
interface AwaitedTurn {
  waId: string;
  turn: string;
  ids: string[];
}

/**
 * Records that every reply of such a turn went (or was parked): the notices of the work it started, waiting for that
 * (lambdas/sender/delivery.ts), may go. Unrecorded, they wait their 10 s and go all the same.
 */
async function recordAnswered(turns: AwaitedTurn[], failed: string[]): Promise<void> {
  const missed = new Set(failed);
  for (const { waId, turn, ids } of turns) {
    if (ids.some((id) => missed.has(id))) continue;
    try {
      await recordTurnProgress(tableName, waId, turn, ids.length, now(), true);
    } catch (error) {
      logger.error('the answer of a turn not recorded; the notices of its work wait their time', {
        turn,
        error: (error as Error).message,
      });
    }
  }
}

/** Records how many replies of each turn went before the stream hands its record over again (batch.ts). */
async function recordProgress(entries: BatchEntry[], failed: string[]): Promise<void> {
  for (const { item, turn, sent } of turnProgressBefore(entries, failed)) {
    try {
      await recordTurnProgress(tableName, item.waId, turn, sent, now());
    } catch (error) {
      logger.error('progress of a turn’s replies not recorded; its record may send them again', {
        sk: item.sk,
        error: (error as Error).message,
      });
    }
  }
}

export const handler = middy(handle).use(injectLambdaContext(logger));
