import { type DynamoDBDocumentClient, GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sentTo, startTestRuntime, tableClient } from '../support/runtime.ts';
import { messagesPayload, newWamid, postWebhook, textMessage, webhookPayload } from './webhook-support.ts';

// Whatever a signed delivery carries, the webhook answers 200: a part it cannot use is dropped and logged, never a
// 5xx that Meta would retry for a week. What it drops is never applied.

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let table: DynamoDBDocumentClient;
beforeAll(async () => {
  env = await startTestRuntime();
  table = tableClient(env.runtime);
});
afterAll(() => env?.stop());
const base = () => env.runtime.baseUrl;
const keyed = (pk: string) => ({ TableName: env.runtime.names.table, Key: { pk, sk: 'SESSION' } });
const session = async (waId: string) => (await table.send(new GetCommand(keyed(`CITIZEN#${waId}`)))).Item;

/** One delivery carrying these raw messages, each from its own `from`. */
const rawDelivery = (messages: Record<string, unknown>[]) => webhookPayload({ messages });

const now = () => String(Math.floor(Date.now() / 1000));
const hi = (from: string, extra: Record<string, unknown> = {}) => ({
  from,
  id: newWamid(),
  timestamp: now(),
  type: 'text',
  text: { body: 'Hi' },
  ...extra,
});

describe('malformed fields drop their message, not the delivery', () => {
  it('answers 200 to a non-numeric timestamp, drops that message and applies the well-formed one beside it', async () => {
    const response = await postWebhook(
      base(),
      rawDelivery([hi('919811100001', { timestamp: 'yesterday' }), hi('919811100002')]),
    );
    expect(response.status).toBe(200);
    await env.runtime.drained();
    expect(await session('919811100001')).toBeUndefined();
    expect((await session('919811100002'))?.version).toBe(1);
  });

  it('answers 200 to ids, texts and coordinates no table or URL could hold, and applies none of them', async () => {
    const odd = [
      hi('919811100003', { id: 'x'.repeat(5000) }),
      hi('919811100004', { id: '' }),
      hi('919811100005', { text: { body: 'అ'.repeat(300_000) } }),
      hi('919811100006', { type: 'location', location: { latitude: 1e308, longitude: 0 } }),
      hi('919811100007', { type: 'image', image: { id: '../../100000000000001/messages' } }),
    ];
    for (const message of odd) {
      expect((await postWebhook(base(), rawDelivery([message]))).status).toBe(200);
    }
    await env.runtime.drained();
    for (const waId of ['919811100003', '919811100004', '919811100005', '919811100006', '919811100007']) {
      expect(await session(waId)).toBeUndefined();
    }
  });

  it('never keys anything by a `from` or `user_id` that is not a phone number or a business-scoped user id', async () => {
    const forged = [
      hi('91700#SESSION'),
      { ...hi('91700'), from: undefined, from_user_id: 'IN.1#SESSION' },
      hi('+91 98110 00008'),
    ];
    expect((await postWebhook(base(), rawDelivery(forged))).status).toBe(200);
    await env.runtime.drained();
    const { Items } = await table.send(
      new ScanCommand({ TableName: env.runtime.names.table, ProjectionExpression: 'pk' }),
    );
    const keys = (Items ?? []).map((item) => String(item.pk));
    expect(keys.filter((pk) => pk.includes('SESSION') || pk.includes('+') || pk.includes(' '))).toEqual([]);
  });

  it('answers 200 to any value in any field of a message, and to any statuses', async () => {
    const fields = ['from', 'id', 'timestamp', 'type', 'text', 'context', 'interactive', 'location', 'image', 'button'];
    const anyValue = fc.oneof(
      fc.string({ maxLength: 3000 }),
      fc.jsonValue({ maxDepth: 3 }),
      fc.dictionary(fc.constantFrom('id', 'body', 'type', 'title', 'payload', 'text', 'button_reply'), fc.jsonValue()),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), anyValue, async (field, value) => {
        const message = { ...hi('919811100009'), [field]: value };
        const status = {
          id: newWamid(),
          status: 'sent',
          timestamp: now(),
          recipient_id: '919811100009',
          [field]: value,
        };
        const body = webhookPayload({ statuses: [status], messages: [message] });
        const response = await postWebhook(base(), body);
        expect({ field, value, status: response.status }).toEqual({ field, value, status: 200 });
      }),
      { numRuns: 80 },
    );
  });
});

describe('replays outside Meta’s retry window', () => {
  it('ignores a message dated more than 7 days ago, even one never seen before', async () => {
    const waId = '919811100010';
    const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000);
    const response = await postWebhook(base(), messagesPayload(waId, [textMessage('Hi')], eightDaysAgo));
    expect(response.status).toBe(200);
    await env.runtime.drained();
    expect(await session(waId)).toBeUndefined();
    expect(await sentTo(env.runtime, waId)).toEqual([]);
  });

  it('gives a message redelivered after 50 later ones no second answer, and changes nothing', async () => {
    const waId = '919811100012';
    const start = Date.now() - 60_000;
    const first = messagesPayload(waId, [textMessage('Hi')], new Date(start));
    expect((await postWebhook(base(), first)).status).toBe(200);
    for (let second = 1; second <= 5; second++) {
      const later = Array.from({ length: 10 }, () => textMessage('Hi'));
      const response = await postWebhook(base(), messagesPayload(waId, later, new Date(start + second * 1000)));
      expect(response.status).toBe(200);
    }
    await env.runtime.drained();
    const before = await session(waId);
    const answered = (await sentTo(env.runtime, waId)).length;
    expect(before?.version).toBe(51);

    expect((await postWebhook(base(), first)).status).toBe(200);
    await env.runtime.drained();
    expect(await session(waId)).toEqual(before);
    expect(await sentTo(env.runtime, waId)).toHaveLength(answered);
  });

  it('still applies a message Meta retried for six days', async () => {
    const waId = '919811100011';
    const sixDaysAgo = new Date(Date.now() - 6 * 86_400_000);
    expect((await postWebhook(base(), messagesPayload(waId, [textMessage('Hi')], sixDaysAgo))).status).toBe(200);
    await env.runtime.drained();
    expect((await session(waId))?.version).toBe(1);
  });
});
