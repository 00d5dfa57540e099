import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Effect, Turn } from '#core/conversation/converse.ts';
import type { InboundMessage } from '#core/conversation/messages.ts';
import { newSession, type Session, SessionSchema } from '#core/conversation/session.ts';
import { ConflictError } from '#core/errors.ts';
import { DEDUPE_RETENTION_SECONDS, keys } from '#core/table-keys.ts';
import { dynamodb } from './aws-clients.ts';
import { outboxItem } from './outbox.ts';

export type TurnOutcome = { result: 'applied'; effects: Effect[] } | { result: 'duplicate'; effects: Effect[] };

/** Sessions, message dedupe marks, outbox replies and new applications: the webhook's one atomic write. */
export class ConversationStore {
  constructor(private readonly tableName: string) {}

  async loadSession(waId: string): Promise<Session> {
    const { Item } = await dynamodb.send(
      new GetCommand({ TableName: this.tableName, Key: keys.session(waId), ConsistentRead: true }),
    );
    if (!Item) return newSession(waId);
    return SessionSchema.parse(Item.session);
  }

  /**
   * Writes the turn in one transaction: the message-id dedupe mark (only if the message is new), the session (only if
   * nobody else wrote it since it was read), the replies into the outbox and any new application. Throws
   * ConflictError when the session moved on; answers 'duplicate' with the effects first recorded when the message
   * was already applied, so the caller can finish them (starting a workflow is idempotent).
   */
  async commitTurn(previous: Session, inbound: InboundMessage, turn: Turn, now: Date): Promise<TurnOutcome> {
    const nowSeconds = Math.floor(now.getTime() / 1000);
    const items = [
      {
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.inboundMessage(inbound.messageId),
            kind: 'inbound-message',
            waId: inbound.waId,
            receivedAt: now.toISOString(),
            effects: turn.effects,
            expiresAt: nowSeconds + DEDUPE_RETENTION_SECONDS,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.session(inbound.waId),
            kind: 'session',
            session: turn.session,
            version: turn.session.version,
          },
          ConditionExpression: previous.version === 0 ? 'attribute_not_exists(pk)' : 'version = :expected',
          ...(previous.version === 0 ? {} : { ExpressionAttributeValues: { ':expected': previous.version } }),
        },
      },
      ...turn.replies.map((reply, index) => ({
        Put: {
          TableName: this.tableName,
          Item: outboxItem(inbound.waId, `${inbound.messageId}#${String(index).padStart(2, '0')}`, reply, now),
        },
      })),
      ...turn.effects.map(({ application }) => ({
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.application(application.applicationId),
            gsi1pk: keys.applicationsOfCitizen(application.waId).gsi1pk,
            gsi1sk: `${application.submittedAt}#${application.applicationId}`,
            ...application,
            kind: 'application',
            state: application.serviceKind === 'certificate' ? 'processing' : 'received',
            updatedAt: now.toISOString(),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      })),
    ];
    try {
      await dynamodb.send(new TransactWriteCommand({ TransactItems: items }));
      return { result: 'applied', effects: turn.effects };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      if (reasons[0]?.Code === 'ConditionalCheckFailed')
        return { result: 'duplicate', effects: await this.recordedEffects(inbound.messageId) };
      if (reasons[1]?.Code === 'ConditionalCheckFailed')
        throw new ConflictError(`session of ${inbound.waId} changed concurrently`);
      // A transaction conflicting with another in flight on the same items: also a race, retried the same way.
      if (reasons.some((r) => r.Code === 'TransactionConflict')) throw new ConflictError('transaction conflict');
      throw error;
    }
  }

  private async recordedEffects(messageId: string): Promise<Effect[]> {
    const { Item } = await dynamodb.send(
      new GetCommand({ TableName: this.tableName, Key: keys.inboundMessage(messageId), ConsistentRead: true }),
    );
    return (Item?.effects as Effect[] | undefined) ?? [];
  }

  /** Records a delivery status reported by Meta for a message we sent. */
  async recordDeliveryStatus(messageId: string, status: string, errorCodes: number[], at: Date): Promise<void> {
    try {
      await dynamodb.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            pk: `WAMID#${messageId}`,
            sk: `STATUS#${status}`,
            kind: 'delivery-status',
            status,
            errorCodes,
            at: at.toISOString(),
            expiresAt: Math.floor(at.getTime() / 1000) + DEDUPE_RETENTION_SECONDS,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}
