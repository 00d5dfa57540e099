import { join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { readCloudAssembly } from '../local/cloud-assembly.ts';
import { ensureTable, startDynamoDbLocal } from '../local/dynamodb-local.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../local/local-aws.ts';
import { freePort } from '../local/ports.ts';
import { runningRuntimeEndpoints } from '../local/runtime-endpoints.ts';

/** The table an administrator's command works on: a deployment's, or the embedded runtime's. */
export type TableTarget =
  | { kind: 'aws'; table: string; region?: string }
  | { kind: 'embedded'; dataDir: string; stage: string };

export interface Table {
  client: DynamoDBDocumentClient;
  name: string;
  close(): Promise<void>;
}

export function openTable(target: TableTarget): Promise<Table> {
  if (target.kind === 'aws') {
    const region = target.region ?? process.env.AWS_REGION;
    return Promise.resolve({
      client: documentClient(new DynamoDBClient(region ? { region } : {})),
      name: target.table,
      close: async () => undefined,
    });
  }
  return embeddedTable(target.dataDir, target.stage);
}

/**
 * The embedded runtime's table: through the running runtime's DynamoDB Local when `npm start` is up on that folder
 * (its endpoints file says where), otherwise DynamoDB Local opened over the same folder, with the table created as the
 * synthesized stack declares it if the runtime never ran there. The table's name comes from the cloud assembly, as
 * the runtime resolves it.
 */
async function embeddedTable(dataDirOption: string, stage: string): Promise<Table> {
  const dataDir = resolve(dataDirOption);
  const tables = readCloudAssembly('cdk.out', stage).resourcesOfType('AWS::DynamoDB::Table');
  if (tables.length !== 1) throw new Error(`the stack in cdk.out declares ${tables.length} tables, not one`);
  const [name, resource] = tables[0]!;
  const running = await runningRuntimeEndpoints(dataDir);
  const local = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  if (running) {
    const client = new DynamoDBClient({ ...local, endpoint: running.dynamodb });
    return { client: documentClient(client), name, close: async () => client.destroy() };
  }
  const dynamo = await startDynamoDbLocal(await freePort(), join(dataDir, 'dynamodb'));
  try {
    await ensureTable(dynamo.client, name, resource);
  } catch (error) {
    await dynamo.stop();
    throw error;
  }
  return {
    client: documentClient(dynamo.client),
    name,
    async close() {
      dynamo.client.destroy();
      await dynamo.stop();
    },
  };
}

function documentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
