import { z } from 'zod';
import { canonicalJson } from '../certificate/encoding.ts';
import { CertIdSchema, KeyIdSchema } from '../certificate/model.ts';
import { type Hash, leafHash } from './merkle.ts';

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

/** One leaf of the log. Closed: an auditor's reader rejects anything it does not know. */
export const LogEntrySchema = z.discriminatedUnion('type', [CertificateEntrySchema, RevocationEntrySchema]);
export type LogEntry = z.infer<typeof LogEntrySchema>;
export type CertificateEntry = z.infer<typeof CertificateEntrySchema>;

/** One leaf per certificate and one per revocation: the id that makes appending an entry idempotent. */
export function entryIdOf(entry: LogEntry): string {
  return `${entry.type}:${entry.certId}`;
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
