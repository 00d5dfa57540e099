import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/local-aws.ts';
import { otpFor, rowIdOf, type SentMessage, say, sentTo, startTestRuntime, waitFor } from '../support/runtime.ts';

// Whole conversations through the simulator and the embedded runtime: the parts that need the webhook's lookups
// (identity service, the citizen's applications) and the clock.

const AADHAAR = '345678901238';
let env: Awaited<ReturnType<typeof startTestRuntime>>;
beforeAll(async () => {
  env = await startTestRuntime();
});
afterAll(async () => {
  await env?.stop();
});

const lastText = async (waId: string) => {
  const sent = (await sentTo(env.runtime, waId)).filter((m) => m.type === 'text' || m.type === 'interactive');
  return textOf(sent.at(-1)!);
};
const textOf = (m: SentMessage) => (m.type === 'text' ? (m.text?.body ?? '') : (m.interactive?.body.text ?? ''));
const tap = async (waId: string, action: string) =>
  say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, action) });

async function ready(waId: string) {
  await say(env.runtime, waId, { text: 'Hi' });
  await tap(waId, 'lang:en');
  await tap(waId, 'consent:yes');
}

describe('a conversation through the whole system', () => {
  it('submits an application after Aadhaar OTP, saying who decides and by when; its workflow asks for the fee, and "status" says so', async () => {
    const waId = '919000000101';
    await ready(waId);
    await say(env.runtime, waId, { text: 'trade licence' });
    await tap(waId, 'svc:municipal.trade-licence');
    await say(env.runtime, waId, { text: 'Lakshmi Devi Naidu' });
    await say(env.runtime, waId, { text: 'Sri Lakshmi Stores' });
    await say(env.runtime, waId, { text: '12-4-56, Main Road, Vijayawada' });
    await say(env.runtime, waId, { text: '9876543211' });
    await tap(waId, 'confirm');
    await say(env.runtime, waId, { text: AADHAAR });
    expect(await lastText(waId)).toContain('XXXX XXXX 1238');
    await say(env.runtime, waId, { text: await otpFor(env.runtime, AADHAAR) });
    // The workflow may already have sent the payment link: the submission is the message with the number.
    const submitted = (await sentTo(env.runtime, waId)).map(textOf).find((text) => /AP-[0-9A-Z]{12}/.test(text))!;
    const applicationId = /AP-[0-9A-Z]{12}/.exec(submitted)?.[0];
    expect(applicationId).toBeDefined();
    expect(submitted).toContain('₹500');
    expect(submitted).toMatch(/will decide by \d{2}-\d{2}-\d{4}/);

    const table = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        endpoint: env.runtime.endpoints.dynamodb,
        region: LOCAL_REGION,
        credentials: LOCAL_CREDENTIALS,
      }),
    );
    const Item = await waitFor('the workflow to ask for the fee', async () => {
      await env.runtime.drained();
      const { Item } = await table.send(
        new GetCommand({ TableName: env.runtime.names.table, Key: { pk: `APP#${applicationId}`, sk: 'APP' } }),
      );
      return Item?.state === 'awaiting-payment' ? Item : undefined;
    });
    expect(Item).toMatchObject({ serviceId: 'municipal.trade-licence', slaDays: 7 });
    // Its history: submitted by the citizen, taken up and sent the payment link by the workflow.
    expect((Item.history as { transition: string; actor: { type: string } }[]).map((h) => h.transition)).toEqual([
      'submit',
      'take-up',
      'request-payment',
    ]);
    // The Aadhaar number is nowhere in the table: not in the session, the application or the dedupe marks.
    const everything = await new DynamoDBClient({
      endpoint: env.runtime.endpoints.dynamodb,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
    }).send(
      new QueryCommand({
        TableName: env.runtime.names.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: `CITIZEN#${waId}` } },
      }),
    );
    expect(JSON.stringify(everything.Items)).not.toContain(AADHAAR);
    expect(JSON.stringify(Item)).not.toContain(AADHAAR);

    // The payment link comes after the state is written (the sender sends it once the submitting turn's replies
    // went); "status" is asked once the citizen has it.
    const feeNotice = await waitFor('the payment link', async () => {
      await env.runtime.drained();
      return (await sentTo(env.runtime, waId))
        .map(textOf)
        .find((text) => text.includes(`${applicationId} (Trade licence) has a fee of ₹500`));
    });
    expect(feeNotice).toMatch(/\/pay\/plink_\w+/);

    await say(env.runtime, waId, { text: 'status' });
    const status = await lastText(waId);
    expect(status).toContain(`${applicationId}: Trade licence, waiting for the fee to be paid`);
  });

  it('locks identity checks after three wrong OTPs until the clock has moved on 30 minutes', async () => {
    const waId = '919000000102';
    await ready(waId);
    await say(env.runtime, waId, { text: 'status' });
    await say(env.runtime, waId, { text: AADHAAR });
    const otp = await otpFor(env.runtime, AADHAAR);
    const wrong = otp === '000000' ? '111111' : '000000';
    for (let i = 0; i < 3; i++) await say(env.runtime, waId, { text: wrong });
    expect(await lastText(waId)).toContain('Too many wrong OTPs');
    await say(env.runtime, waId, { text: 'status' });
    expect(await lastText(waId)).toContain('Too many wrong OTPs');
    await fetch(`${env.runtime.baseUrl}/sim/api/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advance_seconds: 31 * 60 }),
    });
    await say(env.runtime, waId, { text: 'status' });
    expect(await lastText(waId)).toContain('Aadhaar number');
  });

  it('starts a conversation left idle in a form over after 30 minutes, with a friendly word', async () => {
    const waId = '919000000103';
    await ready(waId);
    await say(env.runtime, waId, { text: 'caste certificate' });
    await tap(waId, 'svc:revenue.caste-certificate');
    await fetch(`${env.runtime.baseUrl}/sim/api/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advance_seconds: 31 * 60 }),
    });
    await say(env.runtime, waId, { text: 'Ravi Kumar Reddy' });
    const sent = (await sentTo(env.runtime, waId)).filter((m) => m.type === 'text' || m.type === 'interactive');
    expect(sent.map(textOf).join('\n')).toContain('30 minutes');
  });

  it('serves the public catalog of 36 departments and 161 services', async () => {
    const response = await fetch(`${env.runtime.baseUrl}/catalog`);
    const body = (await response.json()) as { departments: unknown[]; services: { id: string; sla: unknown }[] };
    expect(response.status).toBe(200);
    expect(body.departments).toHaveLength(36);
    expect(body.services).toHaveLength(161);
  });
});
