import { createKeyedTable, type LocalDynamoDb, startDynamoDbLocal } from '../../local/dynamodb-local.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/local-aws.ts';
import { freePort } from '../../local/ports.ts';

/**
 * DynamoDB Local (in memory) with a table of the state table's keys, and the environment the adapters read at import
 * set: import them after this resolves.
 */
export async function startInventoryTable(table: string): Promise<LocalDynamoDb> {
  const dynamo = await startDynamoDbLocal(await freePort());
  await createKeyedTable(dynamo.client, table);
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    TABLE_NAME: table,
    POWERTOOLS_LOG_LEVEL: 'ERROR',
  });
  return dynamo;
}
