import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isValidSignature } from '#core/whatsapp/signature.ts';
import { readWebhook } from '#core/whatsapp/webhook-payload.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/meta/${name}`, import.meta.url));
const sign = (bytes: Buffer, secret = 'local-app-secret') =>
  `sha256=${createHmac('sha256', secret).update(bytes).digest('hex')}`;

describe('webhook signature', () => {
  const body = fixture('text-telugu.json');

  it('accepts Telugu text signed over the escaped bytes Meta sent', () => {
    expect(isValidSignature(body, sign(body), 'local-app-secret')).toBe(true);
  });

  it('rejects the same message re-serialized, as a parse-then-stringify receiver would see it', () => {
    const reserialized = Buffer.from(JSON.stringify(JSON.parse(body.toString('utf8'))));
    expect(isValidSignature(reserialized, sign(body), 'local-app-secret')).toBe(false);
  });

  it('rejects a missing, malformed, short or wrong-key signature', () => {
    expect(isValidSignature(body, undefined, 'local-app-secret')).toBe(false);
    expect(isValidSignature(body, 'sha1=abc', 'local-app-secret')).toBe(false);
    expect(isValidSignature(body, 'sha256=abcd', 'local-app-secret')).toBe(false);
    expect(isValidSignature(body, sign(body, 'another-secret'), 'local-app-secret')).toBe(false);
  });
});

describe('readWebhook', () => {
  it('reads Telugu text with the escapes undone', () => {
    const { messages } = readWebhook(JSON.parse(fixture('text-telugu.json').toString('utf8')), '100000000000001');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      waId: '919876543210',
      profileName: 'రవి',
      messageId: 'wamid.HBgMOTE5ODc2NTQzMjEwFQIAEhggQjVBRkE5',
      content: { type: 'text', text: 'నమస్తే ravi@example.org https://ap.gov.in' },
    });
    expect(messages[0]!.sentAt.toISOString()).toBe('2025-11-28T03:20:00.000Z');
  });

  it('splits a batch into every message and status, and names what it ignores', () => {
    const contents = readWebhook(
      JSON.parse(fixture('batch-interactive-and-statuses.json').toString('utf8')),
      '100000000000001',
    );
    expect(contents.messages.map((m) => m.content)).toEqual([
      { type: 'choice', id: 'svc:revenue.income-certificate', title: 'Income certificate' },
      { type: 'choice', id: 'lang:te', title: 'తెలుగు' },
      { type: 'other', originalType: 'reaction' },
    ]);
    expect(contents.messages[0]!.contextId).toBe('wamid.MENU1');
    expect(contents.statuses).toEqual([
      expect.objectContaining({ messageId: 'wamid.OUT1', status: 'delivered', errorCodes: [] }),
      expect.objectContaining({ messageId: 'wamid.OUT2', status: 'failed', errorCodes: [131047] }),
    ]);
    expect(contents.ignored).toEqual([{ field: 'message_template_status_update', reason: 'field not handled' }]);
  });

  it('ignores deliveries for another phone number and shapes it does not know, without throwing', () => {
    const body = JSON.parse(fixture('text-telugu.json').toString('utf8'));
    expect(readWebhook(body, '999').messages).toHaveLength(0);
    for (const odd of [
      null,
      42,
      'x',
      [],
      { entry: 'nope' },
      { entry: [{ changes: [{ field: 'messages', value: 7 }] }] },
    ]) {
      expect(() => readWebhook(odd)).not.toThrow();
      expect(readWebhook(odd).messages).toEqual([]);
    }
  });
});
