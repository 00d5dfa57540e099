import * as z from '../validation.ts';
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

/** The 16 bytes an id spells; the QR claims signature covers them. */
export function fromCertId(certId: string): Uint8Array {
  if (!CERT_ID_PATTERN.test(certId)) throw new RangeError('not a certificate id');
  return new Uint8Array(Buffer.from(certId, 'base64url'));
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
  z.string().check(
    z.minLength(1),
    z.maxLength(max),
    z.refine(
      (text) =>
        text === text.normalize('NFC') && text === text.trim() && !/\s{2}/.test(text) && !text.match(HIDDEN_CHARACTERS),
      { message: 'must be trimmed NFC text without hidden characters or repeated spaces' },
    ),
  );

export const CertIdSchema = z.string().check(z.regex(CERT_ID_PATTERN, 'a certificate id is 22 base64url characters'));
export const KeyIdSchema = z.string().check(z.regex(/^[0-9a-f]{16}$/, 'a key id is 16 lowercase hex digits'));
export const ServiceIdSchema = z
  .string()
  .check(z.regex(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/, 'service ids are <department>.<service>'));
/** Step Functions execution names are the application ids, and those are at most 80 characters. */
export const ApplicationIdSchema = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/));
/** A short code: the QR code carries it, so it is capped (see claims.ts for the QR budget). */
export const DocumentTypeSchema = z
  .string()
  .check(z.regex(/^[a-z][a-z0-9-]{0,23}$/, 'a document type is a kebab-case code of ≤ 24 characters'));
/** `Date#toISOString()` output only, so one instant has one spelling in the signed bytes. */
const IssuedAtSchema = z
  .string()
  .check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'issuedAt is a UTC ISO time with milliseconds'));
const DataKeySchema = z.string().check(z.regex(/^[a-z][a-z0-9-]{0,39}$/));

export const RawSignatureSchema = z
  .string()
  .check(
    z.refine((text) => fromBase64Url(text)?.length === RAW_SIGNATURE_BYTES, 'a signature is 64 bytes r‖s in base64url'),
  );

/** A text a document prints in English and in Telugu. */
const bilingualPrintable = (max: number) => z.strictObject({ en: printable(max), te: printable(max) });
const IsoDateSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD'));

/** What every version of the record has: the fields the QR claims, the verify page and the store are made from. */
const recordHeadline = {
  certId: CertIdSchema,
  applicationId: ApplicationIdSchema,
  serviceId: ServiceIdSchema,
  documentType: DocumentTypeSchema,
  /** The printed title in English, e.g. "Income Certificate". */
  title: printable(80),
  issuedAt: IssuedAtSchema,
};

/**
 * Version 1, issued until documents came from the catalog: English only, the form's answers as typed. Still read
 * and verified (the archive keeps every record for good), never written.
 */
const CertificateRecordV1Schema = z.strictObject({
  /** Format version, so a later reader knows which fields a record can have. */
  version: z.literal(1),
  ...recordHeadline,
  holder: z.strictObject({
    name: printable(200),
    /** The name in Latin letters when `name` is in another script. */
    nameLatin: z.optional(printable(200)),
    guardianName: z.optional(printable(200)),
  }),
  issuer: z.strictObject({ department: printable(80), authority: printable(80) }),
  /** The service's own fields, keyed by the catalog's field ids. */
  data: z.record(DataKeySchema, printable(200)),
});

/** Who decided that the document be issued: a named officer, or the household records with no officer. */
const DecidedBySchema = z.discriminatedUnion('by', [
  z.strictObject({ by: z.literal('officer'), name: printable(120), designation: bilingualPrintable(80) }),
  z.strictObject({ by: z.literal('household-records'), statement: bilingualPrintable(120) }),
]);

/**
 * Version 2: the document as the catalog defines it, in English and Telugu. `title` and `issuer` stay the English
 * forms every version has (the QR claims are made from them); `document` holds everything printed, each text in
 * both languages.
 */
export const CertificateRecordV2Schema = z
  .strictObject({
    version: z.literal(2),
    ...recordHeadline,
    holder: z.strictObject({
      name: printable(200),
      nameLatin: z.optional(printable(200)),
      /** The father's or husband's name. */
      guardianName: z.optional(printable(200)),
      /** S/o, D/o or W/o, as the document prints it. */
      relation: z.optional(bilingualPrintable(40)),
    }),
    /** English: the department's name in the catalog and the issuing authority. */
    issuer: z.strictObject({ department: printable(80), authority: printable(160) }),
    document: z.strictObject({
      title: bilingualPrintable(80),
      issuer: z.strictObject({ department: bilingualPrintable(80), authority: bilingualPrintable(160) }),
      /** The certifying sentence, its values filled in. */
      statement: bilingualPrintable(2000),
      /** The printed answers, keyed by the catalog's field ids, in the form's order. */
      facts: z.record(DataKeySchema, z.strictObject({ label: bilingualPrintable(80), value: bilingualPrintable(600) })),
      /** The last day the document is valid (IST), when its type lapses. */
      validUntil: z.optional(IsoDateSchema),
      decidedBy: z.optional(DecidedBySchema),
    }),
  })
  .check(
    z.superRefine((record, ctx) => {
      if (record.title !== record.document.title.en)
        ctx.addIssue({ code: 'custom', path: ['title'], message: 'title must be the English document title' });
      if (
        record.issuer.department !== record.document.issuer.department.en ||
        record.issuer.authority !== record.document.issuer.authority.en
      )
        ctx.addIssue({ code: 'custom', path: ['issuer'], message: 'issuer must be the English document issuer' });
    }),
  );

/** The certificate as issued: what the PDF shows and what the archive signature covers. Closed: unknown keys fail. */
export const CertificateRecordSchema = z.discriminatedUnion('version', [
  CertificateRecordV1Schema,
  CertificateRecordV2Schema,
]);
export type CertificateRecord = z.infer<typeof CertificateRecordSchema>;
export type CertificateRecordV2 = z.infer<typeof CertificateRecordV2Schema>;
