import { existsSync, mkdirSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertsTo, subscribeToAlerts } from '../support/alerts.ts';
import { startTestRuntime } from '../support/runtime.ts';

// An operator sends an alert from the dashboard on the embedded runtime: composes it, sees how many opted-in
// citizens it reaches and the template it goes as, sends it, and watches it delivered to each of them.
// Screenshots are kept in .tmp/artifacts/.

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = '.tmp/artifacts';
let env: Awaited<ReturnType<typeof startTestRuntime>>;
let browser: Browser | undefined;

const GUNTUR_WEATHER = ['919876700001', '919876700002'];
const TELUGU_GUNTUR_WEATHER = '919876700003';
const KRISHNA_WEATHER = '919876700004';
const GUNTUR_POWER = '919876700005';
const RAIN = { en: 'Heavy rain tonight; stay indoors.', te: 'ఈ రాత్రి భారీ వర్షం; ఇంట్లోనే ఉండండి.' };

beforeAll(async () => {
  env = await startTestRuntime({ statusWebhooks: true });
  if (existsSync(CHROMIUM)) {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const waId of GUNTUR_WEATHER) await subscribeToAlerts(env.runtime, waId, 'en', 'weather', 'guntur');
  await subscribeToAlerts(env.runtime, TELUGU_GUNTUR_WEATHER, 'te', 'weather', 'guntur');
  await subscribeToAlerts(env.runtime, KRISHNA_WEATHER, 'en', 'weather', 'krishna');
  await subscribeToAlerts(env.runtime, GUNTUR_POWER, 'en', 'power', 'guntur');
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await env?.stop();
});

const api = (path: string, init?: RequestInit) => fetch(`${env.runtime.baseUrl}/dashboard/api/alerts${path}`, init);

describe('the dashboard alerts API', () => {
  it('counts the opted-in citizens of a topic in each district asked', async () => {
    const response = await api('/reach?topic=weather&districts=guntur,krishna,kurnool');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      topic: 'weather',
      districts: [
        { district: 'guntur', citizens: 3 },
        { district: 'krishna', citizens: 1 },
        { district: 'kurnool', citizens: 0 },
      ],
      total: 4,
    });
  });

  it('refuses an unknown topic or district, a body that is not JSON, and an alert that will not do', async () => {
    expect((await api('/reach?topic=floods&districts=guntur')).status).toBe(400);
    expect(await (await api('/reach?topic=weather&districts=atlantis')).json()).toEqual({
      message: 'unknown district "atlantis"',
    });
    const post = (body: string, type = 'application/json') =>
      api('', { method: 'POST', headers: { 'content-type': type }, body });
    const alert = { topic: 'weather', districts: ['guntur'], text: RAIN };
    // A form posted from another site cannot send one.
    expect((await post(JSON.stringify(alert), 'text/plain')).status).toBe(415);
    expect((await post('{')).status).toBe(400);
    expect((await post(JSON.stringify({ ...alert, extra: 1 }))).status).toBe(400);
    const empty = await post(JSON.stringify({ ...alert, text: { ...RAIN, te: '  ' } }));
    expect(empty.status).toBe(422);
    expect(await empty.json()).toEqual({ message: 'the Telugu text is empty' });
    expect((await post(JSON.stringify({ ...alert, districts: [] }))).status).toBe(422);
    // Nothing refused was stored.
    expect(((await (await api('')).json()) as { campaigns: unknown[] }).campaigns).toEqual([]);
  });
});

describe.skipIf(!existsSync(CHROMIUM))('sending an alert from the dashboard in Chromium', { timeout: 300_000 }, () => {
  it('shows the reach and the template before sending, then the delivered count reaching every opted-in citizen', async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${env.runtime.baseUrl}/dashboard`);
    const panel = page.locator('#alerts');
    await expect.poll(() => panel.isVisible(), { timeout: 20_000 }).toBe(true);
    await expect(panel.locator('#alert-campaigns').textContent()).resolves.toBe('No alerts sent yet');

    // Incomplete: said so, nothing asked of the server.
    await page.getByRole('button', { name: 'See whom it reaches' }).click();
    await expect(page.locator('#alert-error').textContent()).resolves.toMatch(/at least one district/);

    await page.getByLabel('Topic').selectOption('weather');
    await page.getByLabel('Guntur').check();
    await page.getByLabel('Text in English').fill(RAIN.en);
    await page.getByLabel('Text in Telugu').fill(RAIN.te);
    await page.getByRole('button', { name: 'See whom it reaches' }).click();
    await expect.poll(() => page.locator('#alert-reach').textContent()).toBe('It goes to 3 opted-in citizens');
    await expect(page.locator('#alert-template').textContent()).resolves.toBe('mitra_alert');
    await expect(page.locator('#alert-preview-en').textContent()).resolves.toBe(
      `Alert: Weather warnings, Guntur district. ${RAIN.en} Reply STOP to end all alerts.`,
    );
    await expect(page.locator('#alert-preview-te').textContent()).resolves.toContain('గుంటూరు జిల్లా');
    await page.screenshot({ path: `${ARTIFACTS}/dashboard-alert-confirm.png`, fullPage: true });

    await page.getByRole('button', { name: 'Send to 3 citizens' }).click();
    const row = page.locator('#alert-campaigns tr').first();
    await expect
      .poll(() => row.locator('td').first().textContent(), { timeout: 20_000 })
      .toMatch(/^Weather warnings, Guntur/);
    // The page follows the campaign by itself: queued, sent, then delivered to all three.
    await expect
      .poll(() => row.locator('[data-status="delivered"]').textContent(), { timeout: 60_000, interval: 1000 })
      .toBe('3');
    await expect(row.locator('[data-status="failed"]').textContent()).resolves.toBe('0');
    await expect.poll(() => row.locator('td').first().textContent(), { timeout: 20_000 }).toMatch(/done$/);
    await page.screenshot({ path: `${ARTIFACTS}/dashboard-alert-delivered.png`, fullPage: true });

    for (const waId of [...GUNTUR_WEATHER, TELUGU_GUNTUR_WEATHER])
      expect(await alertsTo(env.runtime, waId)).toHaveLength(1);
    expect(JSON.stringify((await alertsTo(env.runtime, TELUGU_GUNTUR_WEATHER))[0]!.template)).toContain(RAIN.te);
    for (const waId of [KRISHNA_WEATHER, GUNTUR_POWER]) expect(await alertsTo(env.runtime, waId)).toEqual([]);

    // In Telugu, the panel and its campaign too.
    await page.getByRole('button', { name: 'తెలుగు' }).click();
    await expect(panel.locator('h2').first().textContent()).resolves.toBe('హెచ్చరిక పంపండి');
    await expect(row.locator('td').first().textContent()).resolves.toMatch(/^వాతావరణ హెచ్చరికలు, గుంటూరు/);
    await page.screenshot({ path: `${ARTIFACTS}/dashboard-alert-te.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
