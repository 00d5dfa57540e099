import { readFileSync } from 'node:fs';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageHash } from '#core/conversation/recent-messages.ts';
import { mediaKey } from '#core/media-keys.ts';
import { unpackReplies } from '#core/whatsapp/turn-replies.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/local-aws.ts';
import { LOCAL_DEFAULTS } from '../../local/runtime.ts';
import { say, sentTo, startTestRuntime, tableClient } from '../support/runtime.ts';
import { messagesPayload, newWamid, postWebhook, signature, textMessage } from './webhook-support.ts';

// The webhook as Meta reaches it: the local HTTP API builds API Gateway events from the synthesized routes, and the
// handler is the bundle in cdk.out.

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let db: DynamoDBDocumentClient;
const base = () => env.runtime.baseUrl;

beforeAll(async () => {
  env = await startTestRuntime();
  db = tableClient(env.runtime);
});
afterAll(async () => {
  await env?.stop();
});

const fixture = (name: string) => readFileSync(new URL(`../fixtures/meta/${name}`, import.meta.url));
const session = async (waId: string) =>
  (await db.send(new GetCommand({ TableName: env.runtime.names.table, Key: { pk: `CITIZEN#${waId}`, sk: 'SESSION' } })))
    .Item;

/** The replies the session item holds of the turn that answered this message (the latest turn). */
async function repliesOfTurn(waId: string, messageId: string): Promise<unknown[]> {
  const item = await session(waId);
  expect(item?.repliesTo).toBe(messageHash(messageId));
  return unpackReplies(item?.replies) ?? [];
}

const outboxOf = async (waId: string) =>
  (
    await db.send(
      new QueryCommand({
        TableName: env.runtime.names.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `OUTBOX#${waId}` },
      }),
    )
  ).Items ?? [];

describe('webhook handshake', () => {
  it('answers the challenge as text for the right verify token, and 403 otherwise', async () => {
    const ok = await fetch(
      `${base()}/webhook?hub.mode=subscribe&hub.verify_token=local-verify-token&hub.challenge=1158201444`,
    );
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await ok.text()).toBe('1158201444');
    for (const query of [
      'hub.mode=subscribe&hub.verify_token=wrong-token&hub.challenge=1',
      'hub.mode=subscribe&hub.verify_token=local-verify-toke&hub.challenge=1',
      'hub.mode=unsubscribe&hub.verify_token=local-verify-token&hub.challenge=1',
      'hub.challenge=1',
    ]) {
      expect((await fetch(`${base()}/webhook?${query}`)).status).toBe(403);
    }
  });
});

describe("the webhook function's URL", () => {
  const citizen = '919800000404';
  const webhookFunction = () => [...env.runtime.functions.values()].find((fn) => fn.spec.name === 'webhook')!;
  /** A request to the function's URL as Lambda hands it over: a function URL takes any path, unlike the route. */
  const urlEvent = (method: string, rawPath: string, body?: string, rawQueryString = '') => ({
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    headers: {
      'content-type': 'application/json',
      ...(body === undefined ? {} : { 'x-hub-signature-256': signature(body) }),
    },
    ...(rawQueryString ? { queryStringParameters: Object.fromEntries(new URLSearchParams(rawQueryString)) } : {}),
    requestContext: { http: { method, path: rawPath }, routeKey: '$default', stage: '$default' },
    ...(body === undefined ? {} : { body }),
    isBase64Encoded: false,
  });

  it('answers 404 on any path but /webhook, even to a well-signed message, and applies nothing', async () => {
    const body = messagesPayload(citizen, [textMessage('Hi')]);
    for (const path of ['/', '/webhooks', '/webhook/', '/Webhook', '/webhook/extra', '/v/abc', '/health']) {
      const result = (await webhookFunction().invoke(urlEvent('POST', path, body))) as { statusCode: number };
      expect(result.statusCode, path).toBe(404);
    }
    const handshake = 'hub.mode=subscribe&hub.verify_token=local-verify-token&hub.challenge=1158201444';
    const answered = (await webhookFunction().invoke(urlEvent('GET', '/', undefined, handshake))) as {
      statusCode: number;
      body?: string;
    };
    expect(answered.statusCode).toBe(404);
    expect(answered.body).not.toContain('1158201444');
    await env.runtime.drained();
    expect(await session(citizen)).toBeUndefined();
    expect(await outboxOf(citizen)).toEqual([]);
    expect(await sentTo(env.runtime, citizen)).toEqual([]);
  });

  it('applies the same message once sent to /webhook', async () => {
    const body = messagesPayload(citizen, [textMessage('Hi')]);
    const result = (await webhookFunction().invoke(urlEvent('POST', '/webhook', body))) as { statusCode: number };
    expect(result.statusCode).toBe(200);
    await env.runtime.drained();
    expect((await session(citizen))?.version).toBe(1);
    expect((await sentTo(env.runtime, citizen)).length).toBeGreaterThan(0);
  });
});

describe('webhook signature and body checks', () => {
  const citizen = '919800000001';

  it('refuses a missing, wrong or other-secret signature with 401 and processes nothing', async () => {
    const body = messagesPayload(citizen, [textMessage('Hi')]);
    expect((await postWebhook(base(), body, { signature: null })).status).toBe(401);
    expect((await postWebhook(base(), body, { signature: 'sha256=deadbeef' })).status).toBe(401);
    expect((await postWebhook(base(), body, { signature: signature(body, 'another-secret') })).status).toBe(401);
    expect((await postWebhook(base(), body, { signature: signature(body).replace('sha256=', 'sha1=') })).status).toBe(
      401,
    );
    await env.runtime.drained();
    expect(await session(citizen)).toBeUndefined();
    expect(await sentTo(env.runtime, citizen)).toEqual([]);
  });

  it('refuses a body truncated in transit (signature over the whole) with 401, and signed non-JSON with 400', async () => {
    const body = Buffer.from(messagesPayload(citizen, [textMessage('Hi')]));
    const truncated = body.subarray(0, body.length - 7);
    expect((await postWebhook(base(), truncated, { signature: signature(body) })).status).toBe(401);
    expect((await postWebhook(base(), truncated)).status).toBe(400);
    expect((await postWebhook(base(), 'hub.mode=x', { contentType: 'application/x-www-form-urlencoded' })).status).toBe(
      400,
    );
    expect(await session(citizen)).toBeUndefined();
  });

  it('refuses a body over API Gateway’s 10 MB limit with 413', async () => {
    const huge = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
    const response = await postWebhook(base(), huge);
    expect(response.status).toBe(413);
  });

  it('verifies over the raw bytes whatever the content type, base64-encoded by API Gateway or not', async () => {
    for (const contentType of ['application/octet-stream', 'text/plain; charset=utf-8', 'application/json']) {
      const waId = `9198000001${contentType.length}`;
      const body = messagesPayload(waId, [textMessage('నమస్తే')]);
      expect((await postWebhook(base(), Buffer.from(body), { contentType })).status).toBe(200);
      await env.runtime.drained();
      expect(await session(waId)).toBeDefined();
    }
  });

  it('takes Telugu text signed over Meta’s escaped bytes and answers it', async () => {
    // Dated now (only the digits change, the escapes stay Meta's): a year-old delivery would be ignored as a replay.
    const body = fixture('text-telugu.json')
      .toString('utf8')
      .replace(/"timestamp":"\d+"/, `"timestamp":"${Math.floor(Date.now() / 1000)}"`);
    const response = await postWebhook(base(), body);
    expect(response.status).toBe(200);
    await env.runtime.drained();
    expect((await session('919876543210'))?.version).toBe(1);
    expect((await sentTo(env.runtime, '919876543210')).length).toBeGreaterThan(0);
  });

  it('ignores the same delivery as Meta recorded it a year ago: outside the 7-day retry window it is a replay', async () => {
    // A message id never seen (its dedupe mark long expired), so only its date keeps it from applying again.
    const body = fixture('text-telugu.json')
      .toString('utf8')
      .replace(/wamid\.[A-Za-z0-9]+/, newWamid());
    const response = await postWebhook(base(), body);
    expect(response.status).toBe(200);
    await env.runtime.drained();
    expect((await session('919876543210'))?.version).toBe(1);
  });
});

describe('webhook contract fixtures', () => {
  it('answers 200 for every fixture: each message type, statuses, errors and other fields', async () => {
    const names = [
      'batch-interactive-and-statuses.json',
      'interactive-button-reply.json',
      'interactive-list-reply.json',
      'interactive-nfm-reply.json',
      'button-quick-reply.json',
      'location.json',
      'video.json',
      'sticker.json',
      'contacts.json',
      'reaction.json',
      'unsupported.json',
      'system-number-changed.json',
      'unknown-type.json',
      'statuses-sent-delivered-read.json',
      'status-failed.json',
      'value-errors.json',
      'template-status-update.json',
      'template-category-update.json',
      'account-update.json',
    ];
    for (const name of names) {
      const response = await postWebhook(base(), fixture(name));
      expect({ name, status: response.status }).toEqual({ name, status: 200 });
    }
  });

  it('records a failed delivery, and writes nothing for the statuses of messages that went well', async () => {
    const statusesOf = async (wamid: string) => {
      const { Items } = await db.send(
        new QueryCommand({
          TableName: env.runtime.names.table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': `WAMID#${wamid}` },
        }),
      );
      return (Items ?? []).map((i) => i.status);
    };
    await postWebhook(base(), fixture('statuses-sent-delivered-read.json'));
    expect(await statusesOf('wamid.HBgMOUT000000001')).toEqual([]);
    await postWebhook(base(), fixture('status-failed.json'));
    expect(await statusesOf('wamid.HBgMOUT000000002')).toEqual(['failed']);
  });

  it('answers an unknown message type with a reply (which one is the conversation’s choice)', async () => {
    const waId = '919800000077';
    await say(env.runtime, waId, { text: 'Hi' });
    const before = (await sentTo(env.runtime, waId)).filter((m) => m.status !== 'read').length;
    const hologram = { id: newWamid(), type: 'hologram', hologram: { depth: 3 } };
    expect((await postWebhook(base(), messagesPayload(waId, [hologram]))).status).toBe(200);
    await env.runtime.drained();
    const replies = await repliesOfTurn(waId, hologram.id);
    expect(replies.length).toBeGreaterThanOrEqual(1);
    expect((await sentTo(env.runtime, waId)).filter((m) => m.status !== 'read').length).toBe(before + replies.length);
    // Replies that went are written nowhere: the outbox holds only failures and notices.
    expect(await outboxOf(waId)).toEqual([]);
  });
});

describe('inbound media', () => {
  it('fetches an image through the Graph API with the bearer token and keeps it in the media bucket', async () => {
    const waId = '919800000055';
    // A 1×1 PNG.
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    const response = await fetch(`${base()}/sim/api/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: waId, image_base64: png }),
    });
    expect(response.status).toBe(200);
    const s3 = new S3Client({
      endpoint: env.runtime.endpoints.s3,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      forcePathStyle: true,
    });
    const listed = await s3.send(
      new ListObjectsV2Command({ Bucket: env.runtime.names.mediaBucket, Prefix: 'inbound/' }),
    );
    // Kept under a keyed digest of the number, never the number itself.
    const folder = mediaKey({ waId, mediaId: '' }, LOCAL_DEFAULTS.aadhaarHashKey);
    const kept = (listed.Contents ?? []).filter((o) => o.Key?.startsWith(folder));
    expect(kept).toHaveLength(1);
    expect((listed.Contents ?? []).some((o) => o.Key?.includes(waId))).toBe(false);
    expect(kept[0]!.Size).toBe(Buffer.from(png, 'base64').length);
  });
});

describe('exactly once under concurrency', () => {
  it('applies 20 identical deliveries at once as one turn, whose replies go out once', async () => {
    const waId = '919800000020';
    // The citizen writes through the simulator first, so its Graph API knows the 24-hour window is open.
    await say(env.runtime, waId, { text: 'Hi' });
    const before = (await session(waId))!.version as number;
    const sentBefore = (await sentTo(env.runtime, waId)).length;
    const hi = textMessage('Hi');
    const body = Buffer.from(messagesPayload(waId, [hi]));
    const answers = await Promise.all(Array.from({ length: 20 }, () => postWebhook(base(), body)));
    expect(answers.map((r) => r.status)).toEqual(Array(20).fill(200));
    await env.runtime.drained();

    expect((await session(waId))!.version).toBe(before + 1);
    const replies = await repliesOfTurn(waId, hi.id);
    expect(replies.length).toBeGreaterThanOrEqual(1);
    // The read receipt names a message the simulator never delivered, so its Graph API refuses it; the replies go.
    const sent = (await sentTo(env.runtime, waId)).slice(sentBefore);
    expect(sent.filter((m) => m.status !== 'read')).toHaveLength(replies.length);
    expect(await outboxOf(waId)).toEqual([]);
  });

  it('answers ten different messages from one citizen at once, every one, with no lost update', async () => {
    const waId = '919800000010';
    await say(env.runtime, waId, { text: 'Hi' });
    const before = (await session(waId))!.version as number;
    const sentBefore = (await sentTo(env.runtime, waId)).filter((m) => m.status !== 'read').length;
    const messages = Array.from({ length: 10 }, () => textMessage('Hi'));
    const answers = await Promise.all(
      messages.map((m) => postWebhook(base(), Buffer.from(messagesPayload(waId, [m])))),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));
    await env.runtime.drained();

    expect((await session(waId))!.version).toBe(before + 10);
    expect(await outboxOf(waId)).toEqual([]);
    const sentAfter = (await sentTo(env.runtime, waId)).filter((m) => m.status !== 'read').length;
    expect(sentAfter - sentBefore).toBeGreaterThanOrEqual(10);
  });
});
