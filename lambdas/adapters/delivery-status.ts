import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { campaignOfCallback } from '#core/alerts/campaign.ts';
import { DEDUPE_RETENTION_SECONDS, keys } from '#core/table-keys.ts';
import type { DeliveryStatus } from '#core/whatsapp/webhook-payload.ts';
import { dynamodb } from './dynamodb-client.ts';
import type { OutboxItem } from './outbox.ts';

export type StatusOutcome = { outbox?: Pick<OutboxItem, 'pk' | 'sk'>; resentAsTemplate: boolean };

/**
 * Delivery statuses Meta reports for the messages we sent. Meta reports sent, delivered and read for every message:
 * those are counted, not written. A failure is kept as its own item (WAMID#id, STATUS#failed) and on the outbox item
 * it failed, found by the wamid the sender settled it with; a message Meta fails later with 131047 (the window had
 * closed) is queued again as a template. An alert's delivered and read are kept too, on its campaign's recipient
 * (named by the callback data the alert was sent with), for the operator following the campaign.
 */
export class DeliveryStatuses {
  constructor(private readonly tableName: string) {}

  async record(status: DeliveryStatus): Promise<StatusOutcome> {
    const campaignId = campaignOfCallback(status.callbackData);
    if (campaignId && (status.status === 'delivered' || status.status === 'read'))
      await this.alertDelivered(campaignId, status);
    if (status.status !== 'failed') return { resentAsTemplate: false };
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
    const outbox = await this.sentAs(status.recipient, status.messageId);
    if (!outbox) return { resentAsTemplate: false };
    await this.advance(outbox, status);
    if (!status.errorCodes.includes(131047)) return { outbox, resentAsTemplate: false };
    return { outbox, resentAsTemplate: await this.requeueAsTemplate(outbox, status.at) };
  }

  /**
   * The outbox item the sender settled with this wamid: the citizen's outbox, newest first. Only a failure looks,
   * so the sender writes nothing for the statuses that go well.
   */
  private async sentAs(waId: string, wamid: string): Promise<{ pk: string; sk: string } | undefined> {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await dynamodb.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          FilterExpression: '#details.#wamid = :wamid',
          ExpressionAttributeNames: { '#details': 'details', '#wamid': 'wamid' },
          ExpressionAttributeValues: { ':pk': keys.outbox(waId, '').pk, ':wamid': wamid },
          ProjectionExpression: 'pk, sk',
          ScanIndexForward: false,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      const found = page.Items?.[0];
      if (found) return { pk: String(found.pk), sk: String(found.sk) };
      start = page.LastEvaluatedKey;
    } while (start);
    return undefined;
  }

  /** The campaign's recipient shows the alert reached them (a read is delivered too; never undone by a late one). */
  private async alertDelivered(campaignId: string, status: DeliveryStatus): Promise<void> {
    await ignoringCondition(
      dynamodb.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.campaignRecipient(campaignId, status.recipient),
          UpdateExpression: 'SET delivery = :status, deliveryAt = :at',
          ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(delivery) OR delivery = :delivered)',
          ExpressionAttributeValues: {
            ':status': status.status,
            ':at': status.at.toISOString(),
            ':delivered': 'delivered',
          },
        }),
      ),
    );
  }

  /** The outbox item shows that Meta failed it, and why. */
  private async advance(outbox: { pk: string; sk: string }, status: DeliveryStatus): Promise<void> {
    await ignoringCondition(
      dynamodb.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: outbox,
          UpdateExpression: 'SET delivery = :status, deliveryAt = :at, deliveryErrors = :codes',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: {
            ':status': status.status,
            ':at': status.at.toISOString(),
            ':codes': status.errorCodes,
          },
        }),
      ),
    );
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
    return ignoringCondition(
      dynamodb.send(
        new PutCommand({ TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }),
      ),
    );
  }
}

/** Whether the conditional write went through: false when its condition failed. */
async function ignoringCondition(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    return false;
  }
}
