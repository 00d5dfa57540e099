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
    ]);
    expect(contents.notices).toEqual([
      { messageId: 'wamid.REACT1', waId: '919876543211', type: 'reaction', detail: 'reacted to wamid.X' },
    ]);
    expect(contents.messages[0]!.contextId).toBe('wamid.MENU1');
    expect(contents.statuses).toEqual([
      expect.objectContaining({ messageId: 'wamid.OUT1', status: 'delivered', errorCodes: [] }),
      expect.objectContaining({ messageId: 'wamid.OUT2', status: 'failed', errorCodes: [131047] }),
    ]);
    expect(contents.templateChanges).toEqual([
      expect.objectContaining({ templateName: 'certificate_ready', event: 'APPROVED', language: 'en_US' }),
    ]);
    expect(contents.ignored).toEqual([]);
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

const read = (name: string) => readWebhook(JSON.parse(fixture(name).toString('utf8')), '100000000000001');

describe('readWebhook on contract fixtures of every message type', () => {
  it.each([
    ['interactive-button-reply.json', { type: 'choice', id: 'lang:te', title: 'తెలుగు' }],
    [
      'interactive-list-reply.json',
      { type: 'choice', id: 'svc:revenue.income-certificate', title: 'Income certificate' },
    ],
    ['interactive-nfm-reply.json', { type: 'other', originalType: 'interactive.nfm_reply' }],
    ['button-quick-reply.json', { type: 'choice', id: 'status:APP-123', title: 'Check status' }],
    ['location.json', { type: 'location', latitude: 16.5062, longitude: 80.648 }],
    [
      'image.json',
      { type: 'media', mediaType: 'image', mediaId: '1482937461234567', caption: 'ఆధార్ కార్డు', mimeType: 'image/jpeg' },
    ],
    [
      'document.json',
      {
        type: 'media',
        mediaType: 'document',
        mediaId: '1482937461234568',
        caption: 'ration card',
        mimeType: 'application/pdf',
        filename: 'ration-card.pdf',
      },
    ],
    [
      'audio.json',
      { type: 'media', mediaType: 'audio', mediaId: '1482937461234569', mimeType: 'audio/ogg; codecs=opus' },
    ],
    [
      'video.json',
      { type: 'media', mediaType: 'video', mediaId: '1482937461234570', caption: 'caption', mimeType: 'video/mp4' },
    ],
    ['sticker.json', { type: 'media', mediaType: 'sticker', mediaId: '1482937461234571', mimeType: 'image/webp' }],
    ['contacts.json', { type: 'other', originalType: 'contacts' }],
    ['unsupported.json', { type: 'other', originalType: 'unsupported' }],
    ['unknown-type.json', { type: 'other', originalType: 'hologram' }],
  ])('%s becomes one conversation turn', (name, content) => {
    const contents = read(name);
    expect(contents.messages).toHaveLength(1);
    expect(contents.messages[0]!.content).toEqual(content);
    expect(contents.messages[0]!.waId).toBe('919876543210');
    expect(contents.messages[0]!.sentAt.getTime()).toBe(1764300100_000);
    expect(contents.ignored).toEqual([]);
  });

  it('carries the id of the message a tap replies to', () => {
    expect(read('button-quick-reply.json').messages[0]!.contextId).toBe('wamid.HBgMTEMPLATE01');
    expect(read('interactive-list-reply.json').messages[0]!.contextId).toBe('wamid.HBgMMENU0002');
  });

  it('lists image, document and audio for fetching, with their mime types, and not video or stickers', () => {
    expect(read('image.json').media).toEqual([
      {
        messageId: 'wamid.HBgMIMAGE0000001',
        waId: '919876543210',
        mediaId: '1482937461234567',
        mediaType: 'image',
        mimeType: 'image/jpeg',
      },
    ]);
    expect(read('document.json').media[0]).toMatchObject({ mediaType: 'document', filename: 'ration-card.pdf' });
    expect(read('audio.json').media[0]).toMatchObject({ mediaType: 'audio', mimeType: 'audio/ogg; codecs=opus' });
    expect(read('video.json').media).toEqual([]);
    expect(read('sticker.json').media).toEqual([]);
  });

  it('keeps reactions and system notices out of the conversation', () => {
    expect(read('reaction.json')).toMatchObject({
      messages: [],
      notices: [{ type: 'reaction', messageId: 'wamid.HBgMREACTION00001' }],
    });
    expect(read('system-number-changed.json')).toMatchObject({
      messages: [],
      notices: [{ type: 'system', detail: 'user_changed_number' }],
    });
  });

  it('reads sent, delivered and read statuses in order, and a failure with its error', () => {
    expect(read('statuses-sent-delivered-read.json').statuses.map((s) => s.status)).toEqual([
      'sent',
      'delivered',
      'read',
    ]);
    expect(read('statuses-sent-delivered-read.json').statuses[0]).toMatchObject({
      messageId: 'wamid.HBgMOUT000000001',
      recipient: '919876543210',
      pricingCategory: 'service',
    });
    // Meta returns what a message was sent with as biz_opaque_callback_data: an alert names its campaign so.
    const delivered = JSON.parse(fixture('statuses-sent-delivered-read.json').toString('utf8'));
    delivered.entry[0].changes[0].value.statuses[1].biz_opaque_callback_data = 'alert:20261206-abc';
    expect(readWebhook(delivered, '100000000000001').statuses.map((s) => s.callbackData)).toEqual([
      undefined,
      'alert:20261206-abc',
      undefined,
    ]);
    expect(read('status-failed.json').statuses).toEqual([
      expect.objectContaining({
        status: 'failed',
        errorCodes: [131026],
        errors: [{ code: 131026, title: 'Message undeliverable', details: 'Message Undeliverable.' }],
      }),
    ]);
  });

  it('reads out-of-band errors, template status and category updates, and ignores other fields by name', () => {
    expect(read('value-errors.json').errors).toEqual([
      { code: 131000, title: 'Something went wrong', details: 'Message failed to send due to an unknown error.' },
    ]);
    expect(read('template-status-update.json').templateChanges).toEqual([
      {
        field: 'message_template_status_update',
        templateName: 'mitra_update',
        language: 'te',
        event: 'REJECTED',
        reason: 'INCORRECT_CATEGORY',
      },
    ]);
    expect(read('template-category-update.json').templateChanges).toEqual([
      expect.objectContaining({ previousCategory: 'UTILITY', newCategory: 'MARKETING' }),
    ]);
    expect(read('account-update.json').ignored).toEqual([{ field: 'account_update', reason: 'field not handled' }]);
  });

  it('keeps every fixture signed over its raw bytes verifiable, escapes and all', () => {
    for (const name of ['contacts.json', 'image.json', 'interactive-nfm-reply.json', 'reaction.json']) {
      const bytes = fixture(name);
      expect(bytes.toString('utf8')).toMatch(/^[\x20-\x7e]*$/);
      expect(isValidSignature(bytes, sign(bytes), 'local-app-secret')).toBe(true);
    }
  });
});

describe('readWebhook on malformed or replayed messages', () => {
  const telugu = () => JSON.parse(fixture('text-telugu.json').toString('utf8'));
  const message = (body: ReturnType<typeof telugu>) => body.entry[0].changes[0].value.messages[0];
  const sentAt = new Date('2025-11-28T03:20:00.000Z');

  it('drops a message whose timestamp is not a number, naming the field and the message, never its value', () => {
    const body = telugu();
    message(body).timestamp = 'yesterday';
    const contents = readWebhook(body, '100000000000001', sentAt);
    expect(contents.messages).toEqual([]);
    expect(contents.ignored).toEqual([
      {
        field: 'messages',
        reason: 'message with timestamp: not a Unix time in seconds',
        messageId: 'wamid.HBgMOTE5ODc2NTQzMjEwFQIAEhggQjVBRkE5',
      },
    ]);
    expect(JSON.stringify(contents.ignored)).not.toContain('yesterday');
  });

  it.each([
    ['an id too long for a table key', { id: `wamid.${'A'.repeat(300)}` }],
    ['an id with the table-key separator', { id: 'wamid.A#SESSION' }],
    ['a text longer than WhatsApp allows', { text: { body: 'అ'.repeat(4097) } }],
    ['a latitude off the globe', { type: 'location', location: { latitude: 91, longitude: 0 } }],
    ['a media id that would change a URL path', { type: 'image', image: { id: '../messages' } }],
    ['an object for a timestamp', { timestamp: { seconds: 1 } }],
  ])('drops a message with %s', (_what, change) => {
    const body = telugu();
    Object.assign(message(body), change);
    const contents = readWebhook(body, '100000000000001', sentAt);
    expect(contents.messages).toEqual([]);
    expect(contents.ignored).toHaveLength(1);
    expect(contents.ignored[0]!.reason).toMatch(/^message with /);
  });

  it('keeps a text of exactly 4096 characters, Telugu or emoji', () => {
    for (const text of ['అ'.repeat(4096), '🙏'.repeat(4096)]) {
      const body = telugu();
      message(body).text.body = text;
      expect(readWebhook(body, '100000000000001', sentAt).messages).toHaveLength(1);
    }
  });

  it('ignores a message older than Meta’s 7-day retry window, and one dated well ahead of the clock', () => {
    const day = 86_400_000;
    const at = (offset: number) => readWebhook(telugu(), '100000000000001', new Date(sentAt.getTime() + offset));
    expect(at(7 * day - 1000).messages).toHaveLength(1);
    expect(at(7 * day + 1000).messages).toEqual([]);
    expect(at(7 * day + 1000).ignored).toEqual([
      {
        field: 'messages',
        reason: 'older than Meta’s 7-day retry window',
        messageId: 'wamid.HBgMOTE5ODc2NTQzMjEwFQIAEhggQjVBRkE5',
      },
    ]);
    expect(at(-10 * 60_000).messages).toHaveLength(1);
    expect(at(-day).ignored[0]?.reason).toBe('dated in the future');
  });

  it('drops a status whose timestamp is not a number, and keeps the others', () => {
    const body = JSON.parse(fixture('statuses-sent-delivered-read.json').toString('utf8'));
    body.entry[0].changes[0].value.statuses[0].timestamp = 'NaN';
    const contents = readWebhook(body, '100000000000001');
    expect(contents.statuses.length).toBeGreaterThan(0);
    expect(contents.statuses.every((s) => !Number.isNaN(s.at.getTime()))).toBe(true);
    expect(contents.ignored.map((i) => i.reason)).toEqual(['status with timestamp: not a Unix time in seconds']);
  });
});
