import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '#core/table-keys.ts';
import { unpackFlow } from '#core/whatsapp/turn-replies.ts';
import { type SentMessage, sentTo, startTestRuntime, tableClient } from '../support/runtime.ts';

// A user who adopted a WhatsApp username shares no phone number: Meta names them only by their business-scoped user
// id (BSUID). Mitra keys them by it end to end: session, replies, the Graph API's `recipient`, and delivery statuses.

const USERNAME_USER = 'IN.2739184650192837';
const PHONE_USER = '919000000555';
const PHONE_USER_BSUID = 'IN.1648738043044942';

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let table: DynamoDBDocumentClient;

beforeAll(async () => {
  env = await startTestRuntime({ statusWebhooks: true });
  table = tableClient(env.runtime);
});
afterAll(async () => {
  await env?.stop();
});

/** A message through /sim/api/send as Meta would deliver it for this sender, then the outbox drained. */
async function write(sender: { from?: string; user_id?: string; username?: string }, input: Record<string, string>) {
  const response = await fetch(`${env.runtime.baseUrl}/sim/api/send`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...sender, ...input }),
  });
  if (!response.ok) throw new Error(`/sim/api/send answered ${response.status}: ${await response.text()}`);
  await env.runtime.drained();
}

function buttonIds(message: SentMessage | undefined): string[] {
  const action = message?.interactive?.action as { buttons?: { reply: { id: string } }[] } | undefined;
  return (action?.buttons ?? []).map((button) => button.reply.id);
}

describe('users known only by a business-scoped user id', () => {
  it('a username user who says Hi gets the language menu, sent to their business-scoped user id', async () => {
    await write({ user_id: USERNAME_USER, username: 'lakshmi.k' }, { text: 'Hi' });
    const sent = await sentTo(env.runtime, USERNAME_USER);
    expect(sent.length).toBeGreaterThan(0);
    for (const message of sent) {
      expect(message['recipient']).toBe(USERNAME_USER);
      expect(message).not.toHaveProperty('to');
    }
    const menu = sent.findLast((m) => m.type === 'interactive');
    expect(buttonIds(menu).map((id) => id.split('~')[0])).toEqual(expect.arrayContaining(['lang:en', 'lang:te']));

    const { Item: session } = await table.send(
      new GetCommand({ TableName: env.runtime.names.table, Key: keys.session(USERNAME_USER) }),
    );
    expect(session).toMatchObject({ waId: USERNAME_USER });
    expect(unpackFlow(session!.flow).step).toMatchObject({ name: 'choose-language' });
  });

  it('their choice of language is a turn like anyone’s, and the next reply reaches them too', async () => {
    const before = (await sentTo(env.runtime, USERNAME_USER)).length;
    const lang = buttonIds((await sentTo(env.runtime, USERNAME_USER)).findLast((m) => m.type === 'interactive')).find(
      (id) => id.startsWith('lang:en'),
    );
    await write({ user_id: USERNAME_USER }, { reply_id: lang! });
    const after = await sentTo(env.runtime, USERNAME_USER);
    expect(after.length).toBeGreaterThan(before);
    expect(after.at(-1)!['recipient']).toBe(USERNAME_USER);
  });

  it('a failure Meta reports naming them only by their business-scoped user id is kept as theirs', async () => {
    const sent = (await sentTo(env.runtime, USERNAME_USER)).findLast((m) => m.status !== 'read')!;
    await env.runtime.whatsapp.deliverStatus({ id: String(sent.id), status: 'failed', errorCode: 131026 });
    await env.runtime.whatsapp.idle();
    const { Item: failed } = await table.send(
      new GetCommand({ TableName: env.runtime.names.table, Key: { pk: `WAMID#${sent.id}`, sk: 'STATUS#failed' } }),
    );
    expect(failed).toMatchObject({ waId: USERNAME_USER, errorCodes: [131026] });
  });

  it('a user who shares their number is keyed by it and answered by `to`, their id beside it', async () => {
    await write({ from: PHONE_USER, user_id: PHONE_USER_BSUID }, { text: 'Hi' });
    const sent = await sentTo(env.runtime, PHONE_USER);
    const menu = sent.findLast((m) => m.type === 'interactive');
    expect(menu?.['to']).toBe(PHONE_USER);
    expect(menu).not.toHaveProperty('recipient');
    expect(buttonIds(menu).map((id) => id.split('~')[0])).toEqual(expect.arrayContaining(['lang:en', 'lang:te']));
    expect(await sentTo(env.runtime, PHONE_USER_BSUID)).toEqual([]);
    const { Item: bsuidSession } = await table.send(
      new GetCommand({ TableName: env.runtime.names.table, Key: keys.session(PHONE_USER_BSUID) }),
    );
    expect(bsuidSession).toBeUndefined();
  });
});
