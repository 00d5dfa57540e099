import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ApplicationSummary } from '#core/conversation/context.ts';
import { keys } from '#core/table-keys.ts';
import { dynamodb } from './dynamodb-client.ts';

const BY_CITIZEN_INDEX = 'byCitizen';

/** Reads a citizen's applications for "status", newest first, through the `byCitizen` index. */
export class ApplicationQueries {
  constructor(private readonly tableName: string) {}

  async ofCitizen(waId: string, limit = 25): Promise<ApplicationSummary[]> {
    const { Items = [] } = await dynamodb.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: BY_CITIZEN_INDEX,
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.applicationsOfCitizen(waId).gsi1pk },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return Items.filter((item) => item.kind === 'application').map((item) => ({
      applicationId: String(item.applicationId),
      serviceId: String(item.serviceId),
      state: String(item.state ?? 'received'),
      submittedAt: String(item.submittedAt),
      slaDays: Number(item.slaDays ?? 1),
      ...(typeof item.citizenHash === 'string' ? { citizenHash: item.citizenHash } : {}),
    }));
  }
}
