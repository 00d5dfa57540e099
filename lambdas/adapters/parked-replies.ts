import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { keys } from '#core/table-keys.ts';
import type { OutboxItem } from './outbox.ts';

const PARKED_PK = keys.parkedReply('', '', '').pk;

/** What a parked reply keeps: the whole outbox item as it was queued, so a redrive loses nothing of it. */
interface ParkedReply {
  pk: string;
  sk: string;
  kind: 'parked-reply';
  item: OutboxItem;
  reason: string;
  parkedAt: string;
}

/**
 * Replies the sender could not deliver yet (Meta failing for one recipient, a throttled table) are parked instead of
 * holding back everyone else's in the stream: the outbox item turns `parked` and a copy of it is kept under one
 * partition, in order per citizen. A redrive (`npm run redrive`, and a schedule in AWS) puts each back as a new
 * pending item, which the stream hands to the sender again.
 */
export class ParkedReplies {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * pending → parked, with the copy, in one transaction. False when the item is not pending (another invocation
   * holds it, or it is settled), so the caller leaves it to the stream.
   */
  async park(item: OutboxItem, reason: string, now: Date): Promise<boolean> {
    const { ofTurn, ...queued } = item;
    const parked: ParkedReply = {
      ...keys.parkedReply(item.waId, item.createdAt, item.sk),
      kind: 'parked-reply',
      // Queued again as an item of its own, claimed like any other.
      item: { ...queued, status: 'pending' },
      reason,
      parkedAt: now.toISOString(),
    };
    const mark = {
      Put: {
        TableName: this.tableName,
        Item: { ...keys.parkedMark(item.waId, item.createdAt, item.sk), kind: 'parked-mark' },
      },
    };
    // A turn's reply has no item to mark: the copy is all, and a copy kept by an earlier delivery is the same (with
    // its mark).
    if (ofTurn) {
      try {
        await this.client.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: this.tableName, Item: parked, ConditionExpression: 'attribute_not_exists(pk)' } },
              mark,
            ],
          }),
        );
      } catch (error) {
        const kept =
          (error as TransactionCanceledException).CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed';
        if (!(error instanceof TransactionCanceledException && kept)) throw error;
      }
      return true;
    }
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            mark,
            {
              Update: {
                TableName: this.tableName,
                Key: { pk: item.pk, sk: item.sk },
                UpdateExpression: 'SET #status = :parked, lastError = :reason REMOVE leaseUntil',
                ConditionExpression: '#status = :pending',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':parked': 'parked', ':pending': 'pending', ':reason': reason },
              },
            },
            { Put: { TableName: this.tableName, Item: parked } },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof TransactionCanceledException) return false;
      throw error;
    }
  }

  /**
   * Whether replies queued to the citizen before this one are parked: this one must wait behind them, or it would
   * overtake them. (Its own copy, kept while a redrive queues it again, does not count; a turn's reply is never
   * queued again as itself, so its own copy means an earlier delivery parked it.)
   */
  async parkedBefore(item: Pick<OutboxItem, 'waId' | 'createdAt' | 'sk' | 'ofTurn'>): Promise<boolean> {
    const own = keys.parkedReply(item.waId, item.createdAt, item.sk).sk;
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :own',
        ExpressionAttributeValues: { ':pk': PARKED_PK, ':first': `${item.waId}#`, ':own': own },
        ProjectionExpression: 'sk',
        Limit: 2,
      }),
    );
    return Items.some((parked) => item.ofTurn || parked.sk !== own);
  }

  async count(): Promise<number> {
    let count = 0;
    for await (const page of this.pages()) count += page.length;
    return count;
  }

  /**
   * Queues every parked reply again, oldest first per citizen: the parked item is replaced by a pending copy (a new
   * stream INSERT), then the copy kept while parked is dropped. Each step is conditional, so a redrive interrupted
   * anywhere and run again queues every reply exactly once. Answers how many were queued again.
   */
  async redrive(now: Date): Promise<number> {
    let redriven = 0;
    for await (const page of this.pages()) {
      for (const parked of page) {
        await this.requeue(parked, now);
        redriven++;
      }
    }
    return redriven;
  }

  private async *pages(): AsyncGenerator<ParkedReply[]> {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': PARKED_PK },
          ExclusiveStartKey: start,
        }),
      );
      yield (page.Items ?? []) as ParkedReply[];
      start = page.LastEvaluatedKey;
    } while (start);
  }

  private async requeue(parked: ParkedReply, now: Date): Promise<void> {
    const { item } = parked;
    await ignoringConditionFailure(
      this.client.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: { pk: item.pk, sk: item.sk },
          ConditionExpression: '#status = :parked',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':parked': 'parked' },
        }),
      ),
    );
    await ignoringConditionFailure(
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...item, status: 'pending', redrivenAt: now.toISOString() },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
    // The copy and its mark go together: a mark left behind would only cost the citizen's replies a second read.
    await this.client.send(
      new TransactWriteCommand({
        TransactItems: [
          { Delete: { TableName: this.tableName, Key: { pk: parked.pk, sk: parked.sk } } },
          { Delete: { TableName: this.tableName, Key: keys.parkedMark(item.waId, item.createdAt, item.sk) } },
        ],
      }),
    );
  }
}

async function ignoringConditionFailure(request: Promise<unknown>): Promise<void> {
  try {
    await request;
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}
