import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import { MitraError } from '../errors.ts';
import { canonicalJson, sha256Hex } from './encoding.ts';

/** How every certificate signature is made: ECDSA on P-256 over the SHA-256 of the RFC 8785 canonical JSON. */
export const SIGNATURE_ALGORITHM = 'ECDSA_P256_SHA256';
export const CANONICALIZATION = 'RFC8785';

const SCALAR_BYTES = 32;
export const RAW_SIGNATURE_BYTES = 2 * SCALAR_BYTES;

export class MalformedSignatureError extends MitraError {}

/**
 * KMS answers ECDSA signatures as DER (`SEQUENCE { INTEGER r, INTEGER s }`); the QR code carries the fixed 64-byte
 * r‖s form (IEEE P1363), which is 6–8 bytes shorter and has one encoding per signature. Parsing is strict (minimal
 * lengths and integers, nothing trailing) so a signature has exactly one DER form.
 */
export function derToRaw(der: Uint8Array): Uint8Array {
  const fail = (why: string): never => {
    throw new MalformedSignatureError(`not a DER ECDSA P-256 signature: ${why}`);
  };
  if (der.length < 8 || der[0] !== 0x30) fail('expected a SEQUENCE');
  // Short-form lengths only: the largest P-256 signature is 72 bytes.
  if (der[1]! >= 0x80 || der[1] !== der.length - 2) fail('bad SEQUENCE length');
  let offset = 2;
  const raw = new Uint8Array(RAW_SIGNATURE_BYTES);
  for (const half of [0, 1]) {
    if (der[offset] !== 0x02) fail('expected an INTEGER');
    const length = der[offset + 1]!;
    const start = offset + 2;
    const end = start + length;
    if (length === 0 || length >= 0x80 || end > der.length) fail('bad INTEGER length');
    const value = der.subarray(start, end);
    if (value[0]! & 0x80) fail('negative INTEGER');
    if (value.length > 1 && value[0] === 0 && !(value[1]! & 0x80)) fail('INTEGER not minimally encoded');
    const magnitude = value[0] === 0 ? value.subarray(1) : value;
    if (magnitude.length > SCALAR_BYTES) fail('INTEGER wider than 256 bits');
    raw.set(magnitude, half * SCALAR_BYTES + SCALAR_BYTES - magnitude.length);
    offset = end;
  }
  if (offset !== der.length) fail('trailing bytes');
  return raw;
}

export function rawToDer(raw: Uint8Array): Uint8Array {
  if (raw.length !== RAW_SIGNATURE_BYTES) {
    throw new MalformedSignatureError(`a raw P-256 signature is ${RAW_SIGNATURE_BYTES} bytes, not ${raw.length}`);
  }
  const integer = (scalar: Uint8Array): number[] => {
    let start = 0;
    while (start < scalar.length - 1 && scalar[start] === 0) start++;
    const bytes = [...scalar.subarray(start)];
    if (bytes[0]! & 0x80) bytes.unshift(0);
    return [0x02, bytes.length, ...bytes];
  };
  const body = [...integer(raw.subarray(0, SCALAR_BYTES)), ...integer(raw.subarray(SCALAR_BYTES))];
  return new Uint8Array([0x30, body.length, ...body]);
}

export type PublicKeyInput = string | Uint8Array | KeyObject;

/** Accepts a PEM string, SPKI DER bytes or a KeyObject; only P-256 keys are certificate keys. */
function certificatePublicKey(key: PublicKeyInput): KeyObject {
  const object =
    typeof key === 'string'
      ? createPublicKey(key)
      : key instanceof Uint8Array
        ? createPublicKey({ key: Buffer.from(key), format: 'der', type: 'spki' })
        : key;
  if (object.asymmetricKeyType !== 'ec' || object.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new MalformedSignatureError('certificate keys are ECDSA P-256 keys');
  }
  return object;
}

/** True only when `rawSignature` is a valid signature of the canonical JSON of `value`; never throws. */
export function verifyCanonical(value: unknown, rawSignature: Uint8Array, publicKey: PublicKeyInput): boolean {
  try {
    return verifyMessage(Buffer.from(canonicalJson(value)), rawSignature, publicKey);
  } catch {
    return false;
  }
}

/** True only when `rawSignature` is a valid ECDSA P-256 SHA-256 signature of `message`; never throws. */
export function verifyMessage(message: Uint8Array, rawSignature: Uint8Array, publicKey: PublicKeyInput): boolean {
  try {
    if (rawSignature.length !== RAW_SIGNATURE_BYTES) return false;
    const key = certificatePublicKey(publicKey);
    return verify('sha256', message, { key, dsaEncoding: 'ieee-p1363' }, rawSignature);
  } catch {
    return false;
  }
}

/**
 * The short key id that claims and records carry: the first 16 hex digits of the SHA-256 of the SPKI DER. It is a
 * function of the key alone, so a rotated KMS key gets a new id while the archive keeps naming the old one.
 */
export function keyIdOf(publicKey: PublicKeyInput): string {
  const spki = certificatePublicKey(publicKey).export({ format: 'der', type: 'spki' });
  return sha256Hex(spki).slice(0, 16);
}

export function publicKeyPem(publicKey: PublicKeyInput): string {
  return certificatePublicKey(publicKey).export({ format: 'pem', type: 'spki' }).toString();
}
