import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NO_RECENT_MESSAGES,
  newlyApplied,
  packRing,
  RECENT_MESSAGES,
  type RecentMessages,
  remember,
  seenBefore,
  unpackRing,
} from '#core/conversation/recent-messages.ts';

const at = (seconds: number) => new Date(1_796_000_000_000 + seconds * 1000);
const applyAll = (ids: string[], second = (i: number) => i) =>
  ids.reduce<RecentMessages>((recent, id, i) => remember(recent, id, at(second(i))), NO_RECENT_MESSAGES);

describe('the citizen’s recent messages', () => {
  it('recognise a message applied just before, and take a new one as new', () => {
    const recent = applyAll(['wamid.A', 'wamid.B']);
    expect(seenBefore(recent, 'wamid.A', at(0))).toBe(true);
    expect(seenBefore(recent, 'wamid.C', at(2))).toBe(false);
  });

  it('recognise a redelivery after 50 later messages by its time, with only 16 ids kept', () => {
    const ids = Array.from({ length: 51 }, (_, i) => `wamid.${i}`);
    const recent = applyAll(ids);
    expect(recent.ring).toHaveLength(RECENT_MESSAGES);
    expect(seenBefore(recent, 'wamid.0', at(0))).toBe(true);
    expect(seenBefore(recent, 'wamid.51', at(51))).toBe(false);
  });

  it('take a message of the same second as one that left the ring as new (Meta’s times are whole seconds)', () => {
    const recent = applyAll(
      Array.from({ length: 20 }, (_, i) => `wamid.${i}`),
      () => 7,
    );
    expect(seenBefore(recent, 'wamid.new', at(7))).toBe(false);
    expect(seenBefore(recent, 'wamid.19', at(7))).toBe(true);
  });

  it('stay small: 16 entries stored in 160 bytes whatever the length of Meta’s ids', () => {
    const recent = applyAll(Array.from({ length: 40 }, (_, i) => `wamid.${'x'.repeat(80)}${i}`));
    expect(recent.ring).toHaveLength(16);
    expect(packRing(recent.ring)).toHaveLength(160);
  });

  it('read back from the stored form exactly, and from the list of texts an older session item holds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ minLength: 1 }), fc.integer({ min: 0, max: 2 ** 31 })), { maxLength: 40 }),
        (messages) => {
          const recent = messages.reduce<RecentMessages>(
            (ring, [id, second]) => remember(ring, id, new Date(second * 1000)),
            NO_RECENT_MESSAGES,
          );
          expect(unpackRing(packRing(recent.ring))).toEqual(recent.ring);
          expect(unpackRing(recent.ring)).toEqual(recent.ring);
        },
      ),
    );
    expect(unpackRing(undefined)).toEqual([]);
    expect(unpackRing(new Uint8Array(7))).toEqual([]);
  });

  it('name exactly the messages a write applied', () => {
    const before = applyAll(['wamid.A', 'wamid.B']);
    const after = remember(before, 'wamid.C', at(9));
    expect(newlyApplied(before.ring, after.ring)).toEqual([
      { hash: expect.stringMatching(/^[\w-]{8}$/), sentAt: at(9) },
    ]);
    expect(newlyApplied(after.ring, after.ring)).toEqual([]);
  });

  it('never take a message applied in order as new, however many follow it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 0, max: 79 }), (count, pick) => {
        const ids = Array.from({ length: count }, (_, i) => `wamid.${i}`);
        const recent = applyAll(ids);
        const index = pick % count;
        return seenBefore(recent, ids[index]!, at(index));
      }),
    );
  });
});
