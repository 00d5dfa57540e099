import {
  TransactionCanceledException,
  TransactionConflictException,
  TransactionInProgressException,
} from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { historyEntry, TRANSITIONS } from '#core/applications/lifecycle.ts';
import type { CertificateTask } from '#core/certificate/tasks.ts';
import type { Effect, Turn } from '#core/conversation/converse.ts';
import type { InboundMessage, Reply } from '#core/conversation/messages.ts';
import { newSession, type Session, SessionSchema } from '#core/conversation/session.ts';
import { ConflictError, UnusableInputError } from '#core/errors.ts';
import type { ProvenIdentity } from '#core/officers.ts';
import { DEDUPE_RETENTION_SECONDS, keys } from '#core/table-keys.ts';
import { dynamodb } from './dynamodb-client.ts';
import { type OutboxItem, outboxItem } from './outbox.ts';
import { logger } from './powertools.ts';

/** When each loaded session's citizen last wrote, kept beside the session without changing its shape. */
const lastInboundOf = new WeakMap<Session, string>();

export type TurnOutcome = { result: 'applied'; effects: Effect[] } | { result: 'duplicate'; effects: Effect[] };

/** Sessions, message dedupe marks, outbox replies and new applications: the webhook's one atomic write. */
export class ConversationStore {
  constructor(private readonly tableName: string) {}

  async loadSession(waId: string): Promise<Session> {
    const { Item } = await dynamodb.send(
      new GetCommand({ TableName: this.tableName, Key: keys.session(waId), ConsistentRead: true }),
    );
    if (!Item) return newSession(waId);
    const parsed = SessionSchema.safeParse(Item.session);
    // A session stored by an older release that this one cannot read starts afresh rather than failing every
    // delivery of the citizen's messages (which Meta would retry for days). The version is kept: the write stays
    // conditional on it.
    const session = parsed.success ? parsed.data : { ...newSession(waId), version: Number(Item.version ?? 0) };
    if (!parsed.success)
      logger.warn('stored session unreadable; starting afresh', { issues: parsed.error.issues.length });
    if (typeof Item.lastInboundAt === 'string') lastInboundOf.set(session, Item.lastInboundAt);
    return session;
  }

  /** The language a person chose and the identity they proved by Aadhaar OTP from this number, if ever. */
  async personOf(waId: string): Promise<{ language?: 'en' | 'te'; identity: ProvenIdentity }> {
    const { Item } = await dynamodb.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.session(waId),
        ProjectionExpression: '#session.#language, #session.#identity',
        ExpressionAttributeNames: { '#session': 'session', '#language': 'language', '#identity': 'identity' },
      }),
    );
    const session = Item?.session as { language?: unknown; identity?: Record<string, unknown> } | undefined;
    const { aadhaarHash, uidToken } = session?.identity ?? {};
    return {
      ...(session?.language === 'en' || session?.language === 'te' ? { language: session.language } : {}),
      identity: {
        ...(typeof aadhaarHash === 'string' ? { aadhaarHash } : {}),
        ...(typeof uidToken === 'string' ? { uidToken } : {}),
      },
    };
  }

  async languageOf(waId: string): Promise<'en' | 'te' | undefined> {
    const { Item } = await dynamodb.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.session(waId),
        ProjectionExpression: '#session.#language',
        ExpressionAttributeNames: { '#session': 'session', '#language': 'language' },
      }),
    );
    const language = (Item?.session as { language?: unknown } | undefined)?.language;
    return language === 'en' || language === 'te' ? language : undefined;
  }

  /**
   * Writes the turn in one transaction: the message-id dedupe mark (only if the message is new), the session (only if
   * nobody else wrote it since it was read), the replies (and any document sent again) into the outbox, any new
   * application and any certificate
   * task (a photo to check), which the certificate-tasks function takes up from the table's stream. Throws
   * ConflictError when the session moved on; answers 'duplicate' with the effects first recorded when the message
   * was already applied, so the caller can finish them (starting a workflow is idempotent).
   *
   * The session item also records when the citizen last wrote (`lastInboundAt`, the latest of Meta's timestamps, so
   * a late redelivery never moves it back): the sender reads it to know whether the 24-hour window is open.
   */
  async commitTurn(previous: Session, inbound: InboundMessage, turn: Turn, now: Date): Promise<TurnOutcome> {
    const nowSeconds = Math.floor(now.getTime() / 1000);
    const sentAt = inbound.sentAt.toISOString();
    const before = lastInboundOf.get(previous);
    const lastInboundAt = before && before > sentAt ? before : sentAt;
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
            lastInboundAt,
          },
          ConditionExpression: previous.version === 0 ? 'attribute_not_exists(pk)' : 'version = :expected',
          ...(previous.version === 0 ? {} : { ExpressionAttributeValues: { ':expected': previous.version } }),
        },
      },
      ...outboxItemsOf(inbound, [...turn.replies, ...documentsOf(turn.effects)], now).map((item) => ({
        Put: { TableName: this.tableName, Item: item },
      })),
      ...applicationsOf(turn.effects).map((application) => ({
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.application(application.applicationId),
            gsi1pk: keys.applicationsOfCitizen(application.waId).gsi1pk,
            gsi1sk: `${application.submittedAt}#${application.applicationId}`,
            ...application,
            kind: 'application',
            state: TRANSITIONS.submit.to,
            history: [historyEntry('submit', { type: 'citizen' }, now)],
            updatedAt: now.toISOString(),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      })),
      ...alertSubscriptionWrites(this.tableName, turn.effects, now),
      ...certificateTasksOf(inbound.messageId, turn.effects, now).map((task) => ({
        Put: { TableName: this.tableName, Item: task, ConditionExpression: 'attribute_not_exists(pk)' },
      })),
    ];
    try {
      await dynamodb.send(new TransactWriteCommand({ TransactItems: items }));
      return { result: 'applied', effects: turn.effects };
    } catch (error) {
      if (error instanceof TransactionConflictException || error instanceof TransactionInProgressException)
        throw new ConflictError('transaction conflict', { cause: error });
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      if (reasons[0]?.Code === 'ConditionalCheckFailed')
        return { result: 'duplicate', effects: await this.recordedEffects(inbound.messageId) };
      if (reasons[1]?.Code === 'ConditionalCheckFailed')
        throw new ConflictError(`session of ${inbound.waId} changed concurrently`);
      // A transaction conflicting with another in flight on the same items: also a race, retried the same way.
      if (reasons.some((r) => r.Code === 'TransactionConflict'))
        throw new ConflictError('transaction conflict', { cause: error });
      // An item over DynamoDB's limits (a key too long, an item over 400 KB) is refused the same way on every retry.
      if (reasons.some((r) => r.Code === 'ValidationError'))
        throw new UnusableInputError(`the table refuses the turn of ${inbound.messageId}`, { cause: error });
      throw error;
    }
  }

  private async recordedEffects(messageId: string): Promise<Effect[]> {
    const { Item } = await dynamodb.send(
      new GetCommand({ TableName: this.tableName, Key: keys.inboundMessage(messageId), ConsistentRead: true }),
    );
    return (Item?.effects as Effect[] | undefined) ?? [];
  }
}

/**
 * A turn's replies in the outbox, in order. The read receipt rides on the first reply's item (one write, one send
 * for both); it has an item of its own only when nothing else answers the message.
 */
function outboxItemsOf(inbound: InboundMessage, replies: Reply[], now: Date): OutboxItem[] {
  const [first, ...rest] = replies;
  const receipt = first?.type === 'read-receipt' && rest.length > 0 ? first.messageId : undefined;
  return (receipt ? rest : replies).map((reply, index) =>
    outboxItem(
      inbound.waId,
      `${inbound.messageId}#${String(index).padStart(2, '0')}`,
      reply,
      now,
      index === 0 ? receipt : undefined,
    ),
  );
}

/**
 * Documents a turn sends again (a certificate the citizen already holds), queued after the turn's replies like the
 * workflow queues a new one: the sender uploads the archived PDF and sends it by media id.
 */
function documentsOf(effects: Effect[]): Reply[] {
  return effects.flatMap((effect): Reply[] =>
    effect.type === 'resend-document'
      ? [{ type: 'document', archiveKey: effect.archiveKey, filename: `${effect.certId}.pdf`, caption: effect.caption }]
      : [],
  );
}

/** The new applications among a turn's effects: each is written with the turn. */
function applicationsOf(effects: Effect[]) {
  return effects.flatMap((effect) => (effect.type === 'start-application' ? [effect.application] : []));
}

/**
 * The citizen's alert subscriptions, one item per topic and district, written and deleted with the turn that changed
 * them, so the session and the items the alerts are sent by never disagree.
 */
function alertSubscriptionWrites(tableName: string, effects: Effect[], now: Date) {
  return effects.flatMap((effect) =>
    effect.type === 'alert-subscriptions'
      ? [
          ...effect.add.map(({ topic, district }) => ({
            Put: {
              TableName: tableName,
              Item: {
                ...keys.alertSubscription(topic, district, effect.waId),
                kind: 'alert-subscription',
                waId: effect.waId,
                topic,
                district,
                subscribedAt: now.toISOString(),
              },
            },
          })),
          ...effect.remove.map(({ topic, district }) => ({
            Delete: { TableName: tableName, Key: keys.alertSubscription(topic, district, effect.waId) },
          })),
        ]
      : [],
  );
}

/** Certificate tasks live as long as the dedupe mark of the message that asked for them. */
function certificateTasksOf(messageId: string, effects: Effect[], now: Date): CertificateTask[] {
  const common = {
    ...keys.certificateTask(messageId),
    kind: 'certificate-task' as const,
    messageId,
    createdAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + DEDUPE_RETENTION_SECONDS,
  };
  return effects.flatMap((effect): CertificateTask[] => {
    if (effect.type === 'scan-certificate')
      return [{ ...common, task: 'scan', waId: effect.waId, language: effect.language, mediaKey: effect.mediaKey }];
    if (effect.type === 'revoke-certificate') {
      const { waId, language, certId, reason } = effect;
      return [{ ...common, task: 'revoke', waId, language, certId, reason }];
    }
    if (effect.type === 'decide-application') {
      const { waId, language, applicationId, decision, reason } = effect;
      return [{ ...common, task: 'decide', waId, language, applicationId, decision, ...(reason ? { reason } : {}) }];
    }
    if (effect.type === 'cancel-booking') {
      const { waId, language, applicationId } = effect;
      return [{ ...common, task: 'cancel-booking', waId, language, applicationId }];
    }
    if (effect.type === 'grievance-task') {
      const { waId, language, applicationId, action, text, rating, photo } = effect;
      const given = { ...(text ? { text } : {}), ...(rating ? { rating } : {}), ...(photo ? { photo } : {}) };
      return [{ ...common, task: 'grievance', waId, language, applicationId, action, ...given }];
    }
    return [];
  });
}
