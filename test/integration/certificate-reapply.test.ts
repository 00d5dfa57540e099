import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '#core/table-keys.ts';
import { downloadDocument } from '../support/certificates.ts';
import {
  bodyOf,
  otpFor,
  rowIdOf,
  type SentMessage,
  say,
  sentTo,
  startTestRuntime,
  tableClient,
  waitFor,
} from '../support/runtime.ts';

// A citizen applies for an income certificate, typing their Aadhaar once (as the form's question), and later applies
// for the same certificate again: they are told at once that they hold it, and get it sent again on a tap.

const citizen = '919876540001';
const AADHAAR = '234567890124';
let env: Awaited<ReturnType<typeof startTestRuntime>>;
let applicationId: string;
let first: SentMessage;

beforeAll(async () => {
  env = await startTestRuntime();
}, 120_000);
afterAll(async () => {
  await env?.stop();
});

const textsTo = async (waId: string) => (await sentTo(env.runtime, waId)).map(bodyOf);

async function otpsSent(aadhaar: string): Promise<number> {
  const response = await fetch(`${env.runtime.baseUrl}/identity/otp/sent?aadhaar=${aadhaar}`);
  return ((await response.json()) as { sent: number }).sent;
}

async function documentsTo(waId: string): Promise<SentMessage[]> {
  return (await sentTo(env.runtime, waId)).filter((m) => m.type === 'document');
}

describe('applying for a certificate with the Aadhaar typed once', () => {
  it('sends the OTP to the Aadhaar the form holds on confirming, without asking for it again, and issues', async () => {
    await say(env.runtime, citizen, { text: 'Hi' });
    await say(env.runtime, citizen, { reply_id: 'lang:en' });
    await say(env.runtime, citizen, { reply_id: await rowIdOf(env.runtime, citizen, 'consent:yes') });
    await say(env.runtime, citizen, { reply_id: 'svc:revenue.income-certificate' });
    await say(env.runtime, citizen, { text: 'Ravi Kumar Reddy' });
    await say(env.runtime, citizen, { reply_id: await rowIdOf(env.runtime, citizen, 'opt:son-of') });
    await say(env.runtime, citizen, { text: 'Venkata Reddy' });
    await say(env.runtime, citizen, { text: AADHAAR });
    await say(env.runtime, citizen, { text: '120000' });
    await say(env.runtime, citizen, { text: 'Tadikonda' });
    await say(env.runtime, citizen, { text: 'Tadikonda' });
    await say(env.runtime, citizen, { reply_id: await rowIdOf(env.runtime, citizen, 'opt:guntur') });
    await say(env.runtime, citizen, { reply_id: await rowIdOf(env.runtime, citizen, 'opt:education') });
    await say(env.runtime, citizen, { reply_id: await rowIdOf(env.runtime, citizen, 'confirm') });
    expect((await textsTo(citizen)).at(-1)).toBe(
      'We sent a one-time password (OTP) to the mobile number linked with Aadhaar XXXX XXXX 0124. Please type the 6-digit OTP.',
    );
    await say(env.runtime, citizen, { text: await otpFor(env.runtime, AADHAAR) });
    first = await waitFor('the certificate document', async () => {
      await env.runtime.drained();
      return (await documentsTo(citizen))[0];
    });

    const said = (await textsTo(citizen)).join('\n');
    expect(said).not.toContain('Type your 12-digit Aadhaar number');
    expect(said).toContain('Thank you, your identity is confirmed.');
    expect(await otpsSent(AADHAAR)).toBe(1);
    applicationId = /AP-[0-9A-Z]{12}/.exec(said)![0];
    // The full number is nowhere in the citizen's items: not the session, the application, the outbox.
    const table = tableClient(env.runtime);
    for (const pk of [keys.session(citizen).pk, keys.application(applicationId).pk]) {
      const { Items = [] } = await table.send(
        new QueryCommand({
          TableName: env.runtime.names.table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': pk },
        }),
      );
      expect(Items.length).toBeGreaterThan(0);
      expect(JSON.stringify(Items)).not.toContain(AADHAAR);
    }
  });
});

describe('applying again for a certificate one holds', () => {
  it('says at once, before any question, that the citizen holds it, and sends the same document again on a tap', async () => {
    await say(env.runtime, citizen, { text: 'income certificate' });
    await say(env.runtime, citizen, {
      reply_id: await rowIdOf(env.runtime, citizen, 'svc:revenue.income-certificate'),
    });
    const offer = (await textsTo(citizen)).at(-1)!;
    expect(offer).toContain(`You already hold a valid Income certificate (application ${applicationId})`);
    expect(offer).not.toContain("applicant's full name");

    await say(env.runtime, citizen, { reply_id: await rowIdOf(env.runtime, citizen, `resend:${applicationId}`) });
    const again = await waitFor('the document sent again', async () => {
      await env.runtime.drained();
      return (await documentsTo(citizen))[1];
    });
    expect(again.document?.filename).toBe(first.document?.filename);
    expect(again.document?.caption).toContain(`application ${applicationId}), sent again`);
    expect(await downloadDocument(env.runtime, again)).toEqual(await downloadDocument(env.runtime, first));

    // Nothing new was submitted, and no OTP was needed for it.
    expect((await textsTo(citizen)).filter((text) => text.startsWith('Submitted.'))).toHaveLength(1);
    expect(await otpsSent(AADHAAR)).toBe(1);
  });
});
