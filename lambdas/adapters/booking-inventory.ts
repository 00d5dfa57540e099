import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { keys } from '#core/table-keys.ts';
import { dynamodb } from './dynamodb-client.ts';

/** What to hold: named units (the seats chosen), or any `count` of the resource's units. */
type Wanted = { units: readonly string[] } | { count: number; of: readonly string[] };

export interface HoldRequest {
  /** Derived from the message that asked for it, so a redelivered message finds the same hold. */
  holdId: string;
  /** One resource at one time: `<service>#<resource>#<date>#<time>`. */
  resourceKey: string;
  wanted: Wanted;
  expiresAt: Date;
  /** The person's quota for the month: at most `max` places held or bought. */
  quota?: { serviceId: string; holderHash: string; month: string; max: number };
}

export type HoldOutcome =
  | { held: true; units: string[]; expiresAt: string }
  /** `taken`: a unit asked for is held or sold (`units` names them); `sold-out`: too few are free; `quota`: over it. */
  | { held: false; reason: 'taken' | 'sold-out' | 'quota'; units?: string[] };

/** Sold, or the hold had expired (or was released) before the payment came: the payment is to be refunded. */
export type SaleOutcome = { sold: true; units: string[] } | { sold: false; reason: 'expired' };

type HoldState = 'held' | 'sold' | 'released' | 'cancelled';

interface HoldItem {
  holdId: string;
  resourceKey: string;
  units: string[];
  state: HoldState;
  holdExpiresAt: number;
  quota?: { pk: string; sk: string };
}

/** A hold whose first attempt lost a race on a unit it did not name is tried again with other free units. */
const ATTEMPTS = 8;
/** Records of holds (and their outcome) stay this long; expired unit items leave by the table's TTL. */
const HOLD_RECORD_DAYS = 120;

/**
 * Mitra's own booking inventory in the table (keys `INVENTORY#…`). A unit is free while it has no item, one marked
 * released, or only a hold that has expired; holding, selling, releasing and cancelling are conditional writes, so concurrent buyers can
 * never both get a unit, and a sale succeeds only on a hold that is still the buyer's and still unexpired.
 */
export class BookingInventory {
  constructor(
    private readonly tableName: string,
    private readonly client: DynamoDBDocumentClient = dynamodb,
  ) {}

  /** The units held (unexpired) or sold at `now`. */
  async occupied(resourceKey: string, now: Date): Promise<Set<string>> {
    const taken = new Set<string>();
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.inventoryUnits(resourceKey).pk },
          ConsistentRead: true,
          ExclusiveStartKey,
        }),
      );
      for (const item of page.Items ?? [])
        if (item.state === 'sold' || (item.state === 'held' && Number(item.holdExpiresAt) > now.getTime()))
          taken.add(String(item.sk).slice('UNIT#'.length));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return taken;
  }

  /**
   * Holds the units until `expiresAt`, with the person's quota, in one transaction. Asked again with the same hold id
   * (a redelivered message), answers what the first hold got.
   */
  async hold(request: HoldRequest, now: Date): Promise<HoldOutcome> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const existing = await this.getHold(request.holdId);
      if (existing) return outcomeOf(existing);
      const occupied = await this.occupied(request.resourceKey, now);
      const choice = choose(request.wanted, occupied);
      if (!choice.ok) return choice.outcome;
      const result = await this.tryHold(request, choice.units, now);
      if (result !== 'retry') return result;
      await pause(attempt);
    }
    return { held: false, reason: 'sold-out' };
  }

  /**
   * Payment captured: the held units become sold, only while the hold is still this one and unexpired at `paidAt`.
   * Otherwise the hold is released (what is still its own) and the payment is to be refunded, never a unit sold twice.
   */
  async sell(holdId: string, paidAt: Date, attempt = 0): Promise<SaleOutcome> {
    const hold = await this.getHold(holdId);
    if (!hold) return { sold: false, reason: 'expired' };
    if (hold.state === 'sold') return { sold: true, units: hold.units };
    if (hold.state !== 'held' || hold.holdExpiresAt <= paidAt.getTime()) {
      await this.release(holdId);
      return { sold: false, reason: 'expired' };
    }
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            ...hold.units.map((unit) => ({
              Update: {
                TableName: this.tableName,
                Key: keys.inventoryUnit(hold.resourceKey, unit),
                UpdateExpression: 'SET #state = :sold REMOVE expiresAt',
                ConditionExpression: 'holdId = :holdId AND #state = :held AND holdExpiresAt > :paidAt',
                ExpressionAttributeNames: { '#state': 'state' },
                ExpressionAttributeValues: {
                  ':sold': 'sold',
                  ':held': 'held',
                  ':holdId': holdId,
                  ':paidAt': paidAt.getTime(),
                },
              },
            })),
            this.moveHold(holdId, 'held', 'sold'),
          ],
        }),
      );
      return { sold: true, units: hold.units };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      if (error.CancellationReasons?.some((r) => r.Code === 'TransactionConflict') && attempt < ATTEMPTS) {
        await pause(attempt);
        return this.sell(holdId, paidAt, attempt + 1);
      }
      // Sold by a concurrent retry of the same payment, or no longer ours: read what stands.
      const now = await this.getHold(holdId);
      if (now?.state === 'sold') return { sold: true, units: now.units };
      await this.release(holdId);
      return { sold: false, reason: 'expired' };
    }
  }

  /**
   * Gives back an unsold hold (expired, payment failed, abandoned): the hold is marked released and its quota
   * returned in one transaction, conditional on it still being only held, so a release and a sale never both win.
   * Then its units are marked released, each only while it is still this hold's.
   */
  async release(holdId: string): Promise<boolean> {
    const hold = await this.getHold(holdId);
    if (!hold) return false;
    if (hold.state === 'held') {
      const moved = await this.transact([this.moveHold(holdId, 'held', 'released'), ...this.quotaBack(hold)]);
      if (!moved) return this.release(holdId);
    } else if (hold.state !== 'released') return false;
    await Promise.all(hold.units.map((unit) => this.giveBack(hold.resourceKey, unit, holdId)));
    return true;
  }

  /** A sold booking cancelled: its units are free for sale again and its quota returned, all at once. */
  async cancel(holdId: string): Promise<boolean> {
    const hold = await this.getHold(holdId);
    if (hold?.state !== 'sold') return false;
    return this.transact([
      this.moveHold(holdId, 'sold', 'cancelled'),
      ...this.quotaBack(hold),
      ...hold.units.map((unit) => ({
        Update: {
          TableName: this.tableName,
          Key: keys.inventoryUnit(hold.resourceKey, unit),
          UpdateExpression: 'SET #state = :released',
          ConditionExpression: 'holdId = :holdId AND #state = :sold',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':holdId': holdId, ':sold': 'sold', ':released': 'released' },
        },
      })),
    ]);
  }

  async getHold(holdId: string): Promise<HoldItem | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.inventoryHold(holdId), ConsistentRead: true }),
    );
    return Item as HoldItem | undefined;
  }

  private async tryHold(request: HoldRequest, units: string[], now: Date): Promise<HoldOutcome | 'retry'> {
    const { holdId, resourceKey, quota } = request;
    const until = request.expiresAt.getTime();
    const quotaKey = quota ? keys.inventoryQuota(quota.serviceId, quota.holderHash, quota.month) : undefined;
    const hold: HoldItem & Record<string, unknown> = {
      ...keys.inventoryHold(holdId),
      kind: 'inventory-hold',
      holdId,
      resourceKey,
      units,
      state: 'held',
      holdExpiresAt: until,
      ...(quotaKey ? { quota: quotaKey } : {}),
      expiresAt: Math.floor(now.getTime() / 1000) + HOLD_RECORD_DAYS * 86_400,
    };
    const unitPuts = units.map((unit) => ({
      Put: {
        TableName: this.tableName,
        Item: {
          ...keys.inventoryUnit(resourceKey, unit),
          kind: 'inventory-unit',
          state: 'held',
          holdId,
          holdExpiresAt: until,
          // The table's TTL removes a hold nobody released, a day after it lapsed (a sale removes this attribute).
          expiresAt: Math.floor(until / 1000) + 86_400,
        },
        // Free: no item, one given back, or a hold that has lapsed.
        ConditionExpression:
          'attribute_not_exists(pk) OR #state = :released OR (#state = :held AND holdExpiresAt <= :now)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':held': 'held', ':released': 'released', ':now': now.getTime() },
      },
    }));
    const quotaUpdate =
      quota && quotaKey
        ? [
            {
              Update: {
                TableName: this.tableName,
                Key: quotaKey,
                UpdateExpression: 'ADD places :n SET kind = :kind',
                ConditionExpression: 'attribute_not_exists(places) OR places <= :room',
                ExpressionAttributeValues: {
                  ':n': units.length,
                  ':room': quota.max - units.length,
                  ':kind': 'inventory-quota',
                },
              },
            },
          ]
        : [];
    if (quota && units.length > quota.max) return { held: false, reason: 'quota' };
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.tableName, Item: hold, ConditionExpression: 'attribute_not_exists(pk)' } },
            ...unitPuts,
            ...quotaUpdate,
          ],
        }),
      );
      return { held: true, units, expiresAt: request.expiresAt.toISOString() };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      if (reasons.some((r) => r.Code === 'TransactionConflict')) return 'retry';
      if (reasons[0]?.Code === 'ConditionalCheckFailed') return 'retry';
      if (quotaUpdate.length > 0 && reasons[1 + units.length]?.Code === 'ConditionalCheckFailed')
        return { held: false, reason: 'quota' };
      const lost = units.filter((_, i) => reasons[1 + i]?.Code === 'ConditionalCheckFailed');
      // Named seats someone else just took are the buyer's to choose again; any free places are tried again.
      if ('units' in request.wanted) return { held: false, reason: 'taken', units: lost };
      return 'retry';
    }
  }

  private moveHold(holdId: string, from: HoldState, to: HoldState) {
    return {
      Update: {
        TableName: this.tableName,
        Key: keys.inventoryHold(holdId),
        UpdateExpression: 'SET #state = :to',
        ConditionExpression: '#state = :from',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':from': from, ':to': to },
      },
    };
  }

  private quotaBack(hold: HoldItem) {
    if (!hold.quota) return [];
    return [
      {
        Update: {
          TableName: this.tableName,
          Key: hold.quota,
          UpdateExpression: 'ADD places :minus',
          ExpressionAttributeValues: { ':minus': -hold.units.length },
        },
      },
    ];
  }

  /** Answers false when a condition failed (the state moved on); a transient conflict is tried again. */
  private async transact(items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>) {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.client.send(new TransactWriteCommand({ TransactItems: items }));
        return true;
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const conflict = error.CancellationReasons?.some((r) => r.Code === 'TransactionConflict');
        if (!conflict || attempt >= ATTEMPTS) return false;
        await pause(attempt);
      }
    }
  }

  /** A held unit is marked released (the functions never delete), while it is still this hold's. */
  private async giveBack(resourceKey: string, unit: string, holdId: string) {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.inventoryUnit(resourceKey, unit),
          UpdateExpression: 'SET #state = :released',
          ConditionExpression: 'holdId = :holdId AND #state = :held',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':holdId': holdId, ':held': 'held', ':released': 'released' },
        }),
      );
    } catch (error) {
      // Someone else holds it now (this hold had lapsed): theirs stays.
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
  }
}

function outcomeOf(hold: HoldItem): HoldOutcome {
  if (hold.state === 'held' || hold.state === 'sold')
    return { held: true, units: hold.units, expiresAt: new Date(hold.holdExpiresAt).toISOString() };
  return { held: false, reason: 'taken', units: hold.units };
}

/** The units to try: the ones named if all are free, else any free ones in random order (spreads the contention). */
function choose(
  wanted: Wanted,
  occupied: Set<string>,
): { ok: true; units: string[] } | { ok: false; outcome: HoldOutcome } {
  if ('units' in wanted) {
    const taken = wanted.units.filter((unit) => occupied.has(unit));
    return taken.length > 0
      ? { ok: false, outcome: { held: false, reason: 'taken', units: taken } }
      : { ok: true, units: [...wanted.units] };
  }
  const free = wanted.of.filter((unit) => !occupied.has(unit));
  if (free.length < wanted.count) return { ok: false, outcome: { held: false, reason: 'sold-out' } };
  for (let i = free.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [free[i], free[j]] = [free[j]!, free[i]!];
  }
  return { ok: true, units: free.slice(0, wanted.count) };
}

const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** Math.min(attempt, 4)));
