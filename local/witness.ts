import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetPublicKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { type CloudAssembly, hasStack, readCloudAssembly, referencedLogicalId } from './cloud-assembly.ts';
import { ensureTable } from './dynamodb-local.ts';
import { type LoadedFunction, loadFunction } from './lambda-host.ts';

export interface LocalWitness {
  /** S3's "Object Created" for an archive object, delivered to the witness as EventBridge would. */
  objectCreated(bucket: string, key: string): void;
  /**
   * Delivers, in order, every archived checkpoint that has no co-signature yet: those written while the witness was
   * not running (an administrator's `npm run revoke` on a stopped runtime), as EventBridge delivers what waited.
   */
  catchUp(): void;
  /** Resolves when every delivery so far has been handled. */
  drained(): Promise<void>;
}

export interface LocalWitnessOptions {
  assemblyDir: string;
  stage: string;
  dynamodb: DynamoDBClient;
  /** The archive bucket's local name: only its checkpoints reach the witness. */
  archiveBucket: string;
  /** A client of the local S3, to find checkpoints archived while the witness was not running. */
  s3: S3Client;
  /** The environment every local function gets (endpoints, credentials, clock). */
  common: Record<string, string>;
  /** The local value of one of the Mitra stack's exports, by export name (what the witness imports). */
  resolveMitraValue(exportName: string): string;
  log(line: string): void;
}

const ATTEMPTS = 5;

/**
 * The witness stack (lib/witness-stack.ts) on one machine, when `cdk synth` produced it: its table in DynamoDB Local,
 * its key in the local KMS (by logical id, as every key), its function from its bundle, and the EventBridge rule's
 * part played by s3rver's object events: each archived checkpoint is delivered once, in order, and retried as Lambda
 * retries an asynchronous invocation.
 */
export async function startLocalWitness(options: LocalWitnessOptions): Promise<LocalWitness | undefined> {
  const stackName = `Mitra-${options.stage}-Witness`;
  if (!hasStack(options.assemblyDir, stackName)) return undefined;
  const assembly = readCloudAssembly(options.assemblyDir, options.stage, stackName);
  for (const [logicalId, resource] of assembly.resourcesOfType('AWS::DynamoDB::Table')) {
    await ensureTable(options.dynamodb, logicalId, resource);
  }
  const spec = assembly.functionByName('witness');
  const environment: Record<string, string> = {
    ...options.common,
    AWS_LAMBDA_FUNCTION_NAME: spec.name,
  };
  for (const [name, value] of Object.entries(spec.environment)) {
    environment[name] = typeof value === 'string' ? value : resolve(assembly, value, options.resolveMitraValue);
  }
  const witness: LoadedFunction = await loadFunction(spec, environment);

  let queue = Promise.resolve();
  const deliver = (bucket: string, key: string) => {
    const event = {
      source: 'aws.s3',
      'detail-type': 'Object Created',
      detail: { bucket: { name: bucket }, object: { key } },
    };
    queue = queue.then(async () => {
      for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
        try {
          await witness.invoke(event);
          return;
        } catch (error) {
          options.log(`[witness] ${key}: attempt ${attempt} failed: ${(error as Error).message}`);
          await new Promise((done) => setTimeout(done, 50 * 2 ** attempt));
        }
      }
    });
  };
  return {
    objectCreated(bucket, key) {
      if (bucket === options.archiveBucket && key.startsWith('log/checkpoints/')) deliver(bucket, key);
    },
    catchUp() {
      queue = queue.then(async () => {
        const checkpoints = await listKeys(options.s3, options.archiveBucket, 'log/checkpoints/');
        const cosigned = new Set(
          (await listKeys(options.s3, options.archiveBucket, 'log/cosignatures/')).map((key) => sizeOf(key)),
        );
        const waiting = checkpoints.filter((key) => !cosigned.has(sizeOf(key))).sort((a, b) => sizeOf(a) - sizeOf(b));
        if (waiting.length > 0) options.log(`[witness] ${waiting.length} checkpoint(s) archived while it was stopped`);
        for (const key of waiting) deliver(options.archiveBucket, key);
      });
    },
    async drained() {
      // A catch-up queues its deliveries while it runs: wait until nothing more was queued.
      for (let seen = queue; ; seen = queue) {
        await seen;
        if (seen === queue) return;
      }
    },
  };
}

/**
 * The public key (DER SPKI, base64) of the witness stack's key in the local KMS, when `cdk synth` produced the witness:
 * what an operator gives the Mitra stack as `-c witnessPublicKey`, so the verify page checks co-signatures.
 */
export async function localWitnessPublicKey(
  assemblyDir: string,
  stage: string,
  kms: { endpoint: string; region: string; credentials: { accessKeyId: string; secretAccessKey: string } },
): Promise<string | undefined> {
  const stackName = `Mitra-${stage}-Witness`;
  if (!hasStack(assemblyDir, stackName)) return undefined;
  // The key the witness function signs with (its stack has other keys, for its table and logs).
  const keyId = referencedLogicalId(
    readCloudAssembly(assemblyDir, stage, stackName).functionByName('witness').environment.WITNESS_KEY_ID,
  )?.logicalId;
  if (!keyId) return undefined;
  const client = new KMSClient(kms);
  try {
    const { PublicKey } = await client.send(new GetPublicKeyCommand({ KeyId: keyId }));
    return PublicKey ? Buffer.from(PublicKey).toString('base64') : undefined;
  } finally {
    client.destroy();
  }
}

const sizeOf = (key: string) => Number(/(\d+)\.json$/.exec(key)?.[1] ?? Number.NaN);

async function listKeys(s3: S3Client, bucket: string, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return keys;
}

/** A reference in the witness template: to its own table or key (local names are logical ids), or an import. */
function resolve(assembly: CloudAssembly, value: unknown, resolveMitraValue: (exportName: string) => string): string {
  const imported = (value as { 'Fn::ImportValue'?: unknown } | null)?.['Fn::ImportValue'];
  if (typeof imported === 'string') return resolveMitraValue(imported);
  const ref = referencedLogicalId(value);
  const type = ref ? assembly.template.Resources[ref.logicalId]?.Type : undefined;
  if (ref && (type === 'AWS::DynamoDB::Table' || type === 'AWS::KMS::Key')) return ref.logicalId;
  throw new Error(`the local witness has no value for ${JSON.stringify(value)}`);
}
