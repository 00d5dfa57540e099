import * as z from '../validation.ts';
import { type Claims, isCompact, type LegacyClaims, LegacyClaimsSchema } from './claims.ts';
import {
  type CompactClaims,
  compactClaimsMessage,
  decodeCompactClaims,
  encodeCompactClaims,
} from './compact-claims.ts';
import { canonicalJson, fromBase64Url, toBase64Url } from './encoding.ts';
import { isCertId } from './model.ts';
import { type PublicKeyInput, RAW_SIGNATURE_BYTES, verifyCanonical, verifyMessage } from './signature.ts';

export const QR_ERROR_CORRECTION = 'M';
/** A phone reads a version-10 code (57 modules) off a photo of a whole printed page; the PDF prints it ≥ 25 mm. */
export const QR_MAX_VERSION = 10;
/** Printed URLs must fit the QR budget (compact-claims.ts) and outlive deployments (DESIGN.md: a custom domain). */
export const PUBLIC_BASE_URL_MAX_LENGTH = 60;
/** The query parameter that carried the first certificates' JSON claims. */
export const CLAIMS_PARAMETER = 'c';

/**
 * Checks the configured public base URL: http(s), no query or fragment, no trailing slash (one is removed), and
 * short enough for the QR budget.
 */
export function normalizePublicBaseUrl(value: string): string {
  const trimmed = value.trim().replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new RangeError(`PUBLIC_BASE_URL is not a URL: ${value}`);
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash || url.username || url.password) {
    throw new RangeError('PUBLIC_BASE_URL is an http(s) URL without query, fragment or credentials');
  }
  if (trimmed.length > PUBLIC_BASE_URL_MAX_LENGTH) {
    throw new RangeError(
      `PUBLIC_BASE_URL is longer than ${PUBLIC_BASE_URL_MAX_LENGTH} characters; the QR code would not fit`,
    );
  }
  return trimmed;
}

/** The verify page of one certificate: what the PDF prints for people to type in. */
export function verifyPageUrl(baseUrl: string, certId: string): string {
  return `${baseUrl}/v/${certId}`;
}

/**
 * The QR code's text: `<base>/v/<certId>#<base32(claims ‖ r‖s)>`. The fragment never reaches the server (nor its
 * access logs): the verify page checks the claims in the browser. Base32 in capitals is QR alphanumeric-mode text,
 * 5.5 bits a character, so the code stays small. First certificates' JSON claims are written as they were.
 */
export function encodeQrPayload(baseUrl: string, claims: Claims, signature: Uint8Array): string {
  if (isCompact(claims)) {
    const bytes = new Uint8Array([...encodeCompactClaims(claims), ...signature]);
    return `${verifyPageUrl(baseUrl, claims.id)}#${toBase32(bytes)}`;
  }
  const { id, ...rest } = claims;
  const encodedClaims = toBase64Url(Buffer.from(canonicalJson(rest)));
  return `${verifyPageUrl(baseUrl, id)}?${CLAIMS_PARAMETER}=${encodedClaims}.${toBase64Url(signature)}`;
}

export interface PresentedClaims {
  claims: Claims;
  signature: Uint8Array;
}

/**
 * Decodes the claims a verify URL's fragment carries (what POST /v/{certId} takes as `claims`). Undefined when it is
 * not a well-formed signed claim set, which the verify service reports as `invalid-signature`, like a bad signature.
 */
export function decodeClaimsFragment(certId: string, fragment: string): PresentedClaims | undefined {
  if (!isCertId(certId) || fragment.length > 400) return undefined;
  const bytes = fromBase32(fragment);
  if (!bytes || bytes.length <= RAW_SIGNATURE_BYTES) return undefined;
  const claims = decodeCompactClaims(certId, bytes.subarray(0, bytes.length - RAW_SIGNATURE_BYTES));
  return claims && { claims, signature: bytes.slice(bytes.length - RAW_SIGNATURE_BYTES) };
}

const EncodedLegacyClaimsSchema = z.omit(LegacyClaimsSchema, { id: true });

/** Decodes the `c` parameter of a first certificate's verify URL (JSON claims in the query). */
export function decodeClaimsParameter(certId: string, parameter: string): PresentedClaims | undefined {
  if (!isCertId(certId) || parameter.length > 1024) return undefined;
  const parts = parameter.split('.');
  if (parts.length !== 2) return undefined;
  const claimsBytes = fromBase64Url(parts[0]!);
  const signature = fromBase64Url(parts[1]!);
  if (!claimsBytes || signature?.length !== RAW_SIGNATURE_BYTES) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(claimsBytes));
  } catch {
    return undefined;
  }
  const parsed = EncodedLegacyClaimsSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const claims: LegacyClaims = { id: certId, ...parsed.data };
  return { claims, signature };
}

/** Reads a QR code's text back, either form: the offline verifier's half of `encodeQrPayload`. */
export function parseQrPayload(text: string): (PresentedClaims & { certId: string; baseUrl: string }) | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  const match = /^(.*)\/v\/([^/]+)$/.exec(url.pathname);
  if (!match) return undefined;
  const certId = match[2]!;
  const parameter = url.searchParams.get(CLAIMS_PARAMETER);
  const presented = url.hash
    ? decodeClaimsFragment(certId, url.hash.slice(1))
    : parameter === null
      ? undefined
      : decodeClaimsParameter(certId, parameter);
  return presented && { ...presented, certId, baseUrl: `${url.origin}${match[1]}` };
}

/** True when the claims carry a valid signature by `publicKey`. */
export function verifyClaims(claims: Claims, signature: Uint8Array, publicKey: PublicKeyInput): boolean {
  if (isCompact(claims)) {
    try {
      return verifyMessage(compactClaimsMessage(claims as CompactClaims), signature, publicKey);
    } catch {
      return false;
    }
  }
  return LegacyClaimsSchema.safeParse(claims).success && verifyCanonical(claims, signature, publicKey);
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding. */
export function toBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

/** Strict: capitals only, no padding, unused trailing bits zero, so each value has one spelling. */
export function fromBase32(text: string): Uint8Array | undefined {
  if (!/^[A-Z2-7]*$/.test(text) || [1, 3, 6].includes(text.length % 8)) return undefined;
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const character of text) {
    buffer = (buffer << 5) | BASE32.indexOf(character);
    bits += 5;
    if (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
  }
  return buffer === 0 ? new Uint8Array(out) : undefined;
}
