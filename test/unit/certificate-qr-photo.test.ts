import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeQrPayload, QR_MAX_VERSION, verifyClaims, verifyPageUrl } from '#core/certificate/qr-payload.ts';
import { buildCertificateRecord, CertificateRequestSchema } from '#core/certificate/request.ts';
import { scanCertificateImage } from '#core/certificate/scan.ts';
import { qrSignatureOf, signCertificate } from '#core/certificate/signed-certificate.ts';
import { loadCertificateFonts } from '#core/pdf/font-files.ts';
import { renderCertificatePdf } from '#core/pdf/render-certificate.ts';
import { degradedPhoto, type Rgba } from '../support/degraded-photo.ts';
import { keySigner, sampleRequest } from './certificate-fixtures.ts';

// A phone photo of a whole printed page is what the QR code must survive: 1000 px across an A4 page, JPEG quality 60,
// turned 3°, slightly out of focus. The longest base URL a deployment may have makes the densest code.
const jsQR = jsQRModule.default;
const LONGEST_BASE = 'https://verify-certificates.apdigital.example.gov.in/mitra';
const A4_WIDTH_MM = 210;
const PHOTO_WIDTH = 1000;
const signer = keySigner();
let directory: string;
let page: Rgba;
let payload: string;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'mitra-photo-'));
  const request = CertificateRequestSchema.parse(
    sampleRequest({ applicant: { name: 'Venkata Satyanarayana Murthy Kothapalli' } }),
  );
  const record = buildCertificateRecord(request, {
    certId: 'Zm9vYmFyYmF6cXV4cXV1dw',
    issuedAt: '2025-06-01T04:30:00.000Z',
  });
  const signed = await signCertificate(record, signer);
  payload = encodeQrPayload(LONGEST_BASE, signed.qr.claims, qrSignatureOf(signed));
  const { bytes } = await renderCertificatePdf(
    { signed, qrPayload: payload, verifyPageUrl: verifyPageUrl(LONGEST_BASE, record.certId) },
    loadCertificateFonts(),
  );
  writeFileSync(join(directory, 'c.pdf'), bytes);
  execFileSync('pdftoppm', [
    '-png',
    '-singlefile',
    '-scale-to-x',
    String(PHOTO_WIDTH),
    '-scale-to-y',
    '-1',
    join(directory, 'c.pdf'),
    join(directory, 'page'),
  ]);
  const png = PNG.sync.read(readFileSync(join(directory, 'page.png')));
  page = { width: png.width, height: png.height, data: new Uint8Array(png.data) };
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('the QR code on a photographed printout', { timeout: 60_000 }, () => {
  it(`is version ${QR_MAX_VERSION} or below at error correction M, with the longest base URL`, () => {
    expect(LONGEST_BASE.length).toBeLessThanOrEqual(60);
    expect(QRCode.create(payload, { errorCorrectionLevel: 'M' }).version).toBeLessThanOrEqual(QR_MAX_VERSION);
  });

  it.each([
    [3, 1],
    [-3, 1],
  ])('decodes from a whole-page photo turned %i°, blurred %i px, JPEG quality 60, 1000 px wide', (degrees, blur) => {
    const photo = degradedPhoto(page, { degrees, blurRadius: blur, quality: 60 });
    expect(jpeg.decode(photo).width).toBe(PHOTO_WIDTH);
    const scan = scanCertificateImage(photo);
    expect(scan.ok).toBe(true);
    if (!scan.ok) return;
    expect(verifyClaims(scan.claims, scan.signature, signer.publicKey)).toBe(true);
    expect(scan.claims).toMatchObject({ facts: { 'annual-income': 120000 } });
  });

  it('is printed at least 25 mm wide', () => {
    const code = jsQR(new Uint8ClampedArray(page.data), page.width, page.height)!;
    const { topLeftCorner: a, topRightCorner: b } = code.location;
    const widthMm = (Math.hypot(b.x - a.x, b.y - a.y) * A4_WIDTH_MM) / page.width;
    expect(widthMm).toBeGreaterThanOrEqual(25);
    expect(code.version).toBeLessThanOrEqual(QR_MAX_VERSION);
  });
});
