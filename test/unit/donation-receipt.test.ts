import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeQrPayload, verifyPageUrl } from '#core/certificate/qr-payload.ts';
import { buildCertificateRecord, CertificateRequestSchema } from '#core/certificate/request.ts';
import { qrSignatureOf, signCertificate, verifySignedCertificate } from '#core/certificate/signed-certificate.ts';
import { loadCertificateFonts } from '#core/pdf/font-files.ts';
import { renderCertificatePdf } from '#core/pdf/render-certificate.ts';
import { BASE_URL, keySigner } from './certificate-fixtures.ts';

const signer = keySigner();
const directory = mkdtempSync(join(tmpdir(), 'mitra-donation-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const donation = (temple: string) =>
  buildCertificateRecord(
    CertificateRequestSchema.parse({
      applicationId: 'AP-0123456789AB',
      serviceId: 'endowments.donation',
      applicant: { name: '' },
      values: { temple, amount: '1116', 'applicant-name': 'Lakshmi Devi' },
      payment: { paymentId: 'pay_0123456789', amount: 1116 },
    }),
    { certId: 'Zm9vYmFyYmF6cXV4cXV1dw', issuedAt: '2026-06-01T04:30:00.000Z' },
  );

/** The receipt as a person reads it: signed, rendered, and its PDF's text. */
async function receiptText(temple: string): Promise<{ text: string; valid: boolean }> {
  const record = donation(temple);
  const signed = await signCertificate(record, signer);
  const { bytes } = await renderCertificatePdf(
    {
      signed,
      qrPayload: encodeQrPayload(BASE_URL, signed.qr.claims, qrSignatureOf(signed)),
      verifyPageUrl: verifyPageUrl(BASE_URL, record.certId),
    },
    loadCertificateFonts(),
  );
  const file = join(directory, `${temple}.pdf`);
  writeFileSync(file, bytes);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  return { text, valid: verifySignedCertificate(signed, signer.publicKey) };
}

describe('a temple donation receipt', () => {
  it('says the donation qualifies under section 80G, with the temple’s registration, in English and Telugu', () => {
    const fact = donation('tirumala').document.facts['section-80g'];
    expect(fact?.label).toEqual({ en: 'Section 80G', te: 'సెక్షన్ 80జి' });
    expect(fact?.value.en).toBe(
      'This donation qualifies for deduction under section 80G of the Income-tax Act, 1961. Registration number AAATT3439QF20214.',
    );
    expect(fact?.value.te).toContain('80జి కింద మినహాయింపుకు అర్హమైనది');
    expect(fact?.value.te).toContain('AAATT3439QF20214');
  });

  it('says plainly that a donation to a temple without an 80G registration does not qualify', () => {
    const fact = donation('annavaram').document.facts['section-80g'];
    expect(fact?.value.en).toContain('does not qualify for deduction under section 80G');
    expect(fact?.value.te).toContain('అర్హం కాదు');
  });

  it("prints the 80G statement on the signed receipt's PDF in both languages", async () => {
    const qualifying = await receiptText('srisailam');
    expect(qualifying.valid).toBe(true);
    expect(qualifying.text).toContain('Section 80G');
    expect(qualifying.text).toContain('AAATS6123KF20215');
    expect(qualifying.text).toContain('సెక్షన్ 80జి');
    const not = await receiptText('dwaraka-tirumala');
    expect(not.text).toContain('does not qualify');
  });

  it('states nothing about 80G on any other receipt', () => {
    const bill = buildCertificateRecord(
      CertificateRequestSchema.parse({
        applicationId: 'AP-0123456789AB',
        serviceId: 'energy.electricity-bill',
        applicant: { name: 'Ravi Kumar Reddy' },
        values: { 'consumer-number': '1234567890' },
      }),
      { certId: 'Zm9vYmFyYmF6cXV4cXV1dw', issuedAt: '2026-06-01T04:30:00.000Z' },
    );
    expect(bill.document.facts['section-80g']).toBeUndefined();
  });
});
