import { createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, fromBase64Url, sha256, sha256Hex } from '#core/certificate/encoding.ts';
import {
  derToRaw,
  keyIdOf,
  MalformedSignatureError,
  publicKeyPem,
  rawToDer,
  verifyCanonical,
} from '#core/certificate/signature.ts';
import { vectors } from './certificate-fixtures.ts';

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const scalar = fc.uint8Array({ minLength: 32, maxLength: 32 });
const raw = fc.tuple(scalar, scalar).map(([r, s]) => new Uint8Array([...r, ...s]));

describe('DER ↔ raw signature conversion', () => {
  it('round-trips every 64-byte r‖s through DER', () => {
    fc.assert(
      fc.property(raw, (signature) => {
        expect(derToRaw(rawToDer(signature))).toEqual(signature);
      }),
    );
  });

  it('reads the DER that node:crypto (like KMS) writes, and gives the P1363 form node:crypto verifies', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (message) => {
        const der = sign('sha256', message, { key: privateKey, dsaEncoding: 'der' });
        const converted = derToRaw(der);
        expect(converted).toHaveLength(64);
        expect(verify('sha256', message, { key: publicKey, dsaEncoding: 'ieee-p1363' }, converted)).toBe(true);
        expect(Buffer.from(rawToDer(converted))).toEqual(der);
      }),
      { numRuns: 50 },
    );
  });

  it('writes minimal INTEGERs: leading zeros dropped, a zero byte added before a high bit', () => {
    const signature = new Uint8Array(64);
    signature[31] = 1; // r = 1
    signature[32] = 0x80; // s has its high bit set
    const der = rawToDer(signature);
    expect([...der.subarray(0, 5)]).toEqual([0x30, 3 + 35, 0x02, 1, 1]);
    expect([...der.subarray(5, 8)]).toEqual([0x02, 33, 0]);
    expect(derToRaw(der)).toEqual(signature);
  });

  it.each([
    ['not a sequence', [0x31, 6, 2, 1, 1, 2, 1, 1]],
    ['wrong length', [0x30, 7, 2, 1, 1, 2, 1, 1]],
    ['trailing bytes', [0x30, 6, 2, 1, 1, 2, 1, 1, 0]],
    ['negative integer', [0x30, 6, 2, 1, 0x81, 2, 1, 1]],
    ['non-minimal integer', [0x30, 7, 2, 2, 0, 1, 2, 1, 1]],
    ['empty integer', [0x30, 5, 2, 0, 2, 1, 1]],
    ['integer wider than 256 bits', [0x30, 38, 2, 33, 1, ...new Array(32).fill(1), 2, 1, 1]],
  ])('rejects DER with %s', (_why, bytes) => {
    expect(() => derToRaw(new Uint8Array(bytes))).toThrow(MalformedSignatureError);
  });

  it('rejects raw signatures that are not 64 bytes', () => {
    expect(() => rawToDer(new Uint8Array(63))).toThrow(MalformedSignatureError);
  });
});

describe('signature verification', () => {
  it('accepts a signature over the canonical JSON, whatever order the keys were written in', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean())), (value) => {
        const signature = sign('sha256', Buffer.from(canonicalJson(value)), {
          key: privateKey,
          dsaEncoding: 'ieee-p1363',
        });
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        expect(verifyCanonical(reversed, signature, publicKey)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('rejects any change to the signed value, any flipped signature bit, and another key', () => {
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.nat(511), (text, tampered, bit) => {
        fc.pre(text !== tampered);
        const signature = sign('sha256', Buffer.from(canonicalJson({ text })), {
          key: privateKey,
          dsaEncoding: 'ieee-p1363',
        });
        expect(verifyCanonical({ text: tampered }, signature, publicKey)).toBe(false);
        const flipped = Buffer.from(signature);
        flipped[bit >> 3]! ^= 1 << (bit & 7);
        expect(verifyCanonical({ text }, flipped, publicKey)).toBe(false);
        expect(verifyCanonical({ text }, signature, other)).toBe(false);
      }),
      { numRuns: 50 },
    );
  });

  it('answers false, not an exception, for wrong lengths and non-P-256 keys', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
    expect(verifyCanonical({}, new Uint8Array(10), publicKey)).toBe(false);
    expect(verifyCanonical({}, new Uint8Array(64), rsa)).toBe(false);
  });

  it('takes the public key as PEM, SPKI DER or KeyObject', () => {
    const signature = fromBase64Url(vectors.claimsSignature)!;
    const key = createPublicKey(vectors.publicKeyPem);
    const der = new Uint8Array(key.export({ format: 'der', type: 'spki' }));
    for (const form of [vectors.publicKeyPem, der, key])
      expect(verifyCanonical(vectors.claims, signature, form)).toBe(true);
  });
});

describe('key ids', () => {
  it('are the first 16 hex digits of the SHA-256 of the SPKI DER, the same from every key form', () => {
    const der = createPublicKey(vectors.publicKeyPem).export({ format: 'der', type: 'spki' });
    expect(keyIdOf(vectors.publicKeyPem)).toBe(sha256Hex(der).slice(0, 16));
    expect(keyIdOf(new Uint8Array(der))).toBe(vectors.keyId);
    expect(keyIdOf(publicKeyPem(der))).toBe(vectors.keyId);
  });

  it('differ between keys', () => {
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    expect(keyIdOf(other)).not.toBe(keyIdOf(publicKey));
  });
});

describe('committed test vectors', () => {
  it('canonicalize, hash and verify as recorded', () => {
    expect(canonicalJson(vectors.claims)).toBe(vectors.canonicalClaims);
    expect(sha256Hex(vectors.canonicalClaims)).toBe(vectors.claimsDigestHex);
    expect(canonicalJson(vectors.record)).toBe(vectors.canonicalRecord);
    expect(Buffer.from(sha256(vectors.canonicalRecord)).toString('hex')).toBe(vectors.recordDigestHex);
    expect(keyIdOf(vectors.publicKeyPem)).toBe(vectors.keyId);
    const key = { key: createPublicKey(vectors.publicKeyPem), dsaEncoding: 'ieee-p1363' as const };
    expect(verify('sha256', Buffer.from(vectors.canonicalClaims), key, fromBase64Url(vectors.claimsSignature)!)).toBe(
      true,
    );
    expect(verify('sha256', Buffer.from(vectors.canonicalRecord), key, fromBase64Url(vectors.recordSignature)!)).toBe(
      true,
    );
  });
});
