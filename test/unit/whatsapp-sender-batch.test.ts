import { describe, expect, it } from 'vitest';
import type { OutboxItem } from '#adapters/outbox.ts';
import {
  type BatchEntry,
  type BatchPorts,
  deliverBatch,
  failedRecords,
  turnProgressBefore,
} from '../../lambdas/sender/batch.ts';
import type { Outcome } from '../../lambdas/sender/delivery.ts';

const entry = (waId: string, n: number): BatchEntry => ({
  id: `${waId}-${n}`,
  item: {
    pk: `OUTBOX#${waId}`,
    sk: `m#${n}`,
    kind: 'outbox',
    waId,
    reply: { type: 'text', text: `reply ${n}` },
    status: 'pending',
    createdAt: '2026-12-01T10:00:00.000Z',
    expiresAt: 0,
  },
});

/** Ports where Meta fails for the listed citizens; records what was sent and parked, in order. */
function ports(
  options: {
    failing?: string[];
    held?: string[];
    parkedBefore?: string[];
    parkFails?: boolean;
    /** How many times S3 is busy for this citizen's first reply before it answers. */
    busyTimes?: Record<string, number>;
  } = {},
) {
  const sent: string[] = [];
  const pauses: number[] = [];
  const busy = { ...options.busyTimes };
  const parked: string[] = [];
  const started: string[] = [];
  const flight = { now: 0, most: 0 };
  const ports: BatchPorts = {
    async deliver(item: OutboxItem): Promise<Outcome> {
      started.push(item.waId);
      if ((busy[item.waId] ?? 0) > 0) {
        busy[item.waId]! -= 1;
        throw Object.assign(new Error('Please reduce your request rate.'), { name: 'SlowDown' });
      }
      flight.most = Math.max(flight.most, ++flight.now);
      await new Promise((resolve) => setTimeout(resolve, 5));
      flight.now--;
      if (options.held?.includes(item.waId)) return 'held';
      if (options.failing?.includes(item.waId)) return 'retry-later';
      sent.push(`${item.waId}:${item.sk}`);
      return 'sent';
    },
    async park(item) {
      if (options.parkFails) throw new Error('table throttled');
      parked.push(`${item.waId}:${item.sk}`);
      return true;
    },
    parkedBefore: async (item) => options.parkedBefore?.includes(item.waId) ?? false,
    busy: (error) => (error as Error).name === 'SlowDown',
    sleep: async (ms) => {
      pauses.push(ms);
    },
    count: () => undefined,
    log: { warn: () => undefined, error: () => undefined },
  };
  return { ports, sent, parked, started, flight, pauses };
}

describe('sender batch: one citizen never holds back another', () => {
  it("parks a failing citizen's reply and the ones after it, and still sends every other citizen's", async () => {
    const batch = [entry('91A', 1), entry('91B', 1), entry('91A', 2), entry('91C', 1), entry('91B', 2)];
    const h = ports({ failing: ['91A'] });
    expect(await deliverBatch(batch, h.ports)).toEqual([]);
    expect(h.parked).toEqual(['91A:m#1', '91A:m#2']);
    expect(h.sent).toEqual(expect.arrayContaining(['91B:m#1', '91B:m#2', '91C:m#1']));
    expect(h.sent.filter((s) => s.startsWith('91B'))).toEqual(['91B:m#1', '91B:m#2']);
  });

  it("sends different citizens at once, one citizen's replies one after another", async () => {
    const h = ports();
    const batch = ['91A', '91B', '91C'].map((waId) => entry(waId, 1));
    const own = ports();
    await deliverBatch([entry('91A', 1), entry('91A', 2)], own.ports);
    expect(own.flight.most).toBe(1);
    await deliverBatch(batch, h.ports);
    expect(h.started).toEqual(['91A', '91B', '91C']);
    expect(h.flight.most).toBe(3);
  });

  it('parks a reply behind earlier parked replies of the same citizen instead of letting it overtake them', async () => {
    const h = ports({ parkedBefore: ['91A'] });
    expect(await deliverBatch([entry('91A', 3), entry('91B', 1)], h.ports)).toEqual([]);
    expect(h.parked).toEqual(['91A:m#3']);
    expect(h.sent).toEqual(['91B:m#1']);
  });

  it('hands back only the replies another invocation holds, and those that could not be parked', async () => {
    const held = ports({ held: ['91A'] });
    expect(await deliverBatch([entry('91A', 1), entry('91A', 2), entry('91B', 1)], held.ports)).toEqual([
      '91A-1',
      '91A-2',
    ]);
    expect(held.sent).toEqual(['91B:m#1']);
    const unparkable = ports({ failing: ['91A'], parkFails: true });
    expect(await deliverBatch([entry('91A', 1), entry('91B', 1)], unparkable.ports)).toEqual(['91A-1']);
  });

  it("tries a reply again while S3 is busy for a moment, before the citizen's next reply, and parks nothing", async () => {
    const h = ports({ busyTimes: { '91A': 2 } });
    expect(await deliverBatch([entry('91A', 1), entry('91A', 2), entry('91B', 1)], h.ports)).toEqual([]);
    expect(h.sent.filter((s) => s.startsWith('91A'))).toEqual(['91A:m#1', '91A:m#2']);
    expect(h.sent).toContain('91B:m#1');
    expect(h.parked).toEqual([]);
    expect(h.pauses).toEqual([250, 500]);
  });

  it('parks the reply and the ones after it when S3 stays busy, and never retries a reply that is refused', async () => {
    const h = ports({ busyTimes: { '91A': 10 } });
    expect(await deliverBatch([entry('91A', 1), entry('91A', 2), entry('91B', 1)], h.ports)).toEqual([]);
    expect(h.parked).toEqual(['91A:m#1', '91A:m#2']);
    expect(h.pauses).toEqual([250, 500, 1000, 2000]);
    expect(h.sent).toEqual(['91B:m#1']);
    const refused = ports({ failing: ['91A'] });
    await deliverBatch([entry('91A', 1)], refused.ports);
    expect(refused.pauses).toEqual([]);
    expect(refused.parked).toEqual(['91A:m#1']);
  });
});

describe('sender batch: a turn’s replies carried by its session record', () => {
  /** Reply `index` of the turn answering `turn`, in the session record with this sequence number. */
  const turnEntry = (waId: string, sequence: string, turn: string, index: number): BatchEntry => {
    const sk = `${turn}#${String(index).padStart(2, '0')}`;
    return { id: `${sequence}@${sk}`, item: { ...entry(waId, index).item, sk, ofTurn: true } };
  };

  it('hands over each failed record once, and has nothing recorded when nothing failed', () => {
    expect(failedRecords(['100@t#00', '100@t#01', '90'])).toEqual(['100', '90']);
    expect(turnProgressBefore([turnEntry('91A', '100', 't', 0)], [])).toEqual([]);
  });

  it('records how many replies of each turn went from the earliest failed record on, so a retry sends none twice', async () => {
    const batch = [
      turnEntry('91A', '100', 'early', 0),
      turnEntry('91B', '200', 'held', 0),
      turnEntry('91C', '300', 'later', 0),
      turnEntry('91C', '300', 'later', 1),
    ];
    const h = ports({ held: ['91B'] });
    const failed = await deliverBatch(batch, h.ports);
    expect(failedRecords(failed)).toEqual(['200']);
    // 91A's record comes before the one handed over again: the stream does not deliver it again.
    expect(turnProgressBefore(batch, failed).map(({ turn, sent }) => ({ turn, sent }))).toEqual([
      { turn: 'later', sent: 2 },
    ]);
  });

  it('records the replies of a turn sent before one that could not even be parked', async () => {
    const batch = [turnEntry('91A', '100', 't', 0), turnEntry('91A', '100', 't', 1), turnEntry('91A', '100', 't', 2)];
    const h = ports({ parkFails: true });
    let calls = 0;
    const deliver = h.ports.deliver;
    h.ports.deliver = async (item) => (++calls === 2 ? 'retry-later' : deliver(item));
    const failed = await deliverBatch(batch, h.ports);
    expect(failed).toEqual(['100@t#01', '100@t#02']);
    expect(turnProgressBefore(batch, failed).map(({ turn, sent }) => ({ turn, sent }))).toEqual([
      { turn: 't', sent: 1 },
    ]);
  });
});
