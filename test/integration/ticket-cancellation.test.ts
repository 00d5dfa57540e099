import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '#core/table-keys.ts';
import { askDarshan, dateIn, payAndReceiveTicket } from '../support/bookings.ts';
import {
  bodyOf,
  rowIdOf,
  type SentMessage,
  say,
  sentTo,
  startTestRuntime,
  tableClient,
  waitFor,
} from '../support/runtime.ts';

// A citizen cancels a ticket in the chat, on the embedded runtime: the refund the inventory's rules give by the time
// left is shown first; once confirmed, the places go back on sale (Mitra's own inventory, or APSRTC's through its
// contract), the refund is made once at the gateway, the ticket's signed record is revoked so the verify page calls
// it so, and the citizen is told. Cancelling twice refunds once; after departure nothing can be cancelled.

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let table: DynamoDBDocumentClient;

beforeAll(async () => {
  env = await startTestRuntime();
  table = tableClient(env.runtime);
});
afterAll(async () => {
  await env?.stop();
});

const AADHAAR = '234567890124';
const texts = async (waId: string) => (await sentTo(env.runtime, waId)).map(bodyOf);
const last = async (waId: string) => (await texts(waId)).at(-1) ?? '';
const isoDate = (ddmmyyyy: string) => ddmmyyyy.split('-').reverse().join('-');

async function application(applicationId: string) {
  const { Item } = await table.send(
    new GetCommand({ TableName: env.runtime.names.table, Key: keys.application(applicationId), ConsistentRead: true }),
  );
  return Item as
    | { state: string; billPosting: { billerReference: string }; values: Record<string, string> }
    | undefined;
}

async function refundsOf(applicationId: string) {
  const response = await fetch(`${env.runtime.baseUrl}/sim/api/payments?order_id=${applicationId}`);
  return ((await response.json()) as { refunds: { amountPaise: number; idempotencyKey: string }[] }).refunds;
}

async function verdict(certId: string | undefined) {
  const response = await fetch(`${env.runtime.baseUrl}/v/${certId}`, { headers: { accept: 'application/json' } });
  return (await response.json()) as { status: string; certificate?: { revocationReason?: { en: string } } };
}

/** The answer the cancellation sends once it is carried out off the webhook's path. */
async function answerAfter(waId: string, count: number, pattern: RegExp) {
  return waitFor('the cancellation’s answer', async () => {
    await env.runtime.drained();
    return (await texts(waId)).slice(count).find((text) => pattern.test(text));
  });
}

async function seatsTaken(serviceCode: string, date: string) {
  const response = await fetch(`${env.runtime.baseUrl}/apsrtc/services/seats`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ serviceCode, date: isoDate(date) }),
  });
  return ((await response.json()) as { seats: { id: string; free: boolean }[] }).seats
    .filter((s) => !s.free)
    .map((s) => s.id);
}

/** A darshan ticket for `persons` at Tirumala's 09:00 slot, `days` ahead, booked and paid. */
async function bookDarshan(waId: string, persons: number, days: number, first: boolean) {
  await askDarshan(env.runtime, waId, {
    persons,
    days,
    aadhaar: AADHAAR,
    ...(first ? { first: { language: 'en' } } : {}),
  });
  const sent = (await sentTo(env.runtime, waId)).length;
  await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'slot:09:00') });
  return payAndReceiveTicket(env.runtime, waId, sent);
}

/** A bus seat on `serviceCode` from Vijayawada to Hyderabad, `days` ahead, booked and paid. */
async function bookBus(waId: string, serviceCode: string, seat: string, date: string, first: boolean) {
  if (first) {
    await say(env.runtime, waId, { text: 'Hi' });
    await say(env.runtime, waId, { reply_id: 'lang:en' });
    await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'consent:yes') });
  }
  await say(env.runtime, waId, { reply_id: 'svc:apsrtc.bus-ticket' });
  for (const text of ['vijayawada', 'hyderabad', date]) await say(env.runtime, waId, { text });
  await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, `bus:${serviceCode}`) });
  for (const text of [seat, 'Ravi Kumar, 34, M']) await say(env.runtime, waId, { text });
  const sent = (await sentTo(env.runtime, waId)).length;
  await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'bus-hold') });
  return payAndReceiveTicket(env.runtime, waId, sent);
}

describe('cancelling a darshan ticket kept in Mitra’s own inventory', () => {
  const waId = '919833000401';
  let booked: Awaited<ReturnType<typeof bookDarshan>>;
  let near: Awaited<ReturnType<typeof bookDarshan>>;
  let pnr = '';

  it('lists the ticket under "status" and shows the refund by the time left before confirming', async () => {
    booked = await bookDarshan(waId, 4, 5, true);
    pnr = (await application(booked.applicationId))!.billPosting.billerReference;
    await say(env.runtime, waId, { text: 'status' });
    const status = (await sentTo(env.runtime, waId)).at(-1)!;
    expect(bodyOf(status)).toContain('Your tickets');
    expect(bodyOf(status)).toContain(`1. PNR ${pnr}: Darshan`);
    await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, `tcancel:${booked.applicationId}`) });
    const quote = await last(waId);
    // Five days ahead, the darshan's rules refund 80 %: ₹960 of ₹1,200.
    expect(quote).toContain('Cancel this ticket?');
    expect(quote).toContain('Paid ₹1,200');
    expect(quote).toContain('₹960 is refunded');
    expect(quote).toContain('₹240 kept');
  });

  it('on "Cancel ticket" puts the places back on sale, refunds once, revokes the ticket and says so', async () => {
    const before = (await sentTo(env.runtime, waId)).length;
    await say(env.runtime, waId, {
      reply_id: await rowIdOf(env.runtime, waId, `tcancel-yes:${booked.applicationId}`),
    });
    expect((await texts(waId)).slice(before).join('\n')).toContain(`Cancelling ticket ${pnr}`);
    const told = await answerAfter(waId, before, /is cancelled/);
    expect(told).toContain(`Ticket ${pnr} is cancelled. ₹960 is refunded`);
    const refunds = await refundsOf(booked.applicationId);
    expect(refunds.map((r) => r.amountPaise)).toEqual([96_000]);
    expect((await application(booked.applicationId))?.state).toBe('cancelled');
    const check = await verdict(booked.certId);
    expect(check.status).toBe('revoked');
    expect(check.certificate?.revocationReason?.en).toBe("Withdrawn at the holder's request");
    // The places and the month's quota (6 a person) are back: four more tickets on the same slot for the same Aadhaar.
    const again = await bookDarshan(waId, 4, 5, false);
    expect(again.status).toBe('valid');
  });

  it('refunds less nearer the time: half two days ahead', async () => {
    near = await bookDarshan(waId, 2, 2, false);
    const nearPnr = (await application(near.applicationId))!.billPosting.billerReference;
    await say(env.runtime, waId, { text: `cancel ${nearPnr}` });
    // Between 24 and 72 hours ahead the rules refund 50 %: ₹300 of ₹600.
    expect(await last(waId)).toContain('₹300 is refunded');
  });

  it('cancels and refunds once when the confirmation arrives twice at once, and says so when asked again', async () => {
    const before = (await sentTo(env.runtime, waId)).length;
    const task = (wamid: string) => ({
      ...keys.certificateTask(wamid),
      kind: 'certificate-task',
      messageId: wamid,
      task: 'cancel-booking',
      waId,
      language: 'en',
      applicationId: near.applicationId,
      createdAt: new Date().toISOString(),
      expiresAt: Math.floor(Date.now() / 1000) + 86_400,
    });
    await Promise.all(
      ['wamid.twice-1', 'wamid.twice-2'].map((wamid) =>
        table.send(new PutCommand({ TableName: env.runtime.names.table, Item: task(wamid) })),
      ),
    );
    const answers = await waitFor('both answers', async () => {
      await env.runtime.drained();
      const found = (await texts(waId)).slice(before).filter((text) => text.includes('cancelled'));
      return found.length === 2 ? found : undefined;
    });
    expect(answers.every((text) => text.includes('₹300'))).toBe(true);
    expect((await refundsOf(near.applicationId)).map((r) => r.amountPaise)).toEqual([30_000]);
    expect((await application(near.applicationId))?.state).toBe('cancelled');
    await say(env.runtime, waId, { text: `cancel ${pnr}` });
    expect(await last(waId)).toContain('already cancelled, and its refund of ₹960 recorded once');
    expect((await refundsOf(booked.applicationId)).length).toBe(1);
  });

  it('answers a PNR this number never booked plainly', async () => {
    await say(env.runtime, '919833000499', { text: 'Hi' });
    await say(env.runtime, '919833000499', { reply_id: 'lang:en' });
    await say(env.runtime, '919833000499', { reply_id: await rowIdOf(env.runtime, '919833000499', 'consent:yes') });
    await say(env.runtime, '919833000499', { text: `cancel ${pnr}` });
    expect(await last('919833000499')).toContain(`No ticket ${pnr} was booked from this number`);
  });
});

describe('cancelling a bus ticket through APSRTC’s reservation system', () => {
  const waId = '919833000402';
  const date = dateIn(1);
  let booked: Awaited<ReturnType<typeof bookBus>>;
  let pnr = '';

  it('shows APSRTC’s refund for the time left, in Telugu too, and frees the seat once confirmed', async () => {
    booked = await bookBus(waId, 'VJA-HYD-2200', '20', date, true);
    pnr = (await application(booked.applicationId))!.billPosting.billerReference;
    expect(await seatsTaken('VJA-HYD-2200', date)).toEqual(['20']);
    await say(env.runtime, waId, { text: `రద్దు ${pnr}` });
    // Tomorrow's 22:00 bus leaves in 22 to 46 hours: APSRTC refunds 75 % of ₹635.
    const quote = await last(waId);
    expect(quote).toContain(`PNR ${pnr}: Vijayawada → Hyderabad, Seats 20`);
    expect(quote).toContain('₹476.25 is refunded');
    const before = (await sentTo(env.runtime, waId)).length;
    await say(env.runtime, waId, {
      reply_id: await rowIdOf(env.runtime, waId, `tcancel-yes:${booked.applicationId}`),
    });
    expect(await answerAfter(waId, before, /is cancelled/)).toContain('₹476.25 is refunded');
    expect(await seatsTaken('VJA-HYD-2200', date)).toEqual([]);
    expect((await refundsOf(booked.applicationId)).map((r) => r.amountPaise)).toEqual([47_625]);
    expect((await verdict(booked.certId)).status).toBe('revoked');
  });

  it('after departure answers plainly that nothing can be cancelled', async () => {
    const later = await bookBus(waId, 'VJA-HYD-2200', '21', date, false);
    const laterPnr = (await application(later.applicationId))!.billPosting.billerReference;
    const clock = await fetch(`${env.runtime.baseUrl}/sim/api/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advance_seconds: 2 * 86_400 }),
    });
    expect(clock.ok).toBe(true);
    const before = (await sentTo(env.runtime, waId)).length;
    await say(env.runtime, waId, { text: `cancel ${laterPnr}` });
    // The advanced clock also sends the trip's reminder, which may come after the answer.
    await answerAfter(waId, before, /can no longer be cancelled/);
    const answer = (await sentTo(env.runtime, waId))
      .slice(before)
      .find((m) => bodyOf(m).includes('can no longer be cancelled')) as SentMessage;
    expect(answer.type).toBe('text');
    expect(await seatsTaken('VJA-HYD-2200', date)).toEqual(['21']);
    expect(await refundsOf(later.applicationId)).toEqual([]);
  });
});
