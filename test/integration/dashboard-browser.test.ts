import { existsSync, mkdirSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyForIncomeCertificate } from '../support/certificates.ts';
import { rowIdOf, say, startTestRuntime } from '../support/runtime.ts';

// The live dashboard on the embedded runtime, as a projector or a phone shows it: today's figures move while
// citizens apply, in English and in Telugu. Screenshots are kept in .tmp/artifacts/.

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = '.tmp/artifacts';
let env: Awaited<ReturnType<typeof startTestRuntime>>;
let browser: Browser | undefined;

async function greeted(waId: string) {
  await say(env.runtime, waId, { text: 'Hi' });
  await say(env.runtime, waId, { reply_id: 'lang:en' });
  await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'consent:yes') });
}

const tile = (page: Page, id: string) => page.locator(`#tile-${id}`).textContent();

beforeAll(async () => {
  env = await startTestRuntime();
  if (existsSync(CHROMIUM)) {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
  }
  mkdirSync(ARTIFACTS, { recursive: true });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await env?.stop();
});

describe('GET /dashboard/api/figures', () => {
  it("answers today's figures as JSON, with no sign-in on one machine", async () => {
    const response = await fetch(`${env.runtime.baseUrl}/dashboard/api/figures`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { day: string; hours: number[]; trend: unknown[] };
    expect(body.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.hours).toHaveLength(24);
    expect(body.trend).toHaveLength(14);
  });

  it('serves the page with scripts from its own origin only', async () => {
    const response = await fetch(`${env.runtime.baseUrl}/dashboard`);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const chart = await fetch(`${env.runtime.baseUrl}/dashboard/chart.js`);
    expect(chart.status).toBe(200);
    expect(await chart.text()).toContain('Chart.js');
  });
});

describe.skipIf(!existsSync(CHROMIUM))('the dashboard in Chromium', { timeout: 300_000 }, () => {
  it("shows today's figures moving while citizens apply, in English and in Telugu", async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${env.runtime.baseUrl}/dashboard`);
    await expect.poll(() => tile(page, 'messagesIn'), { timeout: 20_000 }).toMatch(/^\d/);
    const before = Number((await tile(page, 'applications'))!.replace(/,/g, ''));

    await greeted('919812300001');
    await applyForIncomeCertificate(env.runtime, '919812300001');
    await env.runtime.drained();

    // The page refreshes itself: no reload.
    await expect
      .poll(async () => Number((await tile(page, 'applications'))!.replace(/,/g, '')), { timeout: 30_000 })
      .toBe(before + 1);
    await expect.poll(() => tile(page, 'issued'), { timeout: 30_000 }).not.toBe('0');
    await expect(page.locator('#ranking-services li').first().textContent()).resolves.toMatch(/Income/);
    await expect(page.locator('#ranking-districts li').first().textContent()).resolves.toMatch(/Guntur/);
    await page.screenshot({ path: `${ARTIFACTS}/dashboard-en.png`, fullPage: true });

    await page.getByRole('button', { name: 'తెలుగు' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('మిత్ర — రియల్ టైమ్ పాలన');
    await expect(page.locator('#ranking-districts li').first().textContent()).resolves.toMatch(/గుంటూరు/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('te');
    await page.screenshot({ path: `${ARTIFACTS}/dashboard-te.png`, fullPage: true });

    // A phone: one column, nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth), { timeout: 5_000 })
      .toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${ARTIFACTS}/dashboard-phone-te.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
