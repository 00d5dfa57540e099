import { z } from 'zod';
import { fromBase64Url, toBase64Url } from './encoding.ts';
import { RAW_SIGNATURE_BYTES } from './signature.ts';

/**
 * Certificate ids are 128 random bits written as unpadded base64url: 22 characters, short enough for the QR code
 * and the verify URL, and safe in S3 keys and paths. 128 bits = 21 × 6 + 2, so the last character carries two bits
 * and is one of `A`, `Q`, `g`, `w`: each id has exactly one spelling.
 */
export const CERT_ID_BYTES = 16;
const CERT_ID_PATTERN = /^[A-Za-z0-9_-]{21}[AQgw]$/;

export function certIdFromBytes(random: Uint8Array): string {
  if (random.length !== CERT_ID_BYTES) throw new RangeError(`a certificate id is ${CERT_ID_BYTES} random bytes`);
  return toBase64Url(random);
}

export function isCertId(value: string): boolean {
  return CERT_ID_PATTERN.test(value);
}

/**
 * Control and format characters would hide in print (or reorder it). ZWJ and ZWNJ stay: Indic scripts use them to
 * choose between conjunct forms.
 */
export const HIDDEN_CHARACTERS = /(?![\u200C\u200D])[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/** Free text printed on a certificate: NFC, trimmed, single spaces, nothing hidden. */
const printable = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine(
      (text) =>
        text === text.normalize('NFC') && text === text.trim() && !/\s{2}/.test(text) && !text.match(HIDDEN_CHARACTERS),
      { message: 'must be trimmed NFC text without hidden characters or repeated spaces' },
    );

export const CertIdSchema = z.string().regex(CERT_ID_PATTERN, 'a certificate id is 22 base64url characters');
export const KeyIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'a key id is 16 lowercase hex digits');
export const ServiceIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/, 'service ids are <department>.<service>');
/** Step Functions execution names are the application ids, and those are at most 80 characters. */
export const ApplicationIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/);
/** A short code: the QR code carries it, so it is capped (see claims.ts for the QR budget). */
export const DocumentTypeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,23}$/, 'a document type is a kebab-case code of ≤ 24 characters');
/** `Date#toISOString()` output only, so one instant has one spelling in the signed bytes. */
const IssuedAtSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'issuedAt is a UTC ISO time with milliseconds');
export const DataKeySchema = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/);

export const RawSignatureSchema = z
  .string()
  .refine((text) => fromBase64Url(text)?.length === RAW_SIGNATURE_BYTES, 'a signature is 64 bytes r‖s in base64url');

/** The certificate as issued: what the PDF shows and what the archive signature covers. Closed: unknown keys fail. */
export const CertificateRecordSchema = z.strictObject({
  /** Format version, so a later reader knows which fields a record can have. */
  version: z.literal(1),
  certId: CertIdSchema,
  applicationId: ApplicationIdSchema,
  serviceId: ServiceIdSchema,
  documentType: DocumentTypeSchema,
  /** The printed title, e.g. "Income Certificate". */
  title: printable(80),
  holder: z.strictObject({
    name: printable(200),
    /** The name in Latin letters when `name` is in another script (printed until Telugu shaping lands). */
    nameLatin: printable(200).optional(),
    guardianName: printable(200).optional(),
  }),
  issuer: z.strictObject({ department: printable(80), authority: printable(80) }),
  issuedAt: IssuedAtSchema,
  /** The service's own fields, keyed by the catalog's field ids. */
  data: z.record(DataKeySchema, printable(200)),
});
export type CertificateRecord = z.infer<typeof CertificateRecordSchema>;
