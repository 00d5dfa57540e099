import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { type Officer, OfficerSchema } from '#core/certificate/revocation.ts';
import { keys } from '#core/table-keys.ts';
import { dynamodb } from './dynamodb-client.ts';
import { logger } from './powertools.ts';

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
}
