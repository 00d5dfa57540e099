import { describe, expect, it } from 'vitest';
import type { Reply } from '#core/conversation/messages.ts';
import { grievanceTemplates, templateInstead } from '#core/whatsapp/customer-window.ts';
import { fitReply } from '#core/whatsapp/limits.ts';
import { graphPayload } from '#core/whatsapp/outbound.ts';
import { readWebhook } from '#core/whatsapp/webhook-payload.ts';
import { checkOutbound } from '../../local/whatsapp/limits.ts';
import { paymentStatusWebhook } from '../../local/whatsapp/webhook-payload.ts';

const order: Extract<Reply, { type: 'order' }> = {
  type: 'order',
  body: 'Pay ₹2,310 for Electricity bill (payment AP-7K2M9QX4B1TZ) here in WhatsApp: tap *Review and pay*.',
  reference: 'AP-7K2M9QX4B1TZ',
  payment: { gateway: 'razorpay', configuration: 'mitra-upi' },
  items: [{ id: 'energy.electricity-bill', name: 'Electricity bill', amountPaise: 231_000, quantity: 1 }],
  expiresAt: '2026-12-07T12:00:00.000Z',
  fallback: 'Pay ₹2,310 for Electricity bill (payment AP-7K2M9QX4B1TZ) at this link: https://pay.example/plink_1',
};
const configured = { mediaExists: () => false, paymentConfigurations: new Map([['mitra-upi', 'razorpay']]) };

describe('an order to review and pay inside WhatsApp', () => {
  it('is an order_details message the Graph API accepts: reference, total in paise, the payment configuration', () => {
    const payload = graphPayload('919876543210', fitReply(order).reply);
    expect(checkOutbound(payload, configured)).toMatchObject({ ok: true });
    expect(payload).toMatchObject({
      type: 'interactive',
      interactive: {
        type: 'order_details',
        action: {
          name: 'review_and_pay',
          parameters: {
            reference_id: 'AP-7K2M9QX4B1TZ',
            currency: 'INR',
            total_amount: { value: 231_000, offset: 100 },
            payment_settings: [
              { type: 'payment_gateway', payment_gateway: { type: 'razorpay', configuration_name: 'mitra-upi' } },
            ],
            order: { status: 'pending', subtotal: { value: 231_000, offset: 100 } },
          },
        },
      },
    });
  });

  it('is refused for a payment configuration the account has not set up', () => {
    const payload = graphPayload('919876543210', {
      ...order,
      payment: { gateway: 'razorpay', configuration: 'other' },
    });
    expect(checkOutbound(payload, configured)).toMatchObject({ ok: false, code: 131009 });
  });

  it('cannot be sent without items', () => {
    expect(fitReply({ ...order, items: [] }).problems).toContain('order without items');
  });

  it('goes as the template with the payment link once the 24-hour window has closed', () => {
    const templates = { text: 'mitra_update', document: 'mitra_document', decision: 'd', ...grievanceTemplates('g') };
    const instead = templateInstead(order, templates, 'en');
    expect(instead).toMatchObject({ type: 'template', name: 'mitra_update', parameters: [order.fallback] });
  });
});

describe("an order's status", () => {
  it('is an order_status message the Graph API accepts, naming the order it moves on', () => {
    const payload = graphPayload('919876543210', {
      type: 'order-status',
      body: 'We received your payment of ₹2,310 for application AP-7K2M9QX4B1TZ.',
      reference: 'AP-7K2M9QX4B1TZ',
      status: 'processing',
    });
    expect(checkOutbound(payload, configured)).toMatchObject({ ok: true });
    expect(payload).toMatchObject({
      interactive: {
        type: 'order_status',
        action: {
          name: 'review_order',
          parameters: { reference_id: 'AP-7K2M9QX4B1TZ', order: { status: 'processing' } },
        },
      },
    });
  });
});

describe("WhatsApp's payment status", () => {
  const business = { businessAccountId: '1', displayPhoneNumber: '15550000001', phoneNumberId: '100000000000001' };
  const at = new Date('2026-12-05T12:00:00Z');
  const webhook = (status: 'captured' | 'failed') =>
    paymentStatusWebhook(business, {
      id: 'wamid.order1',
      recipientId: '919876543210',
      referenceId: 'AP-7K2M9QX4B1TZ',
      status,
      at,
      amountPaise: 231_000,
      transaction: { id: 'pay_abc', gateway: 'razorpay', createdAt: at, method: 'upi' },
    });

  it('is read as a claim about our order, apart from delivery statuses', () => {
    const contents = readWebhook(webhook('captured'), '100000000000001');
    expect(contents.statuses).toEqual([]);
    expect(contents.payments).toEqual([
      {
        messageId: 'wamid.order1',
        referenceId: 'AP-7K2M9QX4B1TZ',
        status: 'captured',
        transactionId: 'pay_abc',
        amountPaise: 231_000,
        at,
      },
    ]);
  });

  it('with a reference that could reach a key or a URL is left out and logged', () => {
    const bad = webhook('failed') as { entry: { changes: { value: { statuses: { payment: object }[] } }[] }[] };
    bad.entry[0]!.changes[0]!.value.statuses[0]!.payment = { reference_id: '../AP#1' };
    const contents = readWebhook(bad, '100000000000001');
    expect(contents.payments).toEqual([]);
    expect(contents.ignored[0]).toMatchObject({ field: 'statuses', messageId: 'wamid.order1' });
  });
});
