import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Reply } from '#core/conversation/messages.ts';
import { messageHash } from '#core/conversation/recent-messages.ts';
import { keys, PARKED_MARK_PREFIX } from '#core/table-keys.ts';
import type { OutboundReply } from '#core/whatsapp/limits.ts';
import { packReplies, turnReplyRef, unpackReplies } from '#core/whatsapp/turn-replies.ts';
import { dynamodb } from './dynamodb-client.ts';

/** Outbox items live 30 days: long enough to investigate a failed delivery. */
const OUTBOX_RETENTION_SECONDS = 30 * 24 * 60 * 60;

/**
 * pending → sending (claimed by one sender invocation) → sent | failed | undeliverable. A claim that fails to
 * settle (a crash) lapses after its lease, so the stream's redelivery can take it again. A reply that cannot go yet
 * is parked (lambdas/adapters/parked-replies.ts) until a redrive queues it again as pending.
 */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'undeliverable' | 'parked';

export interface OutboxItem {
  pk: string;
  sk: string;
  kind: 'outbox';
  waId: string;
  reply: OutboundReply;
  status: OutboxStatus;
  /** Send only as the approved template: Meta reported the free-form copy outside the 24-hour window. */
  templateOnly?: boolean;
  /** The inbound message this reply answers, marked read (blue ticks) as the reply goes: one item for both. */
  readReceipt?: string;
  /**
   * A reply of a turn, carried by the citizen's session item rather than an item of its own: sent without a claim,
   * nothing written when it goes, only when it fails (lambdas/sender/delivery.ts).
   */
  ofTurn?: true;
  createdAt: string;
  expiresAt: number;
}

/**
 * One reply waiting in the transactional outbox. The table's stream hands each new item to the sender, in order per
 * citizen; `ref` makes the key deterministic so a retried writer never queues the same reply twice.
 */
export function outboxItem(
  waId: string,
  ref: string,
  reply: OutboundReply,
  now: Date,
  readReceipt?: string,
): OutboxItem {
  return {
    ...keys.outbox(waId, ref),
    kind: 'outbox',
    waId,
    reply,
    ...(readReceipt ? { readReceipt } : {}),
    status: 'pending',
    createdAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + OUTBOX_RETENTION_SECONDS,
  };
}

/** What the session item holds of its turn's replies: the stream hands them to the sender, in order per citizen. */
interface TurnReplies {
  /** The hash of the message they answer: a write of the session item with a new one queued new replies. */
  repliesTo: string;
  /** The replies, packed (packReplies): the session item is written on every turn, and a write unit is 1 KB. */
  replies: Uint8Array;
  /** The message they answer, marked read (blue ticks) as the first reply goes. */
  readReceipt?: string;
  repliedAt: string;
}

/**
 * A turn's replies, in order, for the session item. The read receipt rides on the first reply (one send for both);
 * it is a reply of its own only when nothing else answers the message. None when the turn says nothing.
 */
export function turnReplies(
  inbound: { messageId: string },
  replies: Reply[],
  now: Date,
): TurnReplies | Record<string, never> {
  const [first, ...rest] = replies;
  const receipt = first?.type === 'read-receipt' && rest.length > 0 ? first.messageId : undefined;
  const pending = receipt ? rest : replies;
  if (pending.length === 0) return {};
  return {
    repliesTo: messageHash(inbound.messageId),
    replies: packReplies(pending),
    ...(receipt ? { readReceipt: receipt } : {}),
    repliedAt: now.toISOString(),
  };
}

/**
 * The replies a write of a session item queued, as the outbox items the sender delivers: none when the write queued
 * none (a turn with nothing to say, or the old image already held them).
 */
export function repliesQueuedBy(
  newImage: Record<string, unknown>,
  oldImage: Record<string, unknown> | undefined,
): OutboxItem[] {
  const { repliesTo, readReceipt, repliedAt, waId } = newImage as Partial<TurnReplies> & { waId?: string };
  if (!repliesTo || repliesTo === oldImage?.repliesTo || !waId || !repliedAt) return [];
  const replies = unpackReplies<OutboundReply>(newImage.replies);
  if (!replies) return [];
  return replies.map((reply, index) => ({
    ...outboxItem(
      waId,
      turnReplyRef(repliesTo, index),
      reply,
      new Date(repliedAt),
      index === 0 ? readReceipt : undefined,
    ),
    ofTurn: true,
  }));
}

/**
 * Remembers that the first `sent` replies of a turn went, when the stream must hand its record over again (its
 * later replies could not even be parked): the next delivery of the record starts after them.
 */
export async function recordTurnProgress(
  tableName: string,
  waId: string,
  turn: string,
  sent: number,
  now: Date,
  /** Every reply of the turn went (or was parked): the notices its work sends may follow (Recipient.awaited). */
  answered = false,
) {
  await dynamodb.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        ...keys.turnProgress(waId, turn),
        kind: 'turn-progress',
        sent,
        ...(answered ? { answered } : {}),
        expiresAt: Math.floor(now.getTime() / 1000) + TURN_PROGRESS_RETENTION_SECONDS,
      },
    }),
  );
}

/** A stream record lives 24 hours (and the mapping drops older ones): its progress is kept twice as long. */
const TURN_PROGRESS_RETENTION_SECONDS = 2 * 24 * 60 * 60;

/**
 * Queues one reply outside a turn (the answer to work done later). Conditional on the deterministic key, so a retried
 * writer leaves the first copy alone: answers whether this call queued it.
 */
export async function queueReply(
  tableName: string,
  waId: string,
  ref: string,
  reply: OutboundReply,
  now: Date,
): Promise<boolean> {
  try {
    await dynamodb.send(
      new PutCommand({
        TableName: tableName,
        Item: outboxItem(waId, ref, reply, now),
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
 * Just longer than the sender's 60 s timeout, so a live claim never lapses under a send still in flight. A claim is
 * only ever found held after an invocation died mid-item (one batch per shard at a time), and it lapses soon.
 */
const CLAIM_LEASE_MS = 65_000;

export type Claim = { claimed: true } | { claimed: false; status: OutboxStatus; leaseUntil?: string };

/** The sender's conditional bookkeeping on outbox items: at most one sender sends an item, and never twice. */
export class Outbox {
  constructor(private readonly tableName: string) {}

  /** pending (or a lapsed claim) → sending. Anything else means the item is settled or being sent. */
  async claim(item: Pick<OutboxItem, 'pk' | 'sk'>, now: Date): Promise<Claim> {
    try {
      await dynamodb.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: item.pk, sk: item.sk },
          UpdateExpression:
            'SET #status = :sending, leaseUntil = :lease, attempts = if_not_exists(attempts, :zero) + :one',
          ConditionExpression:
            'attribute_exists(pk) AND (#status = :pending OR (#status = :sending AND leaseUntil < :now))',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':sending': 'sending',
            ':pending': 'pending',
            ':lease': new Date(now.getTime() + CLAIM_LEASE_MS).toISOString(),
            ':now': now.toISOString(),
            ':zero': 0,
            ':one': 1,
          },
        }),
      );
      return { claimed: true };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const { Item } = await dynamodb.send(
        new GetCommand({ TableName: this.tableName, Key: { pk: item.pk, sk: item.sk }, ConsistentRead: true }),
      );
      return {
        claimed: false,
        status: (Item?.status as OutboxStatus | undefined) ?? 'failed',
        ...(Item?.leaseUntil ? { leaseUntil: String(Item.leaseUntil) } : {}),
      };
    }
  }

  /** sending → pending, so the stream's retry of this record can claim it again. */
  async release(item: Pick<OutboxItem, 'pk' | 'sk'>, lastError: string): Promise<void> {
    await this.transition(item, 'pending', { lastError });
  }

  /**
   * sending → sent, failed or undeliverable, with what the operator needs to see. A turn's reply has no item until
   * it fails: its failure is written as one, for the operator and the redrive tools to find.
   */
  async settle(
    item: OutboxItem,
    status: Exclude<OutboxStatus, 'pending' | 'sending' | 'parked'>,
    details: Record<string, unknown>,
    now: Date,
  ): Promise<void> {
    if (item.ofTurn) {
      const { ofTurn: _, ...failed } = item;
      await dynamodb
        .send(
          new PutCommand({
            TableName: this.tableName,
            Item: { ...failed, status, details, settledAt: now.toISOString() },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        )
        .catch((error: unknown) => {
          // The same failure recorded by an earlier delivery of the record.
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
        });
      return;
    }
    await this.transition(item, status, { details, settledAt: now.toISOString() });
  }

  private async transition(
    item: Pick<OutboxItem, 'pk' | 'sk'>,
    status: OutboxStatus,
    attributes: Record<string, unknown>,
  ): Promise<void> {
    const names = Object.keys(attributes);
    await dynamodb.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: item.pk, sk: item.sk },
        UpdateExpression: `SET #status = :status, ${names.map((_, i) => `#a${i} = :a${i}`).join(', ')} REMOVE leaseUntil`,
        ConditionExpression: '#status = :sending',
        ExpressionAttributeNames: { '#status': 'status', ...Object.fromEntries(names.map((n, i) => [`#a${i}`, n])) },
        ExpressionAttributeValues: {
          ':status': status,
          ':sending': 'sending',
          ...Object.fromEntries(names.map((n, i) => [`:a${i}`, attributes[n]])),
        },
      }),
    );
  }
}

/** What the sender needs to know about a recipient: when they last wrote (the 24-hour window) and their language. */
export interface Recipient {
  lastInboundAt?: Date;
  language?: string;
  /** Messages to this citizen go spaced out until then (Meta answered 131056). */
  pacedUntil?: Date;
  /** How many replies of a turn went before a delivery of its record failed, by turn (rare: see recordTurnProgress). */
  sentOfTurn?: Record<string, number>;
  /**
   * The citizen's latest turn started work that answers later: the outbox refs of that work's notices, and whether
   * the turn's own replies went (a notice waits for them).
   */
  awaited?: { refs: string[]; answered: boolean };
  /** A reply to this citizen is parked (a mark in their partition): a later one must look whether to wait behind it. */
  parked?: true;
}

/** The citizen's session, pacing, turn progress and parked marks, all under the citizen's key: one query. */
export async function readRecipient(tableName: string, waId: string): Promise<Recipient> {
  const { Items = [] } = await dynamodb.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.session(waId).pk },
      ProjectionExpression:
        'sk, lastInboundAt, #session.#language, pacedUntil, sent, answered, repliesTo, answersLater',
      ExpressionAttributeNames: { '#session': 'session', '#language': 'language' },
    }),
  );
  const session = Items.find((item) => item.sk === keys.session(waId).sk);
  const pacing = Items.find((item) => item.sk === keys.pairPacing(waId).sk);
  const language = (session?.session as { language?: string } | undefined)?.language;
  const progressPrefix = keys.turnProgress(waId, '').sk;
  const progress = Items.filter((item) => String(item.sk).startsWith(progressPrefix));
  const answersLater = session?.answersLater;
  const answered = progress.some((item) => item.sk === `${progressPrefix}${session?.repliesTo}` && item.answered);
  const parked = Items.some((item) => String(item.sk).startsWith(PARKED_MARK_PREFIX));
  return {
    ...(parked ? { parked } : {}),
    ...(Array.isArray(answersLater) ? { awaited: { refs: answersLater.map(String), answered } } : {}),
    ...(progress.length > 0
      ? {
          sentOfTurn: Object.fromEntries(
            progress.map((item) => [String(item.sk).slice(progressPrefix.length), Number(item.sent)]),
          ),
        }
      : {}),
    ...(typeof session?.lastInboundAt === 'string' ? { lastInboundAt: new Date(session.lastInboundAt) } : {}),
    ...(language ? { language } : {}),
    ...(typeof pacing?.pacedUntil === 'string' ? { pacedUntil: new Date(pacing.pacedUntil) } : {}),
  };
}

/** Remembers, beyond this invocation, that messages to the citizen must be spaced out until `until`. */
export async function recordPairPacing(tableName: string, waId: string, until: Date): Promise<void> {
  await dynamodb.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        ...keys.pairPacing(waId),
        kind: 'pair-pacing',
        pacedUntil: until.toISOString(),
        expiresAt: Math.floor(until.getTime() / 1000) + 3600,
      },
    }),
  );
}
