import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '#core/table-keys.ts';
import { payAndReceiveTicket } from '../support/bookings.ts';
import { bodyOf, rowIdOf, say, sentTo, startTestRuntime, tableClient, waitFor } from '../support/runtime.ts';

// A bus seat booked in the chat from "Hi": places typed in either language, a date, a bus from APSRTC's reservation
// system, seats and passengers, a hold, the payment link, and the e-ticket through the document pipeline; on the
// embedded runtime with its local APSRTC and payment gateway.

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let table: DynamoDBDocumentClient;

beforeAll(async () => {
  env = await startTestRuntime();
  table = tableClient(env.runtime);
});
afterAll(async () => {
  await env?.stop();
});

const texts = async (waId: string) => (await sentTo(env.runtime, waId)).map(bodyOf);
const last = async (waId: string) => (await texts(waId)).at(-1) ?? '';
/** DD-MM-YYYY, `days` from today in India. */
const dateIn = (days: number) => {
  const day = new Date(Date.now() + 5.5 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
  return day.split('-').reverse().join('-');
};

async function start(waId: string, language: 'en' | 'te') {
  await say(env.runtime, waId, { text: 'Hi' });
  await say(env.runtime, waId, { reply_id: `lang:${language}` });
  await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'consent:yes') });
  await say(env.runtime, waId, { reply_id: 'svc:apsrtc.bus-ticket' });
}

async function application(applicationId: string) {
  const { Item } = await table.send(
    new GetCommand({ TableName: env.runtime.names.table, Key: keys.application(applicationId), ConsistentRead: true }),
  );
  return Item as { state: string; billPosting?: { status: string; billerReference?: string } } | undefined;
}

describe('booking a bus seat in the chat', () => {
  const waId = '919833000001';

  it('asks from and to by name, forgiving a misspelling, and refuses the same place twice', async () => {
    await start(waId, 'en');
    expect(await last(waId)).toContain('From which town');
    await say(env.runtime, waId, { text: 'vijaywada' });
    expect(await last(waId)).toContain('From Vijayawada. To which');
    await say(env.runtime, waId, { text: 'Bezawada' });
    expect(await last(waId)).toContain('must end somewhere else than Vijayawada');
    await say(env.runtime, waId, { text: 'hyderbad' });
    expect(await last(waId)).toContain('Vijayawada → Hyderabad. On which date?');
    await say(env.runtime, waId, { text: dateIn(45) });
    expect((await texts(waId)).at(-2)).toContain('up to 30 days ahead');
  });

  it('lists the buses with time, type, fare and seats left, then the seat map with seats for women', async () => {
    await say(env.runtime, waId, { text: dateIn(5) });
    const list = (await sentTo(env.runtime, waId)).at(-1)!;
    expect(bodyOf(list)).toContain('Buses from Vijayawada to Hyderabad');
    expect(JSON.stringify(list.interactive?.action)).toContain('07:00 Super Luxury');
    expect(JSON.stringify(list.interactive?.action)).toContain('₹455 · 36 seats left · arrives 12:45');
    await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'bus:VJA-HYD-0700') });
    const map = await last(waId);
    expect(map).toContain('Seats for women (free): 1 2 3 4');
    expect(map).toContain('Type the seat numbers');
  });

  it('takes seats and passengers, keeps a seat for women for a woman, and holds them for payment', async () => {
    await say(env.runtime, waId, { text: '99' });
    expect(await last(waId)).toContain('not free');
    await say(env.runtime, waId, { text: '3 12' });
    expect(await last(waId)).toContain('Passenger 1 of 2 (seat 3, for women)');
    await say(env.runtime, waId, { text: 'Ravi Kumar, 34, M' });
    expect(await last(waId)).toContain('reserved for women');
    await say(env.runtime, waId, { text: 'Lakshmi Devi, 30, F' });
    await say(env.runtime, waId, { text: 'Ravi Kumar, 34, M' });
    const review = await last(waId);
    expect(review).toContain('Seats: 3, 12');
    expect(review).toContain('Fare: ₹910');
    await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'bus-hold') });
    expect((await texts(waId)).join('\n')).toMatch(/Seats 3, 12 are held for you until \d{2}:\d{2}/);
  });

  it('is paid on the link, confirmed with APSRTC, and the signed e-ticket PDF arrives and verifies', async () => {
    const { notice, applicationId, status } = await payAndReceiveTicket(env.runtime, waId);
    expect(notice).toContain('₹910');
    expect(status).toBe('valid');
    const item = await application(applicationId);
    expect(item?.state).toBe('issued');
    expect(item?.billPosting?.billerReference).toMatch(/^P[A-Z0-9]+$/);
    const search = await fetch(`${env.runtime.baseUrl}/apsrtc/services/seats`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceCode: 'VJA-HYD-0700', date: dateIn(5).split('-').reverse().join('-') }),
    });
    const seats = ((await search.json()) as { seats: { id: string; free: boolean }[] }).seats;
    expect(seats.filter((s) => !s.free).map((s) => s.id)).toEqual(['3', '12']);
  });

  it('speaks Telugu: places typed in Telugu, and the questions in Telugu', async () => {
    const telugu = '919833000002';
    await start(telugu, 'te');
    await say(env.runtime, telugu, { text: 'గుంటూరు' });
    expect(await last(telugu)).toContain('గుంటూరు నుండి');
    await say(env.runtime, telugu, { text: 'తిరుపతి' });
    await say(env.runtime, telugu, { text: dateIn(3) });
    expect(bodyOf((await sentTo(env.runtime, telugu)).at(-1)!)).toContain('గుంటూరు నుండి తిరుపతి కు బస్సులు');
  });

  it('stops taking money on the link once the hold lapses, and the seat goes back on sale', async () => {
    const late = '919833000003';
    const date = dateIn(6);
    await start(late, 'en');
    for (const text of ['vijayawada', 'hyderabad', date]) await say(env.runtime, late, { text });
    await say(env.runtime, late, { reply_id: await rowIdOf(env.runtime, late, 'bus:VJA-HYD-0700') });
    for (const text of ['20', 'Ravi Kumar, 34, M']) await say(env.runtime, late, { text });
    await say(env.runtime, late, { reply_id: await rowIdOf(env.runtime, late, 'bus-hold') });
    const notice = await waitFor('the payment link', async () => {
      await env.runtime.drained();
      return (await texts(late)).find((text) => text.includes('/pay/'));
    });
    const link = /(http\S+\/pay\/[A-Za-z0-9_-]+)/.exec(notice)![1]!;
    const clock = await fetch(`${env.runtime.baseUrl}/sim/api/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advance_seconds: 11 * 60 }),
    });
    expect(clock.ok).toBe(true);
    const paid = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ outcome: 'captured' }),
    });
    expect(paid.status).toBe(409);
    expect(await (await fetch(link)).text()).toContain('This link has expired');
    const search = await fetch(`${env.runtime.baseUrl}/apsrtc/services/seats`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceCode: 'VJA-HYD-0700', date: date.split('-').reverse().join('-') }),
    });
    const seats = ((await search.json()) as { seats: { id: string; free: boolean }[] }).seats;
    expect(seats.find((s) => s.id === '20')?.free).toBe(true);
    await env.runtime.drained();
    expect((await sentTo(env.runtime, late)).some((m) => m.type === 'document')).toBe(false);
  });
});
