import {
  ConditionalCheckFailedException,
  TransactionCanceledException,
  TransactionConflictException,
  TransactionInProgressException,
} from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  PutCommand,
  type PutCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { historyEntry, TRANSITIONS } from '#core/applications/lifecycle.ts';
import { documentFilename } from '#core/certificate/document-filename.ts';
import type { CertificateTask } from '#core/certificate/tasks.ts';
import type { Effect, Turn } from '#core/conversation/converse.ts';
import type { InboundMessage, Reply } from '#core/conversation/messages.ts';
import {
  NO_RECENT_MESSAGES,
  packRing,
  type RecentMessages,
  remember,
  seenBefore,
  unpackRing,
} from '#core/conversation/recent-messages.ts';
import { newSession, type Session, SessionSchema } from '#core/conversation/session.ts';
import { ConflictError, UnusableInputError } from '#core/errors.ts';
import type { ProvenIdentity } from '#core/officers.ts';
import { DEDUPE_RETENTION_SECONDS, keys } from '#core/table-keys.ts';
import { packFlow, unpackFlow } from '#core/whatsapp/turn-replies.ts';
import { dynamodb } from './dynamodb-client.ts';
import { turnReplies } from './outbox.ts';
import { logger } from './powertools.ts';

/**
 * What the session item keeps beside each loaded session without changing its shape: when the citizen last wrote,
 * and their latest message ids (the dedupe of Meta's redeliveries).
 */
const storedWith = new WeakMap<Session, { lastInboundAt?: string; recent: RecentMessages }>();

export type TurnOutcome = { result: 'applied'; effects: Effect[] } | { result: 'duplicate'; effects: Effect[] };

/** Sessions with their message dedupe and pending replies, and new applications: the webhook's one atomic write. */
export class ConversationStore {
  constructor(private readonly tableName: string) {}

  async loadSession(waId: string): Promise<Session> {
    const { Item } = await dynamodb.send(
      new GetCommand({ TableName: this.tableName, Key: keys.session(waId), ConsistentRead: true }),
    );
    if (!Item) return newSession(waId);
    const parsed = SessionSchema.safeParse(sessionOf(Item));
    // A session stored by an older release that this one cannot read starts afresh rather than failing every
    // delivery of the citizen's messages (which Meta would retry for days). The version is kept: the write stays
    // conditional on it.
    const session = parsed.success ? parsed.data : { ...newSession(waId), version: Number(Item.version ?? 0) };
    if (!parsed.success)
      logger.warn('stored session unreadable; starting afresh', { issues: parsed.error.issues.length });
    storedWith.set(session, {
      ...(typeof Item.lastInboundAt === 'string' ? { lastInboundAt: Item.lastInboundAt } : {}),
      recent: recentOf(Item),
    });
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
   * Writes the turn (turnWrite), only if nobody else wrote the session since it was read: the table's stream hands
   * its replies to the sender. The effects to finish after the write (a workflow to start, reminders to schedule) are
   * kept under the message id for a redelivery to finish them again (both are idempotent). Throws ConflictError when
   * the session moved on; answers 'duplicate', with those effects, for a message applied before.
   *
   * The session item also records when the citizen last wrote (`lastInboundAt`, the latest of Meta's timestamps, so
   * a late redelivery never moves it back): the sender reads it to know whether the 24-hour window is open.
   */
  async commitTurn(previous: Session, inbound: InboundMessage, turn: Turn, now: Date): Promise<TurnOutcome> {
    const stored = storedWith.get(previous) ?? { recent: NO_RECENT_MESSAGES };
    if (seenBefore(stored.recent, inbound.messageId, inbound.sentAt) || (await this.markedBefore(previous, inbound)))
      return { result: 'duplicate', effects: await this.recordedEffects(inbound.messageId) };
    const write = turnWrite(this.tableName, previous, stored, inbound, turn, now);
    if ('put' in write) await this.putSession(write.put, inbound);
    else await this.transact(write.transaction, inbound);
    return { result: 'applied', effects: turn.effects };
  }

  /** The common turn: one conditional put of the session item, its replies and the message's id with it. */
  private async putSession(put: PutCommandInput, inbound: InboundMessage): Promise<void> {
    try {
      await dynamodb.send(new PutCommand(put));
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException)
        throw new ConflictError(`session of ${inbound.waId} changed concurrently`);
      // An item over DynamoDB's limits (over 400 KB) is refused the same way on every retry.
      if ((error as Error).name === 'ValidationException')
        throw new UnusableInputError(`the table refuses the turn of ${inbound.messageId}`, { cause: error });
      throw error;
    }
  }

  /** A turn with items beside the session (a new application, a task, subscriptions): one transaction. */
  private async transact(items: TransactItem[], inbound: InboundMessage) {
    try {
      await dynamodb.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (error instanceof TransactionConflictException || error instanceof TransactionInProgressException)
        throw new ConflictError('transaction conflict', { cause: error });
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      if (reasons[0]?.Code === 'ConditionalCheckFailed')
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

  /**
   * A session item written before it kept the citizen's recent messages: the message's own mark, which every turn
   * wrote then, tells whether it was applied.
   */
  private async markedBefore(previous: Session, inbound: InboundMessage): Promise<boolean> {
    if (previous.version === 0 || storedWith.get(previous)?.recent !== NO_RECENT_MESSAGES) return false;
    const { Item } = await dynamodb.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.inboundMessage(inbound.messageId),
        ConsistentRead: true,
        ProjectionExpression: 'pk',
      }),
    );
    return Item !== undefined;
  }

  private async recordedEffects(messageId: string): Promise<Effect[]> {
    const { Item } = await dynamodb.send(
      new GetCommand({ TableName: this.tableName, Key: keys.inboundMessage(messageId), ConsistentRead: true }),
    );
    return (Item?.effects as Effect[] | undefined) ?? [];
  }
}

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * What a turn writes: the session item, holding the message among the citizen's recent ones and the turn's replies,
 * in one conditional put; or, for a turn with items beside the session (a new application, a certificate task, alert
 * subscriptions, effects to finish after the write), one transaction of them all. The session item of a turn that
 * starts work answering later names the outbox refs of that work's notices (`answersLater`: an application's id, a
 * task's message id), which the sender holds until the turn's own replies went.
 */
export function turnWrite(
  tableName: string,
  previous: Pick<Session, 'version'>,
  stored: { lastInboundAt?: string; recent: RecentMessages },
  inbound: InboundMessage,
  turn: Turn,
  now: Date,
): { put: PutCommandInput } | { transaction: TransactItem[] } {
  const recent = remember(stored.recent, inbound.messageId, inbound.sentAt);
  const sentAt = inbound.sentAt.toISOString();
  const before = stored.lastInboundAt;
  const lastInboundAt = before && before > sentAt ? before : sentAt;
  const finishing = turn.effects.filter((effect) => FINISHED_AFTER_WRITE.has(effect.type));
  const replies = [...turn.replies, ...documentsOf(turn.effects)];
  const session = {
    TableName: tableName,
    Item: {
      ...keys.session(inbound.waId),
      kind: 'session',
      waId: inbound.waId,
      ...storedSession(turn.session),
      version: turn.session.version,
      lastInboundAt,
      recent: packRing(recent.ring),
      recentFloor: recent.floor,
    },
    ConditionExpression: previous.version === 0 ? 'attribute_not_exists(pk)' : 'version = :expected',
    ...(previous.version === 0 ? {} : { ExpressionAttributeValues: { ':expected': previous.version } }),
  };
  const created = (Item: Record<string, unknown>): TransactItem => ({
    Put: { TableName: tableName, Item, ConditionExpression: 'attribute_not_exists(pk)' },
  });
  const applications = applicationsOf(turn.effects);
  const tasks = certificateTasksOf(inbound.messageId, turn.effects, now);
  const sideItems: TransactItem[] = [
    ...(finishing.length > 0 ? [{ Put: { TableName: tableName, Item: effectsMark(inbound, finishing, now) } }] : []),
    ...applications.map((application) =>
      created({
        ...keys.application(application.applicationId),
        gsi1pk: keys.applicationsOfCitizen(application.waId).gsi1pk,
        gsi1sk: `${application.submittedAt}#${application.applicationId}`,
        ...application,
        kind: 'application',
        state: TRANSITIONS.submit.to,
        history: [historyEntry('submit', { type: 'citizen' }, now)],
        updatedAt: now.toISOString(),
      }),
    ),
    ...alertSubscriptionWrites(tableName, turn.effects, now),
    ...tasks.map((task) => created({ ...task })),
  ];
  const answered = turnReplies(inbound, replies, now);
  if (sideItems.length === 0) return { put: { ...session, Item: { ...session.Item, ...answered } } };
  // The work the turn starts answers later, in notices the sender holds until the turn's own answer has gone.
  const answersLater = [
    ...applications.map((application) => application.applicationId),
    ...(tasks.length > 0 ? [inbound.messageId] : []),
  ];
  const Item = {
    ...session.Item,
    ...answered,
    ...('repliesTo' in answered && answersLater.length > 0 ? { answersLater } : {}),
  };
  return { transaction: [{ Put: { ...session, Item } }, ...sideItems] };
}

/**
 * The session as its item holds it: what other functions read of it (language, STOP, identity, saved bills) as a map
 * they can project, and where the conversation is (the step and the menu, most of its bytes) packed with the reply
 * dictionary into `flow`. The number and the version are the item's own attributes, not repeated inside it.
 */
function storedSession(session: Session): { session: Record<string, unknown>; flow: Uint8Array } {
  const { waId: _waId, version: _version, step, menu, ...readByOthers } = session;
  return { session: withoutDefaults(readByOthers), flow: packFlow({ step, menu }) };
}

/**
 * A map without what SessionSchema puts back when it reads it (false, empty lists, no failed attempts, and the maps
 * left empty), which its readers take as absent already: `stopped` is STOP only when true, no bills saved is none.
 */
function withoutDefaults(map: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(map)) {
    if (value === false || (Array.isArray(value) && value.length === 0)) continue;
    if (name === 'failedAttempts' && value === 0) continue;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const inner = withoutDefaults(value as Record<string, unknown>);
      if (Object.keys(inner).length > 0) kept[name] = inner;
    } else if (value !== undefined) kept[name] = value;
  }
  return kept;
}

/** The session an item holds, whole again: a packed flow unpacked, or the whole map an earlier release wrote. */
function sessionOf(item: Record<string, unknown>): unknown {
  if (!(item.flow instanceof Uint8Array)) return item.session;
  return { ...(item.session as object), ...unpackFlow(item.flow), waId: item.waId, version: Number(item.version) };
}

/** Effects the webhook performs after the turn is written, which a redelivery of the message performs again. */
const FINISHED_AFTER_WRITE = new Set<Effect['type']>(['start-application', 'schedule-reminders']);

/** The effects to finish of a message's turn, kept under its id as long as Meta may redeliver it. */
function effectsMark(inbound: InboundMessage, effects: Effect[], now: Date) {
  return {
    ...keys.inboundMessage(inbound.messageId),
    kind: 'turn-effects',
    effects,
    expiresAt: Math.floor(now.getTime() / 1000) + DEDUPE_RETENTION_SECONDS,
  };
}

/** The citizen's recent message ids as the session item keeps them (none in an item written before it kept them). */
function recentOf(item: Record<string, unknown>): RecentMessages {
  const { recent, recentFloor } = item;
  return (Array.isArray(recent) || recent instanceof Uint8Array) && typeof recentFloor === 'number'
    ? { ring: unpackRing(recent), floor: recentFloor }
    : NO_RECENT_MESSAGES;
}

/**
 * Documents a turn sends again (a certificate the citizen already holds), queued after the turn's replies like the
 * workflow queues a new one: the sender uploads the archived PDF and sends it by media id.
 */
function documentsOf(effects: Effect[]): Reply[] {
  return effects.flatMap((effect): Reply[] =>
    effect.type === 'resend-document'
      ? [
          {
            type: 'document',
            archiveKey: effect.archiveKey,
            filename: documentFilename(effect.certId, effect.title),
            caption: effect.caption,
          },
        ]
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
