import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { TransparencyLog } from '../lambdas/adapters/transparency-log.ts';
import { derToRaw, keyIdOf, publicKeyPem } from '../lambdas/core/certificate/signature.ts';
import type { CertificateEntry } from '../lambdas/core/transparency-log/entry.ts';
import { createKeyedTable, startDynamoDbLocal } from '../local/dynamodb-local.ts';
import { signDigestP256 } from '../local/kms-server.ts';
import { freePort } from '../local/ports.ts';
import { startS3Local } from '../local/s3-local.ts';
import type { Figure } from './results-file.ts';

/** Appends in flight at once on the one sequencer (as many certificates issued at once by one container). */
const IN_FLIGHT = 64;
const APPENDS = 400;
const SEQUENTIAL_APPENDS = 60;

/**
 * Appends per second to the transparency log on DynamoDB Local and s3rver, each append returning only once a signed
 * checkpoint includes it: one sequencer with 64 appends in flight (its queue batches them into one transaction and
 * one checkpoint per batch), beside the same sequencer appending one entry at a time. The figure's baseline names how
 * many entries each checkpoint covered.
 */
export async function transparencyLogFigures(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'mitra-bench-log-'));
  const [dynamo, s3rver] = await Promise.all([
    freePort().then((port) => startDynamoDbLocal(port)),
    startS3Local(join(dir, 's3'), ['bench-archive']),
  ]);
  try {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const keyId = keyIdOf(publicKey);
    const signer = {
      currentKey: async () => ({ keyId, publicKeyPem: publicKeyPem(publicKey) }),
      signDigest: async (digest: Uint8Array) => ({ keyId, signature: derToRaw(signDigestP256(digest, privateKey)) }),
    };
    const documents = DynamoDBDocumentClient.from(dynamo.client);
    const s3 = new S3Client({
      endpoint: s3rver.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      requestChecksumCalculation: 'WHEN_REQUIRED',
    });
    let table = 0;
    const freshLog = async () => {
      const tableName = `bench-log-${table++}`;
      await createKeyedTable(dynamo.client, tableName);
      return () =>
        new TransparencyLog(
          { dynamodb: documents, s3 },
          { tableName, bucket: 'bench-archive', now: () => new Date(), signer },
        );
    };

    let serial = 0;
    const entry = (): CertificateEntry => ({
      type: 'certificate',
      certId: `${(serial++).toString(36).padStart(21, 'B')}A`,
      serviceId: 'revenue.income-certificate',
      issuedAt: '2025-06-01T04:30:00.000Z',
      keyId,
      recordSha256: serial.toString(16).padStart(64, '0'),
      pdfSha256: 'f'.repeat(64),
    });

    const concurrentLog = (await freshLog())();
    const concurrent = await timed(async () => {
      let next = 0;
      await Promise.all(
        Array.from({ length: IN_FLIGHT }, async () => {
          while (next < APPENDS) {
            next++;
            await concurrentLog.append(entry());
          }
        }),
      );
    });
    const checkpoints = await checkpointCount(documents, `bench-log-${table - 1}`);
    const sequentialLog = (await freshLog())();
    const sequential = await timed(async () => {
      for (let i = 0; i < SEQUENTIAL_APPENDS; i++) await sequentialLog.append(entry());
    });
    const perSecond = APPENDS / (concurrent / 1000);
    const sequentialPerSecond = SEQUENTIAL_APPENDS / (sequential / 1000);
    return [
      {
        name: 'log.appends_per_s',
        value: perSecond,
        unit: 'appends/s',
        baseline: {
          name: `one append at a time (the ${IN_FLIGHT} in flight shared ${checkpoints} checkpoints)`,
          value: sequentialPerSecond,
        },
        ratio: perSecond / sequentialPerSecond,
      },
    ];
  } finally {
    await Promise.allSettled([dynamo.stop(), s3rver.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Checkpoints the log's table holds: one per batch the sequencer signed. */
async function checkpointCount(documents: DynamoDBDocumentClient, tableName: string): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'LOG#CHECKPOINTS' },
        Select: 'COUNT',
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
}

async function timed(run: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}
