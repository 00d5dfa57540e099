import jpeg from 'jpeg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyForIncomeCertificate, downloadDocument, rasterize } from '../support/certificates.ts';
import { rowIdOf, type SentMessage, say, sentTo, startTestRuntime, waitFor } from '../support/runtime.ts';

// Checking a certificate in the chat: a photo of its QR code goes through the webhook (which only records the task),
// the certificate-tasks function on the table's stream (loaded from its bundle in cdk.out) and the outbox.

const citizen = '919876500001';
const verifier = '919876500002';
// Registered by the embedded runtime (local/sample-officers.ts).
const tahsildar = '919000000042';
const clerk = '919000000101';
let env: Awaited<ReturnType<typeof startTestRuntime>>;
let certId: string;
let pagePhoto: string;

beforeAll(async () => {
  env = await startTestRuntime();
}, 120_000);
afterAll(async () => {
  await env?.stop();
});

/** Everything sent to a number after the first `skip` messages, as text. */
async function textsAfter(waId: string, skip: number): Promise<string[]> {
  return (await sentTo(env.runtime, waId))
    .slice(skip)
    .map((m: SentMessage) => m.text?.body ?? m.interactive?.body.text ?? '');
}

/** Sends a photo and waits for the certificate check's answer (the message after "Checking…"). */
async function answerToPhoto(waId: string, photoBase64: string): Promise<string> {
  const before = (await sentTo(env.runtime, waId)).length;
  await say(env.runtime, waId, { image_base64: photoBase64 });
  return waitFor('the answer to the photo', async () => {
    await env.runtime.drained();
    const texts = await textsAfter(waId, before);
    expect(texts[0]).toContain('Checking the certificate QR code');
    return texts[1];
  });
}

/** Sends text and waits for the second message after it: the certificate task's answer after the first reply. */
async function answerTo(waId: string, text: string): Promise<string> {
  const before = (await sentTo(env.runtime, waId)).length;
  await say(env.runtime, waId, { text });
  return waitFor('the answer', async () => {
    await env.runtime.drained();
    const texts = await textsAfter(waId, before);
    expect(texts[0]).toContain('Revoking certificate');
    return texts[1];
  });
}

async function consent(waId: string): Promise<void> {
  await say(env.runtime, waId, { text: 'Hi' });
  await say(env.runtime, waId, { reply_id: 'lang:en' });
  await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'consent:yes') });
}

async function verdictOf(
  id: string,
): Promise<{ status: string; certificate?: { revocationReason?: { code?: string; en: string } } }> {
  const response = await fetch(`${env.runtime.baseUrl}/v/${id}`, { headers: { accept: 'application/json' } });
  return (await response.json()) as { status: string };
}

describe('verifying a certificate from a photo in the chat', () => {
  it('issues a certificate, whose printed page becomes a JPEG photo', async () => {
    await consent(citizen);
    const document = await applyForIncomeCertificate(env.runtime, citizen);
    certId = document.document!.filename!.match(/([\w-]{22})\.pdf$/)![1]!;
    const png = rasterize(await downloadDocument(env.runtime, document));
    pagePhoto = Buffer.from(jpeg.encode({ data: png.data, width: png.width, height: png.height }, 85).data).toString(
      'base64',
    );
    expect(pagePhoto.length).toBeGreaterThan(1000);
  });

  it('answers "valid" with the masked holder to anyone who sends the photo', async () => {
    await consent(verifier);
    const answer = await answerToPhoto(verifier, pagePhoto);
    expect(answer).toContain('Valid');
    expect(answer).toContain(certId);
    expect(answer).not.toContain('Ravi Kumar Reddy');
  });

  it('reads a non-officer\'s "revoke …" as ordinary text, and revokes nothing', async () => {
    const before = (await sentTo(env.runtime, verifier)).length;
    await say(env.runtime, verifier, { text: `revoke ${certId} issued on a forged income statement` });
    await env.runtime.drained();
    const texts = await textsAfter(verifier, before);
    expect(texts.join('\n')).not.toMatch(/Revoking|revoked/i);
    expect((await verdictOf(certId)).status).toBe('valid');
  });

  it("refuses a clerk's revocation: the role may not revoke", async () => {
    await consent(clerk);
    const answer = await answerTo(clerk, `revoke ${certId} issued on a forged income statement`);
    expect(answer).toContain('You cannot revoke');
    expect((await verdictOf(certId)).status).toBe('valid');
  });

  it('asks an officer for a reason before revoking', async () => {
    await consent(tahsildar);
    const before = (await sentTo(env.runtime, tahsildar)).length;
    await say(env.runtime, tahsildar, { text: `revoke ${certId}` });
    expect((await textsAfter(tahsildar, before)).join('\n')).toContain('the reason');
    expect((await verdictOf(certId)).status).toBe('valid');
  });

  it('revokes on a tahsildar\'s word in the chat, then answers "revoked" to the photo', async () => {
    const answer = await answerTo(tahsildar, `revoke ${certId} issued on a forged income statement`);
    expect(answer).toContain(`Certificate ${certId} is revoked`);
    const verdict = await verdictOf(certId);
    expect(verdict.status).toBe('revoked');
    // Words without a reason code: the public reason is "issued in error", the words a private note.
    expect(verdict.certificate?.revocationReason).toMatchObject({ code: 'issued-in-error', en: 'Issued in error' });
    expect(JSON.stringify(verdict)).not.toContain('forged income statement');

    const again = await answerToPhoto(verifier, pagePhoto);
    expect(again).toContain('Revoked');
    expect(again).toContain('Issued in error');
    expect(again).not.toContain('forged income statement');

    // The holder is told, once, with the reason.
    const told = await waitFor('the holder told of the revocation', async () => {
      await env.runtime.drained();
      const texts = (await sentTo(env.runtime, citizen)).map((m) => m.text?.body ?? '');
      return texts.filter((text) => text.includes('has been revoked')).length > 0 ? texts : undefined;
    });
    const notices = told.filter((text) => text.includes('has been revoked'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(certId);
    expect(notices[0]).toContain('Reason: Issued in error');
    // A second officer revoking it again tells no one twice.
    await answerTo(tahsildar, `revoke ${certId} issued on a forged income statement`);
    await env.runtime.drained();
    const after = (await sentTo(env.runtime, citizen)).filter((m) => m.text?.body?.includes('has been revoked'));
    expect(after).toHaveLength(1);
  });

  it('says politely that a photo without a QR code has none', async () => {
    const blank = jpeg.encode({ data: Buffer.alloc(400 * 300 * 4, 0xee), width: 400, height: 300 }, 80).data;
    const answer = await answerToPhoto(verifier, Buffer.from(blank).toString('base64'));
    expect(answer).toContain('could not find a QR code');
  });
});
