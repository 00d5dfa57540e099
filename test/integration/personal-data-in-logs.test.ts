import { createHash } from 'node:crypto';
import { ListBucketsCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/local-aws.ts';
import { applyForIncomeCertificate } from '../support/certificates.ts';
import { rowIdOf, say, startTestRuntime } from '../support/runtime.ts';

// Every line any function or the runtime writes during a whole conversation, at the most talkative log level, and
// every object key in every bucket, are searched for the citizen's phone number and Aadhaar number: neither may
// appear in full.

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

    const s3 = new S3Client({
      endpoint: env.runtime.endpoints.s3,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      forcePathStyle: true,
    });
    const { Buckets = [] } = await s3.send(new ListBucketsCommand({}));
    const keys: string[] = [];
    for (const { Name } of Buckets) {
      const listed = await s3.send(new ListObjectsV2Command({ Bucket: Name }));
      keys.push(...(listed.Contents ?? []).map((o) => `${Name}/${o.Key}`));
    }
    // The photo and the certificate are there to be searched.
    expect(keys.some((key) => key.includes('/inbound/'))).toBe(true);
    expect(keys.some((key) => key.includes('/certificates/'))).toBe(true);
    for (const secret of [citizen.slice(2), aadhaar]) expect(keys.filter((key) => key.includes(secret))).toEqual([]);
    // Nor a digest anyone could compute for every possible number: the media folder is keyed with a secret.
    const unkeyed = createHash('sha256').update(`mitra-inbound-media\n${citizen}`).digest('hex').slice(0, 32);
    expect(keys.filter((key) => key.includes(unkeyed))).toEqual([]);
  });
});
