import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '#core/table-keys.ts';
import {
  bodyOf,
  proveIdentity,
  rowIdOf,
  say,
  sentTo,
  startTestRuntime,
  tableClient,
  waitFor,
} from '../support/runtime.ts';

// An income or caste certificate is issued at once only when the household records (the local department records,
// found by the UID token of the citizen's Aadhaar OTP) confirm what the citizen declared; otherwise the tahsildar
// decides, told what the records said.

const tahsildar = '919000000042';
let env: Awaited<ReturnType<typeof startTestRuntime>>;

beforeAll(async () => {
  env = await startTestRuntime();
  await say(env.runtime, tahsildar, { text: 'Hi' });
  await say(env.runtime, tahsildar, { reply_id: 'lang:en' });
}, 120_000);
afterAll(async () => {
  await env?.stop();
});

/** Applies for a revenue certificate with these answers (in the service's field order) and proves identity. */
async function apply(waId: string, serviceId: string, answers: { text?: string; option?: string }[], aadhaar: string) {
  await say(env.runtime, waId, { text: 'Hi' });
  await say(env.runtime, waId, { reply_id: 'lang:en' });
  await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'consent:yes') });
  await say(env.runtime, waId, { reply_id: `svc:${serviceId}` });
  for (const answer of answers) {
    if (answer.option) await say(env.runtime, waId, { reply_id: await optionId(waId, answer.option) });
    else await say(env.runtime, waId, { text: answer.text! });
  }
  await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'confirm') });
  await proveIdentity(env.runtime, waId, aadhaar);
  const submitted = (await sentTo(env.runtime, waId)).map(bodyOf).find((text) => /AP-[0-9A-Z]{12}/.test(text));
  return /AP-[0-9A-Z]{12}/.exec(submitted!)![0];
}

/** The row of a choice, paging through the list with "More" until it shows. */
async function optionId(waId: string, option: string): Promise<string> {
  for (let page = 0; page < 5; page++) {
    const id = await rowIdOf(env.runtime, waId, `opt:${option}`).catch(() => undefined);
    if (id) return id;
    await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'more') });
  }
  throw new Error(`no option ${option} offered`);
}

async function settled(applicationId: string, state: string) {
  return waitFor(`application ${applicationId} ${state}`, async () => {
    await env.runtime.drained();
    const { Item } = await tableClient(env.runtime).send(
      new GetCommand({ TableName: env.runtime.names.table, Key: keys.application(applicationId) }),
    );
    return Item?.state === state ? Item : undefined;
  });
}

describe('the household records check', () => {
  it('issues a caste certificate at once when the records confirm the category, name, father and district', async () => {
    const citizen = '919876520001';
    const applicationId = await apply(
      citizen,
      'revenue.caste-certificate',
      [
        { text: 'Syed Abdul Rahman' },
        { option: 'son-of' },
        { text: 'Syed Karim' },
        { text: '456789012341' },
        { option: 'bc-e' },
        { text: 'Budhwarpet' },
        { text: 'Kurnool' },
        { option: 'kurnool' },
        { option: 'education' },
      ],
      '456789012341',
    );
    await settled(applicationId, 'issued');
    // Issued and queued in one write; the sender delivers it a moment later.
    const document = await waitFor('the certificate in the chat', async () => {
      await env.runtime.drained();
      return (await sentTo(env.runtime, citizen)).find((m) => m.type === 'document');
    });
    expect(document.document?.caption).toContain('Caste certificate');
    // The record was asked by UID token: the application carries the token, never the Aadhaar number.
    const { Item } = await tableClient(env.runtime).send(
      new GetCommand({ TableName: env.runtime.names.table, Key: keys.application(applicationId) }),
    );
    expect(Item?.citizenToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(Item)).not.toContain('456789012341');
  });

  it('sends an income the records contradict to the tahsildar, saying which detail differs, and issues nothing yet', async () => {
    const citizen = '919876520002';
    const applicationId = await apply(
      citizen,
      'revenue.income-certificate',
      [
        { text: 'Ravi Kumar Reddy' },
        { option: 'son-of' },
        { text: 'Venkata Reddy' },
        { text: '234567890124' },
        { text: '45000' },
        { text: 'Kothapeta' },
        { text: 'Tenali' },
        { option: 'guntur' },
        { option: 'scholarship' },
      ],
      '234567890124',
    );
    const waiting = await settled(applicationId, 'awaiting-approval');
    expect(waiting.approval).toMatchObject({ department: 'revenue', district: 'guntur' });
    const notice = await waitFor('the notice to the tahsildar', async () => {
      await env.runtime.drained();
      return (await sentTo(env.runtime, tahsildar)).map(bodyOf).find((text) => text.includes(applicationId));
    });
    expect(notice).toContain('Records check: the household records differ on: Annual income (₹).');
    // Opened again from the worklist, the notice still says why it came to the tahsildar.
    await say(env.runtime, tahsildar, { reply_id: `decide:open:${applicationId}` });
    const reopened = (await sentTo(env.runtime, tahsildar)).map(bodyOf).at(-1);
    expect(reopened).toContain(`Application ${applicationId} needs your decision.`);
    expect(reopened).toContain('Records check: the household records differ on: Annual income (₹).');
    const told = (await sentTo(env.runtime, citizen)).map(bodyOf).join('\n');
    expect(told).toContain("The department's records could not confirm every detail");
    expect((await sentTo(env.runtime, citizen)).some((m) => m.type === 'document')).toBe(false);

    // The tahsildar looked into it and approves: the certificate is issued.
    await say(env.runtime, tahsildar, { text: `approve ${applicationId}` });
    await settled(applicationId, 'issued');
  });

  it('sends a caste category the records do not hold to the tahsildar', async () => {
    const citizen = '919876520003';
    const applicationId = await apply(
      citizen,
      'revenue.caste-certificate',
      [
        { text: 'Ravi Kumar Reddy' },
        { option: 'son-of' },
        { text: 'Venkata Reddy' },
        { text: '234567890124' },
        { option: 'bc-b' },
        { text: 'Kothapeta' },
        { text: 'Tenali' },
        { option: 'guntur' },
        { option: 'education' },
      ],
      '234567890124',
    );
    await settled(applicationId, 'awaiting-approval');
    const notice = await waitFor('the notice to the tahsildar', async () => {
      await env.runtime.drained();
      return (await sentTo(env.runtime, tahsildar)).map(bodyOf).find((text) => text.includes(applicationId));
    });
    expect(notice).toContain('Records check: the household records do not hold all of these details.');
  });
});
