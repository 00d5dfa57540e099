import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '#core/table-keys.ts';
import { CHANGING_NUMBER } from '../../local/back-ends/billers.ts';
import { billSteps } from '../support/bills.ts';
import { rowIdOf, say, startTestRuntime, tableClient } from '../support/runtime.ts';

// "My bills" on the embedded runtime: the bills come from the local billers over HTTP, the session from DynamoDB Local.

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let bills: ReturnType<typeof billSteps>;

beforeAll(async () => {
  env = await startTestRuntime();
  bills = billSteps(env.runtime);
});
afterAll(async () => {
  await env?.stop();
});

const tap = async (waId: string, action: string) =>
  say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, action) });
const last = async (waId: string) => (await bills.texts(waId)).at(-1) ?? '';

interface StoredBills {
  consentedAt?: string;
  declinedAt?: string;
  saved: { number: string }[];
}

async function storedBills(waId: string) {
  const { Item } = await tableClient(env.runtime).send(
    new GetCommand({ TableName: env.runtime.names.table, Key: keys.session(waId), ConsistentRead: true }),
  );
  const session = Item?.session as { bills?: Partial<StoredBills> } | undefined;
  if (!session) throw new Error(`no session stored for ${waId}`);
  // The item leaves out an empty list of saved bills; the session's schema puts it back when it is read.
  return { saved: [], ...session.bills } as StoredBills;
}

describe('my bills', () => {
  it('remembers a bill once the citizen agrees, lists what is due now, and pays it with one tap', async () => {
    const waId = '919800000701';
    await bills.showBill(waId, '1123456789');
    await tap(waId, 'bills-save');
    expect(await last(waId)).toContain('Shall Mitra remember your bills?');
    await tap(waId, 'bills-consent:yes');
    expect((await bills.texts(waId)).join('\n')).toContain('Saved under "my bills"');
    const stored = await storedBills(waId);
    expect(stored.consentedAt).toBeDefined();
    expect(stored.saved.map((b) => b.number)).toEqual(['1123456789']);

    await say(env.runtime, waId, { text: 'my bills' });
    expect(await last(waId)).toMatch(/Electricity bill 1123456789: ₹[\d,]+ due by \d{2}-\d{2}-\d{4}/);
    await tap(waId, 'my-bill:0');
    expect((await bills.texts(waId)).join('\n')).toMatch(/Payment AP-[0-9A-Z]{12} for Electricity bill/);
  });

  it('lists what the biller says now, not what was shown before, and pays exactly that', async () => {
    const waId = '919800000702';
    // This consumer's bill gains a ₹50 late fee after it is first fetched.
    expect(await bills.showBill(waId, CHANGING_NUMBER)).toContain('₹500');
    await tap(waId, 'bills-save');
    await tap(waId, 'bills-consent:yes');
    await say(env.runtime, waId, { text: 'my bills' });
    expect(await last(waId)).toContain(`Electricity bill ${CHANGING_NUMBER}: ₹550 due by`);
    await tap(waId, 'my-bill:0');
    expect((await bills.texts(waId)).join('\n')).toMatch(/Payment AP-[0-9A-Z]{12} for Electricity bill: ₹550\./);
  });

  it('keeps nothing when the citizen declines, and forgets a number on request, in Telugu', async () => {
    const declined = '919800000703';
    await bills.showBill(declined, '1123456789');
    await tap(declined, 'bills-save');
    await tap(declined, 'bills-consent:no');
    expect(await storedBills(declined)).toMatchObject({ saved: [], declinedAt: expect.any(String) });

    const waId = '919800000704';
    await bills.showBill(waId, '1123456789', false, 'te');
    await tap(waId, 'bills-save');
    expect(await last(waId)).toContain('మిత్ర మీ బిల్లులను గుర్తుంచుకోవాలా?');
    await tap(waId, 'bills-consent:yes');
    await say(env.runtime, waId, { text: 'నా బిల్లులు' });
    expect(await last(waId)).toContain('నా బిల్లులు, బిల్లర్లు ఇప్పుడు చెప్పిన ప్రకారం');
    await tap(waId, 'bills-forget');
    await tap(waId, 'bills-forget:0');
    expect((await bills.texts(waId)).join('\n')).toContain('మర్చిపోయాము');
    expect((await storedBills(waId)).saved).toEqual([]);
  });
});
