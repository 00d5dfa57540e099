import * as z from 'zod';
import { canonicalJson } from '../certificate/encoding.ts';
import { CertIdSchema, KeyIdSchema, RawSignatureSchema } from '../certificate/model.ts';
import { type Hash, leafHash } from './merkle.ts';

/** What a key signs: certificates (records and QR claims) or checkpoints of this log. */
export const KeyUseSchema = z.enum(['certificate-signing', 'checkpoint-signing']);
export type KeyUse = z.infer<typeof KeyUseSchema>;

const Sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lowercase hex');
const IsoTimeSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

/** An issued certificate: what it is, when, by which key, and the hashes of its signed record and its PDF. */
const CertificateEntrySchema = z.strictObject({
  type: z.literal('certificate'),
  certId: CertIdSchema,
  serviceId: z.string().min(1).max(80),
  issuedAt: IsoTimeSchema,
  keyId: KeyIdSchema,
  /** SHA-256 of the RFC 8785 canonical JSON of the signed record's `record`. */
  recordSha256: Sha256HexSchema,
  pdfSha256: Sha256HexSchema,
});

/** A revocation: which certificate, when, why and on whose authority. No personal data. */
const RevocationEntrySchema = z.strictObject({
  type: z.literal('revocation'),
  certId: CertIdSchema,
  revokedAt: IsoTimeSchema,
  reason: z.string().min(3).max(200),
  revokedBy: z.string().min(1).max(80),
});

/**
 * A signing key, logged before anything it signs: the first key of each use has no endorsement (the auditor's trust
 * anchor names it), and every later one is endorsed by a key of the same use already in the log, so the keys an
 * auditor trusts form one chain from the anchor, written in the log itself.
 */
const KeyEntrySchema = z.strictObject({
  type: z.literal('key'),
  keyId: KeyIdSchema,
  use: KeyUseSchema,
  /** The public key: DER SubjectPublicKeyInfo in base64url. */
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{80,400}$/),
  endorsement: z.strictObject({ keyId: KeyIdSchema, signature: RawSignatureSchema }).optional(),
});
export type KeyEntry = z.infer<typeof KeyEntrySchema>;

/** One leaf of the log. Closed: an auditor's reader rejects anything it does not know. */
export const LogEntrySchema = z.discriminatedUnion('type', [
  CertificateEntrySchema,
  RevocationEntrySchema,
  KeyEntrySchema,
]);
export type LogEntry = z.infer<typeof LogEntrySchema>;
export type CertificateEntry = z.infer<typeof CertificateEntrySchema>;

/**
 * One leaf per certificate, per revocation and per key: the id that makes appending an entry idempotent. Distinct
 * across types: a certificate id (22 base64url characters) never equals a key id (16 hex digits) with its prefix.
 */
export function entryIdOf(entry: LogEntry): string {
  return entry.type === 'key' ? `key:${entry.keyId}` : `${entry.type}:${entry.certId}`;
}

/** The leaf data: the UTF-8 bytes of the entry's canonical JSON; its leaf hash is SHA-256(0x00 ‖ data). */
function leafDataOf(entry: LogEntry): Uint8Array {
  return new TextEncoder().encode(canonicalJson(LogEntrySchema.parse(entry)));
}

export function entryLeafHash(entry: LogEntry): Hash {
  return leafHash(leafDataOf(entry));
}

/** `log/leaves/000000000042.json`: zero-padded so the archive lists leaves in log order. */
export function leafObjectKey(index: number): string {
  return `log/leaves/${String(index).padStart(12, '0')}.json`;
}

export function checkpointObjectKey(treeSize: number): string {
  return `log/checkpoints/${treeSize}.json`;
}

/** The archived leaf file: canonical JSON of `{ entry, index, leafHash }`; the hash is the auditor's to recompute. */
export const LeafFileSchema = z.strictObject({
  index: z.number().int().nonnegative(),
  entry: LogEntrySchema,
  leafHash: Sha256HexSchema,
});
