import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDBClient, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ParkedReplies } from '../lambdas/adapters/parked-replies.ts';
import { readCloudAssembly, referencedLogicalId } from '../local/cloud-assembly.ts';
import { startDynamoDbLocal } from '../local/dynamodb-local.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../local/local-aws.ts';
import { freePort } from '../local/ports.ts';
import { runningRuntimeEndpoints } from '../local/runtime-endpoints.ts';

const USAGE = `Queues the replies the sender parked again (Meta failing for a recipient, an expired token, a throttled
table): each goes back to the outbox as pending, oldest first per citizen, and the sender sends it from the stream.

  npm run redrive                                   the embedded runtime's data (running or not)
  npm run redrive -- --table <name> [--region ap-south-1]
                                                    a deployment, with IAM credentials that may read, write and
                                                    delete items of the table (AWS also redrives every 5 minutes)

Options:
  --data-dir <dir>     the embedded runtime's data folder (default .mitra)`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      table: { type: 'string' },
      region: { type: 'string', default: process.env.AWS_REGION ?? 'ap-south-1' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const target = values.table
    ? { endpoint: undefined, table: values.table, region: values.region!, stop: async () => {} }
    : await localTable(values['data-dir'] ?? process.env.MITRA_DATA_DIR ?? '.mitra');
  try {
    const client = new DynamoDBClient(
      target.endpoint
        ? { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, endpoint: target.endpoint }
        : { region: target.region },
    );
    const parked = new ParkedReplies(DynamoDBDocumentClient.from(client), target.table);
    const redriven = await parked.redrive(new Date()).catch((error: unknown) => {
      if (error instanceof ResourceNotFoundException)
        throw new Error(`no table ${target.table} here: has the runtime been started on this data folder?`);
      throw error;
    });
    console.log(redriven === 0 ? 'No parked replies.' : `${redriven} parked replies queued again.`);
    return 0;
  } finally {
    await target.stop();
  }
}

/** The table of the embedded runtime: through the running runtime's DynamoDB Local, or its data folder opened. */
async function localTable(dataDirOption: string) {
  const dataDir = resolve(dataDirOption);
  const tableRef = referencedLogicalId(
    readCloudAssembly('cdk.out', 'dev').functionByName('sender').environment.TABLE_NAME,
  );
  if (!tableRef) throw new Error('the sender in cdk.out has no TABLE_NAME: run `npm run synth`');
  const running = await runningRuntimeEndpoints(dataDir);
  if (running)
    return { endpoint: running.dynamodb, table: tableRef.logicalId, region: LOCAL_REGION, stop: async () => {} };
  const dynamo = await startDynamoDbLocal(await freePort(), join(dataDir, 'dynamodb'));
  return { endpoint: dynamo.endpoint, table: tableRef.logicalId, region: LOCAL_REGION, stop: () => dynamo.stop() };
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`redrive: ${(error as Error).message}`);
    process.exitCode = 2;
  },
);
