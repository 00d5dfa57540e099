import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANGING_NUMBER, REFUSING_NUMBER, SLOW_NUMBER } from '../../local/back-ends/billers.ts';
import { LOCAL_DEFAULTS } from '../../local/runtime.ts';
import { billSteps } from '../support/bills.ts';
import { rowIdOf, say, sentTo, startTestRuntime, waitFor } from '../support/runtime.ts';

// A bill is fetched from its biller in the chat, paid through the gateway, posted to the biller exactly once, and
// receipted through the document pipeline; on the embedded runtime with its local billers and payment gateway.

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let bills: ReturnType<typeof billSteps>;

beforeAll(async () => {
  env = await startTestRuntime();
  bills = billSteps(env.runtime);
});
afterAll(async () => {
  await env?.stop();
});

const texts = (waId: string) => bills.texts(waId);
const application = (applicationId: string) => bills.application(applicationId);
const postings = (number: string) => bills.postings(number);
const showBill = (waId: string, number: string, returning = false) => bills.showBill(waId, number, returning);
const settled = (applicationId: string, state: string) => bills.settled(applicationId, state);

/** "Pay" on the bill shown: the payment link the chat then sends, and the application it pays. */
async function tapPay(waId: string) {
  await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'pay') });
  const notice = await waitFor('the payment link in the chat', async () => {
    await env.runtime.drained();
    return (await texts(waId)).find((text) => text.includes('/pay/'));
  });
  return {
    applicationId: /AP-[0-9A-Z]{12}/.exec(notice)![0],
    url: /(http\S+\/pay\/[A-Za-z0-9_-]+)/.exec(notice)![1]!,
    notice,
  };
}

async function payOnPage(url: string, outcome: 'captured' | 'failed' = 'captured') {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ outcome }),
  });
  expect(response.status).toBe(200);
  return response.headers.get('x-payment-id')!;
}

describe('an electricity bill in the chat', () => {
  it('shows the bill the power company holds: consumer masked, period, amount, due date, and a Pay button', async () => {
    const waId = '919822000001';
    const bill = await showBill(waId, '1123456789');
    expect(bill).toContain('R**** K**** R****'.replaceAll('*', '\u2217'));
    expect(bill).not.toContain('Ravi');
    expect(bill).toContain('Amount due: *₹1,245*');
    expect(bill).toMatch(/Period: \d{2}-\d{2}-\d{4} – \d{2}-\d{2}-\d{4}/);
    expect(bill).toMatch(/Due date: \d{2}-\d{2}-\d{4}/);
    const last = (await sentTo(env.runtime, waId)).at(-1)!;
    expect(JSON.stringify(last.interactive?.action)).toContain('Pay ₹1,245');
  });

  it('shows arrears, the late fee and a disconnection notice on an overdue bill', async () => {
    const bill = await showBill('919822000002', '4234567890');
    expect(bill).toContain('Arrears: ₹830');
    expect(bill).toContain('Late fee: ₹50');
    expect(bill).toContain('Amount due: *₹1,490*');
    expect(bill).toContain('Disconnection notice');
  });

  it.each([
    ['nothing due', '7345678901', 'Nothing is due on this account now', '919822000011'],
    ['an unknown number', '1000000002', 'has no bill for 1000000002', '919822000012'],
    ['the biller down', '503503503', "biller's system is not answering", '919822000013'],
  ])('answers %s plainly, with nothing to pay', async (_case, number, answer, waId) => {
    const bill = await showBill(waId, number);
    expect((await texts(waId)).join('\n')).toContain(answer);
    expect(bill).not.toContain('Pay ₹');
    expect((await sentTo(env.runtime, waId)).at(-1)?.interactive).toBeUndefined();
  });

  it('answers in Telugu too', async () => {
    const waId = '919822000020';
    await say(env.runtime, waId, { text: 'Hi' });
    await say(env.runtime, waId, { reply_id: 'lang:te' });
    await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'consent:yes') });
    await say(env.runtime, waId, { reply_id: 'svc:energy.electricity-bill' });
    await say(env.runtime, waId, { text: '7345678901' });
    await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'confirm') });
    expect((await texts(waId)).join('\n')).toContain('చెల్లించవలసినది ఏమీ లేదు');
  });
});

describe('paying a bill', () => {
  const PAYER = '919822000101';
  let paid: { applicationId: string; url: string; paymentId: string };

  it('is paid by link, posted to the biller once, and receipted with a signed PDF', async () => {
    await showBill(PAYER, '2456789012');
    // A double tap on Pay: the second tap is on a menu that has moved on, and starts nothing.
    const payId = await rowIdOf(env.runtime, PAYER, 'pay');
    const { applicationId, url, notice } = await tapPay(PAYER);
    await say(env.runtime, PAYER, { reply_id: payId });
    expect(notice).toContain('₹2,310');
    const paymentId = await payOnPage(url);
    paid = { applicationId, url, paymentId };
    const issued = await settled(applicationId, 'issued');
    expect(issued.billPosting).toMatchObject({ status: 'posted' });
    expect(await postings('2456789012')).toHaveLength(1);
    expect((await postings('2456789012'))[0]!.idempotencyKey).toBe(applicationId);
    // Issued first, then the receipt leaves through the outbox.
    const receipt = await waitFor('the receipt', async () => {
      await env.runtime.drained();
      return (await sentTo(env.runtime, PAYER)).find((m) => m.type === 'document');
    });
    const certId = receipt.document?.filename?.match(/([\w-]{22})\.pdf$/)?.[1];
    expect(certId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect((await texts(PAYER)).filter((text) => text.includes('/pay/'))).toHaveLength(1);
    // The receipt verifies, and its QR code signs the amount paid.
    const verdict = (await (
      await fetch(`${env.runtime.baseUrl}/v/${certId}`, { headers: { accept: 'application/json' } })
    ).json()) as { status: string; certificate?: { title?: string } };
    expect(verdict.status).toBe('valid');
    // Paid: the biller now says nothing is due.
    const again = await showBill(PAYER, '2456789012', true);
    expect((await texts(PAYER)).at(-1) ?? again).toContain('Nothing is due');
  });

  it('posts nothing more when the gateway delivers the callback again', async () => {
    const item = await application(paid.applicationId);
    const raw = JSON.stringify({
      event: 'payment.captured',
      paymentId: paid.paymentId,
      orderId: paid.applicationId,
      amountPaise: 231_000,
      currency: 'INR',
      paidAt: item.payment!.received!.paidAt,
      method: 'upi',
    });
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${env.runtime.baseUrl}/payments/callback`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-payment-signature': `sha256=${createHmac('sha256', LOCAL_DEFAULTS.paymentWebhookSecret).update(raw).digest('hex')}`,
        },
        body: raw,
      });
      expect(response.status).toBe(200);
    }
    await env.runtime.drained();
    expect(await postings('2456789012')).toHaveLength(1);
    expect((await application(paid.applicationId)).state).toBe('issued');
  });

  it('retries a biller that timed out with the same key, and the bill is posted once', async () => {
    const waId = '919822000102';
    await showBill(waId, SLOW_NUMBER);
    const { applicationId, url } = await tapPay(waId);
    await payOnPage(url);
    const issued = await settled(applicationId, 'issued');
    expect(issued.billPosting?.status).toBe('posted');
    expect(await postings(SLOW_NUMBER)).toHaveLength(1);
  });

  it('records a refund when the biller refuses the payment, and tells the citizen', async () => {
    const waId = '919822000103';
    await showBill(waId, REFUSING_NUMBER);
    const { applicationId, url } = await tapPay(waId);
    await payOnPage(url);
    const refused = await settled(applicationId, 'refund-due');
    expect(refused.refund).toMatchObject({ amountPaise: 45_000, reason: 'the service connection was closed' });
    expect((await texts(waId)).join('\n')).toContain('will be refunded');
    expect((await sentTo(env.runtime, waId)).some((m) => m.type === 'document')).toBe(false);
  });

  it('shows the bill again when its amount changed since it was shown, and takes the new amount', async () => {
    const waId = '919822000104';
    expect(await showBill(waId, CHANGING_NUMBER)).toContain('₹500');
    await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'pay') });
    expect((await texts(waId)).join('\n')).toContain('The bill changed since it was shown (now ₹550)');
    const { notice } = await tapPay(waId);
    expect(notice).toContain('₹550');
  });
});
