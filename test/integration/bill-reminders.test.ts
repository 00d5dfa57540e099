import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLOW_NUMBER } from '../../local/back-ends/billers.ts';
import { billSteps } from '../support/bills.ts';
import { payAndReceiveTicket } from '../support/bookings.ts';
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

// Reminders before a remembered bill's due date, on the embedded runtime: turned on under "my bills", scheduled for
// three days before the due date the local biller states, fired by the runtime's clock as EventBridge Scheduler fires
// them in AWS, and sent as the mitra_reminder template; not once turned off, the number forgotten or the bill paid.
// The bill is then paid from the chat the reminder reopens.

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let bills: ReturnType<typeof billSteps>;

beforeAll(async () => {
  env = await startTestRuntime();
  bills = billSteps(env.runtime);
});
afterAll(async () => {
  await env?.stop();
});

const NUMBER = '1123456789';
const tap = async (waId: string, action: string) =>
  say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, action) });

const reminders = async (waId: string): Promise<SentMessage[]> =>
  (await sentTo(env.runtime, waId)).filter(
    (m) => m.type === 'template' && (m.template as { name: string }).name === 'mitra_reminder',
  );

interface ReminderItem {
  reminderId: string;
  at: string;
  about: string;
  status?: string;
}

/** The citizen's bill reminders as stored: what they are about, when they go, and whether they went. */
async function reminderItems(waId: string): Promise<ReminderItem[]> {
  const { Items = [] } = await tableClient(env.runtime).send(
    new ScanCommand({
      TableName: env.runtime.names.table,
      FilterExpression: 'begins_with(pk, :reminder) AND waId = :waId',
      ExpressionAttributeValues: { ':reminder': 'REMINDER#bill-', ':waId': waId },
      ConsistentRead: true,
    }),
  );
  return Items as ReminderItem[];
}

/** A citizen whose electricity bill is remembered, and whose "my bills" list is showing. */
async function remembered(waId: string, language: 'en' | 'te' = 'en', number = NUMBER) {
  await bills.showBill(waId, number, false, language);
  await tap(waId, 'bills-save');
  await tap(waId, 'bills-consent:yes');
  await say(env.runtime, waId, { text: language === 'te' ? 'నా బిల్లులు' : 'my bills' });
}

describe('reminders before a remembered bill is due', () => {
  const REMINDED = '919800000801';
  const TURNED_OFF = '919800000802';
  const FORGOTTEN = '919800000803';
  const NEVER = '919800000804';
  const PAID = '919800000805';

  beforeAll(async () => {
    await remembered(REMINDED);
    await remembered(TURNED_OFF, 'te');
    await remembered(FORGOTTEN);
    await remembered(NEVER);
    // A bill of its own: paying it settles it at the biller for everyone who remembers that number.
    await remembered(PAID, 'en', SLOW_NUMBER);
  }, 300_000);

  it('are offered under my bills, and turned on say so and are scheduled three days before the due date', async () => {
    expect(await rowIdOf(env.runtime, REMINDED, 'bills-remind:on')).toBeDefined();
    await tap(REMINDED, 'bills-remind:on');
    const said = (await bills.texts(REMINDED)).join('\n');
    expect(said).toContain('Mitra will remind you 3 days before each of these bills is due');
    expect(await rowIdOf(env.runtime, REMINDED, 'bills-remind:off')).toBeDefined();
    const [item] = await reminderItems(REMINDED);
    expect(item).toMatchObject({ about: 'bill', reminderId: expect.stringMatching(/^bill-[0-9a-f]{40}$/) });
    // 09:00 in India is 03:30 UTC, on a morning before the due date the biller states (ten days ahead).
    expect(item!.at).toMatch(/T03:30:00\.000Z$/);
    const daysAhead = (Date.parse(item!.at) - env.runtime.clock.get().getTime()) / 86_400_000;
    expect(daysAhead).toBeGreaterThan(6);
    expect(daysAhead).toBeLessThan(8);
    // Shown again, the list schedules the same reminder, not a second one.
    await say(env.runtime, REMINDED, { text: 'my bills' });
    expect(await reminderItems(REMINDED)).toHaveLength(1);
    expect(await reminderItems(NEVER)).toEqual([]);
  });

  it('are not sent once turned off (in Telugu) or once the number is forgotten', async () => {
    await tap(TURNED_OFF, 'bills-remind:on');
    await tap(TURNED_OFF, 'bills-remind:off');
    expect((await bills.texts(TURNED_OFF)).join('\n')).toContain('బిల్లు గుర్తులు ఆపివేశాము');
    await tap(FORGOTTEN, 'bills-remind:on');
    await tap(FORGOTTEN, 'bills-forget');
    await tap(FORGOTTEN, 'bills-forget:0');
    expect(await reminderItems(TURNED_OFF)).toHaveLength(1);
    expect(await reminderItems(FORGOTTEN)).toHaveLength(1);
  });

  it('is not sent for a bill the citizen paid in the chat after turning reminders on', async () => {
    await tap(PAID, 'bills-remind:on');
    expect(await reminderItems(PAID)).toHaveLength(1);
    await say(env.runtime, PAID, { text: 'my bills' });
    const sent = (await sentTo(env.runtime, PAID)).length;
    await tap(PAID, 'my-bill:0');
    const { status } = await payAndReceiveTicket(env.runtime, PAID, sent);
    expect(status).toBe('valid');
  });

  it('comes at its time as the reminder template, once, saying what is due and how to pay', async () => {
    const [item] = await reminderItems(REMINDED);
    env.runtime.clock.advance(Math.ceil((Date.parse(item!.at) - env.runtime.clock.get().getTime()) / 1000) + 60);
    const [reminder] = await waitFor('the bill reminder', async () => {
      await env.runtime.drained();
      const sent = await reminders(REMINDED);
      return sent.length > 0 ? sent : undefined;
    });
    expect(bodyOf(reminder!)).toMatch(
      new RegExp(`your Electricity bill for ${NUMBER}, ₹[\\d,.]+, is due on \\d{2}-\\d{2}-\\d{4}\\. Send "my bills"`),
    );
    await waitFor('the other reminders to fire', async () => {
      const items = [
        ...(await reminderItems(TURNED_OFF)),
        ...(await reminderItems(FORGOTTEN)),
        ...(await reminderItems(PAID)),
      ];
      return items.every((i) => i.status) ? true : undefined;
    });
    expect((await reminderItems(REMINDED))[0]?.status).toBe('send');
    expect((await reminderItems(TURNED_OFF))[0]?.status).toBe('bill-reminders-off');
    expect((await reminderItems(FORGOTTEN))[0]?.status).toBe('bill-forgotten');
    expect((await reminderItems(PAID))[0]?.status).toBe('bill-paid');
    await env.runtime.drained();
    expect(await reminders(REMINDED)).toHaveLength(1);
    expect(await reminders(TURNED_OFF)).toEqual([]);
    expect(await reminders(FORGOTTEN)).toEqual([]);
    expect(await reminders(NEVER)).toEqual([]);
    expect(await reminders(PAID)).toEqual([]);
  });

  it('is followed by paying the bill in the chat it reopens, to its receipt', async () => {
    await say(env.runtime, REMINDED, { text: 'my bills' });
    const sent = (await sentTo(env.runtime, REMINDED)).length;
    await tap(REMINDED, 'my-bill:0');
    const { notice, status } = await payAndReceiveTicket(env.runtime, REMINDED, sent);
    expect(notice).toContain('Electricity bill');
    expect(status).toBe('valid');
  });
});
