import { existsSync } from 'node:fs';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompactClaims } from '#core/certificate/compact-claims.ts';
import { encodeQrPayload, parseQrPayload } from '#core/certificate/qr-payload.ts';
import { type CertificateEmulators, startCertificateEmulators } from '../support/certificate-emulators.ts';
import { incomeAnswers } from '../support/income-answers.ts';

// What a person sees who scans a certificate's QR code, and what a machine gets that posts the code's claims: the
// claims are checked in the browser against the certificate's key, and an edited printout shows as altered.

const CHROMIUM = '/usr/bin/chromium';
const BASE_URL = 'https://verify.mitra.example.in';
const TABLE = 'mitra-verify-page-test';
const BUCKET = 'mitra-verify-page-archive';

type Handler<E, R> = (event: E, context: Context) => Promise<R>;
let issue: Handler<unknown, { certId: string; verifyUrl: string }>;
let verify: Handler<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>;
let emulators: CertificateEmulators;
let browser: Browser | undefined;
let issued: { certId: string; verifyUrl: string };
const context = { functionName: 'verify', awsRequestId: 'page', getRemainingTimeInMillis: () => 10_000 } as Context;

function event(method: string, rawPath: string, body?: string, headers: Record<string, string> = {}) {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString: '',
    headers: { host: 'verify.mitra.example.in', ...headers },
    requestContext: { http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 't' } },
    body,
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2;
}

async function post(certId: string, claims: string) {
  const response = await verify(event('POST', `/v/${certId}`, JSON.stringify({ claims })), context);
  return { statusCode: response.statusCode, body: JSON.parse(String(response.body)) as { status: string } };
}

/** The same QR code with the income on it changed: the claims re-encoded, the signature kept. */
function editedIncome(url: string, income: number): string {
  const parsed = parseQrPayload(url)!;
  const claims = parsed.claims as CompactClaims;
  return encodeQrPayload(
    BASE_URL,
    { ...claims, facts: { ...claims.facts, 'annual-income': income } },
    parsed.signature,
  );
}

/** Opens a URL in Chromium, the page served by the verify handler as API Gateway would. */
async function open(url: string) {
  const page = await browser!.newPage();
  await page.route(`${BASE_URL}/**`, async (route) => {
    const response = await verify(event('GET', new URL(route.request().url()).pathname), context);
    await route.fulfill({
      status: response.statusCode,
      headers: response.headers as Record<string, string>,
      body: String(response.body),
    });
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url);
  await page.waitForSelector('#qr:not([hidden])');
  return { page, errors };
}

beforeAll(async () => {
  emulators = await startCertificateEmulators({ table: TABLE, bucket: BUCKET, publicBaseUrl: BASE_URL });
  ({ handler: issue } = (await import('../../lambdas/certificate/handler.ts')) as never);
  ({ handler: verify } = (await import('../../lambdas/verify/handler.ts')) as never);
  issued = await issue(
    {
      applicationId: 'AP-VERIFYPAGE01',
      serviceId: 'revenue.income-certificate',
      applicant: { name: 'Ravi Kumar Reddy' },
      values: incomeAnswers('Ravi Kumar Reddy'),
    },
    { ...context, functionName: 'certificate' },
  );
  if (existsSync(CHROMIUM)) {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await emulators?.stop();
});

describe('POST /v/{certId} with the QR code’s claims', () => {
  it('answers valid for the printed claims, invalid-signature for an edited income or garbage, unknown for an unknown id', async () => {
    const fragment = new URL(issued.verifyUrl).hash.slice(1);
    expect(await post(issued.certId, fragment)).toMatchObject({ statusCode: 200, body: { status: 'valid' } });
    const edited = new URL(editedIncome(issued.verifyUrl, 12000)).hash.slice(1);
    expect((await post(issued.certId, edited)).body).toEqual({
      status: 'invalid-signature',
      certId: issued.certId,
      claimsChecked: true,
    });
    expect((await post(issued.certId, 'NOTACLAIM')).body.status).toBe('invalid-signature');
    expect(await post('AAAAAAAAAAAAAAAAAAAAAA', fragment)).toMatchObject({
      statusCode: 404,
      body: { status: 'unknown' },
    });
    const bad = await verify(event('POST', `/v/${issued.certId}`, 'not json'), context);
    expect(bad.statusCode).toBe(400);
  });

  it('never sees the claims on a GET: the fragment stays in the browser', async () => {
    const response = await verify(event('GET', `/v/${issued.certId}`), context);
    expect(response.statusCode).toBe(200);
    expect(String(response.body)).not.toContain(new URL(issued.verifyUrl).hash.slice(1));
  });
});

describe.skipIf(!existsSync(CHROMIUM))('the verify page in Chromium', { timeout: 60_000 }, () => {
  it('checks the QR code’s signed details in the browser and shows them with the key fact', async () => {
    const { page, errors } = await open(issued.verifyUrl);
    const text = await page.locator('main').textContent();
    expect(text).toContain('Valid certificate');
    expect(text).toContain('The QR code’s details are genuine');
    expect(text).toContain('Ravi Kumar Reddy');
    expect(text).toContain('₹1,20,000');
    expect(text).toContain('వార్షిక ఆదాయం');
    expect(errors).toEqual([]);
    if (process.env.VERIFY_PAGE_SCREENSHOT)
      await page.screenshot({ path: process.env.VERIFY_PAGE_SCREENSHOT, fullPage: true });
  });

  it('shows an edited printout’s QR code as altered', async () => {
    const { page, errors } = await open(editedIncome(issued.verifyUrl, 12000));
    const text = await page.locator('main').textContent();
    expect(text).toContain('Details do not match');
    expect(text).toContain('The QR code was changed after it was issued');
    expect(text).not.toContain('₹12,000');
    expect(await page.locator('table.record').isHidden()).toBe(true);
    expect(errors).toEqual([]);
    if (process.env.VERIFY_PAGE_SCREENSHOT)
      await page.screenshot({
        path: process.env.VERIFY_PAGE_SCREENSHOT.replace(/\.png$/, '-altered.png'),
        fullPage: true,
      });
  });

  it('asks for a scan when opened without the QR code’s claims', async () => {
    const { page } = await open(`${BASE_URL}/v/${issued.certId}`);
    expect(await page.locator('#qr').textContent()).toContain('Scan the QR code');
  });
});
