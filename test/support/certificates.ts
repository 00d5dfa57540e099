import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { EmbeddedRuntime } from '../../local/runtime.ts';
import { documentOf, otpFor, rowIdOf, type SentMessage, say, sentTo, waitFor } from './runtime.ts';

/**
 * A citizen who has chosen English and accepted the notice applies for an income certificate, answers every
 * question, confirms, proves their identity with the OTP sent to the Aadhaar the form asked for, and receives the
 * certificate as a document.
 */
export async function applyForIncomeCertificate(runtime: EmbeddedRuntime, waId: string): Promise<SentMessage> {
  await say(runtime, waId, { reply_id: 'svc:revenue.income-certificate' });
  await say(runtime, waId, { text: 'Ravi Kumar Reddy' });
  await say(runtime, waId, { reply_id: await rowIdOf(runtime, waId, 'opt:son-of') });
  await say(runtime, waId, { text: 'Venkata Reddy' });
  await say(runtime, waId, { text: '234567890124' });
  await say(runtime, waId, { text: '120000' });
  await say(runtime, waId, { text: 'Kothapeta' });
  await say(runtime, waId, { text: 'Tenali' });
  await say(runtime, waId, { reply_id: await rowIdOf(runtime, waId, 'opt:guntur') });
  await say(runtime, waId, { reply_id: await rowIdOf(runtime, waId, 'opt:education') });
  await say(runtime, waId, { reply_id: await rowIdOf(runtime, waId, 'confirm') });
  // Submitting needs the citizen's identity: the OTP the local identity service sent when the form's Aadhaar was typed.
  await say(runtime, waId, { text: await otpFor(runtime, '234567890124') });
  return waitFor('the certificate document', async () => {
    await runtime.drained();
    return (await sentTo(runtime, waId)).find((m) => m.type === 'document');
  });
}

/** The bytes of a document message, fetched through the Graph API's media endpoints as a phone would. */
export async function downloadDocument(runtime: EmbeddedRuntime, document: SentMessage): Promise<Buffer> {
  const authorization = { authorization: 'Bearer local-access-token' };
  const mediaUrl = `${runtime.baseUrl}/graph/v23.0/${documentOf(document)!.id}`;
  const media = (await (await fetch(mediaUrl, { headers: authorization })).json()) as { url: string };
  return Buffer.from(await (await fetch(media.url, { headers: authorization })).arrayBuffer());
}

/** The PDF's first page rendered at 150 dpi by poppler, an independent renderer. */
/** The text of a PDF as poppler's pdftotext reads it, in reading order. */
/** The text of a PDF in pdftotext's reading order; `layout` keeps each row of the page as one line (a label and its value). */
export function pdfText(pdf: Buffer, { layout = false } = {}): string {
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-', '-'], { input: pdf, encoding: 'utf8' });
}

export function rasterize(pdf: Buffer): PNG {
  const dir = mkdtempSync(join(tmpdir(), 'mitra-page-'));
  try {
    writeFileSync(join(dir, 'c.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', join(dir, 'c.pdf'), join(dir, 'page')]);
    return PNG.sync.read(readFileSync(join(dir, 'page.png')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
