import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '#core/catalog/catalog.ts';
import type { Field } from '#core/catalog/schema.ts';
import { encodeQrPayload, verifyPageUrl } from '#core/certificate/qr-payload.ts';
import { buildCertificateRecord, CertificateRequestSchema } from '#core/certificate/request.ts';
import { qrSignatureOf, signCertificate } from '#core/certificate/signed-certificate.ts';
import { loadCertificateFonts } from '#core/pdf/font-files.ts';
import { renderCertificatePdf } from '#core/pdf/render-certificate.ts';
import { BASE_URL, keySigner } from './certificate-fixtures.ts';

const run = (command: string, ...args: string[]) => execFileSync(command, args, { encoding: 'utf8' });
const signer = keySigner();
const fonts = loadCertificateFonts();
const { services, documents } = catalog();
let directory: string;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'mitra-documents-'));
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const LONG_TEXT =
  'Door 12-3-45/6, Kothapeta Main Road, near the Rama Temple, opposite the Zilla Parishad High School, ' +
  'Guntur Municipal Corporation, Guntur District, Andhra Pradesh, PIN 522001, landmark the old water tank, ' +
  'behind the weekly market, second lane on the left after the bus stand, house with the blue gate and a neem tree';

/** The longest answer each field takes, so every document is tried at its fullest. */
function longestAnswer(field: Field): string {
  if (field.id === 'district') return 'guntur';
  if (field.options) return [...field.options].sort((a, b) => b.label.te.length - a.label.te.length)[0]!.id;
  switch (field.type) {
    case 'name':
      return 'Venkata Lakshmi Narasimha Prasad Rao Kota';
    case 'amount':
      return String(field.max ?? 1_000_000);
    case 'date':
      return '2020-01-02';
    case 'number':
    case 'pincode':
      return '9'.repeat(field.max ?? 6);
    default:
      return LONG_TEXT.slice(0, Math.min(field.max ?? 300, LONG_TEXT.length)).trim();
  }
}

describe('every document type in the catalog', { timeout: 600_000 }, () => {
  it('renders on one A4 page with its title in English and Telugu and the district in Telugu', async () => {
    for (const [code, type] of Object.entries(documents)) {
      // The service issuing it with the most to print: the longest form.
      const service = services
        .filter((s) => s.document === code)
        .sort((a, b) => b.fields.filter((f) => f.printed).length - a.fields.filter((f) => f.printed).length)[0]!;
      const values = Object.fromEntries(service.fields.map((field) => [field.id, longestAnswer(field)]));
      const request = CertificateRequestSchema.parse({
        applicationId: 'AP-0123456789AB',
        serviceId: service.id,
        // A form that asks no name (a bill, a complaint) is issued to the citizen who proved who they are.
        applicant: { name: service.fields.some((f) => f.type === 'name') ? '' : 'Ravi Kumar Reddy' },
        values,
        plan: { recordCheck: { verified: true } },
      });
      const record = buildCertificateRecord(request, {
        certId: 'Zm9vYmFyYmF6cXV4cXV1dw',
        issuedAt: '2025-06-01T04:30:00.000Z',
      });
      const signed = await signCertificate(record, signer);
      const { bytes, notes } = await renderCertificatePdf(
        {
          signed,
          qrPayload: encodeQrPayload(BASE_URL, signed.qr.claims, qrSignatureOf(signed)),
          verifyPageUrl: verifyPageUrl(BASE_URL, record.certId),
        },
        fonts,
      );
      expect(notes, code).toEqual([]);
      expect((await PDFDocument.load(bytes)).getPageCount(), code).toBe(1);
      const file = join(directory, `${code}.pdf`);
      writeFileSync(file, bytes);
      const text = run('pdftotext', file, '-');
      expect(text, code).toContain(type.title.en.toUpperCase());
      expect(text, code).toContain(type.title.te);
      if (service.fields.some((f) => f.id === 'district')) expect(text, code).toContain('గుంటూరు');
      // The body fitted above the issuer and QR band: its last fact is on the page, not hidden behind the band.
      const lastFact = Object.values(record.document.facts).at(-1);
      if (lastFact) expect(text.replace(/\s+/g, ' '), code).toContain(lastFact.label.en);
    }
  });
});
