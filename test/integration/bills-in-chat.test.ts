import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFUSING_NUMBER, SLOW_NUMBER } from '../../local/back-ends/billers.ts';
import { billSteps } from '../support/bills.ts';
import { rowIdOf, type SentMessage, say, sentTo, startTestRuntime, waitFor } from '../support/runtime.ts';
import { postWebhook, webhookPayload } from './webhook-support.ts';

// Where the deployment set up WhatsApp's payments for India (the embedded runtime's local payment configuration),
// a bill is paid inside the chat: an order_details message to review and pay, WhatsApp's payment status webhooks,
// and the gateway's lookup deciding what is settled. Posted to the biller once, whichever notices arrive.

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let bills: ReturnType<typeof billSteps>;

beforeAll(async () => {
  env = await startTestRuntime({ whatsAppPayments: true });
  bills = billSteps(env.runtime);
});
afterAll(async () => {
  await env?.stop();
});

interface OrderParameters {
  reference_id: string;
  total_amount: { value: number; offset: number };
  payment_settings: { type: string; payment_gateway: { type: string; configuration_name: string } }[];
  order: { status: string; items: { name: string; amount: { value: number }; quantity: number }[] };
}

/** "Pay" on the bill shown: the order_details message the chat then sends, to review and pay in WhatsApp. */
async function tapPay(waId: string): Promise<{ order: SentMessage; parameters: OrderParameters }> {
  await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'pay') });
  const order = await waitFor('the order in the chat', async () => {
    await env.runtime.drained();
    return (await sentTo(env.runtime, waId)).find((m) => m.interactive?.type === 'order_details');
  });
  return { order, parameters: order.interactive!.action.parameters as OrderParameters };
}

/** What the citizen's tap on Pay (or a failed payment) in the order does, through the simulator. */
async function payInChat(reference: string, outcome: 'captured' | 'failed', gatewayCallback = true) {
  const response = await fetch(`${env.runtime.baseUrl}/sim/api/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ reference, outcome, gateway_callback: gatewayCallback }),
  });
  expect(response.status).toBe(200);
  const answer = (await response.json()) as { payment_id: string; webhook_status: number };
  expect(answer.webhook_status).toBe(200);
  return answer.payment_id;
}

/** A payment status webhook as Meta sends it, for a payment the test names. */
function paymentStatus(orderMessageId: string, waId: string, reference: string, paymentId: string, status: string) {
  const amount = { value: 231_000, offset: 100 };
  return webhookPayload({
    statuses: [
      {
        id: orderMessageId,
        recipient_id: waId,
        type: 'payment',
        status,
        timestamp: String(Math.floor(Date.now() / 1000)),
        payment: {
          reference_id: reference,
          amount,
          currency: 'INR',
          transaction: { id: paymentId, type: 'razorpay', status: status === 'captured' ? 'success' : status, amount },
        },
      },
    ],
  });
}

const receiptOf = (waId: string) =>
  waitFor('the receipt', async () => {
    await env.runtime.drained();
    return (await sentTo(env.runtime, waId)).find((m) => m.type === 'document');
  });

describe('a bill paid inside WhatsApp', () => {
  const PAYER = '919833000101';
  let paid: { reference: string; paymentId: string; orderMessageId: string };

  it('sends a review-and-pay order for the amount due, with the payment configuration, and no link', async () => {
    await bills.showBill(PAYER, '2456789012');
    const { order, parameters } = await tapPay(PAYER);
    expect(parameters.reference_id).toMatch(/^AP-[0-9A-Z]{12}$/);
    expect(parameters.total_amount).toEqual({ value: 231_000, offset: 100 });
    expect(parameters.payment_settings).toEqual([
      { type: 'payment_gateway', payment_gateway: { type: 'razorpay', configuration_name: 'mitra-local-upi' } },
    ]);
    expect(parameters.order.status).toBe('pending');
    expect(parameters.order.items).toMatchObject([
      { name: 'Electricity bill', amount: { value: 231_000 }, quantity: 1 },
    ]);
    expect(order.interactive!.body.text).toContain('Review and pay');
    expect((await bills.texts(PAYER)).some((text) => text.includes('/pay/'))).toBe(false);
    expect((await bills.application(parameters.reference_id)).payment?.inChat).toBe(true);
    paid = { reference: parameters.reference_id, paymentId: '', orderMessageId: order.id };
  });

  it('is paid once when the gateway and WhatsApp both report the payment, and receipted', async () => {
    paid.paymentId = await payInChat(paid.reference, 'captured');
    const issued = await bills.settled(paid.reference, 'issued');
    expect(issued.payment?.received?.paymentId).toBe(paid.paymentId);
    expect(issued.billPosting?.status).toBe('posted');
    expect(await bills.postings('2456789012')).toHaveLength(1);
    expect(issued.paymentIssues ?? []).toHaveLength(0);
    expect((await receiptOf(PAYER)).document?.filename).toMatch(/^Payment-Receipt-[\w-]{22}\.pdf$/);
    expect((await bills.texts(PAYER)).filter((text) => text.includes('We received your payment'))).toHaveLength(1);
    // The news comes as the order's own status, which also moves the order on in WhatsApp: processing once paid,
    // completed once posted, right after the receipt.
    const sent = await sentTo(env.runtime, PAYER);
    const statuses = sent.filter((m) => m.interactive?.type === 'order_status');
    expect(statuses.map((m) => m.interactive!.action)).toEqual([
      { name: 'review_order', parameters: { reference_id: paid.reference, order: { status: 'processing' } } },
      { name: 'review_order', parameters: { reference_id: paid.reference, order: { status: 'completed' } } },
    ]);
    expect(statuses[1]!.interactive!.body.text).toContain(`Order ${paid.reference} is complete`);
    expect(sent.indexOf(statuses[1]!)).toBeGreaterThan(sent.findIndex((m) => m.type === 'document'));
  });

  it('settles nothing more when WhatsApp delivers the payment status twice', async () => {
    const body = paymentStatus(paid.orderMessageId, PAYER, paid.reference, paid.paymentId, 'captured');
    const answers = await Promise.all([postWebhook(env.runtime.baseUrl, body), postWebhook(env.runtime.baseUrl, body)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    await env.runtime.drained();
    expect(await bills.postings('2456789012')).toHaveLength(1);
    const item = await bills.application(paid.reference);
    expect(item.state).toBe('issued');
    expect(item.paymentIssues ?? []).toHaveLength(0);
    expect((await sentTo(env.runtime, PAYER)).filter((m) => m.type === 'document')).toHaveLength(1);
  });

  it("is settled by WhatsApp's status alone, confirmed by the lookup, when the gateway's callback is lost", async () => {
    const waId = '919833000102';
    await bills.showBill(waId, '1123456789');
    const { parameters } = await tapPay(waId);
    const paymentId = await payInChat(parameters.reference_id, 'captured', false);
    const issued = await bills.settled(parameters.reference_id, 'issued');
    expect(issued.payment?.received?.paymentId).toBe(paymentId);
    expect(await bills.postings('1123456789')).toHaveLength(1);
    await receiptOf(waId);
  });

  it('is not paid when the status says captured but the gateway says the payment failed', async () => {
    const waId = '919833000103';
    await bills.showBill(waId, '4234567890');
    const { order, parameters } = await tapPay(waId);
    const reference = parameters.reference_id;
    const failedId = await payInChat(reference, 'failed');
    await env.runtime.drained();
    // Told once, though the gateway and WhatsApp both reported the failure.
    const told = (await bills.texts(waId)).filter((text) => text.includes('did not go through'));
    expect(told).toHaveLength(1);

    for (const claimed of [failedId, 'pay_NotAtTheGateway1']) {
      const forged = paymentStatus(order.id, waId, reference, claimed, 'captured');
      expect((await postWebhook(env.runtime.baseUrl, forged)).status).toBe(200);
    }
    await env.runtime.drained();
    const item = await bills.application(reference);
    expect(item.state).toBe('awaiting-payment');
    expect(item.payment?.received).toBeUndefined();
    expect(await bills.postings('4234567890')).toHaveLength(0);
    expect((await bills.texts(waId)).filter((text) => text.includes('did not go through'))).toHaveLength(1);

    // The citizen tries again, and this time it goes through.
    await payInChat(reference, 'captured');
    expect((await bills.settled(reference, 'issued')).billPosting?.status).toBe('posted');
  });

  it('shows the order canceled when the biller refuses the payment, and records the refund', async () => {
    const waId = '919833000105';
    await bills.showBill(waId, REFUSING_NUMBER);
    const { parameters } = await tapPay(waId);
    await payInChat(parameters.reference_id, 'captured');
    const refused = await bills.settled(parameters.reference_id, 'refund-due');
    expect(refused.refund).toMatchObject({ amountPaise: 45_000 });
    const canceled = await waitFor('the order shown canceled', async () => {
      await env.runtime.drained();
      return (await sentTo(env.runtime, waId)).find(
        (m) => m.interactive?.type === 'order_status' && JSON.stringify(m.interactive.action).includes('canceled'),
      );
    });
    expect(canceled.interactive!.body.text).toContain('will be refunded');
  });

  it('asks in Telugu for a citizen who chose Telugu', async () => {
    const waId = '919833000104';
    await bills.showBill(waId, SLOW_NUMBER, false, 'te');
    const { order } = await tapPay(waId);
    expect(order.interactive!.body.text).toContain('సమీక్షించి చెల్లించండి');
  });
});
