import { z } from 'zod';
import { CertIdSchema, type CertificateRecord, DocumentTypeSchema, KeyIdSchema } from './model.ts';

/**
 * The QR budget. The QR code must stay at version 15 or below with error correction M (412 bytes in byte mode) so a
 * cheap phone reads it off a printed page. The URL is `<base>/v/<id>?c=<claims>.<signature>`: with a base URL of
 * ≤ 60 characters, the 64-byte signature (86 characters) and the fixed part of the claims, the free-text claims get
 * these many bytes of JSON-escaped UTF-8 (base64url adds a third). test/unit/certificate-qr-payload.test.ts checks
 * the worst case.
 */
export const CLAIM_NAME_MAX_BYTES = 48;
export const CLAIM_ISSUER_MAX_BYTES = 32;

const IssueDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const claimText = (maxBytes: number) =>
  z
    .string()
    .min(1)
    .refine((text) => escapedBytes(text) <= maxBytes);

/** What a QR code asserts, signed: `id`, `typ` (document type), `name` (holder), `iat` (issue date), `iss`, `kid`. */
export const ClaimsSchema = z.strictObject({
  id: CertIdSchema,
  typ: DocumentTypeSchema,
  name: claimText(CLAIM_NAME_MAX_BYTES),
  iat: IssueDateSchema,
  iss: claimText(CLAIM_ISSUER_MAX_BYTES),
  kid: KeyIdSchema,
});
export type Claims = z.infer<typeof ClaimsSchema>;

/** India has one time zone and no daylight saving: the date on a certificate is the date in IST (UTC+05:30). */
const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000;

export function issueDateOf(issuedAt: string): string {
  return new Date(Date.parse(issuedAt) + IST_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The claims are a function of the record and the key, so the verify service recomputes them from what it stored
 * and a QR code that carries anything else does not match. Long names are cut at a character boundary with "…".
 */
export function claimsOf(record: CertificateRecord, kid: string): Claims {
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
