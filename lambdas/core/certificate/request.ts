import { z } from 'zod';
import { documentTypeFor } from './document-types.ts';
import {
  ApplicationIdSchema,
  type CertificateRecord,
  CertificateRecordSchema,
  DataKeySchema,
  HIDDEN_CHARACTERS,
  ServiceIdSchema,
} from './model.ts';

const personName = z.string().transform(tidy).pipe(z.string().min(1).max(200));

/**
 * The certificate Lambda's input: the workflow's execution input after validation. The outer object is the
 * workflow's and grows (language, waId, …), so unknown keys pass; what this function reads is closed.
 */
export const CertificateRequestSchema = z.looseObject({
  applicationId: ApplicationIdSchema,
  serviceId: ServiceIdSchema,
  applicant: z.strictObject({
    name: personName,
    nameLatin: personName.optional(),
    guardianName: personName.optional(),
  }),
  /** The form's answers by field id; the ones fit to print become the certificate's data. */
  values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
export type CertificateRequest = z.infer<typeof CertificateRequestSchema>;

/**
 * Answers that never go on a certificate: identity numbers (Aadhaar may not be printed), contact details and
 * secrets. The holder's name is printed from `applicant`.
 */
const UNPRINTABLE_FIELD = /aadhaa?r|uid|otp|mobile|phone|email|password|secret|token|applicant-name/;
const LOOKS_LIKE_AADHAAR = /^\d{4}[\s-]?\d{4}[\s-]?\d{4}$/;

export function buildCertificateRecord(
  request: CertificateRequest,
  issue: { certId: string; issuedAt: string },
): CertificateRecord {
  const type = documentTypeFor(request.serviceId);
  const data: Record<string, string> = {};
  for (const [key, raw] of Object.entries(request.values ?? {})) {
    const value = cut(tidy(String(raw)), 200);
    if (!DataKeySchema.safeParse(key).success || UNPRINTABLE_FIELD.test(key)) continue;
    if (value === '' || LOOKS_LIKE_AADHAAR.test(value)) continue;
    data[key] = value;
  }
  const { name, nameLatin, guardianName } = request.applicant;
  return CertificateRecordSchema.parse({
    version: 1,
    certId: issue.certId,
    applicationId: request.applicationId,
    serviceId: request.serviceId,
    documentType: type.documentType,
    title: type.title,
    holder: {
      name,
      ...(nameLatin && nameLatin !== name ? { nameLatin } : {}),
      ...(guardianName ? { guardianName } : {}),
    },
    issuer: { department: type.department, authority: type.authority },
    issuedAt: issue.issuedAt,
    data,
  });
}

/** NFC, no control or format characters, single spaces: what the record schema accepts. */
function tidy(text: string): string {
  return text.normalize('NFC').replace(HIDDEN_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
}

function cut(text: string, maxLength: number): string {
  const characters = [...text];
  while (characters.join('').length > maxLength) characters.pop();
  return characters.join('').trim();
}
