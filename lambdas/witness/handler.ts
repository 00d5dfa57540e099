import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ArchiveObjects } from '#adapters/archive-objects.ts';
import { now } from '#adapters/clock.ts';
import { dynamodb } from '#adapters/dynamodb-client.ts';
import { requireEnv } from '#adapters/env.ts';
import { kms } from '#adapters/kms-client.ts';
import { countMetric } from '#adapters/metrics.ts';
import { logger } from '#adapters/powertools.ts';
import { s3 } from '#adapters/s3-client.ts';
import { createKmsSigner } from '#adapters/signer.ts';
import { SignedCheckpointSchema } from '#core/transparency-log/checkpoint.ts';
import {
  checkExtends,
  cosign,
  cosignatureObjectKey,
  InconsistentCheckpointError,
  type WitnessedHead,
} from '#core/transparency-log/witness.ts';

const archive = new ArchiveObjects(s3, requireEnv('ARCHIVE_BUCKET'));
const signer = createKmsSigner(kms, requireEnv('WITNESS_KEY_ID'));
const tableName = requireEnv('WITNESS_TABLE');
/** The log's public API (GET /log/consistency): the witness asks the log to prove itself, as any outsider would. */
const logApi = requireEnv('LOG_API_BASE_URL').replace(/\/+$/, '');

const HEAD_KEY = { pk: 'HEAD' };
const CHECKPOINT_KEY = /^log\/checkpoints\/(\d{1,12})\.json$/;
const MAX_ATTEMPTS = 5;

/** The part of EventBridge's S3 "Object Created" event the witness reads. */
interface ObjectCreatedEvent {
  detail?: { bucket?: { name?: string }; object?: { key?: string } };
}

/**
 * Co-signs each new checkpoint of the log, delivered by S3's "Object Created" events on `log/checkpoints/`, when it
 * extends the largest checkpoint the witness co-signed before (or is a prefix of it). A checkpoint that is not
 * consistent is refused for good: logged, counted (`CheckpointRefused`, alarmed on) and never co-signed.
 */
export async function handler(event: ObjectCreatedEvent): Promise<void> {
  const key = event.detail?.object?.key ?? '';
  if (!CHECKPOINT_KEY.test(key)) {
    logger.warn('not a checkpoint object; ignored', { key });
    return;
  }
  const parsed = SignedCheckpointSchema.safeParse(parseJson(await archive.getText(key)));
  if (!parsed.success || key !== `log/checkpoints/${parsed.data.treeSize}.json`) {
    refuse(key, 'not a signed checkpoint of the size its name gives');
    return;
  }
  const checkpoint = parsed.data;
  for (let attempt = 1; ; attempt++) {
    const head = await readHead();
    let advances: boolean;
    try {
      ({ advances } = checkExtends(head, checkpoint, await consistencyProof(head, checkpoint.treeSize)));
    } catch (error) {
      if (!(error instanceof InconsistentCheckpointError)) throw error;
      refuse(key, error.message);
      return;
    }
    // The head moves first: once it says N, no checkpoint that contradicts N is ever co-signed. A crash before the
    // co-signature is written is retried, and finds the head already at N.
    if (advances && !(await advanceHead(head, checkpoint))) {
      if (attempt >= MAX_ATTEMPTS) throw new Error('the witnessed head kept moving; retry later');
      continue;
    }
    await archive.putIfAbsent(
      cosignatureObjectKey(checkpoint.treeSize),
      JSON.stringify(await cosign(checkpoint, signer, now())),
      'application/json',
    );
    logger.info('checkpoint co-signed', { treeSize: checkpoint.treeSize, advances });
    return;
  }
}

function refuse(key: string, why: string): void {
  logger.error('checkpoint refused: the witness does not co-sign it', { key, why });
  countMetric('CheckpointRefused');
}

async function readHead(): Promise<WitnessedHead | undefined> {
  const { Item } = await dynamodb.send(new GetCommand({ TableName: tableName, Key: HEAD_KEY, ConsistentRead: true }));
  return Item ? { treeSize: Number(Item.treeSize), rootHash: String(Item.rootHash) } : undefined;
}

async function advanceHead(head: WitnessedHead | undefined, next: WitnessedHead): Promise<boolean> {
  try {
    await dynamodb.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...HEAD_KEY, treeSize: next.treeSize, rootHash: next.rootHash, witnessedAt: now().toISOString() },
        ...(head
          ? { ConditionExpression: 'treeSize = :size', ExpressionAttributeValues: { ':size': head.treeSize } }
          : { ConditionExpression: 'attribute_not_exists(pk)' }),
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** The log's proof that the smaller of the two trees is a prefix of the larger; none is needed for equal sizes. */
async function consistencyProof(head: WitnessedHead | undefined, treeSize: number): Promise<string[]> {
  if (!head || head.treeSize === treeSize || head.treeSize === 0 || treeSize === 0) return [];
  const [from, to] = [Math.min(head.treeSize, treeSize), Math.max(head.treeSize, treeSize)];
  const response = await fetch(`${logApi}/log/consistency?from=${from}&to=${to}`);
  if (!response.ok) throw new Error(`the log answered ${response.status} to a consistency proof from ${from} to ${to}`);
  const body = (await response.json()) as { proof?: unknown };
  if (!Array.isArray(body.proof) || !body.proof.every((p) => typeof p === 'string')) {
    throw new InconsistentCheckpointError(`the log's consistency proof from ${from} to ${to} is malformed`);
  }
  return body.proof;
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
