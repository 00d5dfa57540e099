import { RevocationReasonSchema, revocationOf } from '#core/certificate/revocation.ts';
import type { CertificateStore } from './certificate-store.ts';
import type { RevokedDocument } from './revocation-notice.ts';
import type { TransparencyLog } from './transparency-log.ts';

export type RevocationResult =
  | { outcome: 'revoked' | 'already-revoked'; certId: string; revokedAt: string; reason: string; logIndex: number }
  | { outcome: 'unknown'; certId: string };

/**
 * Revokes a certificate, for a reason code (`revocationOf`) shown in both languages, the officer's words kept private: the table first (the verify page says "revoked" at once), then a revocation leaf in the
 * transparency log, returning once a signed checkpoint includes it. Idempotent: repeating a revocation (after a crash
 * between the two steps, or a second officer) appends the first revocation's leaf, never a second one.
 */
export class RevocationService {
  constructor(
    private readonly store: CertificateStore,
    private readonly log: TransparencyLog,
    private readonly now: () => Date,
    /** Tells the holder (lambdas/adapters/revocation-notice.ts); once per application however often it is called. */
    private readonly tellCitizen?: (revoked: RevokedDocument) => Promise<unknown>,
  ) {}

  async revoke(request: { certId: string; reason: string; revokedBy: string }): Promise<RevocationResult> {
    // The public reason is a code; the rest of what was typed is a private note on the certificate's item.
    const { code, note } = revocationOf(RevocationReasonSchema.parse(request.reason));
    const marked = await this.store.revoke(request.certId, {
      revokedAt: this.now().toISOString(),
      reason: code,
      ...(note ? { note } : {}),
      revokedBy: request.revokedBy,
    });
    if (marked.outcome === 'unknown') return { outcome: 'unknown', certId: request.certId };
    const { index } = await this.log.append({
      type: 'revocation',
      certId: request.certId,
      revokedAt: marked.revokedAt,
      reason: marked.reason,
      revokedBy: marked.revokedBy,
    });
    // After the log: a crash before this line is finished by the repeated revocation, which tells them then.
    if (marked.applicationId) await this.tellCitizen?.({ certId: request.certId, ...marked });
    return {
      outcome: marked.outcome,
      certId: request.certId,
      revokedAt: marked.revokedAt,
      reason: marked.reason,
      logIndex: index,
    };
  }
}
