import { join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { OfficerRegistry } from '../lambdas/adapters/officers.ts';
import { catalog } from '../lambdas/core/catalog/catalog.ts';
import { maskPhone } from '../lambdas/core/masking.ts';
import type { Officer } from '../lambdas/core/officers.ts';
import { readCloudAssembly } from '../local/cloud-assembly.ts';
import { ensureTable, startDynamoDbLocal } from '../local/dynamodb-local.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../local/local-aws.ts';
import { freePort } from '../local/ports.ts';
import { runningRuntimeEndpoints } from '../local/runtime-endpoints.ts';
import { type OfficersCommand, parseOfficersArguments, type Target, USAGE, UsageError } from './officers/arguments.ts';
import { officersTable } from './officers/listing.ts';

interface Table {
  client: DynamoDBDocumentClient;
  name: string;
  close(): Promise<void>;
}

async function main(argv: string[]): Promise<number> {
  const services = catalog();
  let command: OfficersCommand;
  try {
    command = parseOfficersArguments(argv, services, process.env.MITRA_DATA_DIR ?? '.mitra');
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`officers: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (command.command === 'help') {
    console.log(USAGE);
    return 0;
  }
  const table = await open(command.target);
  try {
    const registry = new OfficerRegistry(table.name, table.client);
    switch (command.command) {
      case 'list': {
        const departments = command.department ? [command.department] : services.departments.map((d) => d.id);
        const officers = (await Promise.all(departments.map((d) => registry.ofDepartment(d)))).flat();
        console.log(officersTable(officers));
        return 0;
      }
      case 'add': {
        const { officer } = command;
        if (!(await registry.add(officer))) {
          console.error(`officers: ${officer.waId} is registered already; remove it first to register it again`);
          return 1;
        }
        console.log(`Registered ${describe(officer)}, acting from ${officer.waId}`);
        return 0;
      }
      case 'remove': {
        const removed = await registry.remove(command.waId);
        if (!removed) {
          console.error(`officers: no officer is registered for ${maskPhone(command.waId)}`);
          return 1;
        }
        const who = removed.officer ? describe(removed.officer) : 'an unreadable registration';
        console.log(`Removed ${who}, who acted from ${maskPhone(command.waId)}`);
        return 0;
      }
    }
  } finally {
    await table.close();
  }
}

function describe(officer: Officer): string {
  const district = [officer.district, officer.mandal && `${officer.mandal} mandal`].filter(Boolean).join(', ');
  const where = district ? `${officer.department}, ${district}` : `${officer.department}, state level`;
  return `${officer.id} ${officer.name} (${officer.role}, ${where})`;
}

function open(target: Target): Promise<Table> {
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

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`officers: ${(error as Error).message}`);
    process.exitCode = 2;
  },
);
