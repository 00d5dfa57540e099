import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  paginateQuery,
} from '@aws-sdk/lib-dynamodb';
import { type Officer, OfficerSchema } from '#core/officers.ts';
import { keys } from '#core/table-keys.ts';
import { dynamodb } from './dynamodb-client.ts';
import { logger } from './powertools.ts';

/** The sparse index over officer items by `department`, the catalog's department id (lib/state-table.ts). */
const OFFICERS_BY_DEPARTMENT_INDEX = 'officersByDepartment';

/**
 * The registered officers, one item per WhatsApp number. An administrator adds and removes them with
 * `npm run officers` (README "Officers"); functions read them.
 */
export class OfficerRegistry {
  constructor(
    private readonly tableName: string,
    private readonly client: DynamoDBDocumentClient = dynamodb,
  ) {}

  async find(waId: string): Promise<Officer | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.officer(waId), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const officer = officerOf(Item);
    return officer?.waId === waId ? officer : undefined;
  }

  /** Every registered officer of a department (its catalog id), of every district, through the sparse index. */
  async ofDepartment(department: string): Promise<Officer[]> {
    const officers: Officer[] = [];
    const pages = paginateQuery(
      { client: this.client },
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
        const officer = officerOf(item);
        if (officer) officers.push(officer);
      }
    }
    return officers;
  }

  /** Registers an officer; false, writing nothing, when that number is registered already. */
  async add(officer: Officer): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.officer(officer.waId), kind: 'officer', ...officer },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  /**
   * Removes the registration of this number: undefined when there was none; otherwise what was registered (`officer`
   * absent when the item was unreadable).
   */
  async remove(waId: string): Promise<{ officer?: Officer } | undefined> {
    const { Attributes } = await this.client.send(
      new DeleteCommand({ TableName: this.tableName, Key: keys.officer(waId), ReturnValues: 'ALL_OLD' }),
    );
    if (!Attributes) return undefined;
    const officer = officerOf(Attributes);
    return officer ? { officer } : {};
  }
}

function officerOf(item: Record<string, unknown>): Officer | undefined {
  const { pk: _pk, sk: _sk, kind: _kind, ...officer } = item;
  const parsed = OfficerSchema.safeParse(officer);
  // A malformed registration grants nothing; the administrator sees why in the log.
  if (!parsed.success) logger.error('officer item unreadable; treated as no officer', { issues: parsed.error.issues });
  return parsed.success ? parsed.data : undefined;
}
