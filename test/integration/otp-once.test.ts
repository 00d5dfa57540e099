import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { otpFor, rowIdOf, say, sentTo, startTestRuntime } from '../support/runtime.ts';
import { messagesPayload, newWamid, postWebhook, textMessage } from './webhook-support.ts';

// One OTP per message: Meta may deliver the message carrying the Aadhaar number many times at once, and every
// delivery (and every turn re-applied after a concurrent write) asks the identity service again. The citizen must
// receive one OTP, and that OTP must be the one the conversation checks.

let env: Awaited<ReturnType<typeof startTestRuntime>>;

beforeAll(async () => {
  env = await startTestRuntime();
}, 120_000);
afterAll(async () => {
  await env?.stop();
});

const textsTo = async (waId: string) =>
  (await sentTo(env.runtime, waId)).map((m) => m.text?.body ?? m.interactive?.body.text ?? '');

/** How many OTPs the embedded runtime's identity service has sent for an Aadhaar number. */
async function otpsSent(aadhaar: string): Promise<number> {
  const response = await fetch(`${env.runtime.baseUrl}/identity/otp/sent?aadhaar=${aadhaar}`);
  return ((await response.json()) as { sent: number }).sent;
}

describe('an Aadhaar number delivered many times at once', () => {
  it('sends one OTP, and the citizen verifies with it', async () => {
    const waId = '919812345020';
    const aadhaar = '987654321012';
    await say(env.runtime, waId, { text: 'Hi' });
    await say(env.runtime, waId, { reply_id: 'lang:en' });
    await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'consent:yes') });
    await say(env.runtime, waId, { text: 'status' });
    expect((await textsTo(waId)).at(-1)).toContain('Type your 12-digit Aadhaar number');

    const body = Buffer.from(messagesPayload(waId, [textMessage(aadhaar, newWamid())]));
    const answers = await Promise.all(Array.from({ length: 20 }, () => postWebhook(env.runtime.baseUrl, body)));
    expect(answers.map((r) => r.status)).toEqual(Array(20).fill(200));
    await env.runtime.drained();

    expect(await otpsSent(aadhaar)).toBe(1);
    const otpSent = (await textsTo(waId)).filter((t) => t.startsWith('We sent a one-time password'));
    expect(otpSent).toEqual([
      'We sent a one-time password (OTP) to the mobile number linked with Aadhaar XXXX XXXX 1012. Please type the 6-digit OTP.',
    ]);

    const before = (await textsTo(waId)).length;
    await say(env.runtime, waId, { text: await otpFor(env.runtime, aadhaar) });
    const answer = (await textsTo(waId)).slice(before).join('\n');
    expect(answer).toContain('Thank you, your identity is confirmed.');
    expect(answer).toContain('You have no applications yet.');
    expect(await otpsSent(aadhaar)).toBe(1);
  });
});
