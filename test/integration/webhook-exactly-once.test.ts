import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationStore as Store } from '#adapters/conversation-store.ts';
import type { Turn } from '#core/conversation/converse.ts';
import type { InboundMessage } from '#core/conversation/messages.ts';
import { messageHash } from '#core/conversation/recent-messages.ts';
import { newSession, type Session } from '#core/conversation/session.ts';
import { unpackReplies } from '#core/whatsapp/turn-replies.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/local-aws.ts';
import { sentTo, startTestRuntime, tableClient } from '../support/runtime.ts';

// The webhook's one atomic write, raced directly against DynamoDB Local: the versioned session with the message among
// the citizen's recent ones and the turn's replies, and the application, commit together or not at all.

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let store: Store;
let db: DynamoDBDocumentClient;

beforeAll(async () => {
  env = await startTestRuntime();
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: env.runtime.endpoints.dynamodb,
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    POWERTOOLS_LOG_LEVEL: 'ERROR',
  });
  const { ConversationStore } = await import('#adapters/conversation-store.ts');
  store = new ConversationStore(env.runtime.names.table);
  db = tableClient(env.runtime);
});
afterAll(async () => {
  await env?.stop();
});

const at = new Date();
const inbound = (waId: string, messageId: string): InboundMessage => ({
  messageId,
  waId,
  sentAt: at,
  content: { type: 'choice', id: 'confirm', title: 'Confirm' },
});

/** The turn a confirmation makes: the next session, a reply and a new application with an id fixed by the message. */
function confirmTurn(waId: string, messageId: string, version: number): Turn {
  return {
    session: { ...({} as Turn['session']), waId, version: version + 1, step: { name: 'new' } } as Turn['session'],
    replies: [{ type: 'text', text: 'Application received.' }],
    effects: [
      {
        type: 'start-application',
        application: {
          applicationId: `APP-${messageId}`,
          serviceId: 'revenue.income-certificate',
          serviceKind: 'certificate',
          waId,
          language: 'en',
          values: { name: 'Ravi' },
          submittedAt: at.toISOString(),
          slaDays: 7,
        },
      },
    ] as unknown as Turn['effects'],
  };
}

async function applyWithRetries(waId: string, messageId: string) {
  for (let attempt = 0; attempt < 60; attempt++) {
    const session = await store.loadSession(waId);
    try {
      return await store.commitTurn(
        session,
        inbound(waId, messageId),
        confirmTurn(waId, messageId, session.version),
        at,
      );
    } catch (error) {
      if ((error as Error).name !== 'ConflictError') throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
    }
  }
  throw new Error('never committed');
}

const query = async (pk: string) =>
  (
    await db.send(
      new QueryCommand({
        TableName: env.runtime.names.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
      }),
    )
  ).Items ?? [];

describe('one atomic write per message', () => {
  it('commits 20 identical messages at once exactly once: one application, one reply, the others duplicates', async () => {
    const waId = '919811111120';
    const messageId = 'wamid.SAME0000000000000001';
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => applyWithRetries(waId, messageId)));
    expect(outcomes.filter((o) => o.result === 'applied')).toHaveLength(1);
    expect(outcomes.filter((o) => o.result === 'duplicate')).toHaveLength(19);
    // A duplicate answers the effects first recorded, so the caller can finish them idempotently.
    for (const o of outcomes) expect(o.effects).toHaveLength(1);
    expect(await query(`APP#APP-${messageId}`)).toHaveLength(1);
    const [session] = await query(`CITIZEN#${waId}`);
    // A turn that starts an application names it: the workflow's notices wait for the turn's own replies.
    expect(session).toMatchObject({
      version: 1,
      repliesTo: messageHash(messageId),
      answersLater: [`APP-${messageId}`],
    });
    expect(unpackReplies(session!.replies)).toMatchObject([{ type: 'text' }]);
    await env.runtime.drained();
    expect(await sentTo(env.runtime, waId)).toHaveLength(1);
    // Its reply gone, the sender records the turn as answered: the application's notices need not wait.
    expect(await query(`CITIZEN#${waId}`)).toContainEqual(
      expect.objectContaining({ sk: `TURN-PROGRESS#${messageHash(messageId)}`, sent: 1, answered: true }),
    );
  });

  it('applies ten different messages of one citizen at once, each once, with no lost update', async () => {
    const waId = '919811111110';
    const ids = Array.from({ length: 10 }, (_, i) => `wamid.DIFF00000000000000${String(i).padStart(2, '0')}`);
    const outcomes = await Promise.all(ids.map((id) => applyWithRetries(waId, id)));
    expect(outcomes.every((o) => o.result === 'applied')).toBe(true);
    expect((await store.loadSession(waId)).version).toBe(10);
    await env.runtime.drained();
    expect(await sentTo(env.runtime, waId)).toHaveLength(10);
  });

  it('keeps the effects a redelivery must finish (the workflow to start) at least 8 days', async () => {
    const [mark] = await query('MSG#wamid.SAME0000000000000001');
    expect(mark!.effects).toHaveLength(1);
    expect(Number(mark!.expiresAt) - Math.floor(at.getTime() / 1000)).toBeGreaterThanOrEqual(8 * 24 * 3600);
  });
});

describe('the session item', () => {
  /** A citizen halfway through a form, with the menu of districts typed numbers are read against. */
  const halfway = (waId: string, version: number): Session => ({
    ...newSession(waId),
    version,
    language: 'te',
    consentedAt: at.toISOString(),
    step: {
      name: 'form',
      serviceId: 'revenue.income-certificate',
      fieldIndex: 7,
      values: { 'applicant-name': 'రవి కుమార్', village: 'Tadikonda' },
      page: 0,
      editing: false,
    },
    menu: { token: version, options: ['opt:guntur', 'opt:krishna', 'more'] },
  });

  it('keeps where the conversation is packed, what other functions read as a map, and reads it back whole', async () => {
    const waId = '919811111130';
    const session = halfway(waId, 1);
    await store.commitTurn(
      await store.loadSession(waId),
      inbound(waId, 'wamid.PACKED000000000000001'),
      { session, replies: [{ type: 'text', text: 'మండలం పేరు టైప్ చేయండి.' }], effects: [] },
      at,
    );
    const [item] = await query(`CITIZEN#${waId}`);
    expect(item!.flow).toBeInstanceOf(Uint8Array);
    // STOP, the language and the identity stay readable by projection; defaults and the step are not repeated.
    expect(item!.session).toEqual({ language: 'te', consentedAt: at.toISOString() });
    expect(await store.loadSession(waId)).toEqual(session);
  });

  it('still loads a session an earlier release stored whole, as a map without its flow packed', async () => {
    const waId = '919811111131';
    const session = halfway(waId, 4);
    await db.send(
      new PutCommand({
        TableName: env.runtime.names.table,
        Item: { pk: `CITIZEN#${waId}`, sk: 'SESSION', kind: 'session', waId, session, version: 4 },
      }),
    );
    expect(await store.loadSession(waId)).toEqual(session);
  });
});
