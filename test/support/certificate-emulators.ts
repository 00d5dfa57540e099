import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { type LocalDynamoDb, startDynamoDbLocal } from '../../local/dynamodb-local.ts';
import { type LocalKms, startLocalKms } from '../../local/kms-server.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/local-aws.ts';
import { freePort } from '../../local/ports.ts';
import { type LocalS3, startS3Local } from '../../local/s3-local.ts';

export interface CertificateEmulators {
  dataDir: string;
  dynamo: LocalDynamoDb;
  s3rver: LocalS3;
  kms: LocalKms;
  /** A client on the archive, for tests that read or tamper with it directly. */
  s3: S3Client;
  stop(): Promise<void>;
}

/**
 * DynamoDB Local, s3rver and the local KMS for tests that call the certificate handlers directly (without the whole
 * embedded runtime), with the environment those handlers read at import set: import them after this resolves.
 */
export async function startCertificateEmulators(options: {
  table: string;
  bucket: string;
  publicBaseUrl: string;
  logLevel?: string;
}): Promise<CertificateEmulators> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mitra-certificates-'));
  const [dynamo, s3rver, kms] = await Promise.all([
    freePort().then((port) => startDynamoDbLocal(port)),
    startS3Local(join(dataDir, 's3'), [options.bucket]),
    startLocalKms({ port: 0, dataDir: join(dataDir, 'kms') }),
  ]);
  await dynamo.client.send(
    new CreateTableCommand({
      TableName: options.table,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: ['pk', 'sk', 'gsi1pk', 'gsi1sk'].map((name) => ({
        AttributeName: name,
        AttributeType: 'S',
      })),
      GlobalSecondaryIndexes: [
        {
          IndexName: 'byCitizen',
          KeySchema: [
            { AttributeName: 'gsi1pk', KeyType: 'HASH' },
            { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    }),
  );
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_ENDPOINT_URL_S3: s3rver.endpoint,
    AWS_ENDPOINT_URL_KMS: kms.endpoint,
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    S3_FORCE_PATH_STYLE: 'true',
    AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
    TABLE_NAME: options.table,
    ARCHIVE_BUCKET: options.bucket,
    SIGNING_KEY_ID: 'alias/mitra-local-certificate-signing',
    CHECKPOINT_SIGNING_KEY_ID: 'alias/mitra-local-checkpoint-signing',
    PUBLIC_BASE_URL: options.publicBaseUrl,
    POWERTOOLS_LOG_LEVEL: options.logLevel ?? 'ERROR',
  });
  const s3 = new S3Client({
    endpoint: s3rver.endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  return {
    dataDir,
    dynamo,
    s3rver,
    kms,
    s3,
    async stop() {
      await Promise.allSettled([dynamo.stop(), s3rver.stop(), kms.close()]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
