import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import jsQRModule from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/local-aws.ts';
import { applyForIncomeCertificate, downloadDocument, rasterize } from '../support/certificates.ts';
import { rowIdOf, say, sentTo, startTestRuntime } from '../support/runtime.ts';

// The handshake, signatures and duplicate deliveries at the webhook are tested in webhook-ingress.test.ts.
// The walking skeleton's promise: "Hi" → menu → a certificate request → Step Functions → a signed PDF with a QR
// code in the archive → a document in the chat → the QR's URL says valid. Every part is the embedded one,
// and every handler is loaded from its bundle in cdk.out.

// jsqr is CommonJS whose types say `export default`; the function is its exports object's `default`.
const jsQR = jsQRModule.default;
const citizen = '919876543210';
let env: Awaited<ReturnType<typeof startTestRuntime>>;

beforeAll(async () => {
  env = await startTestRuntime();
});
afterAll(async () => {
  await env?.stop();
});

describe('one certificate, end to end', () => {
  it('answers "Hi" through the outbox and the sender with a language choice', async () => {
    await say(env.runtime, citizen, { text: 'Hi' });
    const sent = await sentTo(env.runtime, citizen);
    const reply = sent.find((m) => m.type === 'interactive');
    expect(reply?.interactive?.type).toBe('button');
    expect(reply?.interactive?.body.text).toContain('Namaste');
  });

  it('issues a signed PDF certificate into the archive and delivers it as a document that verifies', async () => {
    await say(env.runtime, citizen, { reply_id: 'lang:en' });
    await say(env.runtime, citizen, { reply_id: await rowIdOf(env.runtime, citizen, 'consent:yes') });
    const document = await applyForIncomeCertificate(env.runtime, citizen);
    // The file reads as the document it is, and ends with its number.
    expect(document.document?.filename).toMatch(/^Income-Certificate-[\w-]{22}\.pdf$/);
    const certId = document.document!.filename!.match(/([\w-]{22})\.pdf$/)![1]!;

    // The document resolves through the Graph API's media endpoints to the PDF bytes, as a phone would fetch it.
    const pdf = await downloadDocument(env.runtime, document);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    // The archive holds the PDF and its signed record at the contract's keys.
    const s3 = new S3Client({
      endpoint: env.runtime.endpoints.s3,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      forcePathStyle: true,
    });
    const listed = await s3.send(
      new ListObjectsV2Command({ Bucket: env.runtime.names.archiveBucket, Prefix: 'certificates/' }),
    );
    const archived = (listed.Contents ?? []).map((o) => o.Key);
    expect(archived).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^certificates/\\d{4}/\\d{2}/\\d{2}/${certId}\\.pdf$`)),
        expect.stringMatching(new RegExp(`${certId}\\.json$`)),
      ]),
    );

    // The QR code printed on the page, read back from a rendering of it, leads to a page that says valid.
    const png = rasterize(pdf);
    const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(qr?.data).toContain(`/v/${certId}`);
    const verifyUrl = new URL(qr!.data);
    const verdict = (await (
      await fetch(`${env.runtime.baseUrl}${verifyUrl.pathname}${verifyUrl.search}`, {
        headers: { accept: 'application/json' },
      })
    ).json()) as { status: string };
    expect(verdict.status).toBe('valid');

    // The application is on record as issued: asking again for the status is the next issue's; the page is this one's.
    const page = await fetch(`${env.runtime.baseUrl}${verifyUrl.pathname}${verifyUrl.search}`);
    expect(page.headers.get('content-type')).toContain('text/html');
  });
});
