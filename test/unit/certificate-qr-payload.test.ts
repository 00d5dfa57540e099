import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLAIM_NAME_MAX_BYTES,
  type Claims,
  expectedClaimsOf,
  fitBytes,
  issueDateOf,
} from '#core/certificate/claims.ts';
import { canonicalJson, fromBase64Url, toBase64Url } from '#core/certificate/encoding.ts';
import {
  decodeClaimsParameter,
  encodeQrPayload,
  normalizePublicBaseUrl,
  parseQrPayload,
  verifyClaims,
} from '#core/certificate/qr-payload.ts';
import { vectors } from './certificate-fixtures.ts';

const signature = fromBase64Url(vectors.claimsSignature)!;
const utf8Bytes = (text: string) => Buffer.byteLength(JSON.stringify(text)) - 2;

describe('claims', () => {
  it('of the first certificates (JSON, in the query) are still a function of their record', () => {
    expect(expectedClaimsOf(vectors.record, vectors.keyId, vectors.claims)).toEqual(vectors.claims);
  });

  it('date the certificate in India Standard Time', () => {
    expect(issueDateOf('2025-03-14T18:29:59.999Z')).toBe('2025-03-14');
    expect(issueDateOf('2025-03-14T18:30:00.000Z')).toBe('2025-03-15');
  });

  it('cut long names at a character boundary, within the QR budget', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }), (name) => {
        const fitted = fitBytes(name, CLAIM_NAME_MAX_BYTES);
        expect(utf8Bytes(fitted)).toBeLessThanOrEqual(CLAIM_NAME_MAX_BYTES);
        if (fitted !== name) expect(name.startsWith(fitted.slice(0, -1).trimEnd())).toBe(true);
      }),
    );
    expect(fitBytes('రామకృష్ణ వెంకట సత్యనారాయణ మూర్తి', 48)).toBe('రామకృష్ణ వెంకట స…');
  });
});

describe('a first certificate’s QR payload', () => {
  it('is the verify URL with the signed claims in the query, and reads back', () => {
    const payload = encodeQrPayload(vectors.baseUrl, vectors.claims, signature);
    expect(payload).toBe(vectors.qrPayload);
    expect(payload).toMatch(
      new RegExp(`^${vectors.baseUrl}/v/${vectors.claims.id}\\?c=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{86}$`),
    );
    const parsed = parseQrPayload(payload)!;
    expect(parsed.certId).toBe(vectors.claims.id);
    expect(parsed.baseUrl).toBe(vectors.baseUrl);
    expect(parsed.claims).toEqual(vectors.claims);
    expect(verifyClaims(parsed.claims, parsed.signature, vectors.publicKeyPem)).toBe(true);
  });

  it('binds the claims to the id in the path: the same query under another id does not verify', () => {
    const query = new URL(vectors.qrPayload).searchParams.get('c')!;
    const moved = decodeClaimsParameter('AAAAAAAAAAAAAAAAAAAAAA', query)!;
    expect(moved.claims.id).toBe('AAAAAAAAAAAAAAAAAAAAAA');
    expect(verifyClaims(moved.claims, moved.signature, vectors.publicKeyPem)).toBe(false);
  });

  it('does not verify when any claim is changed', () => {
    const fields = ['typ', 'name', 'iat', 'iss', 'kid'] as const;
    const replacements: Record<(typeof fields)[number], string> = {
      typ: 'caste-certificate',
      name: 'Lakshmi Devi Naidu ',
      iat: '2025-03-16',
      iss: 'Tahsildar, Revenue Dept',
      kid: '0000000000000000',
    };
    for (const field of fields) {
      const tampered: Claims = { ...vectors.claims, [field]: replacements[field] };
      expect(verifyClaims(tampered, signature, vectors.publicKeyPem), field).toBe(false);
      const { id: _id, ...rest } = tampered;
      const parameter = `${toBase64Url(Buffer.from(canonicalJson(rest)))}.${vectors.claimsSignature}`;
      const decoded = decodeClaimsParameter(vectors.claims.id, parameter);
      if (decoded) expect(verifyClaims(decoded.claims, decoded.signature, vectors.publicKeyPem)).toBe(false);
    }
  });

  it.each([
    ['no separator', 'abc'],
    ['too many parts', 'a.b.c'],
    ['not base64url', `e30!.${vectors.claimsSignature}`],
    ['not JSON', `${toBase64Url(Buffer.from('{'))}.${vectors.claimsSignature}`],
    [
      'an id inside the claims',
      `${toBase64Url(Buffer.from(canonicalJson(vectors.claims)))}.${vectors.claimsSignature}`,
    ],
    [
      'an unknown claim',
      `${toBase64Url(Buffer.from(canonicalJson({ ...vectors.claims, id: undefined, x: 1 })))}.${vectors.claimsSignature}`,
    ],
    ['a short signature', `${new URL(vectors.qrPayload).searchParams.get('c')!.split('.')[0]}.AAAA`],
    ['invalid UTF-8', `${toBase64Url(new Uint8Array([0xff, 0xfe]))}.${vectors.claimsSignature}`],
  ])('rejects a claims parameter with %s', (_why, parameter) => {
    expect(decodeClaimsParameter(vectors.claims.id, parameter)).toBeUndefined();
  });
});

describe('public base URL', () => {
  it.each([
    ['https://verify.example.in/', 'https://verify.example.in'],
    ['http://127.0.0.1:3000', 'http://127.0.0.1:3000'],
    ['https://example.in/mitra', 'https://example.in/mitra'],
  ])('accepts %s as %s', (input, expected) => {
    expect(normalizePublicBaseUrl(input)).toBe(expected);
  });

  it.each(['ftp://example.in', 'https://example.in/?a=1', 'not a url', `https://${'a'.repeat(60)}.in`])(
    'rejects %s',
    (input) => {
      expect(() => normalizePublicBaseUrl(input)).toThrow(RangeError);
    },
  );
});
