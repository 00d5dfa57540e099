import { join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CertificateStore } from '../lambdas/adapters/certificate-store.ts';
import { createKmsSigner } from '../lambdas/adapters/signer.ts';
import { TransparencyLog } from '../lambdas/adapters/transparency-log.ts';
import { keyAliases, readCloudAssembly, referencedLogicalId } from '../local/cloud-assembly.ts';
import { startDynamoDbLocal } from '../local/dynamodb-local.ts';
import { startLocalKms } from '../local/kms-server.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../local/local-aws.ts';
import { freePort } from '../local/ports.ts';
import { runningRuntimeEndpoints } from '../local/runtime-endpoints.ts';
import { startS3Local } from '../local/s3-local.ts';

/**
 * What the operator commands that write the archive and its log (`npm run revoke`, `npm run rotate-key`) work on:
 * a deployment's table, archive and signing keys, or the embedded runtime's.
 */
export interface ArchiveBackends {
  dynamodb: DynamoDBDocumentClient;
  s3: S3Client;
  kms: KMSClient;
  tableName: string;
  bucket: string;
  /** What signers name: the aliases the stack declares (a key id or ARN where one is given instead). */
  certificateKey: string;
  checkpointKey: string;
  close(): Promise<void>;
}

export interface ArchiveOptions {
  table?: string;
  bucket?: string;
  stage?: string;
  region?: string;
  'certificate-key'?: string;
  'checkpoint-key'?: string;
  'data-dir'?: string;
}

/** The archive's store and its transparency log, signing checkpoints through the checkpoint key. */
export function archiveLog(
  backends: ArchiveBackends,
  now: () => Date,
): { store: CertificateStore; log: TransparencyLog } {
  const store = new CertificateStore(backends, { tableName: backends.tableName, bucket: backends.bucket });
  const log = new TransparencyLog(backends, {
    tableName: backends.tableName,
    bucket: backends.bucket,
    now,
    signer: createKmsSigner(backends.kms, backends.checkpointKey),
    publishKey: (key, validFrom) => store.archivePublicKey(key, validFrom, 'checkpoint-signing'),
  });
  return { store, log };
}

/** A deployment when --table or --bucket is given; otherwise the embedded runtime's data folder. */
export function archiveBackends(options: ArchiveOptions): Promise<ArchiveBackends> | ArchiveBackends {
  return options.table || options.bucket
    ? awsBackends(options)
    : localBackends(options['data-dir'] ?? process.env.MITRA_DATA_DIR ?? '.mitra', options.stage ?? 'dev');
}

function awsBackends(options: ArchiveOptions): ArchiveBackends {
  if (!options.table || !options.bucket)
    throw new Error('name both --table and --bucket (the stack outputs TableName and ArchiveBucketName)');
  const region = options.region ?? process.env.AWS_REGION;
  const stage = options.stage ?? 'dev';
  return {
    dynamodb: DynamoDBDocumentClient.from(new DynamoDBClient({ region }), {
      marshallOptions: { removeUndefinedValues: true },
    }),
    s3: new S3Client({ region }),
    kms: new KMSClient({ region }),
    tableName: options.table,
    bucket: options.bucket,
    certificateKey: options['certificate-key'] ?? `alias/mitra-${stage}-certificate-signing`,
    checkpointKey: options['checkpoint-key'] ?? `alias/mitra-${stage}-checkpoint-signing`,
    close: async () => undefined,
  };
}

/**
 * The embedded runtime's data: through the running runtime's emulators when `npm start` is up on that folder (its
 * endpoints file says where), otherwise opened with the same emulators over the same folders. Names come from the
 * cloud assembly as the runtime resolves them.
 */
async function localBackends(dataDirOption: string, stage: string): Promise<ArchiveBackends> {
  const dataDir = resolve(dataDirOption);
  const running = await runningRuntimeEndpoints(dataDir);
  const assembly = readCloudAssembly('cdk.out', stage);
  const environment = assembly.functionByName('certificate').environment;
  const referenced = (name: string) => {
    const ref = referencedLogicalId(environment[name]);
    if (!ref) throw new Error(`the certificate function in cdk.out has no ${name}: run \`npm run synth\``);
    return ref.logicalId;
  };
  const signingKey = (name: string) => {
    const logicalId = referenced(name);
    const resource = assembly.template.Resources[logicalId];
    return resource?.Type === 'AWS::KMS::Alias' ? String(resource.Properties?.AliasName) : logicalId;
  };
  const emulators: Emulators = running
    ? { ...running, stop: async () => {} }
    : await startEmulators(dataDir, keyAliases(assembly));
  const local = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  return {
    dynamodb: DynamoDBDocumentClient.from(new DynamoDBClient({ ...local, endpoint: emulators.dynamodb }), {
      marshallOptions: { removeUndefinedValues: true },
    }),
    s3: new S3Client({
      region: LOCAL_REGION,
      endpoint: emulators.s3,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      requestChecksumCalculation: 'WHEN_REQUIRED',
    }),
    kms: new KMSClient({ ...local, endpoint: emulators.kms }),
    tableName: referenced('TABLE_NAME'),
    bucket: referenced('ARCHIVE_BUCKET').toLowerCase(),
    certificateKey: signingKey('SIGNING_KEY_ID'),
    checkpointKey: signingKey('CHECKPOINT_SIGNING_KEY_ID'),
    close: emulators.stop,
  };
}

interface Emulators {
  dynamodb: string;
  s3: string;
  kms: string;
  stop(): Promise<void>;
}

/** The runtime's emulators over its data folders, for as long as the command takes. */
async function startEmulators(dataDir: string, aliases: Record<string, string>): Promise<Emulators> {
  const [dynamo, s3rver, kms] = await Promise.all([
    freePort().then((p) => startDynamoDbLocal(p, join(dataDir, 'dynamodb'))),
    startS3Local(join(dataDir, 's3'), []),
    startLocalKms({ port: 0, dataDir: join(dataDir, 'kms'), aliases }),
  ]);
  return {
    dynamodb: dynamo.endpoint,
    s3: s3rver.endpoint,
    kms: kms.endpoint,
    async stop() {
      await Promise.allSettled([dynamo.stop(), s3rver.stop(), kms.close()]);
    },
  };
}
