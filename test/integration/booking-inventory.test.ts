import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookingInventory as Inventory } from '../../lambdas/adapters/booking-inventory.ts';
import type { LocalDynamoDb } from '../../local/dynamodb-local.ts';
import { startInventoryTable } from '../support/inventory-table.ts';

const TABLE = 'mitra-inventory-test';
const MINUTE = 60_000;
const SEATS = Array.from({ length: 40 }, (_, i) => `S${i + 1}`);

let dynamo: LocalDynamoDb;
let inventory: Inventory;

beforeAll(async () => {
  dynamo = await startInventoryTable(TABLE);
  const { BookingInventory } = await import('../../lambdas/adapters/booking-inventory.ts');
  inventory = new BookingInventory(TABLE);
});

afterAll(async () => {
  await dynamo?.stop();
});

/** Sells every seat of the resource but `left`, to one earlier buyer. */
async function sellAllBut(resourceKey: string, left: number, now: Date) {
  const sold = await inventory.hold(
    {
      holdId: `${resourceKey}-earlier`,
      resourceKey,
      wanted: { units: SEATS.slice(0, SEATS.length - left) },
      expiresAt: new Date(now.getTime() + 10 * MINUTE),
    },
    now,
  );
  expect(sold.held).toBe(true);
  expect(await inventory.sell(`${resourceKey}-earlier`, now)).toMatchObject({ sold: true });
}

describe('Mitra-kept booking inventory on DynamoDB Local', () => {
  it('50 buyers racing for the last 3 seats get exactly 3 holds and 47 plain sold-out answers', async () => {
    const now = new Date('2026-12-01T04:00:00Z');
    const resourceKey = 'apsrtc.bus-ticket#race#2026-12-10#06:00';
    await sellAllBut(resourceKey, 3, now);
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        inventory.hold(
          {
            holdId: `race-${i}`,
            resourceKey,
            wanted: { count: 1, of: SEATS },
            expiresAt: new Date(now.getTime() + 10 * MINUTE),
          },
          now,
        ),
      ),
    );
    const held = outcomes.filter((o) => o.held);
    expect(held).toHaveLength(3);
    expect(new Set(held.flatMap((o) => (o.held ? o.units : []))).size).toBe(3);
    expect(outcomes.filter((o) => !o.held && o.reason === 'sold-out')).toHaveLength(47);
    expect((await inventory.occupied(resourceKey, now)).size).toBe(SEATS.length);
  });

  it('50 buyers asking for the same seat: one holds it, the others are told it is taken', async () => {
    const now = new Date('2026-12-01T04:00:00Z');
    const resourceKey = 'apsrtc.bus-ticket#same-seat#2026-12-10#06:00';
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        inventory.hold(
          {
            holdId: `same-${i}`,
            resourceKey,
            wanted: { units: ['S7', 'S8'] },
            expiresAt: new Date(now.getTime() + 10 * MINUTE),
          },
          now,
        ),
      ),
    );
    expect(outcomes.filter((o) => o.held)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.held && o.reason === 'taken')).toHaveLength(49);
  });

  it('a hold lapses: its seats are for sale again, and its late payment is refused for a refund', async () => {
    const now = new Date('2026-12-01T04:00:00Z');
    const resourceKey = 'apsrtc.bus-ticket#lapse#2026-12-10#06:00';
    const expiresAt = new Date(now.getTime() + 10 * MINUTE);
    await inventory.hold({ holdId: 'lapse-a', resourceKey, wanted: { units: ['S1'] }, expiresAt }, now);
    const later = new Date(now.getTime() + 11 * MINUTE);
    const second = await inventory.hold(
      { holdId: 'lapse-b', resourceKey, wanted: { units: ['S1'] }, expiresAt: new Date(later.getTime() + 10 * MINUTE) },
      later,
    );
    expect(second).toMatchObject({ held: true, units: ['S1'] });
    expect(await inventory.sell('lapse-a', later)).toEqual({ sold: false, reason: 'expired' });
    expect(await inventory.sell('lapse-b', later)).toEqual({ sold: true, units: ['S1'] });
    expect(await inventory.occupied(resourceKey, later)).toEqual(new Set(['S1']));
  });

  it('a redelivered hold request answers the first hold, and a cancelled sale puts the seats back on sale', async () => {
    const now = new Date('2026-12-01T04:00:00Z');
    const resourceKey = 'apsrtc.bus-ticket#again#2026-12-10#06:00';
    const request = {
      holdId: 'again-a',
      resourceKey,
      wanted: { count: 2, of: SEATS },
      expiresAt: new Date(now.getTime() + 10 * MINUTE),
    };
    const first = await inventory.hold(request, now);
    expect(await inventory.hold(request, now)).toEqual(first);
    await inventory.sell('again-a', now);
    expect((await inventory.occupied(resourceKey, now)).size).toBe(2);
    expect(await inventory.cancel('again-a')).toBe(true);
    expect(await inventory.cancel('again-a')).toBe(false);
    expect((await inventory.occupied(resourceKey, now)).size).toBe(0);
  });

  it('the quota counts places held or bought in the month, and a release gives them back', async () => {
    const now = new Date('2026-12-01T04:00:00Z');
    const quota = { serviceId: 'endowments.darshan-ticket', holderHash: 'h-quota', month: '2026-12', max: 6 };
    const hold = (holdId: string, count: number, slot: string) =>
      inventory.hold(
        {
          holdId,
          resourceKey: `endowments.darshan-ticket#tirumala-darshan#2026-12-1${slot}#07:00`,
          wanted: { count, of: SEATS },
          expiresAt: new Date(now.getTime() + 10 * MINUTE),
          quota,
        },
        now,
      );
    expect(await hold('quota-a', 4, '0')).toMatchObject({ held: true });
    expect(await hold('quota-b', 3, '1')).toEqual({ held: false, reason: 'quota' });
    expect(await hold('quota-c', 2, '2')).toMatchObject({ held: true });
    expect(await inventory.release('quota-a')).toBe(true);
    expect(await hold('quota-d', 3, '3')).toMatchObject({ held: true });
  });
});

type Op =
  | { op: 'hold'; seats: string[] | number }
  | { op: 'pay'; target: number }
  | { op: 'release'; target: number }
  | { op: 'cancel'; target: number }
  | { op: 'advance'; minutes: number };

const FEW_SEATS = ['A1', 'A2', 'A3', 'A4', 'A5'];
const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('hold' as const),
    seats: fc.oneof(fc.subarray(FEW_SEATS, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 3 })),
  }),
  fc.record({ op: fc.constant('pay' as const), target: fc.nat() }),
  fc.record({ op: fc.constant('release' as const), target: fc.nat() }),
  fc.record({ op: fc.constant('cancel' as const), target: fc.nat() }),
  fc.record({ op: fc.constant('advance' as const), minutes: fc.integer({ min: 1, max: 12 }) }),
);

describe('no seat is ever sold twice (property)', () => {
  it('under random interleavings of hold, pay, expire, release and cancel', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(opArbitrary, { minLength: 1, maxLength: 6 }), { maxLength: 6 }),
        async (batches) => {
          run += 1;
          const resourceKey = `apsrtc.bus-ticket#property-${run}#2026-12-10#06:00`;
          let clock = Date.parse('2026-12-01T04:00:00Z');
          const holds: { id: string; expiresAt: number }[] = [];
          /** Sales that stand (sold and not cancelled), by hold id. */
          const sales = new Map<string, string[]>();
          const everSold = new Set<string>();
          for (const batch of batches) {
            const now = new Date(clock);
            await Promise.all(
              batch.map(async (step, i) => {
                const target = holds.length > 0 && 'target' in step ? holds[step.target % holds.length]! : undefined;
                switch (step.op) {
                  case 'hold': {
                    const id = `p${run}-${holds.length}-${i}`;
                    const expiresAt = clock + 10 * MINUTE;
                    holds.push({ id, expiresAt });
                    const wanted = Array.isArray(step.seats)
                      ? { units: step.seats }
                      : { count: step.seats, of: FEW_SEATS };
                    await inventory.hold({ holdId: id, resourceKey, wanted, expiresAt: new Date(expiresAt) }, now);
                    return;
                  }
                  case 'pay': {
                    if (!target) return;
                    const sale = await inventory.sell(target.id, now);
                    if (sale.sold) {
                      // A payment after its hold lapsed is never turned into a sale (a repeated one answers the first).
                      if (!everSold.has(target.id)) expect(now.getTime()).toBeLessThan(target.expiresAt);
                      everSold.add(target.id);
                      sales.set(target.id, sale.units);
                    }
                    return;
                  }
                  case 'release':
                    if (target) await inventory.release(target.id);
                    return;
                  case 'cancel':
                    if (target && (await inventory.cancel(target.id))) sales.delete(target.id);
                    return;
                  case 'advance':
                    return;
                }
              }),
            );
            clock += batch.reduce((sum, step) => sum + (step.op === 'advance' ? step.minutes * MINUTE : 0), 0);
            const standing = [...sales.values()].flat();
            expect(new Set(standing).size).toBe(standing.length);
            const occupied = await inventory.occupied(resourceKey, new Date(clock));
            for (const seat of standing) expect(occupied.has(seat)).toBe(true);
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 240_000);
});
