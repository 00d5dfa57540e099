import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askDarshan, payAndReceiveTicket } from '../support/bookings.ts';
import { bodyOf, rowIdOf, say, sentTo, startTestRuntime } from '../support/runtime.ts';

// A darshan slot from Mitra's own inventory: the form, the verified Aadhaar, a slot, a hold under the month's quota of
// 6 tickets per person, the payment link and the e-ticket; on the embedded runtime.

let env: Awaited<ReturnType<typeof startTestRuntime>>;

beforeAll(async () => {
  env = await startTestRuntime();
});
afterAll(async () => {
  await env?.stop();
});

const AADHAAR = '234567890124';
const texts = async (waId: string) => (await sentTo(env.runtime, waId)).map(bodyOf);
const askDarshanHere = (waId: string, persons: number, first: boolean) =>
  askDarshan(env.runtime, waId, {
    persons,
    days: 4,
    aadhaar: AADHAAR,
    ...(first ? { first: { language: 'en' } } : {}),
  });

describe('booking a darshan slot in the chat', () => {
  const waId = '919833000101';

  it('offers the temple’s slots, holds the places and sends the payment link, then the e-ticket', async () => {
    await askDarshanHere(waId, 4, true);
    const list = (await sentTo(env.runtime, waId)).at(-1)!;
    expect(bodyOf(list)).toContain('Tirumala (TTD)');
    expect(bodyOf(list)).toContain('4 tickets, ₹1,200');
    await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'slot:09:00') });
    expect((await texts(waId)).join('\n')).toMatch(/4 places at 09:00 on \d{2}-\d{2}-\d{4} held for you/);
    const { notice, status } = await payAndReceiveTicket(env.runtime, waId);
    expect(notice).toContain('₹1,200');
    expect(status).toBe('valid');
  });

  it('refuses more than 6 tickets a month for the same Aadhaar', async () => {
    await askDarshanHere(waId, 3, false);
    await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'slot:11:00') });
    expect((await texts(waId)).join('\n')).toContain('at most 6 tickets a month');
    await askDarshanHere(waId, 2, false);
    await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'slot:11:00') });
    expect((await texts(waId)).join('\n')).toMatch(/2 places at 11:00/);
  });
});
