import * as z from '../validation.ts';
import { type CompactClaims, CompactClaimsSchema, compactClaimsMessage, compactClaimsOf } from './compact-claims.ts';
import { canonicalJson, sha256, sha256Hex } from './encoding.ts';
import { issueDateOf } from './issue-date.ts';
import { CertIdSchema, type CertificateRecord, DocumentTypeSchema, KeyIdSchema } from './model.ts';

export { issueDateOf };

/**
 * Two forms of QR claims. Certificates issued since QR codes carry their key facts have compact binary claims
 * (compact-claims.ts) in the URL's fragment. The first certificates have the JSON claims below, in the query
 * (`<base>/v/<id>?c=<claims>.<signature>`); they are still read and verified, never made. Their budget: version 15 at
 * error correction M, so the free-text claims got these many bytes of JSON-escaped UTF-8.
 */
export const CLAIM_NAME_MAX_BYTES = 48;
const CLAIM_ISSUER_MAX_BYTES = 32;

const IssueDateSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const claimText = (maxBytes: number) =>
  z.string().check(
    z.minLength(1),
    z.refine((text) => escapedBytes(text) <= maxBytes),
  );

/** What a first QR code asserts, signed: `id`, `typ` (document type), `name`, `iat` (issue date), `iss`, `kid`. */
export const LegacyClaimsSchema = z.strictObject({
  id: CertIdSchema,
  typ: DocumentTypeSchema,
  name: claimText(CLAIM_NAME_MAX_BYTES),
  iat: IssueDateSchema,
  iss: claimText(CLAIM_ISSUER_MAX_BYTES),
  kid: KeyIdSchema,
});
export type LegacyClaims = z.infer<typeof LegacyClaimsSchema>;

/** Either form; the compact one has `v: 2`. */
export const ClaimsSchema = z.union([CompactClaimsSchema, LegacyClaimsSchema]);
export type Claims = CompactClaims | LegacyClaims;

export function isCompact(claims: Claims): claims is CompactClaims {
  return 'v' in claims;
}

/** The claims a certificate is issued with now: compact, with its key facts. A function of the record and the key. */
export function claimsOf(record: CertificateRecord, kid: string): CompactClaims {
  return compactClaimsOf(record, kid);
}

/** The claims `record` implies in the form of `like`: what an auditor recomputes for either form. */
export function expectedClaimsOf(record: CertificateRecord, kid: string, like: Claims): Claims {
  return isCompact(like) ? compactClaimsOf(record, kid) : legacyClaimsOf(record, kid);
}

/** The claims of either form whose canonical JSON hashes to `claimsSha256` (what the store recorded at issue). */
export function claimsWithHash(record: CertificateRecord, kid: string, claimsSha256: string): Claims | undefined {
  return [compactClaimsOf(record, kid), legacyClaimsOf(record, kid)].find(
    (claims) => sha256Hex(canonicalJson(claims)) === claimsSha256,
  );
}

/** The bytes a claims signature covers, hashed: the compact message, or the canonical JSON of JSON claims. */
export function claimsDigest(claims: Claims): Uint8Array {
  return sha256(isCompact(claims) ? compactClaimsMessage(claims) : canonicalJson(claims));
}

/**
 * The first claims: a function of the record and the key, so the verify service recomputed them from what it stored.
 * Long names were cut at a character boundary with "…".
 */
function legacyClaimsOf(record: CertificateRecord, kid: string): LegacyClaims {
  return {
    id: record.certId,
    typ: record.documentType,
    name: fitBytes(record.holder.name, CLAIM_NAME_MAX_BYTES),
    iat: issueDateOf(record.issuedAt),
    iss: fitBytes(issuerClaim(record.issuer), CLAIM_ISSUER_MAX_BYTES),
    kid,
  };
}

/** The issuing authority, e.g. "Tahsildar, Revenue Department", or the authority alone when that is too long. */
function issuerClaim(issuer: CertificateRecord['issuer']): string {
  const full = `${issuer.authority}, ${issuer.department}`;
  return escapedBytes(full) <= CLAIM_ISSUER_MAX_BYTES ? full : issuer.authority;
}

/** Size of a string inside canonical JSON: UTF-8 after JSON escaping (JCS escapes exactly as JSON.stringify). */
function escapedBytes(text: string): number {
  return Buffer.byteLength(JSON.stringify(text)) - 2;
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Cuts at a grapheme boundary, so a Telugu conjunct or an accented letter is never split. */
export function fitBytes(text: string, maxBytes: number): string {
  if (escapedBytes(text) <= maxBytes) return text;
  const ellipsis = '…';
  let kept = '';
  for (const { segment } of graphemes.segment(text)) {
    if (escapedBytes(kept + segment + ellipsis) > maxBytes) break;
    kept += segment;
  }
  return kept.trimEnd() + ellipsis;
}
