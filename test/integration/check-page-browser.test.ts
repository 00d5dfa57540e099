import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQRModule from 'jsqr';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompactClaims } from '#core/certificate/compact-claims.ts';
import { encodeQrPayload, parseQrPayload } from '#core/certificate/qr-payload.ts';
import { payAndReceiveTicket } from '../support/bookings.ts';
import { downloadDocument, rasterize } from '../support/certificates.ts';
import { documentOf, rowIdOf, say, sentTo, startTestRuntime } from '../support/runtime.ts';

// The staff's /check page on a phone: loaded once online, it keeps working with the network cut. A bus ticket booked
// in the chat is checked from a photo of its PDF and from the camera; a QR code with the passengers changed is refused.

const jsQR = jsQRModule.default;
const CHROMIUM = '/usr/bin/chromium';
const PHONE = { width: 390, height: 844 };
const hasChromium = existsSync(CHROMIUM);

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let network: { url: string; cut: () => Promise<void> };
let browser: Browser | undefined;
let context: BrowserContext;
let page: Page;
const files = mkdtempSync(join(tmpdir(), 'mitra-check-page-'));
let ticket: { qr: string; claims: CompactClaims; photo: string; tampered: string };

/** DD-MM-YYYY, `days` from today in India. */
const dateIn = (days: number) =>
  new Date(Date.now() + 5.5 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10).split('-').reverse().join('-');

/** Seats 3 and 12 on the 07:00 Vijayawada–Hyderabad bus, booked and paid in the chat: the e-ticket's message. */
async function bookBusTicket(waId: string) {
  const runtime = env.runtime;
  await say(runtime, waId, { text: 'Hi' });
  await say(runtime, waId, { reply_id: 'lang:en' });
  await say(runtime, waId, { reply_id: await rowIdOf(runtime, waId, 'consent:yes') });
  await say(runtime, waId, { reply_id: 'svc:apsrtc.bus-ticket' });
  for (const text of ['vijayawada', 'hyderabad', dateIn(5)]) await say(runtime, waId, { text });
  await say(runtime, waId, { reply_id: await rowIdOf(runtime, waId, 'bus:VJA-HYD-0700') });
  for (const text of ['3 12', 'Lakshmi Devi, 30, F', 'Ravi Kumar, 34, M']) await say(runtime, waId, { text });
  await say(runtime, waId, { reply_id: await rowIdOf(runtime, waId, 'bus-hold') });
  const { status } = await payAndReceiveTicket(runtime, waId);
  if (status !== 'valid') throw new Error(`the ticket verifies as ${status}`);
  return (await sentTo(runtime, waId)).find((m) => documentOf(m))!;
}

/**
 * The phone's only way to the runtime: a pass-through proxy, closed to cut the network (for the page, its service
 * worker and everything else in the browser alike).
 */
async function startNetwork(target: string): Promise<typeof network> {
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    const forwarded = request(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on('error', () => res.destroy());
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    cut: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A QR code as a camera sees it: a Y4M video (4:2:0), the code in the middle of a grey 640×480 frame. */
async function cameraVideo(text: string, path: string) {
  const code = PNG.sync.read(await QRCode.toBuffer(text, { errorCorrectionLevel: 'M', width: 400, margin: 4 }));
  const [width, height] = [640, 480];
  const luma = Buffer.alloc(width * height, 150);
  const left = (width - code.width) >> 1;
  const top = (height - code.height) >> 1;
  for (let y = 0; y < code.height; y++) {
    for (let x = 0; x < code.width; x++) {
      const i = (y * code.width + x) * 4;
      luma[(top + y) * width + left + x] = Math.round(
        0.299 * code.data[i]! + 0.587 * code.data[i + 1]! + 0.114 * code.data[i + 2]!,
      );
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  writeFileSync(path, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), frame]));
}

async function screenshot(name: string) {
  const directory = process.env.CHECK_PAGE_SCREENSHOTS;
  if (directory) await page.screenshot({ path: join(directory, `check-${name}.png`), fullPage: true });
}

async function result() {
  const section = page.locator('#result');
  await section.waitFor({ state: 'visible', timeout: 20_000 });
  return { className: await section.getAttribute('class'), text: (await section.textContent()) ?? '' };
}

beforeAll(async () => {
  env = await startTestRuntime();
  const document = await bookBusTicket('919833000301');
  const png = rasterize(await downloadDocument(env.runtime, document));
  const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)!.data;
  const parsed = parseQrPayload(qr)!;
  const claims = parsed.claims as CompactClaims;
  const photo = join(files, 'ticket-page.png');
  writeFileSync(photo, PNG.sync.write(png));
  // Two more passengers on the same signature: what a forger would print.
  const forged = encodeQrPayload(
    parsed.baseUrl,
    { ...claims, facts: { ...claims.facts, passengers: 4 } },
    parsed.signature,
  );
  const tampered = join(files, 'tampered.png');
  await QRCode.toFile(tampered, forged, { errorCorrectionLevel: 'M', width: 600, margin: 4 });
  ticket = { qr, claims, photo, tampered };
  network = await startNetwork(env.runtime.baseUrl);
  if (hasChromium) {
    const video = join(files, 'camera.y4m');
    await cameraVideo(qr, video);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${video}`,
      ],
    });
    context = await browser.newContext({ viewport: PHONE, permissions: ['camera'], isMobile: true, hasTouch: true });
    page = await context.newPage();
  }
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await network?.cut().catch(() => undefined);
  await env?.stop();
  rmSync(files, { recursive: true, force: true });
});

describe('GET /check', () => {
  it('serves the page, its scripts and a service worker whose scope is the page', async () => {
    const pageResponse = await fetch(`${env.runtime.baseUrl}/check`);
    expect(pageResponse.status).toBe(200);
    expect(pageResponse.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await pageResponse.text()).toContain('కెమెరాతో QR కోడ్ స్కాన్ చేయండి');
    const worker = await fetch(`${env.runtime.baseUrl}/check/sw.js`);
    expect(worker.headers.get('service-worker-allowed')).toBe('/check');
    const decoder = await fetch(`${env.runtime.baseUrl}/check/jsqr.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(decoder.headers.get('content-encoding')).toBe('gzip');
    expect(await decoder.text()).toContain('jsQR');
  });
});

describe.skipIf(!hasChromium)('the check page on a phone', { timeout: 90_000 }, () => {
  it('saves itself and the keys for offline use, and checks a ticket from the camera while online', async () => {
    await page.goto(`${network.url}/check`);
    await page.locator('#offline.ready').waitFor({ timeout: 30_000 });
    expect(await page.locator('#offline').textContent()).toContain('Ready to check without internet');
    await screenshot('ready');
    await page.locator('#scan').click();
    const { className, text } = await result();
    expect(className).toBe('valid');
    expect(text).toContain('Valid ticket');
    expect(text).toContain('చెల్లుబాటు అయ్యే టికెట్');
    expect(text).toContain(String(ticket.claims.facts.pnr));
    expect(text).toContain('Also confirmed online');
    await screenshot('camera-valid');
  });

  it('with the network cut, opens again and finds a genuine ticket in a photo of its page valid', async () => {
    await network.cut();
    await context.setOffline(true);
    await expect(page.evaluate(() => fetch('/catalog').then((r) => r.status))).rejects.toThrow();
    await page.reload();
    await page.locator('#offline.ready').waitFor({ timeout: 30_000 });
    await page.setInputFiles('#photo', ticket.photo);
    const { className, text } = await result();
    expect(className).toBe('valid');
    expect(text).toContain('Valid ticket');
    const facts = ticket.claims.facts;
    // The whole PNR (APSRTC's are 12 characters) and the seats, as the QR code signs them.
    expect(facts.pnr).toMatch(/^P[A-Z0-9]{11}$/);
    expect(text).toContain(`PNR${'పీఎన్ఆర్'}${facts.pnr}`);
    expect(text).toContain(`Seats${'సీట్లు'}3, 12`);
    expect(text).toMatch(/Passengers.*2/);
    expect(text).toContain(ticket.claims.name);
    expect(text).toContain('Checked offline');
    await screenshot('offline-valid');
  });

  it('refuses a QR code whose passengers were changed, offline', async () => {
    await page.locator('#again').click();
    await page.setInputFiles('#photo', ticket.tampered);
    const { className, text } = await result();
    expect(className).toBe('invalid');
    expect(text).toContain('Not valid: do not accept');
    expect(text).toContain('were changed after it was signed');
    expect(text).toContain('అంగీకరించవద్దు');
    await screenshot('offline-tampered');
  });

  it('says so when a photo has no QR code', async () => {
    await page.locator('#again').click();
    const blank = join(files, 'blank.png');
    const png = new PNG({ width: 64, height: 64 });
    png.data.fill(255);
    writeFileSync(blank, PNG.sync.write(png));
    await page.setInputFiles('#photo', blank);
    await expect.poll(() => page.locator('#status').textContent()).toContain('No QR code found in the photo');
  });
});
