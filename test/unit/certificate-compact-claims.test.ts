import fc from 'fast-check';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { claimsOf } from '#core/certificate/claims.ts';
import {
  COMPACT_CLAIMS_MAX_BYTES,
  type CompactClaims,
  compactClaimsOf,
  decodeCompactClaims,
  documentTypeTag,
  encodeCompactClaims,
} from '#core/certificate/compact-claims.ts';
import { type CertificateRecordV2, certIdFromBytes } from '#core/certificate/model.ts';
import {
  decodeClaimsFragment,
  encodeQrPayload,
  fromBase32,
  PUBLIC_BASE_URL_MAX_LENGTH,
  parseQrPayload,
  QR_MAX_VERSION,
  toBase32,
  verifyClaims,
} from '#core/certificate/qr-payload.ts';
import { buildCertificateRecord, CertificateRequestSchema } from '#core/certificate/request.ts';
import { assembleSignedCertificate, signCertificate } from '#core/certificate/signed-certificate.ts';
import { BASE_URL, keySigner, sampleRequest } from './certificate-fixtures.ts';

const LONGEST_BASE = `https://${'v'.repeat(PUBLIC_BASE_URL_MAX_LENGTH - 'https://'.length - 3)}.in`;
const issue = { certId: 'q83vEjRWeJCrze8SNFZ4kA', issuedAt: '2025-06-01T04:30:00.000Z' };

function record(overrides: Parameters<typeof sampleRequest>[0] = {}): CertificateRecordV2 {
  return buildCertificateRecord(CertificateRequestSchema.parse(sampleRequest(overrides)), issue);
}

function casteRecord(name: string, category = 'sc'): CertificateRecordV2 {
  const values = { ...sampleRequest().values, 'applicant-name': name, 'caste-category': category };
  delete (values as Record<string, unknown>)['annual-income'];
  return record({ serviceId: 'revenue.caste-certificate', applicant: { name }, values });
}

describe('the claims a QR code signs', () => {
  it('carry the holder, the date, the document type and the key facts: the income', () => {
    const claims = claimsOf(record(), 'abcdef0123456789');
    expect(claims).toEqual({
      v: 2,
      id: issue.certId,
      kid: 'abcdef01',
      iat: '2025-06-01',
      typ: documentTypeTag('income-certificate'),
      name: 'Ravi Kumar Reddy',
      nameCut: false,
      facts: { 'annual-income': 120000 },
    });
  });

  it('carry a caste certificate’s category, and cut a long Telugu name at a letter within the budget', () => {
    const name = 'రామకృష్ణ వెంకట సత్యనారాయణ మూర్తి గారు శ్రీనివాస రాఘవేంద్ర';
    const claims = compactClaimsOf(casteRecord(name), 'abcdef0123456789');
    expect(claims.facts).toEqual({ 'caste-category': 'Scheduled Caste (SC)' });
    expect(claims.nameCut).toBe(true);
    expect(name.startsWith(claims.name)).toBe(true);
    expect(encodeCompactClaims(claims).length).toBeLessThanOrEqual(COMPACT_CLAIMS_MAX_BYTES);
  });

  it('read back exactly, and only from their one encoding', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 70 }).filter((n) => n.trim().length > 0),
        fc.integer({ min: 0, max: 100_000_000 }),
        (name, income) => {
          const tidy = name
            .normalize('NFC')
            .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, 'x')
            .replace(/\s+/g, ' ')
            .trim();
          if (!tidy) return;
          const claims = compactClaimsOf(
            record({
              applicant: { name: tidy },
              values: { ...sampleRequest().values, 'annual-income': String(income) },
            }),
            'ffffffffffffffff',
          );
          const bytes = encodeCompactClaims(claims);
          expect(bytes.length).toBeLessThanOrEqual(COMPACT_CLAIMS_MAX_BYTES);
          expect(decodeCompactClaims(claims.id, bytes)).toEqual(claims);
        },
      ),
      { numRuns: 200 },
    );
    const bytes = encodeCompactClaims(claimsOf(record(), 'abcdef0123456789'));
    expect(decodeCompactClaims(issue.certId, new Uint8Array([...bytes, 1, 0x80, 0x00]))).toBeUndefined();
    expect(decodeCompactClaims(issue.certId, bytes.subarray(0, 12))).toBeUndefined();
  });

  it('sign the id with them: genuine claims under another id, or any changed byte, do not verify', async () => {
    const signer = keySigner();
    const signed = await signCertificate(record(), signer);
    const claims = signed.qr.claims as CompactClaims;
    const signature = Buffer.from(signed.qr.signature, 'base64url');
    expect(verifyClaims(claims, signature, signer.publicKey)).toBe(true);
    expect(verifyClaims({ ...claims, id: certIdFromBytes(new Uint8Array(16)) }, signature, signer.publicKey)).toBe(
      false,
    );
    expect(verifyClaims({ ...claims, facts: { 'annual-income': 12000 } }, signature, signer.publicKey)).toBe(false);
    const payload = encodeQrPayload(BASE_URL, claims, signature);
    const fragment = new URL(payload).hash.slice(1);
    const bytes = fromBase32(fragment)!;
    for (let i = 0; i < bytes.length; i++) {
      const changed = new Uint8Array(bytes);
      changed[i]! ^= 0x01;
      const decoded = decodeClaimsFragment(issue.certId, toBase32(changed));
      if (decoded) expect(verifyClaims(decoded.claims, decoded.signature, signer.publicKey), `byte ${i}`).toBe(false);
    }
  });

  it('travel in the URL’s fragment, in capitals a QR code packs 5.5 bits a character, and read back', async () => {
    const signer = keySigner();
    const signed = await signCertificate(record(), signer);
    const payload = encodeQrPayload(BASE_URL, signed.qr.claims, Buffer.from(signed.qr.signature, 'base64url'));
    expect(payload).toMatch(new RegExp(`^${BASE_URL}/v/${issue.certId}#[A-Z2-7]+$`));
    const parsed = parseQrPayload(payload)!;
    expect(parsed).toMatchObject({ certId: issue.certId, baseUrl: BASE_URL, claims: signed.qr.claims });
    expect(verifyClaims(parsed.claims, parsed.signature, signer.publicKey)).toBe(true);
  });

  it('keep a bus ticket’s PNR, seats and passenger count whole, dropping the journey the budget has no room for', () => {
    const ticket = buildCertificateRecord(
      CertificateRequestSchema.parse(
        sampleRequest({
          serviceId: 'apsrtc.bus-ticket',
          applicant: { name: 'Lakshmi Devi Kothapalli' },
          values: {
            'from-place': 'Vijayawada',
            'to-place': 'Hyderabad',
            'travel-date': '2025-06-10',
            persons: '2',
            'service-code': 'VJA-HYD-0700',
            'bus-type': 'Super Luxury',
            departs: '07:00',
            seats: '3, 12',
            passengers: 'Lakshmi Devi (30, F); Ravi Kumar (34, M)',
            'hold-id': 'H0123456789',
            amount: '910',
          },
          payment: { paymentId: 'pay_0123456789', amount: 910 },
          posting: { answer: { billerReference: 'PVJAHYD56789' } },
        }),
      ),
      issue,
    );
    const claims = compactClaimsOf(ticket, 'abcdef0123456789');
    expect(claims.facts).toEqual({ pnr: 'PVJAHYD56789', seats: '3, 12', passengers: 2, amount: 910 });
    expect(claims.name.length).toBeGreaterThanOrEqual(8);
    expect(encodeCompactClaims(claims).length).toBeLessThanOrEqual(COMPACT_CLAIMS_MAX_BYTES);
  });

  it('keep the QR code at version 10 or below (error correction M) with the longest base URL, names and facts', () => {
    const widest = fc.constantFrom('రా', '😀', 'é', 'W', ' ', '"', 'क्ष');
    fc.assert(
      fc.property(fc.array(widest, { minLength: 80, maxLength: 80 }), fc.boolean(), (name, caste) => {
        const text = name.join('').replace(/\s+/g, ' ').trim() || 'W';
        const r = caste ? casteRecord(text, 'st') : record({ applicant: { name: text } });
        const claims = compactClaimsOf({ ...r, certId: 'wwwwwwwwwwwwwwwwwwwwww' }, 'ffffffffffffffff');
        const signed = assembleSignedCertificate(r, 'ffffffffffffffff', new Uint8Array(64), new Uint8Array(64), claims);
        const payload = encodeQrPayload(LONGEST_BASE, signed.qr.claims, new Uint8Array(64).fill(0xff));
        expect(QRCode.create(payload, { errorCorrectionLevel: 'M' }).version).toBeLessThanOrEqual(QR_MAX_VERSION);
      }),
      { numRuns: 60 },
    );
  });
});
