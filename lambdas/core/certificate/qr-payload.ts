import { type Claims, ClaimsSchema } from './claims.ts';
import { canonicalJson, fromBase64Url, toBase64Url } from './encoding.ts';
import { isCertId } from './model.ts';
import { type PublicKeyInput, RAW_SIGNATURE_BYTES, verifyCanonical } from './signature.ts';

export const QR_ERROR_CORRECTION = 'M';
export const QR_MAX_VERSION = 15;
/** Printed URLs must fit the QR budget (claims.ts) and outlive deployments (DESIGN.md: a custom domain). */
export const PUBLIC_BASE_URL_MAX_LENGTH = 60;
/** The query parameter that carries the signed claims. */
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
 * The QR code's text: `<base>/v/<certId>?c=<base64url(canonical claims without id)>.<base64url(r‖s)>`.
 * A query, not a fragment, because the server must see the claims to answer `invalid-signature`. The id is left
 * out of the encoded claims (the path carries it; this keeps the QR within version 15) and put back before
 * verifying, so the signature still binds the claims to the id in the path.
 */
export function encodeQrPayload(baseUrl: string, claims: Claims, signature: Uint8Array): string {
  const { id, ...rest } = claims;
  const encodedClaims = toBase64Url(Buffer.from(canonicalJson(rest)));
  return `${verifyPageUrl(baseUrl, id)}?${CLAIMS_PARAMETER}=${encodedClaims}.${toBase64Url(signature)}`;
}

export interface PresentedClaims {
  claims: Claims;
  signature: Uint8Array;
}

const EncodedClaimsSchema = ClaimsSchema.omit({ id: true });

/**
 * Decodes the `c` parameter of a verify URL for the certificate `certId`. Undefined when it is not a well-formed
 * signed claim set (which the verify service reports as `invalid-signature`, like a bad signature).
 */
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
  const parsed = EncodedClaimsSchema.safeParse(json);
  if (!parsed.success) return undefined;
  return { claims: { id: certId, ...parsed.data }, signature };
}

/** Reads a QR code's text back: the offline verifier's half of `encodeQrPayload`. */
export function parseQrPayload(text: string): (PresentedClaims & { certId: string; baseUrl: string }) | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  const match = /^(.*)\/v\/([^/]+)$/.exec(url.pathname);
  const parameter = url.searchParams.get(CLAIMS_PARAMETER);
  if (!match || parameter === null) return undefined;
  const certId = match[2]!;
  const presented = decodeClaimsParameter(certId, parameter);
  return presented && { ...presented, certId, baseUrl: `${url.origin}${match[1]}` };
}

/** True when the claims carry a valid signature by `publicKey`. */
export function verifyClaims(claims: Claims, signature: Uint8Array, publicKey: PublicKeyInput): boolean {
  return ClaimsSchema.safeParse(claims).success && verifyCanonical(claims, signature, publicKey);
}
