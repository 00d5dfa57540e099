import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CertificateStore } from '../lambdas/adapters/certificate-store.ts';
import { RevocationService } from '../lambdas/adapters/revocation.ts';
import { citizenRevocationNotice } from '../lambdas/adapters/revocation-notice.ts';
import { createKmsSigner } from '../lambdas/adapters/signer.ts';
import { TransparencyLog } from '../lambdas/adapters/transparency-log.ts';
import { isCertId } from '../lambdas/core/certificate/model.ts';
import { revocationCodeList } from '../lambdas/core/certificate/revocation.ts';
import { readCloudAssembly, referencedLogicalId } from '../local/cloud-assembly.ts';
import { startDynamoDbLocal } from '../local/dynamodb-local.ts';
import { startLocalKms } from '../local/kms-server.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../local/local-aws.ts';
import { freePort } from '../local/ports.ts';
import { runningRuntimeEndpoints } from '../local/runtime-endpoints.ts';
import { startS3Local } from '../local/s3-local.ts';

const USAGE = `Revokes a certificate: the verify page says "revoked" with the date and reason, and a revocation leaf is
appended to the transparency log.

  npm run revoke -- <certId> --reason "…"                        the embedded runtime's data (running or not)
  npm run revoke -- <certId> --reason "…" --table <name> --bucket <name> [--stage dev] [--region ap-south-1]
                                                                  a deployment, with IAM credentials that may update
                                                                  the table, write log/ and keys/ in the archive and
                                                                  kms:Sign with the checkpoint key

The reason is one of these codes (or its number), optionally followed by a note that stays with the certificate
for the department and is never shown to the public or written to the log: --reason "false-information: forged slip"
${revocationCodeList()
  .split('\n')
  .map((line) => `  ${line}`)
  .join('\n')}

Options:
  --by <name>          who revokes, as the log records it (default: administrator:<your user name>)
  --checkpoint-key <id>  default alias/mitra-<stage>-checkpoint-signing
  --data-dir <dir>     the embedded runtime's data folder (default .mitra)`;

interface Backends {
  dynamodb: DynamoDBDocumentClient;
  s3: S3Client;
  kms: KMSClient;
  tableName: string;
  bucket: string;
  checkpointKey: string;
  close(): Promise<void>;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      reason: { type: 'string' },
      by: { type: 'string' },
      table: { type: 'string' },
      bucket: { type: 'string' },
      stage: { type: 'string', default: 'dev' },
      region: { type: 'string' },
      'checkpoint-key': { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const certId = positionals[0];
  if (!certId || positionals.length !== 1 || !isCertId(certId) || !values.reason) {
    console.error(`revoke: give one certificate id (22 characters) and --reason\n\n${USAGE}`);
    return 2;
  }
  const backends =
    values.table || values.bucket
      ? awsBackends(values)
      : await localBackends(values['data-dir'] ?? process.env.MITRA_DATA_DIR ?? '.mitra', values.stage!);
  try {
    const now = () => new Date();
    const store = new CertificateStore(backends, { tableName: backends.tableName, bucket: backends.bucket });
    const log = new TransparencyLog(backends, {
      tableName: backends.tableName,
      bucket: backends.bucket,
      now,
      signer: createKmsSigner(backends.kms, backends.checkpointKey),
      publishKey: (key, validFrom) => store.archivePublicKey(key, validFrom, 'checkpoint-signing'),
    });
    const tellCitizen = citizenRevocationNotice(backends.dynamodb, backends.tableName, now);
    const result = await new RevocationService(store, log, now, tellCitizen).revoke({
      certId,
      reason: values.reason,
      revokedBy: values.by ?? `administrator:${userInfo().username}`,
    });
    if (result.outcome === 'unknown') {
      console.error(`revoke: no certificate ${certId} was issued`);
      return 1;
    }
    const what = result.outcome === 'revoked' ? 'Revoked' : 'Already revoked';
    console.log(`${what} ${certId} on ${result.revokedAt}: ${result.reason} (log leaf ${result.logIndex})`);
    return 0;
  } finally {
    await backends.close();
  }
}

function awsBackends(values: {
  table?: string;
  bucket?: string;
  stage?: string;
  region?: string;
  'checkpoint-key'?: string;
}): Backends {
  if (!values.table || !values.bucket)
    throw new Error('name both --table and --bucket (the stack outputs TableName and ArchiveBucketName)');
  const region = values.region ?? process.env.AWS_REGION;
  return {
    dynamodb: DynamoDBDocumentClient.from(new DynamoDBClient({ region }), {
      marshallOptions: { removeUndefinedValues: true },
    }),
    s3: new S3Client({ region }),
    kms: new KMSClient({ region }),
    tableName: values.table,
    bucket: values.bucket,
    checkpointKey: values['checkpoint-key'] ?? `alias/mitra-${values.stage}-checkpoint-signing`,
    close: async () => undefined,
  };
}

/**
 * The embedded runtime's data: through the running runtime's emulators when `npm start` is up on that folder (its
 * endpoints file says where), otherwise opened with the same emulators over the same folders. Names come from the
 * cloud assembly as the runtime resolves them.
 */
async function localBackends(dataDirOption: string, stage: string): Promise<Backends> {
  const dataDir = resolve(dataDirOption);
  const running = await runningRuntimeEndpoints(dataDir);
  const assembly = readCloudAssembly('cdk.out', stage);
  const environment = assembly.functionByName('certificate').environment;
  const logicalId = (name: string) => {
    const ref = referencedLogicalId(environment[name]);
    if (!ref) throw new Error(`the certificate function in cdk.out has no ${name}: run \`npm run synth\``);
    return ref.logicalId;
  };
  const emulators: Emulators = running ? { ...running, stop: async () => {} } : await startEmulators(dataDir);
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
    tableName: logicalId('TABLE_NAME'),
    bucket: logicalId('ARCHIVE_BUCKET').toLowerCase(),
    checkpointKey: logicalId('CHECKPOINT_SIGNING_KEY_ID'),
    close: emulators.stop,
  };
}

interface Emulators {
  dynamodb: string;
  s3: string;
  kms: string;
  stop(): Promise<void>;
}

/** The runtime's emulators over its data folders, for as long as the revocation takes. */
async function startEmulators(dataDir: string): Promise<Emulators> {
  const [dynamo, s3rver, kms] = await Promise.all([
    freePort().then((p) => startDynamoDbLocal(p, join(dataDir, 'dynamodb'))),
    startS3Local(join(dataDir, 's3'), []),
    startLocalKms({ port: 0, dataDir: join(dataDir, 'kms') }),
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

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`revoke: ${(error as Error).message}`);
    process.exitCode = 2;
  },
);
