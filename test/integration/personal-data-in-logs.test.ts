import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyForIncomeCertificate } from '../support/certificates.ts';
import { rowIdOf, say, startTestRuntime } from '../support/runtime.ts';

// Every line any function or the runtime writes during a whole conversation, at the most talkative log level, is
// kept and searched for the citizen's phone number and Aadhaar number: neither may appear in full.

const citizen = '919876543210';
const aadhaar = '234567890124';
const lines: string[] = [];
let env: Awaited<ReturnType<typeof startTestRuntime>>;
const writes = { stdout: process.stdout.write, stderr: process.stderr.write };

/** Keeps what a stream is asked to write instead of writing it. */
function capture(stream: NodeJS.WriteStream): void {
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    lines.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    done?.();
    return true;
  }) as typeof stream.write;
}

beforeAll(async () => {
  capture(process.stdout);
  capture(process.stderr);
  env = await startTestRuntime({ logLevel: 'DEBUG', log: (line) => lines.push(line) });
});
afterAll(async () => {
  await env?.stop();
  process.stdout.write = writes.stdout;
  process.stderr.write = writes.stderr;
});

describe('personal data in the logs', () => {
  it('never logs the full phone number or Aadhaar number of a citizen who applies, is issued and sends a photo', async () => {
    await say(env.runtime, citizen, { text: 'Hi' });
    await say(env.runtime, citizen, { reply_id: 'lang:en' });
    await say(env.runtime, citizen, { reply_id: await rowIdOf(env.runtime, citizen, 'consent:yes') });
    const document = await applyForIncomeCertificate(env.runtime, citizen);
    expect(document.document?.filename).toMatch(/\.pdf$/);
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    await say(env.runtime, citizen, { image_base64: png });
    await env.runtime.drained();

    const log = lines.join('\n');
    // The capture saw the functions' own lines, the media key among them.
    expect(log).toContain('"message":"inbound media kept"');
    expect(log).toContain('"service":"certificate"');
    for (const secret of [citizen, citizen.slice(2), aadhaar, '2345 6789 0124']) {
      const at = log.indexOf(secret);
      expect(at === -1 ? '' : log.slice(Math.max(0, at - 300), at + 100), secret).toBe('');
    }
  });
});
