import { createHmac } from 'node:crypto';
import { DescribeExecutionCommand, SFNClient } from '@aws-sdk/client-sfn';
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '#core/table-keys.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/local-aws.ts';
import { LOCAL_DEFAULTS } from '../../local/runtime.ts';
import {
  otpFor,
  rowIdOf,
  type SentMessage,
  say,
  sentTo,
  startTestRuntime,
  tableClient,
  waitFor,
} from '../support/runtime.ts';

// A fee is paid as on Indian government portals: a gateway link in the chat, and the gateway's signed
// server-to-server callback. Everything runs on the embedded runtime, through the local payment gateway.

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let table: DynamoDBDocumentClient;
let sfn: SFNClient;

beforeAll(async () => {
  env = await startTestRuntime();
  table = tableClient(env.runtime);
  sfn = new SFNClient({
    endpoint: env.runtime.endpoints.stepFunctions,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
});
afterAll(async () => {
  await env?.stop();
});

interface PaymentRecord {
  linkId: string;
  url: string;
  amountPaise: number;
  expiresAt: string;
  received?: { paymentId: string; amountPaise: number; paidAt: string; method?: string };
}
interface ApplicationItem {
  state: string;
  payment?: PaymentRecord;
  paymentIssues?: { reason: string; paymentId: string; amountPaise: number }[];
}

async function application(applicationId: string): Promise<ApplicationItem> {
  const { Item } = await table.send(
    new GetCommand({ TableName: env.runtime.names.table, Key: keys.application(applicationId), ConsistentRead: true }),
  );
  return Item as ApplicationItem;
}

/**
 * What the citizen read, oldest first: text messages, and the approved template the sender falls back to outside
 * the 24-hour window (its one body parameter is the same text).
 */
async function texts(waId: string): Promise<{ text: { body: string } }[]> {
  return (await sentTo(env.runtime, waId)).flatMap((m: SentMessage) => {
    if (m.text) return [{ text: m.text }];
    const template = m.template as { components?: { parameters?: { text?: string }[] }[] } | undefined;
    const body = template?.components
      ?.flatMap((c) => c.parameters ?? [])
      .map((p) => p.text ?? '')
      .join(' ');
    return body ? [{ text: { body } }] : [];
  });
}

/** A citizen applies for an encumbrance certificate (₹100) and receives the payment link in the chat. */
async function applyForEncumbranceCertificate(waId: string) {
  await say(env.runtime, waId, { text: 'Hi' });
  await say(env.runtime, waId, { reply_id: 'lang:en' });
  await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'consent:yes') });
  await say(env.runtime, waId, { reply_id: 'svc:registration.encumbrance-certificate' });
  await say(env.runtime, waId, { text: 'Ravi Kumar Reddy' });
  await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'opt:guntur') });
  await say(env.runtime, waId, { text: 'Tenali' });
  await say(env.runtime, waId, { text: '123/4A' });
  await say(env.runtime, waId, { text: '2000' });
  await say(env.runtime, waId, { text: '2020' });
  await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'confirm') });
  await say(env.runtime, waId, { text: '234567890124' });
  await say(env.runtime, waId, { text: await otpFor(env.runtime, '234567890124') });
  const notice = await waitFor('the payment link in the chat', async () => {
    await env.runtime.drained();
    return (await texts(waId)).find((m) => m.text.body.includes('/pay/'));
  });
  const applicationId = /AP-[0-9A-Z]{12}/.exec(notice.text.body)![0];
  const url = /(http\S+\/pay\/[A-Za-z0-9_-]+)/.exec(notice.text.body)![1]!;
  return { applicationId, url, notice: notice.text.body };
}

function signedCallback(body: Record<string, unknown>, secret = LOCAL_DEFAULTS.paymentWebhookSecret) {
  const raw = JSON.stringify(body);
  return fetch(`${env.runtime.baseUrl}/payments/callback`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-payment-signature': `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`,
    },
    body: raw,
  });
}

async function executionStatus(applicationId: string) {
  const executionArn = `${env.runtime.names.certificateWorkflowArn.replace(':stateMachine:', ':execution:')}:${applicationId}`;
  return (await sfn.send(new DescribeExecutionCommand({ executionArn }))).status;
}

const PAYER = '919811000001';
const DEFAULTER = '919811000002';
let paid: { applicationId: string; url: string; paymentId: string; paidAt: string };
let unpaid: { applicationId: string; url: string };

describe('a certificate with a fee', () => {
  it('sends the citizen a payment link for the fee, and the link shows the amount and what it is for', async () => {
    const { applicationId, url, notice } = await applyForEncumbranceCertificate(PAYER);
    expect(notice).toContain('₹100');
    expect(notice).toContain('Encumbrance certificate');
    const page = await fetch(url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('₹100');
    expect(html).toContain(applicationId);
    expect(html).toContain('Pay with UPI');
    expect((await application(applicationId)).state).toBe('awaiting-payment');
    paid = { applicationId, url, paymentId: '', paidAt: '' };
  });

  it('moves the application on when the citizen pays, and tells them', async () => {
    const response = await fetch(paid.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ outcome: 'captured' }),
    });
    expect(response.status).toBe(200);
    paid.paymentId = response.headers.get('x-payment-id')!;
    const after = await waitFor('the application to leave awaiting-payment', async () => {
      const item = await application(paid.applicationId);
      return item.state !== 'awaiting-payment' ? item : undefined;
    });
    expect(after.state).not.toBe('payment-expired');
    expect(after.payment?.received).toMatchObject({ paymentId: paid.paymentId, amountPaise: 10000, method: 'upi' });
    paid.paidAt = after.payment!.received!.paidAt;
    expect(['RUNNING', 'SUCCEEDED']).toContain(await executionStatus(paid.applicationId));
    await env.runtime.drained();
    expect(
      (await texts(PAYER)).some((m) => m.text.body.includes(`payment of ₹100 for application ${paid.applicationId}`)),
    ).toBe(true);
    // The gateway's own record: the link is paid, and Mitra answered its callback with 200.
    const gateway = (await (
      await fetch(`${env.runtime.baseUrl}/sim/api/payments?order_id=${paid.applicationId}`)
    ).json()) as { links: { status: string; attempts: { callbackStatus: number }[] }[] };
    expect(gateway.links).toHaveLength(1);
    expect(gateway.links[0]).toMatchObject({ status: 'paid', attempts: [{ callbackStatus: 200 }] });
  });

  it('changes nothing when the gateway repeats the callback, with or without fields it added', async () => {
    const before = await application(paid.applicationId);
    const messagesBefore = (await sentTo(env.runtime, PAYER)).length;
    for (const added of [{}, { acquirer_data: { rrn: '512345678901' }, fee: 236 }]) {
      const response = await signedCallback({
        event: 'payment.captured',
        paymentId: paid.paymentId,
        orderId: paid.applicationId,
        amountPaise: 10000,
        currency: 'INR',
        paidAt: paid.paidAt,
        method: 'upi',
        ...added,
      });
      expect(response.status).toBe(200);
    }
    await env.runtime.drained();
    const after = await application(paid.applicationId);
    expect(after.payment?.received).toEqual(before.payment?.received);
    expect(after.paymentIssues).toBeUndefined();
    expect(['RUNNING', 'SUCCEEDED']).toContain(await executionStatus(paid.applicationId));
    expect((await sentTo(env.runtime, PAYER)).length).toBe(messagesBefore);
    // And the pay page no longer takes money for it.
    const again = await fetch(paid.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ outcome: 'captured' }),
    });
    expect(again.status).toBe(409);
  });

  it('goes to the officer once paid, and is issued when the Sub-Registrar approves', async () => {
    await waitFor('the application to await the officer', async () => {
      await env.runtime.drained();
      return (await application(paid.applicationId)).state === 'awaiting-approval' ? true : undefined;
    });
    // The sample registration officer (local/sample-officers.ts) types the decision the notice asks for.
    await say(env.runtime, '919000000401', { text: `approve ${paid.applicationId}` });
    const document = await waitFor('the certificate', async () => {
      await env.runtime.drained();
      return (await sentTo(env.runtime, PAYER)).find((m) => m.type === 'document');
    });
    expect(document.document?.caption).toContain('Encumbrance certificate');
    const issued = await application(paid.applicationId);
    expect(issued.state).toBe('issued');
    expect(issued.payment?.received).toMatchObject({ paymentId: paid.paymentId });
    expect(await executionStatus(paid.applicationId)).toBe('SUCCEEDED');
  });
});

describe('payments Mitra does not accept', () => {
  it('refuses a forged callback with 401 and changes nothing', async () => {
    unpaid = await applyForEncumbranceCertificate(DEFAULTER);
    const forged = {
      event: 'payment.captured',
      paymentId: 'pay_forged000001',
      orderId: unpaid.applicationId,
      amountPaise: 10000,
      currency: 'INR',
      paidAt: new Date().toISOString(),
    };
    expect((await signedCallback(forged, 'not-the-gateway-secret')).status).toBe(401);
    const unsigned = await fetch(`${env.runtime.baseUrl}/payments/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(forged),
    });
    expect(unsigned.status).toBe(401);
    const item = await application(unpaid.applicationId);
    expect(item.state).toBe('awaiting-payment');
    expect(item.payment?.received).toBeUndefined();
    expect(item.paymentIssues).toBeUndefined();
  });

  it('answers a signed callback that is not a payment with 400', async () => {
    const response = await signedCallback({ event: 'payment.captured', orderId: unpaid.applicationId });
    expect(response.status).toBe(400);
    expect((await application(unpaid.applicationId)).state).toBe('awaiting-payment');
  });

  it('does not accept a payment of the wrong amount, but records it for a refund', async () => {
    const response = await signedCallback({
      event: 'payment.captured',
      paymentId: 'pay_short0000001',
      orderId: unpaid.applicationId,
      amountPaise: 100,
      currency: 'INR',
      paidAt: new Date(env.runtime.clock.get()).toISOString(),
    });
    // 200, so the gateway does not retry for days; the money is reconciled by an operator.
    expect(response.status).toBe(200);
    const item = await application(unpaid.applicationId);
    expect(item.state).toBe('awaiting-payment');
    expect(item.paymentIssues).toEqual([
      expect.objectContaining({ reason: 'wrong-amount', paymentId: 'pay_short0000001', amountPaise: 100 }),
    ]);
    expect(await executionStatus(unpaid.applicationId)).toBe('RUNNING');
  });

  it('tells the citizen a failed payment can be tried again with the same link, and keeps waiting', async () => {
    const response = await fetch(unpaid.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ outcome: 'failed' }),
    });
    expect(response.status).toBe(200);
    await env.runtime.drained();
    const told = (await texts(DEFAULTER)).find((m) => m.text.body.includes('did not go through'));
    expect(told?.text.body).toContain(unpaid.url);
    expect((await application(unpaid.applicationId)).state).toBe('awaiting-payment');
  });

  it('closes an unpaid application after 48 hours and tells the citizen', async () => {
    const clock = await fetch(`${env.runtime.baseUrl}/sim/api/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advance_seconds: 49 * 3600 }),
    });
    expect(clock.ok).toBe(true);
    await waitFor('the unpaid application to close', async () =>
      (await application(unpaid.applicationId)).state === 'payment-expired' ? true : undefined,
    );
    const told = await waitFor('the citizen to be told', async () => {
      await env.runtime.drained();
      return (await texts(DEFAULTER)).find((m) => m.text.body.includes('was not paid within 48 hours'));
    });
    expect(told.text.body).toContain(unpaid.applicationId);
    expect(await executionStatus(unpaid.applicationId)).toBe('SUCCEEDED');
    // The link no longer takes money.
    const late = await fetch(unpaid.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ outcome: 'captured' }),
    });
    expect(late.status).toBe(409);
  });

  it('records a payment captured after the link expired for a refund, and does not reopen the application', async () => {
    const response = await signedCallback({
      event: 'payment.captured',
      paymentId: 'pay_late00000001',
      orderId: unpaid.applicationId,
      amountPaise: 10000,
      currency: 'INR',
      paidAt: env.runtime.clock.get().toISOString(),
      method: 'upi',
    });
    expect(response.status).toBe(200);
    const item = await application(unpaid.applicationId);
    expect(item.state).toBe('payment-expired');
    expect(item.paymentIssues?.map((i) => [i.reason, i.paymentId])).toEqual([
      ['wrong-amount', 'pay_short0000001'],
      ['not-awaiting-payment', 'pay_late00000001'],
    ]);
  });
});
