import { GetCommand, paginateQuery } from '@aws-sdk/lib-dynamodb';
import { type Officer, OfficerSchema } from '#core/officers.ts';
import { keys } from '#core/table-keys.ts';
import { dynamodb } from './dynamodb-client.ts';
import { logger } from './powertools.ts';

/** The sparse index over officer items by `department` (lib/state-table.ts). */
const OFFICERS_BY_DEPARTMENT_INDEX = 'officersByDepartment';

/** The registered officers, one item per WhatsApp number (README: "Officers" shows how an administrator adds one). */
export class OfficerRegistry {
  constructor(private readonly tableName: string) {}

  async find(waId: string): Promise<Officer | undefined> {
    const { Item } = await dynamodb.send(
      new GetCommand({ TableName: this.tableName, Key: keys.officer(waId), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, kind: _kind, ...officer } = Item;
    const parsed = OfficerSchema.safeParse(officer);
    // A malformed registration grants nothing; the administrator sees why in the log.
    if (!parsed.success)
      logger.error('officer item unreadable; treated as no officer', { issues: parsed.error.issues });
    return parsed.success && parsed.data.waId === waId ? parsed.data : undefined;
  }

  /** Every registered officer of a department (as certificates print its name), through the sparse index. */
  async ofDepartment(department: string): Promise<Officer[]> {
    const officers: Officer[] = [];
    const pages = paginateQuery(
      { client: dynamodb },
      {
        TableName: this.tableName,
        IndexName: OFFICERS_BY_DEPARTMENT_INDEX,
        KeyConditionExpression: 'department = :department',
        FilterExpression: 'kind = :officer',
        ExpressionAttributeValues: { ':department': department, ':officer': 'officer' },
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) {
        const { pk: _pk, sk: _sk, kind: _kind, ...officer } = item;
        const parsed = OfficerSchema.safeParse(officer);
        if (parsed.success) officers.push(parsed.data);
        else logger.error('officer item unreadable; not notified', { issues: parsed.error.issues });
      }
    }
    return officers;
  }
}
