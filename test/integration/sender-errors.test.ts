import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ParkedReplies } from '../../lambdas/adapters/parked-replies.ts';
import { unpackReplies } from '../../lambdas/core/whatsapp/turn-replies.ts';
import { say, sentTo, startTestRuntime, tableClient, waitFor } from '../support/runtime.ts';

// Each Meta error code injected by the local Graph API, and what the sender (its bundle from cdk.out, fed by the
// table's stream) does about it.

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let db: DynamoDBDocumentClient;
const metrics: string[] = [];

beforeAll(async () => {
  env = await startTestRuntime();
  db = tableClient(env.runtime);
  // The handlers run in this process: their Embedded Metric Format lines arrive on its stdout.
  const write = process.stdout.write.bind(process.stdout);
  vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const line = String(chunk);
    if (line.includes('"CloudWatchMetrics"')) {
      metrics.push(line);
      return true;
    }
    return (write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await env?.stop();
});

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
/** The replies of the citizen's latest turn, as their session item holds them. */
const turnReplies = async (waId: string) =>
  unpackReplies(
    (
      await db.send(
        new GetCommand({ TableName: env.runtime.names.table, Key: { pk: `CITIZEN#${waId}`, sk: 'SESSION' } }),
      )
    ).Item?.replies,
  ) ?? [];
const replies = async (waId: string) => (await sentTo(env.runtime, waId)).filter((m) => m.status !== 'read');
/** The parked marks in the citizen's own partition, which tell the sender to look at the parked replies. */
const parkedMarks = async (waId: string) =>
  (
    (
      await db.send(
        new QueryCommand({
          TableName: env.runtime.names.table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :mark)',
          ExpressionAttributeValues: { ':pk': `CITIZEN#${waId}`, ':mark': 'PARKED#' },
        }),
      )
    ).Items ?? []
  ).length;
const metricCount = (name: string) => metrics.filter((m) => m.includes(`"Name":"${name}"`)).length;

/** An outbox item as a workflow step writes it, for a citizen who wrote before. */
async function enqueue(waId: string, sk: string, reply: Record<string, unknown>) {
  const item = {
    pk: `OUTBOX#${waId}`,
    sk,
    kind: 'outbox',
    waId,
    reply,
    status: 'pending',
    createdAt: new Date().toISOString(),
    expiresAt: Math.floor(Date.now() / 1000) + 3600,
  };
  await db.send(new PutCommand({ TableName: env.runtime.names.table, Item: item }));
  await env.runtime.drained();
  return item;
}

describe('sender: Meta errors by code', () => {
  it('130429: backs off with jitter and retries until the reply goes', async () => {
    const waId = '919822130429';
    env.runtime.whatsapp.injectFault({ code: 130429, times: 2, waId });
    await say(env.runtime, waId, { text: 'Hi' });
    expect((await replies(waId)).length).toBe((await turnReplies(waId)).length);
    // Nothing is written for replies that went.
    expect(await outboxOf(waId)).toEqual([]);
  });

  it('131056: slows down for that citizen and then delivers, in order', async () => {
    const waId = '919822131056';
    env.runtime.whatsapp.injectFault({ code: 131056, times: 1, waId });
    await say(env.runtime, waId, { text: 'Hi' });
    expect((await replies(waId)).length).toBe((await turnReplies(waId)).length);
    expect(await outboxOf(waId)).toEqual([]);
    // The slow-down outlives this invocation of the sender: the next batches pace this citizen too.
    const { Items = [] } = await db.send(
      new QueryCommand({
        TableName: env.runtime.names.table,
        KeyConditionExpression: 'pk = :pk AND sk = :sk',
        ExpressionAttributeValues: { ':pk': `CITIZEN#${waId}`, ':sk': 'PAIR-PACING' },
      }),
    );
    expect(new Date(Items[0]?.pacedUntil as string).getTime()).toBeGreaterThan(Date.now());
  });

  it('131047: sends the approved UTILITY template with the reply text instead', async () => {
    const waId = '919822131047';
    await say(env.runtime, waId, { text: 'Hi' });
    env.runtime.whatsapp.injectFault({ code: 131047, times: 1, waId });
    await enqueue(waId, 'notice#01', { type: 'text', text: 'Your income certificate is ready.' });
    const template = (await replies(waId)).find((m) => m.type === 'template') as
      | { template: { name: string; components: { parameters: { text: string }[] }[] } }
      | undefined;
    expect(template).toMatchObject({
      template: { name: 'mitra_update', components: [{ parameters: [{ text: 'Your income certificate is ready.' }] }] },
    });
    expect((await outboxOf(waId)).find((i) => i.sk === 'notice#01')).toMatchObject({
      status: 'sent',
      details: { template: 'mitra_update' },
    });
  });

  it('131026: records the reply as undeliverable, counts it, and never retries', async () => {
    const waId = '919822131026';
    await say(env.runtime, waId, { text: 'Hi' });
    const before = metricCount('RepliesFailed');
    env.runtime.whatsapp.injectFault({ code: 131026, times: 1, waId });
    await enqueue(waId, 'notice#01', { type: 'text', text: 'Undeliverable notice' });
    const item = (await outboxOf(waId)).find((i) => i.sk === 'notice#01');
    expect(item).toMatchObject({ status: 'undeliverable', attempts: 1, details: { code: 131026 } });
    expect((await replies(waId)).some((m) => m.text?.body === 'Undeliverable notice')).toBe(false);
    expect(metricCount('RepliesFailed')).toBe(before + 1);
  });

  it('5xx: retries and delivers', async () => {
    const waId = '919822000500';
    await say(env.runtime, waId, { text: 'Hi' });
    env.runtime.whatsapp.injectFault({ code: 500, times: 2, waId });
    await enqueue(waId, 'notice#01', { type: 'text', text: 'After a hiccup' });
    expect((await replies(waId)).some((m) => m.text?.body === 'After a hiccup')).toBe(true);
  });

  it('190: logs loudly, emits the alarm metric, parks the reply and sends it on the redrive once the token works', async () => {
    const waId = '919822000190';
    await say(env.runtime, waId, { text: 'Hi' });
    const before = metricCount('GraphAuthFailures');
    env.runtime.whatsapp.injectFault({ code: 190, times: 1, waId });
    await enqueue(waId, 'notice#01', { type: 'text', text: 'After the token' });
    expect((await outboxOf(waId)).find((i) => i.sk === 'notice#01')).toMatchObject({ status: 'parked' });
    await redrive();
    await waitFor('the reply after the auth failure', async () =>
      (await replies(waId)).find((m) => m.text?.body === 'After the token'),
    );
    expect(metricCount('GraphAuthFailures')).toBe(before + 1);
  });
});

const parkedReplies = () => new ParkedReplies(db, env.runtime.names.table);
async function redrive() {
  const count = await parkedReplies().redrive(new Date());
  await env.runtime.drained();
  return count;
}

describe('sender: one failing recipient never holds back the others', () => {
  it("parks the failing citizen's replies with their content, delivers everyone else's, and a redrive sends them in order", async () => {
    const failing = '919822100001';
    const others = ['919822100002', '919822100003', '919822100004'];
    for (const waId of [failing, ...others]) await say(env.runtime, waId, { text: 'Hi' });
    // Far more 5xx than the sender's retries: Meta keeps failing for this one number.
    env.runtime.whatsapp.injectFault({ code: 500, times: 12, waId: failing });
    const writes = [failing, ...others].flatMap((waId) =>
      ['01', '02'].map((n) => ({
        PutRequest: {
          Item: {
            pk: `OUTBOX#${waId}`,
            sk: `notice#${n}`,
            kind: 'outbox',
            waId,
            reply: { type: 'text', text: `Notice ${n}` },
            status: 'pending',
            createdAt: new Date().toISOString(),
            expiresAt: Math.floor(Date.now() / 1000) + 3600,
          },
        },
      })),
    );
    await db.send(new BatchWriteCommand({ RequestItems: { [env.runtime.names.table]: writes } }));
    await env.runtime.drained();
    for (const waId of others) {
      expect((await replies(waId)).filter((m) => m.text?.body.startsWith('Notice')).map((m) => m.text?.body)).toEqual([
        'Notice 01',
        'Notice 02',
      ]);
    }
    const parked = (await outboxOf(failing)).filter((i) => i.sk.startsWith('notice#'));
    expect(parked.map((i) => i.status)).toEqual(['parked', 'parked']);
    expect(await parkedReplies().count()).toBeGreaterThanOrEqual(2);

    env.runtime.whatsapp.clearFaults();
    expect(await redrive()).toBeGreaterThanOrEqual(2);
    expect((await replies(failing)).filter((m) => m.text?.body.startsWith('Notice')).map((m) => m.text?.body)).toEqual([
      'Notice 01',
      'Notice 02',
    ]);
    expect((await outboxOf(failing)).filter((i) => i.sk.startsWith('notice#')).map((i) => i.status)).toEqual([
      'sent',
      'sent',
    ]);
    expect(await parkedReplies().count()).toBe(0);
  });

  it("holds a later reply behind the citizen's parked ones, so none overtakes another", async () => {
    const waId = '919822100005';
    await say(env.runtime, waId, { text: 'Hi' });
    env.runtime.whatsapp.injectFault({ code: 500, times: 6, waId });
    await enqueue(waId, 'notice#01', { type: 'text', text: 'First' });
    env.runtime.whatsapp.clearFaults();
    await enqueue(waId, 'notice#02', { type: 'text', text: 'Second' });
    expect((await outboxOf(waId)).filter((i) => i.sk.startsWith('notice#')).map((i) => i.status)).toEqual([
      'parked',
      'parked',
    ]);
    expect(await parkedMarks(waId)).toBe(2);
    await redrive();
    const bodies = (await replies(waId)).map((m) => m.text?.body).filter((b) => b === 'First' || b === 'Second');
    expect(bodies).toEqual(['First', 'Second']);
    // The marks went with the parked copies: the citizen's next reply goes at once.
    expect(await parkedMarks(waId)).toBe(0);
    await enqueue(waId, 'notice#03', { type: 'text', text: 'Third' });
    expect((await outboxOf(waId)).find((i) => i.sk === 'notice#03')?.status).toBe('sent');
  });
});

describe('sender: a turn’s replies, carried by the session item', () => {
  it('parks a turn’s replies while Meta refuses the token, and a redrive sends each once', async () => {
    const waId = '919822100006';
    await say(env.runtime, waId, { text: 'Hi' });
    const before = (await replies(waId)).length;
    env.runtime.whatsapp.injectFault({ code: 190, times: 1, waId });
    await say(env.runtime, waId, { text: 'Hi' });
    expect(await replies(waId)).toHaveLength(before);
    const expected = (await turnReplies(waId)).length;
    expect(await parkedReplies().count()).toBeGreaterThanOrEqual(expected);
    expect(await parkedMarks(waId)).toBe(expected);
    await redrive();
    await waitFor('the parked answer', async () =>
      (await replies(waId)).length >= before + expected ? true : undefined,
    );
    await redrive();
    expect(await replies(waId)).toHaveLength(before + expected);
    expect(await parkedMarks(waId)).toBe(0);
  });
});

describe('sender: limits, idempotency and the 24-hour window', () => {
  it('cuts an over-long Telugu text at a grapheme boundary, which the Graph API (with its own checks) accepts', async () => {
    const waId = '919822004096';
    await say(env.runtime, waId, { text: 'Hi' });
    await enqueue(waId, 'notice#01', { type: 'text', text: 'శ్రీ'.repeat(1500) });
    const sent = (await replies(waId)).find((m) => m.text?.body.startsWith('శ్రీ'));
    expect(sent!.text!.body.length).toBeLessThanOrEqual(4096);
    expect(sent!.text!.body.endsWith('శ్రీ…')).toBe(true);
  });

  it('never sends a message over a limit cutting cannot fix, and marks it failed', async () => {
    const waId = '919822000004';
    await say(env.runtime, waId, { text: 'Hi' });
    const before = (await replies(waId)).length;
    await enqueue(waId, 'notice#01', {
      type: 'buttons',
      body: 'Pick one',
      buttons: ['a', 'b', 'c', 'd'].map((id) => ({ id, title: id })),
    });
    expect((await replies(waId)).length).toBe(before);
    expect((await outboxOf(waId)).find((i) => i.sk === 'notice#01')).toMatchObject({
      status: 'failed',
      details: { reason: 'over Meta limits' },
    });
  });

  it('does not send again when the stream redelivers a record whose item is already sent', async () => {
    const waId = '919822000002';
    await say(env.runtime, waId, { text: 'Hi' });
    const item = await enqueue(waId, 'notice#01', { type: 'text', text: 'Only once' });
    const sender = [...env.runtime.functions.values()].find((f) => f.spec.name === 'sender')!;
    const record = { eventName: 'INSERT', dynamodb: { NewImage: marshall(item), SequenceNumber: '9' } };
    expect(await sender.invoke({ Records: [record, record] })).toEqual({ batchItemFailures: [] });
    expect((await replies(waId)).filter((m) => m.text?.body === 'Only once')).toHaveLength(1);
  });

  it('records a failure on the outbox item, and resends as the template when Meta fails it later with 131047', async () => {
    const waId = '919822000047';
    await say(env.runtime, waId, { text: 'Hi' });
    await enqueue(waId, 'notice#01', { type: 'text', text: 'Certificate ready (late failure)' });
    const sent = (await outboxOf(waId)).find((i) => i.sk === 'notice#01')!;
    const wamid = (sent.details as { wamid: string }).wamid;
    await env.runtime.whatsapp.deliverStatus({ id: wamid, status: 'delivered' });
    await env.runtime.whatsapp.idle();
    expect((await outboxOf(waId)).find((i) => i.sk === 'notice#01')).toMatchObject({ status: 'sent' });
    expect((await outboxOf(waId)).find((i) => i.sk === 'notice#01')).not.toHaveProperty('delivery');

    await env.runtime.whatsapp.deliverStatus({ id: wamid, status: 'failed', errorCode: 131047 });
    await env.runtime.whatsapp.idle();
    await env.runtime.drained();
    const outbox = await outboxOf(waId);
    expect(outbox.find((i) => i.sk === 'notice#01')).toMatchObject({ delivery: 'failed', deliveryErrors: [131047] });
    expect(outbox.find((i) => i.sk === 'notice#01#template')).toMatchObject({ status: 'sent', templateOnly: true });
    const template = (await replies(waId)).at(-1) as { type: string; template?: { name: string } };
    expect(template).toMatchObject({ type: 'template', template: { name: 'mitra_update' } });
  });

  it('sends the template straight away when the table says the citizen last wrote over 24 hours ago', async () => {
    const waId = '919822000024';
    await say(env.runtime, waId, { text: 'Hi' });
    env.runtime.clock.advance(25 * 3600);
    await enqueue(waId, 'notice#01', { type: 'text', text: 'Your application was approved.' });
    const last = (await replies(waId)).at(-1) as { type: string; template?: { name: string } };
    expect(last.type).toBe('template');
    expect(last.template?.name).toBe('mitra_update');
    expect(metricCount('TemplateFallbacks')).toBeGreaterThan(0);
  });
});
