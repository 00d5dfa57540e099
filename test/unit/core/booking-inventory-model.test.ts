import { describe, expect, it } from 'vitest';
import { InventorySchema, priceOf, refundOf, unitsOf } from '../../../lambdas/core/bookings/inventory-model.ts';
import { catalog } from '../../../lambdas/core/catalog/catalog.ts';
import { inventories, inventoryOf } from '../../../lambdas/core/catalog/inventories.ts';

describe('booking inventory model', () => {
  it('every inventory belongs to a booking service of the catalog', () => {
    for (const serviceId of inventories().keys())
      expect(catalog().services.find((s) => s.id === serviceId)?.kind).toBe('booking');
  });

  it('darshan is kept by Mitra with a quota of 6 per month; bus tickets are APSRTC’s', () => {
    expect(inventoryOf('endowments.darshan-ticket')).toMatchObject({ source: 'mitra', quota: { max: 6 } });
    expect(inventoryOf('apsrtc.bus-ticket')).toMatchObject({ source: 'apsrtc', resources: [], maxPerBooking: 6 });
  });

  it('a seat map lists its seats; places are numbered from 1', () => {
    expect(unitsOf({ type: 'seats', seats: [{ id: '1' }, { id: '2', reservedFor: 'women' }] })).toEqual(['1', '2']);
    expect(unitsOf({ type: 'places', count: 3 })).toEqual(['1', '2', '3']);
  });

  it('prices a weekend surcharge and a child’s concession', () => {
    const price = { perPlacePaise: 10_000, weekendPercent: 20, concessions: [{ maxAge: 11, payPercent: 50 }] };
    expect(priceOf(price, '2026-12-09', [30, 8])).toBe(15_000);
    expect(priceOf(price, '2026-12-12', [30])).toBe(12_000);
  });

  it('refunds by the first rule the cancellation is early enough for, and nothing past the last', () => {
    const rules = [
      { hoursBefore: 48, refundPercent: 90 },
      { hoursBefore: 12, refundPercent: 75 },
    ];
    const start = new Date('2026-12-10T06:00:00Z');
    expect(refundOf(rules, 50_000, start, new Date('2026-12-07T06:00:00Z'))).toEqual({
      refundPaise: 45_000,
      percent: 90,
    });
    expect(refundOf(rules, 50_000, start, new Date('2026-12-09T12:00:00Z'))?.percent).toBe(75);
    expect(refundOf(rules, 50_000, start, new Date('2026-12-10T00:00:00Z'))).toBeUndefined();
  });

  it('rejects an inventory that is not closed and whole, with a clear message', () => {
    const result = InventorySchema.safeParse({
      serviceId: 'endowments.darshan-ticket',
      source: 'mitra',
      holdMinutes: 10,
      maxPerBooking: 6,
      daysAhead: 30,
      cancellation: [
        { hoursBefore: 1, refundPercent: 50 },
        { hoursBefore: 48, refundPercent: 90 },
      ],
      colour: 'red',
    });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => i.message).join('\n');
    expect(messages).toMatch(/earliest/);
    expect(messages).toMatch(/colour/);
    expect(messages).toMatch(/lists its resources/);
  });
});
