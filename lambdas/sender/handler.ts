import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { dynamodb, s3 } from '#adapters/aws-clients.ts';
import { now } from '#adapters/clock.ts';
import { requireEnv } from '#adapters/env.ts';
import { GraphApi, GraphApiError } from '#adapters/graph-api.ts';
import type { OutboxItem } from '#adapters/outbox.ts';
import { logger } from '#adapters/powertools.ts';
import { whatsAppConfig } from '#adapters/whatsapp-config.ts';
import { maskPhone } from '#core/masking.ts';
import { graphPayload } from '#core/whatsapp/outbound.ts';

const tableName = requireEnv('TABLE_NAME');
const archiveBucket = requireEnv('ARCHIVE_BUCKET');
const graph = new GraphApi(await whatsAppConfig());

/**
 * Sends the outbox, in stream order. Processing stops at the first reply that must be retried and reports it and
 * everything after it as failed, so a citizen's messages never overtake each other.
 */
async function handle(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const records = event.Records;
  for (const [index, record] of records.entries()) {
    const image = record.dynamodb?.NewImage;
    if (record.eventName !== 'INSERT' || !image) continue;
    const item = unmarshall(image as Record<string, AttributeValue>) as OutboxItem;
    if (item.kind !== 'outbox') continue;
    try {
      await deliver(item);
    } catch (error) {
      if (error instanceof GraphApiError && !error.retryable) {
        logger.error('reply undeliverable', {
          waId: maskPhone(item.waId),
          sk: item.sk,
          code: error.code,
          message: error.message,
        });
        await markOutbox(item, 'failed', { errorCode: error.code ?? error.httpStatus });
        continue;
      }
      logger.warn('reply will be retried', { waId: maskPhone(item.waId), sk: item.sk, error: error as Error });
      return {
        batchItemFailures: records.slice(index).map((r) => ({ itemIdentifier: r.dynamodb?.SequenceNumber ?? '' })),
      };
    }
  }
  return { batchItemFailures: [] };
}

async function deliver(item: OutboxItem): Promise<void> {
  const { reply } = item;
  let wamid: string | undefined;
  if (reply.type === 'document') {
    const object = await s3.send(new GetObjectCommand({ Bucket: archiveBucket, Key: reply.archiveKey }));
    const bytes = await object.Body!.transformToByteArray();
    const mediaId = await graph.uploadMedia(bytes, 'application/pdf', reply.filename);
    wamid = await graph.sendMessage(graphPayload(item.waId, reply, mediaId));
  } else {
    wamid = await graph.sendMessage(graphPayload(item.waId, reply));
  }
  await markOutbox(item, 'sent', wamid ? { wamid } : {});
}

async function markOutbox(
  item: OutboxItem,
  status: 'sent' | 'failed',
  details: Record<string, unknown>,
): Promise<void> {
  await dynamodb.send(
    new UpdateCommand({
      TableName: tableName,
      Key: { pk: item.pk, sk: item.sk },
      UpdateExpression: 'SET #status = :status, settledAt = :at, details = :details',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':status': status, ':at': now().toISOString(), ':details': details },
    }),
  );
}

export const handler = middy(handle).use(injectLambdaContext(logger));
