import { issueDateOf } from './claims.ts';
import { canonicalJson, sha256Hex } from './encoding.ts';
import { type PresentedClaims, verifyClaims } from './qr-payload.ts';
import { type RevocationCode, revocationReasonText } from './revocation.ts';
import type { PublicKeyInput } from './signature.ts';

const VERIFICATION_STATUSES = ['valid', 'revoked', 'unknown', 'invalid-signature'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/** What the verify service knows about an issued certificate: no full name, no form data. */
export interface CertificateSummary {
  certId: string;
  title: string;
  documentType: string;
  holderMasked: string;
  issuer: { department: string; authority: string };
  issuedAt: string;
  status: 'valid' | 'revoked';
  revokedAt?: string;
  /** A reason code (revocation.ts), or the free text of a revocation made before codes. */
  revocationReason?: string;
  keyId: string;
  /** SHA-256 (hex) of the canonical claims the QR code carries; a presented QR must hash to exactly this. */
  claimsSha256: string;
}

/**
 * The verdict on one certificate and, when the QR code's claims came along, on those claims: they must carry a
 * valid signature and be exactly the claims this certificate was issued with. A forged paper copy fails here even
 * when its id is real. `'malformed'` is a claims parameter that could not be decoded at all.
 */
export function assessCertificate(
  summary: CertificateSummary | undefined,
  presented: PresentedClaims | 'malformed' | undefined,
  publicKey: PublicKeyInput | undefined,
): VerificationStatus {
  if (!summary) return 'unknown';
  if (presented !== undefined) {
    if (presented === 'malformed') return 'invalid-signature';
    if (sha256Hex(canonicalJson(presented.claims)) !== summary.claimsSha256) return 'invalid-signature';
    if (!publicKey || !verifyClaims(presented.claims, presented.signature, publicKey)) return 'invalid-signature';
  }
  return summary.status === 'revoked' ? 'revoked' : 'valid';
}

export interface VerificationView {
  status: VerificationStatus;
  certId?: string;
  /** Whether claims from a QR code were checked (true) or only the id was looked up (false). */
  claimsChecked?: boolean;
  certificate?: {
    title: string;
    documentType: string;
    holder: string;
    issuer: { department: string; authority: string };
    issuedAt: string;
    issueDate: string;
    revokedAt?: string;
    /** The public reason in both languages; `code` is absent for a revocation made before reasons had codes. */
    revocationReason?: { code?: RevocationCode; en: string; te: string };
  };
  /** Where the certificate's inclusion in the public transparency log is proved (no log position: it counts). */
  log?: { proof: string };
  /**
   * Where the deployment has a witness: whether it co-signed a checkpoint of the log that includes this certificate
   * (`pending` until it has; `failed` when a co-signature does not vouch for it, which is an alarm).
   */
  witness?: { status: 'cosigned'; cosignedAt: string } | { status: 'pending' } | { status: 'failed' };
}

/**
 * What a verifier is shown. Unknown ids (well-formed or not) all get the same bare answer, and a QR code that does
 * not match gets no details from the record: the page helps check a document, not find one.
 */
export function verificationView(
  status: VerificationStatus,
  summary: CertificateSummary | undefined,
  claimsChecked: boolean,
  logged = false,
): VerificationView {
  if (status === 'unknown' || !summary) return { status: 'unknown' };
  if (status === 'invalid-signature') return { status, certId: summary.certId, claimsChecked };
  return {
    status,
    certId: summary.certId,
    claimsChecked,
    certificate: {
      title: summary.title,
      documentType: summary.documentType,
      holder: summary.holderMasked,
      issuer: summary.issuer,
      issuedAt: summary.issuedAt,
      issueDate: issueDateOf(summary.issuedAt),
      ...(summary.revokedAt ? { revokedAt: summary.revokedAt } : {}),
      ...(summary.revokedAt && summary.revocationReason
        ? { revocationReason: revocationReasonText(summary.revocationReason) }
        : {}),
    },
    ...(logged ? { log: { proof: `/log/proof/${summary.certId}` } } : {}),
  };
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** "Ravi Kumar" → "R**** K****": a fixed number of stars, so the mask does not give away the length either. */
export function maskHolderName(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `${graphemes.segment(word)[Symbol.iterator]().next().value?.segment ?? ''}****`)
    .join(' ');
}
