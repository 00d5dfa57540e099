import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyOf, rowIdOf, say, sentTo, startTestRuntime } from '../support/runtime.ts';

// A request typed in free text, through the signed webhook, the session table and the outbox of the embedded runtime.

const citizen = '919876500031';
let env: Awaited<ReturnType<typeof startTestRuntime>>;

beforeAll(async () => {
  env = await startTestRuntime();
  await say(env.runtime, citizen, { text: 'Hi' });
  await say(env.runtime, citizen, { reply_id: 'lang:en' });
  await say(env.runtime, citizen, { reply_id: await rowIdOf(env.runtime, citizen, 'consent:yes') });
}, 120_000);
afterAll(async () => {
  await env?.stop();
});

const lastBody = async () => bodyOf((await sentTo(env.runtime, citizen)).at(-1)!);

describe('a free-text request in the chat', () => {
  it('starts the income certificate with the name filled and asks the next question', async () => {
    await say(env.runtime, citizen, { text: 'naaku income certificate kavali, na peru Ravi Kumar' });
    const body = await lastBody();
    expect(body).toContain('You asked for: Income certificate');
    expect(body).toContain("Applicant's name: Ravi Kumar");
    // The name is not asked: the next question is how the applicant is related to the person named next.
    expect(body).toContain('How is the applicant related');
  });

  it('shows the stated name in the summary once the rest is answered', async () => {
    await say(env.runtime, citizen, { reply_id: await rowIdOf(env.runtime, citizen, 'opt:son-of') });
    for (const answer of ['Venkata Reddy', '234567890124', '120000', 'Tadikonda', 'Tadikonda'])
      await say(env.runtime, citizen, { text: answer });
    await say(env.runtime, citizen, { reply_id: await rowIdOf(env.runtime, citizen, 'opt:guntur') });
    await say(env.runtime, citizen, { reply_id: await rowIdOf(env.runtime, citizen, 'opt:education') });
    const summary = await lastBody();
    expect(summary).toContain("Applicant's name: Ravi Kumar");
    expect(summary).toContain('District: Guntur');
  });

  it('fills the district and the income of a request typed in Telugu words', async () => {
    await say(env.runtime, citizen, { text: 'cancel' });
    await say(env.runtime, citizen, { text: 'naaku Guntur lo income certificate kavali, income 1,20,000' });
    const body = await lastBody();
    expect(body).toContain('District: Guntur');
    expect(body).toContain('Annual income (₹): 1,20,000');
  });
});

describe('a voice note in the chat', () => {
  const caller = '919876500032';

  it('in Telugu, starts the power bill with the consumer number, showing what was heard', async () => {
    await say(env.runtime, caller, { text: 'Hi' });
    await say(env.runtime, caller, { reply_id: 'lang:te' });
    await say(env.runtime, caller, { reply_id: await rowIdOf(env.runtime, caller, 'consent:yes') });
    const before = (await sentTo(env.runtime, caller)).length;
    const response = await fetch(`${env.runtime.baseUrl}/sim/api/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        from: caller,
        voice: { transcript: 'నా కరెంట్ బిల్లు కట్టాలి, సర్వీస్ నంబర్ 1123456789', language: 'te' },
      }),
    });
    expect(response.ok).toBe(true);
    await env.runtime.drained();
    const bodies = (await sentTo(env.runtime, caller)).slice(before).map(bodyOf);
    expect(bodies[0]).toContain('నేను విన్నది: "నా కరెంట్ బిల్లు కట్టాలి, సర్వీస్ నంబర్ 1123456789"');
    expect(bodies.join('\n')).toContain('విద్యుత్ బిల్లు');
    expect(bodies.at(-1)).toContain('1123456789');
  });
});
