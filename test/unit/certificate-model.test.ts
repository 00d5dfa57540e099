import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { certificateObjectKeys, publicKeyObjectKey } from '#core/certificate/archive-layout.ts';
import { documentTypeFor } from '#core/certificate/document-types.ts';
import { CERT_ID_BYTES, CertificateRecordSchema, certIdFromBytes, isCertId } from '#core/certificate/model.ts';
import { buildCertificateRecord, CertificateRequestSchema } from '#core/certificate/request.ts';
import { sampleRequest, vectors } from './certificate-fixtures.ts';

const issue = { certId: vectors.record.certId, issuedAt: '2025-06-01T04:30:00.000Z' };

describe('certificate ids', () => {
  it('are 128 random bits as 22 base64url characters, each with one spelling', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: CERT_ID_BYTES, maxLength: CERT_ID_BYTES }), (bytes) => {
        const id = certIdFromBytes(bytes);
        expect(id).toHaveLength(22);
        expect(isCertId(id)).toBe(true);
        expect(new Uint8Array(Buffer.from(id, 'base64url'))).toEqual(bytes);
      }),
    );
    expect(isCertId(certIdFromBytes(randomBytes(16)))).toBe(true);
  });

  it.each([
    '',
    'short',
    'AAAAAAAAAAAAAAAAAAAAAB',
    'AAAAAAAAAAAAAAAAAAAAA=',
    'AAAAAAAAAAAAAAAAAAAAAAA',
    '../../../etc/passwd000',
  ])('rejects %j', (id) => expect(isCertId(id)).toBe(false));
});

describe('certificate record', () => {
  it('is built from the workflow input with the service’s document type and issuer', () => {
    const record = buildCertificateRecord(sampleRequest(), issue);
    expect(record).toEqual({
      version: 1,
      certId: issue.certId,
      applicationId: 'AP-0123456789AB',
      serviceId: 'revenue.income-certificate',
      documentType: 'income-certificate',
      title: 'Income Certificate',
      holder: { name: 'Ravi Kumar Reddy', guardianName: 'Venkata Reddy' },
      issuer: { department: 'Revenue Department', authority: 'Tahsildar' },
      issuedAt: issue.issuedAt,
      data: { 'annual-income': '1,20,000 rupees', district: 'Guntur' },
    });
  });

  it('never prints Aadhaar numbers, contact details or secrets, whatever the field is called', () => {
    const record = buildCertificateRecord(
      sampleRequest({
        values: {
          aadhaar: '1234 5678 9012',
          'aadhaar-number': '123456789012',
          'id-number': '1234-5678-9012',
          mobile: '9876543210',
          otp: '123456',
          caste: 'Example',
        },
      }),
      issue,
    );
    expect(record.data).toEqual({ caste: 'Example' });
  });

  it('tidies text: NFC, single spaces, no control characters; keeps ZWNJ for Indic scripts', () => {
    const request = CertificateRequestSchema.parse(
      sampleRequest({ applicant: { name: '  Ravi\u0000  Kumar\u202e ' }, values: { note: 'a\u200cb\n\nc' } }),
    );
    const record = buildCertificateRecord(request, issue);
    expect(record.holder.name).toBe('Ravi Kumar');
    expect(record.data.note).toBe('a\u200cb c');
  });

  it('is a closed schema: unknown keys are rejected with their name', () => {
    const result = CertificateRecordSchema.safeParse({ ...vectors.record, extra: 1 });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('extra');
  });

  it('accepts the workflow’s extra keys at the outer level but nothing unknown inside the applicant', () => {
    const outer = CertificateRequestSchema.safeParse({
      ...sampleRequest(),
      waId: '919876543210',
      language: 'te',
      submittedAt: 'x',
    });
    expect(outer.success).toBe(true);
    const inner = CertificateRequestSchema.safeParse({ ...sampleRequest(), applicant: { name: 'A', aadhaar: '1' } });
    expect(inner.success).toBe(false);
  });
});

describe('document types', () => {
  it.each([
    ['revenue.income-certificate', 'income-certificate', 'Income Certificate', 'Revenue Department'],
    ['revenue.caste-certificate', 'caste-certificate', 'Caste Certificate', 'Revenue Department'],
    ['revenue.residence-certificate', 'residence-certificate', 'Residence Certificate', 'Revenue Department'],
    ['municipal.birth-certificate', 'birth-certificate', 'Birth Certificate', 'Municipal Department'],
    [
      'agriculture.farmer-identity-and-land-holding-certificate',
      'farmer-identity-and-land',
      'Farmer Identity And Land Holding Certificate',
      'Agriculture Department',
    ],
  ])('%s issues a %s titled %s by the %s', (serviceId, documentType, title, department) => {
    expect(documentTypeFor(serviceId)).toMatchObject({ documentType, title, department });
    expect(() => buildCertificateRecord(sampleRequest({ serviceId }), issue)).not.toThrow();
  });
});

describe('archive layout', () => {
  it('files certificates by the UTC date of issue and keys by id', () => {
    expect(certificateObjectKeys('q83vEjRWeJCrze8SNFZ4kA', '2025-03-14T20:15:00.000Z')).toEqual({
      pdfKey: 'certificates/2025/03/14/q83vEjRWeJCrze8SNFZ4kA.pdf',
      recordKey: 'certificates/2025/03/14/q83vEjRWeJCrze8SNFZ4kA.json',
    });
    expect(publicKeyObjectKey('572b639b4353c8c3')).toBe('keys/572b639b4353c8c3.pem');
  });
});
