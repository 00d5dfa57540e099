import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inboundMessage, messagesWebhook, metaJson, signWebhook } from '../../local/whatsapp/webhook-payload.ts';

const business = {
  businessAccountId: '100000000000002',
  displayPhoneNumber: '15550000001',
  phoneNumberId: '100000000000001',
};
const SECRET = 'local-app-secret';

function payload(text: string): Record<string, unknown> {
  const message = inboundMessage({
    from: '919876543210',
    id: 'wamid.HBgMOTE5ODc2NTQzMjEwFQIAEhgg/x+y=',
    at: new Date('2026-01-15T04:30:00Z'),
    content: { type: 'text', text: { body: text } },
  });
  return messagesWebhook(business, { name: 'రమేష్', waId: '919876543210' }, [message]);
}

describe('Meta-style webhook bytes', () => {
  it('escapes Telugu as lowercase \\u escapes, @ as \\u0040 and / as \\/', () => {
    const json = metaJson(payload('నమస్కారం, my mail is ramesh@example.com'));
    expect(json).toContain('\\u0c28\\u0c2e\\u0c38\\u0c4d\\u0c15\\u0c3e\\u0c30\\u0c02');
    expect(json).toContain('ramesh\\u0040example.com');
    expect(json).toContain('wamid.HBgMOTE5ODc2NTQzMjEwFQIAEhgg\\/x+y=');
    expect(json).not.toMatch(/[^\x20-\x7e]/); // printable ASCII only
    expect(json).not.toMatch(/(?<!\\)\//); // every slash escaped
    expect(json).not.toContain('@');
    expect(json).not.toMatch(/\\u[0-9a-f]*[A-F]/); // hex digits are lowercase
  });

  it('writes an emoji as its two surrogates, the way Meta does', () => {
    expect(metaJson({ emoji: '😮' })).toBe('{"emoji":"\\ud83d\\ude2e"}');
  });

  it('signs the exact escaped bytes: an independent HMAC matches, a re-serialised body does not', () => {
    const signed = signWebhook(payload('నమస్కారం ramesh@example.com'), SECRET);
    const independent = createHmac('sha256', SECRET).update(signed.body).digest('hex');
    expect(signed.headers['x-hub-signature-256']).toBe(`sha256=${independent}`);
    expect(signed.headers['x-hub-signature']).toBe(
      `sha1=${createHmac('sha1', SECRET).update(signed.body).digest('hex')}`,
    );
    expect(signed.headers['content-type']).toBe('application/json');

    // The bug this simulator exists to catch: parse, re-serialise, then HMAC.
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(signed.body.toString('utf8'))), 'utf8');
    expect(createHmac('sha256', SECRET).update(reserialised).digest('hex')).not.toBe(independent);
  });

  it('builds the envelope in Meta’s shape', () => {
    const body = JSON.parse(signWebhook(payload('Hi'), SECRET).body.toString('utf8'));
    expect(body).toEqual({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '100000000000002',
          changes: [
            {
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '15550000001', phone_number_id: '100000000000001' },
                contacts: [{ profile: { name: 'రమేష్' }, wa_id: '919876543210' }],
                messages: [
                  {
                    from: '919876543210',
                    id: 'wamid.HBgMOTE5ODc2NTQzMjEwFQIAEhgg/x+y=',
                    timestamp: String(Date.parse('2026-01-15T04:30:00Z') / 1000),
                    type: 'text',
                    text: { body: 'Hi' },
                  },
                ],
              },
              field: 'messages',
            },
          ],
        },
      ],
    });
  });

  it('round-trips: escaped JSON parses back to the same value, for any JSON value', () => {
    const tricky = fc.string({
      unit: fc.constantFrom('a', 'త', 'ం', '😀', '@', '/', '\\', '"', '\u2028', '\u0000', '\ud800', '<', 'é'),
    });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ stringUnit: 'binary' }), fc.dictionary(tricky, tricky)), (value) => {
        const escaped = metaJson(value);
        expect([...escaped].every((char) => char.charCodeAt(0) < 0x80)).toBe(true);
        expect(JSON.parse(escaped)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
  });
});
