import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatPaise, paiseToRupees, rupeesToPaise } from '../../lambdas/core/payments/amount.ts';
import { isValidPaymentSignature, parsePaymentCallback } from '../../lambdas/core/payments/callback.ts';

const SECRET = 'gateway-webhook-secret';
const sign = (body: Buffer, secret = SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

const captured = {
  event: 'payment.captured',
  paymentId: 'pay_Q1w2E3r4T5y6',
  orderId: 'AP-0123456789AB',
  amountPaise: 10000,
  currency: 'INR',
  paidAt: '2026-03-01T10:15:00.000Z',
  method: 'upi',
};

describe('payment callback signature', () => {
  const body = Buffer.from(JSON.stringify(captured), 'utf8');

  it('accepts the gateway signature over the raw body', () => {
    expect(isValidPaymentSignature(body, sign(body), SECRET)).toBe(true);
  });

  it('refuses a missing header, another secret, another prefix, a truncated or non-hex signature', () => {
    expect(isValidPaymentSignature(body, undefined, SECRET)).toBe(false);
    expect(isValidPaymentSignature(body, sign(body, 'another-secret'), SECRET)).toBe(false);
    expect(isValidPaymentSignature(body, sign(body).replace('sha256=', 'sha1='), SECRET)).toBe(false);
    expect(isValidPaymentSignature(body, sign(body).slice(0, -2), SECRET)).toBe(false);
    expect(isValidPaymentSignature(body, 'sha256=not-hex-at-all', SECRET)).toBe(false);
    expect(isValidPaymentSignature(body, '', SECRET)).toBe(false);
  });

  it('refuses a body changed after signing, even one that parses to the same JSON', () => {
    const signature = sign(body);
    const tampered = Buffer.from(JSON.stringify({ ...captured, amountPaise: 100 }), 'utf8');
    const reformatted = Buffer.from(JSON.stringify(captured, null, 2), 'utf8');
    expect(isValidPaymentSignature(tampered, signature, SECRET)).toBe(false);
    expect(isValidPaymentSignature(reformatted, signature, SECRET)).toBe(false);
  });
});

describe('payment callback schema', () => {
  const parse = (value: unknown) => parsePaymentCallback(Buffer.from(JSON.stringify(value), 'utf8'));

  it('reads a captured and a failed payment', () => {
    expect(parse(captured)).toEqual({ ok: true, callback: captured, otherFields: [] });
    const { method: _method, ...failed } = { ...captured, event: 'payment.failed' };
    expect(parse(failed)).toEqual({ ok: true, callback: failed, otherFields: [] });
  });

  it('accepts fields the gateway adds, leaves them out and names them, and still checks the known ones', () => {
    const added = { ...captured, acquirer_data: { rrn: '123456789012' }, notes: ['x'], fee: 236 };
    expect(parse(added)).toEqual({ ok: true, callback: captured, otherFields: ['acquirer_data', 'notes', 'fee'] });
    const wrongAmount = parse({ ...added, amountPaise: '10000' });
    expect(wrongAmount.ok).toBe(false);
    if (!wrongAmount.ok) expect(wrongAmount.problem).toContain('amountPaise');
  });

  it.each([
    ['an unknown event', { event: 'payment.refunded' }],
    ['rupees with paise as a fraction', { amountPaise: 100.5 }],
    ['a zero amount', { amountPaise: 0 }],
    ['an amount as text', { amountPaise: '10000' }],
    ['another currency', { currency: 'USD' }],
    ['an order that is not an application id', { orderId: 'order_123' }],
    ['a time that is not ISO', { paidAt: '01/03/2026 10:15' }],
    ['a missing payment id', { paymentId: undefined }],
  ])('refuses %s, naming the field', (_what, change) => {
    const result = parse({ ...captured, ...change });
    expect(result.ok).toBe(false);
    const field = Object.keys(change)[0]!;
    if (!result.ok) expect(result.problem).toContain(field);
  });

  it('refuses a body that is not JSON', () => {
    expect(parsePaymentCallback(Buffer.from('event=payment.captured'))).toEqual({
      ok: false,
      problem: 'body is not JSON',
    });
  });
});

describe('amounts', () => {
  it('converts catalog rupees to gateway paise and back, exactly', () => {
    expect(rupeesToPaise(100)).toBe(10000);
    expect(rupeesToPaise(500)).toBe(50000);
    expect(rupeesToPaise(12.5)).toBe(1250);
    expect(rupeesToPaise(0.29)).toBe(29);
    expect(paiseToRupees(10000)).toBe(100);
  });

  it('refuses amounts that cannot be paid', () => {
    expect(() => rupeesToPaise(0)).toThrow(RangeError);
    expect(() => rupeesToPaise(-5)).toThrow(RangeError);
    expect(() => rupeesToPaise(Number.NaN)).toThrow(RangeError);
  });

  it('shows the citizen whole rupees, or rupees and paise', () => {
    expect(formatPaise(10000)).toBe('₹100');
    expect(formatPaise(1250)).toBe('₹12.50');
    // Grouped as documents print amounts: lakhs, then thousands.
    expect(formatPaise(12_000_050)).toBe('₹1,20,000.50');
  });
});
