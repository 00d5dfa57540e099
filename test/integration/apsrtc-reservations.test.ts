import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpApsrtc } from '../../lambdas/adapters/departments/apsrtc.ts';
import { DepartmentSystemError } from '../../lambdas/adapters/departments/department-system-error.ts';
import { APSRTC_DOWN_PLACE, createLocalApsrtc } from '../../local/back-ends/apsrtc.ts';

let server: Server;
let dataDir: string;
let apsrtc: HttpApsrtc;
let clock = Date.parse('2026-12-05T04:00:00Z');

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'mitra-apsrtc-'));
  const backEnd = createLocalApsrtc({ now: () => new Date(clock), dataDir });
  server = createServer((req, res) => {
    void backEnd.handle(req, res, new URL(req.url ?? '/', 'http://127.0.0.1'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apsrtc = new HttpApsrtc(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});

afterAll(() => {
  server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const passenger = (gender: 'female' | 'male', name = 'Ravi Kumar') => ({ name, age: 34, gender });

describe('APSRTC reservations through the documented contract', () => {
  it('lists the Vijayawada–Hyderabad services with time, type, fare and seats left', async () => {
    const services = await apsrtc.search('VJA', 'HYD', '2026-12-10');
    expect(services.length).toBeGreaterThanOrEqual(5);
    expect(services.find((s) => s.departs === '07:00')).toMatchObject({
      busType: 'super-luxury',
      farePaise: 45_500,
      seatsLeft: 36,
      arrives: '12:45',
    });
    expect((await apsrtc.search('GNT', 'TPT', '2026-12-10')).length).toBeGreaterThan(0);
    expect((await apsrtc.search('VJA', 'VSP', '2026-12-10')).length).toBeGreaterThan(0);
  });

  it('holds a seat once: a second buyer of it, and a man in a seat for women, are told so', async () => {
    const code = 'VJA-HYD-0700';
    const seatMap = await apsrtc.seats(code, '2026-12-11');
    expect(seatMap.seats.slice(0, 4).every((seat) => seat.reservedFor === 'women')).toBe(true);
    const hold = (key: string, seats: string[], gender: 'female' | 'male' = 'male') =>
      apsrtc.hold({
        idempotencyKey: key,
        serviceCode: code,
        date: '2026-12-11',
        seats,
        passengers: seats.map(() => passenger(gender)),
        holdMinutes: 10,
      });
    const [a, b] = await Promise.all([hold('k-a', ['12', '13']), hold('k-b', ['13'])]);
    expect([a.status, b.status].sort()).toEqual(['held', 'unavailable']);
    expect(await hold('k-a', ['12', '13'])).toEqual(a.status === 'held' ? a : b);
    expect(await hold('k-c', ['2'])).toEqual({ status: 'unavailable', seats: ['2'], reason: 'women-only' });
    expect(await hold('k-d', ['2'], 'female')).toMatchObject({ status: 'held', farePaise: 45_500 });
    const left = (await apsrtc.search('VJA', 'HYD', '2026-12-11')).find((s) => s.serviceCode === code)?.seatsLeft;
    expect(left).toBe(33);
  });

  it('confirms a paid hold with a PNR, answers a lapsed one expired, and refunds a cancellation by the rules', async () => {
    const request = {
      serviceCode: 'GNT-TPT-1930',
      date: '2026-12-12',
      seats: ['20'],
      passengers: [passenger('male')],
      holdMinutes: 10,
    };
    const held = await apsrtc.hold({ ...request, idempotencyKey: 'k-pay' });
    if (held.status !== 'held') throw new Error('not held');
    const payment = { paymentId: 'pay_1', amountPaise: held.farePaise, paidAt: new Date(clock).toISOString() };
    const confirmed = await apsrtc.confirm(held.holdId, payment);
    expect(confirmed).toMatchObject({ status: 'confirmed', pnr: expect.stringMatching(/^P[A-Z0-9]+$/) });
    expect(await apsrtc.confirm(held.holdId, payment)).toEqual(confirmed);

    const late = await apsrtc.hold({ ...request, seats: ['21'], idempotencyKey: 'k-late' });
    if (late.status !== 'held') throw new Error('not held');
    clock += 11 * 60_000;
    expect(await apsrtc.confirm(late.holdId, payment)).toEqual({ status: 'expired' });

    if (confirmed.status !== 'confirmed') throw new Error('not confirmed');
    // More than 48 hours before a 19:30 departure on the 12th: 90 % back.
    const refund = await apsrtc.cancel(confirmed.pnr, 'cancel-1');
    expect(refund).toEqual({ status: 'cancelled', refundPaise: Math.floor(held.farePaise * 0.9) });
    expect(await apsrtc.cancel(confirmed.pnr, 'cancel-1')).toEqual(refund);
  });

  it('a reservation system down is a department system error, never an empty list', async () => {
    await expect(apsrtc.search(APSRTC_DOWN_PLACE, 'VJA', '2026-12-10')).rejects.toBeInstanceOf(DepartmentSystemError);
  });
});
