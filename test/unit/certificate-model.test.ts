import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { certificateObjectKeys, publicKeyObjectKey } from '#core/certificate/archive-layout.ts';
import { CERT_ID_BYTES, certIdFromBytes, isCertId } from '#core/certificate/model.ts';

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

describe('archive layout', () => {
  it('files certificates by the UTC date of issue and keys by id', () => {
    expect(certificateObjectKeys('q83vEjRWeJCrze8SNFZ4kA', '2025-03-14T20:15:00.000Z')).toEqual({
      pdfKey: 'certificates/2025/03/14/q83vEjRWeJCrze8SNFZ4kA.pdf',
      recordKey: 'certificates/2025/03/14/q83vEjRWeJCrze8SNFZ4kA.json',
    });
    expect(publicKeyObjectKey('572b639b4353c8c3')).toBe('keys/572b639b4353c8c3.pem');
  });
});
