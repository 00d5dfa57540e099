import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DEDUPE_RETENTION_SECONDS } from '#core/table-keys.ts';
import type { DeliveryStatus } from '#core/whatsapp/webhook-payload.ts';
import { dynamodb } from './dynamodb-client.ts';
import type { OutboxItem } from './outbox.ts';

/** Statuses only move forward; a late "delivered" after "read" changes nothing. */
const RANK: Record<string, number> = { sent: 1, delivered: 2, read: 3, failed: 4 };

const sentKey = (wamid: string) => ({ pk: `WAMID#${wamid}`, sk: 'SENT' });

export type StatusOutcome = { outbox?: Pick<OutboxItem, 'pk' | 'sk'>; resentAsTemplate: boolean };

/**
 * Delivery statuses Meta reports for the messages we sent. Each status is kept as its own item (WAMID#id,
 * STATUS#status); the sender links each sent wamid to its outbox item, so the outbox item also shows how far the
 * message got. A message Meta fails later with 131047 (the window had closed) is queued again as a template.
 */
export class DeliveryStatuses {
  constructor(private readonly tableName: string) {}

  /** Called by the sender once Meta accepted a message. */
  async linkSent(wamid: string, item: Pick<OutboxItem, 'pk' | 'sk' | 'waId'>, now: Date): Promise<void> {
    await dynamodb.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...sentKey(wamid),
          kind: 'sent-message',
          outboxPk: item.pk,
          outboxSk: item.sk,
          waId: item.waId,
          expiresAt: Math.floor(now.getTime() / 1000) + DEDUPE_RETENTION_SECONDS,
        },
      }),
    );
  }

  async record(status: DeliveryStatus): Promise<StatusOutcome> {
    await this.putOnce({
      pk: `WAMID#${status.messageId}`,
      sk: `STATUS#${status.status}`,
      kind: 'delivery-status',
      status: status.status,
      errorCodes: status.errorCodes,
      ...(status.errors.length > 0 ? { errors: status.errors } : {}),
      waId: status.recipient,
      at: status.at.toISOString(),
      expiresAt: Math.floor(status.at.getTime() / 1000) + DEDUPE_RETENTION_SECONDS,
    });
    const { Item: link } = await dynamodb.send(
      new GetCommand({ TableName: this.tableName, Key: sentKey(status.messageId) }),
    );
    if (!link) return { resentAsTemplate: false };
    const outbox = { pk: String(link.outboxPk), sk: String(link.outboxSk) };
    await this.advance(outbox, status);
    if (status.status !== 'failed' || !status.errorCodes.includes(131047)) return { outbox, resentAsTemplate: false };
    return { outbox, resentAsTemplate: await this.requeueAsTemplate(outbox, status.at) };
  }

  private async advance(outbox: { pk: string; sk: string }, status: DeliveryStatus): Promise<void> {
    const rank = RANK[status.status] ?? 0;
    try {
      await dynamodb.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: outbox,
          UpdateExpression: 'SET delivery = :status, deliveryRank = :rank, deliveryAt = :at, deliveryErrors = :codes',
          ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(deliveryRank) OR deliveryRank < :rank)',
          ExpressionAttributeValues: {
            ':status': status.status,
            ':rank': rank,
            ':at': status.at.toISOString(),
            ':codes': status.errorCodes,
          },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  /** A copy of the failed reply, marked to go as the approved template, through the same ordered outbox. */
  private async requeueAsTemplate(outbox: { pk: string; sk: string }, at: Date): Promise<boolean> {
    const { Item } = await dynamodb.send(new GetCommand({ TableName: this.tableName, Key: outbox }));
    if (!Item || Item.templateOnly || (Item.reply as { type?: string } | undefined)?.type === 'template') return false;
    const copy = {
      pk: Item.pk,
      sk: `${String(Item.sk)}#template`,
      kind: 'outbox',
      waId: Item.waId,
      reply: Item.reply,
      templateOnly: true,
      status: 'pending',
      createdAt: at.toISOString(),
      expiresAt: Item.expiresAt,
    };
    return this.putOnce(copy);
  }

  private async putOnce(item: Record<string, unknown>): Promise<boolean> {
    try {
      await dynamodb.send(
        new PutCommand({ TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }),
      );
      return true;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return false;
    }
  }
}
