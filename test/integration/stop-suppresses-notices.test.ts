import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '#core/table-keys.ts';
import { rowIdOf, say, sentTo, startTestRuntime, tableClient } from '../support/runtime.ts';

// "STOP at any time ends all messages but the confirmation": that includes what a workflow finishes later.
// The notify step runs here as Step Functions runs it, through the workflow-steps bundle.

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let table: DynamoDBDocumentClient;

beforeAll(async () => {
  env = await startTestRuntime();
  table = tableClient(env.runtime);
});
afterAll(async () => {
  await env?.stop();
});

async function applicationInProcess(applicationId: string, waId: string) {
  await table.send(
    new PutCommand({
      TableName: env.runtime.names.table,
      Item: { ...keys.application(applicationId), kind: 'application', applicationId, waId, state: 'processing' },
    }),
  );
}

async function notifyFailed(applicationId: string, waId: string) {
  const steps = [...env.runtime.functions.values()].find((f) => f.spec.name === 'workflow-steps')!;
  await steps.invoke({
    step: 'notify-failed',
    application: {
      applicationId,
      serviceId: 'revenue.income-certificate',
      waId,
      language: 'en',
      certificate: {
        certId: 'AAAAAAAAAAAAAAAAAAAAAA',
        pdfKey: 'certificates/x.pdf',
        verifyUrl: 'https://example.in/v/x',
      },
    },
  });
  await env.runtime.drained();
}

async function stateOf(applicationId: string) {
  const { Item } = await table.send(
    new GetCommand({ TableName: env.runtime.names.table, Key: keys.application(applicationId) }),
  );
  return Item?.state;
}

async function consented(waId: string) {
  await say(env.runtime, waId, { text: 'Hi' });
  await say(env.runtime, waId, { reply_id: 'lang:en' });
  await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'consent:yes') });
}

describe('a workflow notice to a citizen who sent STOP', () => {
  it('is not sent, while the application still settles', async () => {
    const waId = '919876500071';
    await consented(waId);
    await say(env.runtime, waId, { text: 'STOP' });
    const before = (await sentTo(env.runtime, waId)).length;
    await applicationInProcess('AP-STOPPED00001', waId);
    await notifyFailed('AP-STOPPED00001', waId);
    expect(await stateOf('AP-STOPPED00001')).toBe('failed');
    expect((await sentTo(env.runtime, waId)).slice(before)).toEqual([]);
  });

  it('is queued as usual for a citizen who did not', async () => {
    const waId = '919876500072';
    await consented(waId);
    await applicationInProcess('AP-NOTSTOPPED01', waId);
    await notifyFailed('AP-NOTSTOPPED01', waId);
    expect(await stateOf('AP-NOTSTOPPED01')).toBe('failed');
    const notices = (await sentTo(env.runtime, waId)).map((m) => m.text?.body ?? '');
    expect(notices.some((text) => text.includes('AP-NOTSTOPPED01'))).toBe(true);
  });
});
