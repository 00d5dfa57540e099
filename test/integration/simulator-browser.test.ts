import { createHmac } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCitizens } from '../../local/sample-citizens.ts';
import { sampleOfficers } from '../../local/sample-officers.ts';
import { createLocalWhatsApp, type LocalWhatsApp } from '../../local/whatsapp/index.ts';

const CHROMIUM = '/usr/bin/chromium';
const SECRET = 'local-app-secret';
const TOKEN = 'local-access-token';
const PHONE_NUMBER_ID = '100000000000001';
const CITIZEN = '919876543210';
const hasChromium = existsSync(CHROMIUM);
const CATALOG_DEPARTMENTS = [
  { id: 'revenue', name: { en: 'Revenue', te: 'రెవెన్యూ' } },
  { id: 'school-education', name: { en: 'School Education', te: 'పాఠశాల విద్య' } },
];

type WebhookMessage = Record<string, unknown> & { type: string; from: string };
interface WebhookBody {
  entry: Array<{
    changes: Array<{
      value: { contacts?: Array<{ wa_id: string; profile: { name: string } }>; messages?: WebhookMessage[] };
    }>;
  }>;
}
interface GraphAnswer {
  id?: string;
  messages?: Array<{ id: string }>;
}
if (!hasChromium) console.warn(`simulator-browser: skipped, ${CHROMIUM} is absent (apt-get install -y chromium)`);

describe.skipIf(!hasChromium)('the /sim chat page in headless Chromium', () => {
  let server: Server;
  let base = '';
  let whatsapp: LocalWhatsApp;
  let browser: Browser;
  const dataDir = mkdtempSync(join(tmpdir(), 'mitra-sim-browser-'));
  const received: WebhookBody[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', base);
      if (url.pathname === '/webhook') {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const raw = Buffer.concat(chunks);
          const valid =
            req.headers['x-hub-signature-256'] === `sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}`;
          if (valid) received.push(JSON.parse(raw.toString('utf8')) as WebhookBody);
          res.writeHead(valid ? 200 : 401).end();
        });
        return;
      }
      if (url.pathname === '/catalog') {
        // The runtime's catalog names the departments; officers carry the department's id.
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ departments: CATALOG_DEPARTMENTS, services: [] }));
        return;
      }
      void whatsapp.handle(req, res, url).then((served) => {
        if (!served) res.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const now = () => new Date('2026-01-15T04:30:00Z');
    whatsapp = createLocalWhatsApp({
      publicBaseUrl: base,
      appSecret: SECRET,
      accessToken: TOKEN,
      phoneNumberId: PHONE_NUMBER_ID,
      dataDir,
      now,
      clock: { get: now, advance: () => {} },
      citizens: () => [...sampleCitizens],
      officers: () => [...sampleOfficers],
      lastOtp: () => undefined,
      log: () => {},
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await whatsapp?.idle();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function graph(path: string, body: unknown): Promise<GraphAnswer> {
    const isForm = body instanceof FormData;
    const res = await fetch(`${base}/graph/v23.0/${PHONE_NUMBER_ID}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, ...(isForm ? {} : { 'content-type': 'application/json' }) },
      body: isForm ? body : JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as GraphAnswer;
  }

  it('renders a list, posts the tapped row’s id, shows a document card and never renders message text as HTML', async () => {
    await whatsapp.send({ from: CITIZEN, text: 'Hi' });
    const envelope = { messaging_product: 'whatsapp', recipient_type: 'individual', to: CITIZEN };
    await graph('/messages', { ...envelope, type: 'text', text: { body: '<img src=x id=injected> *బోల్డ్*' } });
    const list = await graph('/messages', {
      ...envelope,
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: 'ఏ సేవ కావాలి?' },
        action: {
          button: 'సేవలు',
          sections: [
            {
              title: 'Revenue',
              rows: [
                { id: 'svc-income', title: 'Income certificate', description: 'ఆదాయ ధృవీకరణ' },
                { id: 'svc-caste', title: 'Caste certificate' },
              ],
            },
          ],
        },
      },
    });
    const form = new FormData();
    form.set('messaging_product', 'whatsapp');
    form.set(
      'file',
      new Blob([Buffer.from('%PDF-1.7\n%%EOF\n')], { type: 'application/pdf' }),
      'income-certificate.pdf',
    );
    const { id: mediaId } = await graph('/media', form);
    await graph('/messages', {
      ...envelope,
      type: 'document',
      document: { id: mediaId, filename: 'income-certificate.pdf', caption: 'Your certificate' },
    });

    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${base}/sim?wa_id=${CITIZEN}&name=Ramesh`);

    await page.locator('.row.out[data-type="interactive"] .list-button').click({ timeout: 10_000 });
    await page.locator('.sheet-row[data-reply-id="svc-caste"]').click();
    await expect
      .poll(
        () =>
          received.flatMap((p) => p.entry[0]?.changes[0]?.value.messages ?? []).find((m) => m.type === 'interactive'),
        {
          timeout: 10_000,
        },
      )
      .toMatchObject({
        context: { id: list.messages?.[0]?.id },
        interactive: { type: 'list_reply', list_reply: { id: 'svc-caste', title: 'Caste certificate' } },
      });
    await page.locator('.row.in', { hasText: 'Caste certificate' }).waitFor({ timeout: 10_000 });

    const card = page.locator('.doc-card');
    await card.waitFor();
    expect(await card.locator('.name').textContent()).toBe('income-certificate.pdf');
    expect(await card.getAttribute('href')).toBe(`/sim/media/${mediaId}`);
    expect(await card.getAttribute('target')).toBe('_blank');

    expect(await page.locator('#injected').count()).toBe(0);
    expect(await page.locator('.row.out .text', { hasText: '<img src=x' }).count()).toBe(1);
    expect(await page.locator('.row.out .text[lang="te"] strong').textContent()).toBe('బోల్డ్');
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
  /** The profile name of the last webhook message received from a number. */
  function profileNameOf(waId: string): string | undefined {
    const values = received.flatMap((p) => p.entry.flatMap((e) => e.changes.map((c) => c.value)));
    const value = values.filter((v) => v.messages?.some((m) => m.from === waId)).at(-1);
    return value?.contacts?.find((c) => c.wa_id === waId)?.profile.name;
  }

  async function openPage(path: string) {
    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${base}${path}`);
    return { page, problems };
  }

  it('switches the chat to a sample officer from the picker: that number’s chat, sent under the officer’s name', async () => {
    const officer = sampleOfficers.find((o) => o.role === 'tahsildar')!;
    await whatsapp.send({ from: officer.waId, text: 'worklist' });
    await graph('/messages', {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: officer.waId,
      type: 'text',
      text: { body: 'Two applications wait for your decision' },
    });

    const { page, problems } = await openPage(`/sim?wa_id=${CITIZEN}&name=Ramesh`);
    await page.locator('#person').click();
    const rows = page.locator('.person-row');
    expect(await rows.count()).toBe(sampleCitizens.length + sampleOfficers.length);
    expect(await page.locator('.section-title').allTextContents()).toEqual(['Sample citizens', 'Sample officers']);
    const row = page.locator(`.person-row[data-wa-id="${officer.waId}"]`);
    expect(await row.getAttribute('data-kind')).toBe('officer');
    expect(await row.locator('.title').textContent()).toBe(officer.name);
    // Labelled with the role and the department (its catalog name once the catalog is read).
    expect(await row.locator('.description').textContent()).toMatch(/^Tahsildar · Revenue\b.* · \+91 90000 00042$/);
    await row.click();

    await page.locator('.row.out', { hasText: 'Two applications wait for your decision' }).waitFor();
    expect(await page.locator('#wa-id').inputValue()).toBe(officer.waId);
    expect(await page.locator('#name').inputValue()).toBe(officer.name);
    expect(await page.locator('#person-name').textContent()).toBe(officer.name);
    expect(await page.locator('.row.out', { hasText: '<img src=x' }).count()).toBe(0);

    await page.locator('#text').fill('approve');
    await page.locator('#send').click();
    await expect.poll(() => profileNameOf(officer.waId), { timeout: 10_000 }).toBe(officer.name);
    await page.locator('.row.in', { hasText: 'approve' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('.row.in', { hasText: 'approve' }).count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('opens /sim?wa_id= of a sample citizen under that citizen’s own name', async () => {
    const citizen = sampleCitizens[1];
    const { page, problems } = await openPage(`/sim?wa_id=${citizen.mobile}`);
    expect(await page.locator('#name').inputValue()).toBe(citizen.name);
    expect(await page.locator('#person-name').textContent()).toBe(citizen.name);
    await page.locator('#text').fill('Hi');
    await page.locator('#send').click();
    await expect.poll(() => profileNameOf(citizen.mobile), { timeout: 10_000 }).toBe(citizen.name);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('sends what is typed as a voice note from the microphone, and shows the note as simulated', async () => {
    const { page, problems } = await openPage(`/sim?wa_id=${CITIZEN}`);
    await page.locator('#text').fill('నా కరెంట్ బిల్లు కట్టాలి');
    await page.locator('#voice').click();
    await expect
      .poll(
        () => received.flatMap((b) => b.entry[0]!.changes[0]!.value.messages ?? []).find((m) => m.type === 'audio'),
        {
          timeout: 10_000,
        },
      )
      .toMatchObject({ from: CITIZEN, audio: { mime_type: 'audio/ogg; codecs=opus', voice: true } });
    await page.locator('.row.in', { hasText: 'Voice note (simulated' }).waitFor({ timeout: 10_000 });
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('sends a sample officer’s own name when the page is opened with only their number', async () => {
    const officer = sampleOfficers.find((o) => o.role === 'clerk')!;
    const { page } = await openPage(`/sim?wa_id=${officer.waId}`);
    expect(await page.locator('#name').inputValue()).toBe(officer.name);
    await page.locator('#text').fill('Hi');
    await page.locator('#send').click();
    await expect.poll(() => profileNameOf(officer.waId), { timeout: 10_000 }).toBe(officer.name);
    await page.close();
  }, 60_000);
});
