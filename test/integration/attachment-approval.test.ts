import jpeg from 'jpeg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyOf, otpFor, rowIdOf, say, sentTo, startTestRuntime, waitFor } from '../support/runtime.ts';

// A disability pension needs a medical certificate: the citizen sends a photo of it at that question, the deciding
// officer of Disability Welfare (a state-level sample officer, local/sample-officers.ts) gets the notice and then the
// photo itself, approves, and the citizen's sanction order arrives.

const officer = '919000000624';
const aadhaar = '234567890124';
let env: Awaited<ReturnType<typeof startTestRuntime>>;

beforeAll(async () => {
  env = await startTestRuntime();
  // The officer wrote to the bot today: the notice comes with buttons and the photo may follow it.
  await say(env.runtime, officer, { text: 'Hi' });
  await say(env.runtime, officer, { reply_id: 'lang:en' });
}, 120_000);
afterAll(async () => {
  await env?.stop();
});

const photo = Buffer.from(
  jpeg.encode({ data: Buffer.alloc(64 * 48 * 4, 0xcc), width: 64, height: 48 }, 80).data,
).toString('base64');

/** Applies for the disability pension up to the medical certificate question. */
async function startApplying(waId: string): Promise<void> {
  await say(env.runtime, waId, { text: 'Hi' });
  await say(env.runtime, waId, { reply_id: 'lang:en' });
  await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'consent:yes') });
  await say(env.runtime, waId, { reply_id: 'svc:disability-welfare.disability-pension' });
  await say(env.runtime, waId, { text: 'Lakshmi Devi Kota' });
  await say(env.runtime, waId, { text: aadhaar });
  await say(env.runtime, waId, { text: '20240815' });
}

async function submit(waId: string): Promise<string> {
  await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'confirm') });
  await say(env.runtime, waId, { text: aadhaar });
  await say(env.runtime, waId, { text: await otpFor(env.runtime, aadhaar) });
  const submitted = (await sentTo(env.runtime, waId)).map(bodyOf).find((text) => /AP-[0-9A-Z]{12}/.test(text));
  return /AP-[0-9A-Z]{12}/.exec(submitted!)![0];
}

async function lastSaid(waId: string): Promise<string> {
  return bodyOf((await sentTo(env.runtime, waId)).at(-1)!);
}

describe('an application with a supporting photo', () => {
  it("reaches the officer as a notice and the photo; the officer approves and the citizen's document arrives", async () => {
    const citizen = '919876520001';
    await startApplying(citizen);
    expect(await lastSaid(citizen)).toContain('SADAREM or medical board certificate as a photo or a PDF');
    await say(env.runtime, citizen, { text: 'I have it at home' });
    expect(await lastSaid(citizen)).toContain('Please send a photo or a PDF here');
    await say(env.runtime, citizen, { image_base64: photo });
    const summary = await lastSaid(citizen);
    expect(summary).toContain('Medical certificate: photo received');
    expect(summary).not.toContain('inbound/');
    // The photo answered the question: no QR check was started.
    expect((await sentTo(env.runtime, citizen)).map(bodyOf).join('\n')).not.toContain('QR code');
    const applicationId = await submit(citizen);

    const { notice, attachment, inOrder } = await waitFor('the notice and the photo', async () => {
      await env.runtime.drained();
      const sent = (await sentTo(env.runtime, officer)).filter((m) => JSON.stringify(m).includes(applicationId));
      const at = sent.findIndex((m) => m.type === 'interactive');
      const image = sent.findIndex((m) => m.type === 'image');
      return at >= 0 && image >= 0 ? { notice: sent[at]!, attachment: sent[image]!, inOrder: at < image } : undefined;
    });
    expect(inOrder).toBe(true);
    expect(bodyOf(notice)).toContain('Medical certificate: photo received');
    expect(bodyOf(notice)).toContain('Attachments, sent below: Medical certificate');
    expect(attachment.image).toMatchObject({ caption: `Application ${applicationId}: Medical certificate` });

    await say(env.runtime, officer, { reply_id: `decide:approve:${applicationId}` });
    const document = await waitFor('the sanction order', async () => {
      await env.runtime.drained();
      return (await sentTo(env.runtime, citizen)).find((m) => m.type === 'document');
    });
    expect(document.document?.filename).toMatch(/\.pdf$/);
  });

  it('takes a PDF sent as a document and sends it to the officer as a document', async () => {
    const citizen = '919876520002';
    await startApplying(citizen);
    await say(env.runtime, citizen, {
      document_base64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'),
      document_filename: 'sadarem.pdf',
    });
    expect(await lastSaid(citizen)).toContain('Medical certificate: PDF received');
    const applicationId = await submit(citizen);
    const attachment = await waitFor('the PDF', async () => {
      await env.runtime.drained();
      return (await sentTo(env.runtime, officer)).find(
        (m) => m.type === 'document' && m.document?.caption === `Application ${applicationId}: Medical certificate`,
      );
    });
    expect(attachment.document?.filename).toBe(`${applicationId}-medical-certificate.pdf`);
  });
});
