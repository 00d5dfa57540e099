import type { ScanResult } from '#core/certificate/scan.ts';
import { assessCertificate, type VerificationView, verificationView } from '#core/certificate/verification.ts';
import type { CertificateStore } from './certificate-store.ts';

/**
 * What the chat answers to a photographed QR code: the verify page's verdict and view for the claims it carries
 * (valid, revoked with date and reason, invalid-signature, unknown), or why the photo could not be read.
 */
export class CertificateCheck {
  constructor(private readonly store: CertificateStore) {}

  async check(scan: ScanResult): Promise<VerificationView | { status: 'unreadable'; reason: string }> {
    if (!scan.ok) return { status: 'unreadable', reason: scan.reason };
    const summary = await this.store.getCertificate(scan.certId);
    const publicKey = summary ? await this.store.publicKeyPem(summary.keyId) : undefined;
    const status = assessCertificate(summary, { claims: scan.claims, signature: scan.signature }, publicKey);
    return verificationView(status, summary, true);
  }
}
