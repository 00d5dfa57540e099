import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askDarshan, dateIn, payAndReceiveTicket } from '../support/bookings.ts';
import {
  bodyOf,
  documentOf,
  rowIdOf,
  type SentMessage,
  say,
  sentTo,
  startTestRuntime,
  tableClient,
  waitFor,
} from '../support/runtime.ts';

// A reminder before a booked darshan, on the embedded runtime: scheduled as the ticket is issued, fired by the runtime's
// clock as EventBridge Scheduler fires it in AWS, sent once as the mitra_reminder template; not after STOP, and not
// for a booking cancelled since (from the Cancel button its ticket came with).

let env: Awaited<ReturnType<typeof startTestRuntime>>;

beforeAll(async () => {
  env = await startTestRuntime();
});
afterAll(async () => {
  await env?.stop();
});

const AADHAAR = '234567890124';

/** One darshan ticket at 09:00 in three days, paid, its e-ticket received: the booking's application id. */
async function bookDarshan(waId: string, language: 'en' | 'te'): Promise<string> {
  await askDarshan(env.runtime, waId, { persons: 1, days: 3, aadhaar: AADHAAR, first: { language } });
  await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'slot:09:00') });
  const { applicationId, status } = await payAndReceiveTicket(env.runtime, waId);
  expect(status).toBe('valid');
  return applicationId;
}

const reminders = async (waId: string): Promise<SentMessage[]> =>
  (await sentTo(env.runtime, waId)).filter(
    (m) => m.type === 'template' && (m.template as { name: string }).name === 'mitra_reminder',
  );
const reminderItem = async (applicationId: string) =>
  (
    await tableClient(env.runtime).send(
      new GetCommand({
        TableName: env.runtime.names.table,
        Key: { pk: `REMINDER#booking-${applicationId}`, sk: 'REMINDER' },
      }),
    )
  ).Item;
const reminderFunction = () => [...env.runtime.functions.values()].find((fn) => fn.spec.name === 'reminders')!;

describe('a reminder before a booked darshan', () => {
  const REMINDED = '919833000201';
  const TELUGU = '919833000202';
  const STOPPED = '919833000203';
  const CANCELLED = '919833000204';
  const booked: Record<string, string> = {};

  beforeAll(async () => {
    for (const [waId, language] of [
      [REMINDED, 'en'],
      [TELUGU, 'te'],
      [STOPPED, 'en'],
      [CANCELLED, 'en'],
    ] as const)
      booked[waId] = await bookDarshan(waId, language);
    await say(env.runtime, STOPPED, { text: 'STOP' });
  }, 240_000);

  it('comes with the ticket a Cancel button, which asks the refund and cancels the booking once confirmed', async () => {
    const ticket = (await sentTo(env.runtime, CANCELLED)).find((m) => documentOf(m))!;
    expect(ticket.interactive?.type).toBe('button');
    const applicationId = booked[CANCELLED]!;
    // Tapped however late: the ticket's button names the booking, not a menu.
    await say(env.runtime, CANCELLED, { reply_id: await rowIdOf(env.runtime, CANCELLED, `tcancel:${applicationId}`) });
    expect(bodyOf((await sentTo(env.runtime, CANCELLED)).at(-1)!)).toContain('Cancel this ticket?');
    const before = (await sentTo(env.runtime, CANCELLED)).length;
    await say(env.runtime, CANCELLED, {
      reply_id: await rowIdOf(env.runtime, CANCELLED, `tcancel-yes:${applicationId}`),
    });
    await waitFor('the cancellation', async () => {
      await env.runtime.drained();
      return (await sentTo(env.runtime, CANCELLED))
        .slice(before)
        .map(bodyOf)
        .find((text) => text.includes('is cancelled'));
    });
    const { Item } = await tableClient(env.runtime).send(
      new GetCommand({ TableName: env.runtime.names.table, Key: { pk: `APP#${applicationId}`, sk: 'APP' } }),
    );
    expect(Item?.state).toBe('cancelled');
  });

  it('is scheduled as the ticket is issued, three hours before the slot, and not sent before its time', async () => {
    const item = await reminderItem(booked[REMINDED]!);
    // 09:00 in India is 03:30 UTC; three hours before is 00:30 UTC the same day.
    expect(item?.at).toMatch(/T00:30:00\.000Z$/);
    expect(item?.status).toBeUndefined();
    await env.runtime.drained();
    expect(await reminders(REMINDED)).toEqual([]);
  });

  it('comes at its time as the reminder template, in the citizen language, once', async () => {
    const at = Date.parse(String((await reminderItem(booked[REMINDED]!))?.at));
    env.runtime.clock.advance(Math.ceil((at - env.runtime.clock.get().getTime()) / 1000) + 60);
    const [reminder] = await waitFor('the reminder', async () => {
      await env.runtime.drained();
      const sent = await reminders(REMINDED);
      return sent.length > 0 ? sent : undefined;
    });
    expect(bodyOf(reminder!)).toContain('your Darshan ticket is');
    expect(bodyOf(reminder!)).toContain(`at 09:00 on ${dateIn(3)}`);
    expect(bodyOf(reminder!)).toContain(booked[REMINDED]);
    const telugu = await waitFor('the Telugu reminder', async () => (await reminders(TELUGU))[0]);
    expect((telugu.template as { language: { code: string } }).language.code).toBe('te');
    expect(bodyOf(telugu)).toMatch(/[\u0C00-\u0C7F]/);
    // The scheduler firing the same schedule again sends nothing more.
    expect(await reminderFunction().invoke({ reminderId: `booking-${booked[REMINDED]}` })).toEqual({
      fired: ['already-fired'],
    });
    await env.runtime.drained();
    expect(await reminders(REMINDED)).toHaveLength(1);
  });

  it('is not sent to a citizen who sent STOP, nor for a booking cancelled since', async () => {
    await waitFor('the reminders to fire', async () => {
      const [stopped, cancelled] = await Promise.all([
        reminderItem(booked[STOPPED]!),
        reminderItem(booked[CANCELLED]!),
      ]);
      return stopped?.status && cancelled?.status ? true : undefined;
    });
    expect((await reminderItem(booked[STOPPED]!))?.status).toBe('stopped');
    expect((await reminderItem(booked[CANCELLED]!))?.status).toBe('booking-not-standing');
    await env.runtime.drained();
    expect(await reminders(STOPPED)).toEqual([]);
    expect(await reminders(CANCELLED)).toEqual([]);
  });

  it('answers a reminder event it cannot read with an error, and an unknown reminder as unknown', async () => {
    await expect(reminderFunction().invoke({ reminderId: '' })).rejects.toThrow();
    expect(await reminderFunction().invoke({ reminderId: 'booking-AP-000000000000' })).toEqual({ fired: ['unknown'] });
  });
});
