import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCitizens } from '../../local/sample-citizens.ts';
import { downloadDocument } from '../support/certificates.ts';
import { bodyOf, otpFor, rowIdOf, say, sentTo, startTestRuntime, waitFor } from '../support/runtime.ts';

// The encumbrance certificate through the embedded runtime: the citizen asks for the Sub-Registrar's search of a
// survey number over a period and pays the fee; the workflow searches the encumbrance register (the embedded back
// end, over HTTP) in "Look up records"; the Registration officer approves, seeing the transactions; and the signed
// PDF states the period and each transaction, or nil encumbrance.

const ravi = sampleCitizens[0];
const run = (command: string, ...args: string[]) => execFileSync(command, args, { encoding: 'utf8' });
const registrationOfficer = '919000000401';
let env: Awaited<ReturnType<typeof startTestRuntime>>;

beforeAll(async () => {
  env = await startTestRuntime();
}, 120_000);
afterAll(async () => {
  await env?.stop();
});

async function texts(waId: string): Promise<string[]> {
  await env.runtime.drained();
  return (await sentTo(env.runtime, waId)).map(bodyOf);
}

/** Applies for Ravi's survey number over the 30 years up to this year, pays the fee; answers the application id. */
async function applyAndPay(waId: string, surveyNumber: string, years: [number, number]): Promise<string> {
  await say(env.runtime, waId, { text: 'Hi' });
  await say(env.runtime, waId, { reply_id: 'lang:en' });
  await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'consent:yes') });
  await say(env.runtime, waId, { reply_id: 'svc:registration.encumbrance-certificate' });
  await say(env.runtime, waId, { text: ravi.name });
  await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'opt:guntur') });
  await say(env.runtime, waId, { text: 'Tadikonda' });
  await say(env.runtime, waId, { text: surveyNumber });
  await say(env.runtime, waId, { text: String(years[0]) });
  await say(env.runtime, waId, { text: String(years[1]) });
  await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'confirm') });
  await say(env.runtime, waId, { text: ravi.aadhaar });
  await say(env.runtime, waId, { text: await otpFor(env.runtime, ravi.aadhaar) });
  const link = await waitFor('the payment link', async () => (await texts(waId)).find((t) => t.includes('/pay/')));
  const applicationId = /AP-[0-9A-Z]{12}/.exec(link)![0];
  const url = /(http\S+\/pay\/[A-Za-z0-9_-]+)/.exec(link)![1]!;
  const paid = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ outcome: 'captured' }),
  });
  expect(paid.status).toBe(200);
  return applicationId;
}

/** The Registration officer's notice of the application, then their Approve. */
async function approve(applicationId: string): Promise<string> {
  const notice = await waitFor('the notice to the Sub-Registrar', async () =>
    (await texts(registrationOfficer)).find((text) => text.includes(applicationId)),
  );
  await say(env.runtime, registrationOfficer, { reply_id: `decide:approve:${applicationId}` });
  return notice;
}

async function pdfText(waId: string, applicationId: string): Promise<{ text: string; pages: number }> {
  const document = await waitFor(
    `the certificate of ${applicationId}`,
    async () => {
      await env.runtime.drained();
      return (await sentTo(env.runtime, waId)).find(
        (m) => m.type === 'document' && m.document?.caption?.includes(applicationId),
      );
    },
    90_000,
  );
  const pdf = await downloadDocument(env.runtime, document);
  const dir = mkdtempSync(join(tmpdir(), 'mitra-ec-'));
  try {
    writeFileSync(join(dir, 'ec.pdf'), pdf);
    const text = run('pdftotext', join(dir, 'ec.pdf'), '-');
    const info = run('pdfinfo', join(dir, 'ec.pdf'));
    return { text, pages: Number(/Pages:\s+(\d+)/.exec(info)![1]) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('an encumbrance certificate', () => {
  it('states the period searched and the sale, mortgage and release registered on the property, on one page', async () => {
    const year = env.runtime.clock.get().getUTCFullYear();
    const waId = '919811000401';
    const applicationId = await applyAndPay(waId, '212/3A', [year - 29, year]);
    const notice = await approve(applicationId);
    expect(notice).toContain('Period searched: 01-01-');
    expect(notice).toContain('Doc. 1874/2009');

    const { text, pages } = await pdfText(waId, applicationId);
    expect(pages).toBe(1);
    expect(text).toContain('ENCUMBRANCE CERTIFICATE');
    expect(text).toContain('Sub-Registrar');
    expect(text).toContain(`01-01-${year - 29} to`);
    expect(text).toContain('1874/2009');
    expect(text).toContain('₹6,50,000');
    expect(text).toContain('2231/2015');
    expect(text).toContain('982/2021');
    expect(text).toContain('ఋణభార ధృవీకరణ పత్రం');
    expect(text).not.toContain('Nil encumbrance');
  }, 180_000);

  it('states nil encumbrance for a survey number with no registered document in the period', async () => {
    const year = env.runtime.clock.get().getUTCFullYear();
    const waId = '919811000402';
    const applicationId = await applyAndPay(waId, '87/1B', [year - 9, year]);
    const notice = await approve(applicationId);
    expect(notice).toContain('Nil encumbrance');

    const { text } = await pdfText(waId, applicationId);
    expect(text).toContain(`01-01-${year - 9} to`);
    expect(text).toContain('Nil encumbrance');
    expect(text).toContain('ఋణభారం లేదు');
  }, 180_000);

  it('prints a page of transactions of a busy property and counts the rest', async () => {
    const year = env.runtime.clock.get().getUTCFullYear();
    const waId = '919811000403';
    const applicationId = await applyAndPay(waId, '45/2', [2000, Math.min(year, 2029)]);
    await approve(applicationId);
    const { text, pages } = await pdfText(waId, applicationId);
    expect(pages).toBe(1);
    expect(text).toContain('Transaction 4');
    expect(text).not.toContain('Transaction 5');
    expect(text).toContain('8 more registered in the period (12 in all)');
  }, 180_000);
});
