import { ApplicationIdSchema, DecisionReasonSchema } from '../applications/approval.ts';
import type { Language } from '../catalog/schema.ts';
import { GrievanceTextSchema } from '../grievances/actions.ts';
import { t } from '../i18n/strings.ts';
import * as z from '../validation.ts';
import { UserKeySchema } from '../whatsapp/user-key.ts';
import { issueDateOf } from './claims.ts';
import { CertIdSchema } from './model.ts';
import { RevocationReasonSchema, revocationReasonText } from './revocation.ts';
import type { VerificationView } from './verification.ts';

/** Media as the webhook keeps it (`mediaKey`): under the keyed digest of the sender's number, never the number. */
const InboundMediaKeySchema = z.string().check(z.regex(/^inbound\/[0-9a-f]{32}\/[^/]{1,200}$/, 'not a kept media key'));

/**
 * A certificate task as the webhook stores it with the turn and the certificate-tasks function reads it from the
 * table's stream: the slow work (decoding a photo) happens there, never while Meta waits for the webhook's answer.
 */
const taskItem = {
  pk: z.string(),
  sk: z.string(),
  kind: z.literal('certificate-task'),
  /** The inbound message that asked: the answer's outbox key derives from it, so a retry never answers twice. */
  messageId: z.string().check(z.minLength(1)),
  waId: UserKeySchema,
  language: z.enum(['en', 'te']),
  createdAt: z.string(),
  expiresAt: z.number().check(z.int()),
};

export const CertificateTaskSchema = z.discriminatedUnion('task', [
  /** Check the photo in the media bucket at `mediaKey`. */
  z.strictObject({ ...taskItem, task: z.literal('scan'), mediaKey: z.string().check(z.minLength(1)) }),
  /** Revoke for the officer who sends from `waId`; the registry is read again when it is done. */
  z.strictObject({ ...taskItem, task: z.literal('revoke'), certId: CertIdSchema, reason: RevocationReasonSchema }),
  /** An officer's decision on the application waiting for one; the registry is read again when it is done. */
  z.strictObject({
    ...taskItem,
    task: z.literal('decide'),
    applicationId: ApplicationIdSchema,
    decision: z.enum(['approved', 'rejected']),
    reason: z.optional(DecisionReasonSchema),
  }),
  /**
   * An officer's action on a grievance (accept, ask, resolve, transfer) or the citizen's (answer, rate, reopen); who
   * may do it is decided when it is done (lambdas/core/grievances/perform.ts).
   */
  z.strictObject({
    ...taskItem,
    task: z.literal('grievance'),
    applicationId: ApplicationIdSchema,
    action: z.enum(['accept', 'ask', 'resolve', 'transfer', 'answer', 'reopen', 'rate']),
    text: z.optional(GrievanceTextSchema),
    rating: z.optional(z.int().check(z.gte(1), z.lte(5))),
    /** Resolving: the officer's photo as the webhook kept it, under the keyed digest of their number. */
    photo: z.optional(InboundMediaKeySchema),
  }),
  /** The citizen confirmed cancelling the ticket of this booking; that it is theirs is checked again when it is done. */
  z.strictObject({ ...taskItem, task: z.literal('cancel-booking'), applicationId: ApplicationIdSchema }),
]);
export type CertificateTask = z.infer<typeof CertificateTaskSchema>;

export type CheckOutcome = VerificationView | { status: 'unreadable'; reason: string };

/** The chat's answer to a photographed QR code, in the citizen's language. */
export function scanAnswer(outcome: CheckOutcome, language: Language): string {
  if (outcome.status === 'unreadable') {
    if (outcome.reason === 'no-qr-code') return t('scanNoQrCode', language);
    if (outcome.reason === 'not-a-certificate') return t('scanNotCertificate', language);
    return t('scanUnreadable', language);
  }
  const { certificate, certId = '' } = outcome;
  if (outcome.status === 'valid' && certificate)
    return t('scanValid', language, {
      title: certificate.title,
      holder: certificate.holder,
      authority: certificate.issuer.authority,
      department: certificate.issuer.department,
      issueDate: certificate.issueDate,
      certId,
    });
  if (outcome.status === 'revoked' && certificate)
    return t('scanRevoked', language, {
      title: certificate.title,
      holder: certificate.holder,
      issueDate: certificate.issueDate,
      revokedDate: certificate.revokedAt ? issueDateOf(certificate.revokedAt) : '',
      reason: certificate.revocationReason?.[language] ?? '',
      certId,
    });
  // Unknown ids and signatures that do not match get the same answer: the chat helps check, not enumerate.
  return t('scanInvalid', language);
}

export type RevocationOutcome =
  | { outcome: 'revoked' | 'already-revoked'; certId: string; revokedAt: string; reason: string; logIndex: number }
  | { outcome: 'unknown'; certId: string }
  | { outcome: 'not-allowed'; certId: string; department: string };

/** The chat's answer to an officer's revocation, in their language. */
export function revocationAnswer(result: RevocationOutcome, language: Language): string {
  switch (result.outcome) {
    case 'unknown':
      return t('revokeUnknown', language, { certId: result.certId });
    case 'not-allowed':
      return t('revokeNotAllowed', language, { certId: result.certId, department: result.department });
    case 'revoked':
      return t('revokeDone', language, {
        certId: result.certId,
        revokedAt: issueDateOf(result.revokedAt),
        reason: revocationReasonText(result.reason)[language],
        logIndex: result.logIndex,
      });
    case 'already-revoked':
      return t('revokeAlready', language, {
        certId: result.certId,
        revokedAt: issueDateOf(result.revokedAt),
        reason: revocationReasonText(result.reason)[language],
      });
  }
}
