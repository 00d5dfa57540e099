import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, fromBase64Url, sha256Hex } from '#core/certificate/encoding.ts';
import { decodeClaimsParameter } from '#core/certificate/qr-payload.ts';
import {
  assessCertificate,
  type CertificateSummary,
  maskHolderName,
  verificationView,
} from '#core/certificate/verification.ts';
import { renderVerificationPage, VERIFICATION_PAGE_HEADERS } from '#core/certificate/verification-page.ts';
import { VERIFICATION_SCRIPT } from '#core/certificate/verification-script.ts';
import { keySigner, vectors } from './certificate-fixtures.ts';

const summary: CertificateSummary = {
  certId: vectors.claims.id,
  title: 'Income Certificate',
  documentType: 'income-certificate',
  holderMasked: maskHolderName(vectors.record.holder.name),
  issuer: vectors.record.issuer,
  issuedAt: vectors.record.issuedAt,
  status: 'valid',
  keyId: vectors.keyId,
  claimsSha256: sha256Hex(canonicalJson(vectors.claims)),
};
const presented = { claims: vectors.claims, signature: fromBase64Url(vectors.claimsSignature)! };

describe('assessing a certificate', () => {
  it('is valid by id alone, and with the QR code’s claims when they verify and match', () => {
    expect(assessCertificate(summary, undefined, undefined)).toBe('valid');
    expect(assessCertificate(summary, presented, vectors.publicKeyPem)).toBe('valid');
  });

  it('is revoked once revoked, even with genuine claims', () => {
    expect(assessCertificate({ ...summary, status: 'revoked' }, presented, vectors.publicKeyPem)).toBe('revoked');
  });

  it('is unknown when there is no such certificate, claims or not', () => {
    expect(assessCertificate(undefined, presented, vectors.publicKeyPem)).toBe('unknown');
    expect(assessCertificate(undefined, 'malformed', undefined)).toBe('unknown');
  });

  it('is invalid-signature for undecodable claims, a bad signature, or claims that are not this certificate’s', async () => {
    expect(assessCertificate(summary, 'malformed', vectors.publicKeyPem)).toBe('invalid-signature');
    const forged = { ...presented, signature: new Uint8Array(64).fill(7) };
    expect(assessCertificate(summary, forged, vectors.publicKeyPem)).toBe('invalid-signature');
    expect(assessCertificate(summary, presented, (await keySigner().currentKey()).publicKeyPem)).toBe(
      'invalid-signature',
    );
    // Genuinely signed claims that differ from what was recorded (e.g. the record was issued with another name).
    expect(assessCertificate({ ...summary, claimsSha256: '0'.repeat(64) }, presented, vectors.publicKeyPem)).toBe(
      'invalid-signature',
    );
    expect(assessCertificate(summary, presented, undefined)).toBe('invalid-signature');
  });

  it('reads the claims parameter of a real QR code', () => {
    const parameter = new URL(vectors.qrPayload).searchParams.get('c')!;
    expect(assessCertificate(summary, decodeClaimsParameter(summary.certId, parameter), vectors.publicKeyPem)).toBe(
      'valid',
    );
  });
});

describe('what a verifier is shown', () => {
  it('masks the holder name with a fixed number of stars per word', () => {
    expect(maskHolderName('Ravi Kumar')).toBe('R**** K****');
    expect(maskHolderName('  Lakshmi   Devi ')).toBe('L**** D****');
    expect(maskHolderName('రామకృష్ణ రెడ్డి')).toBe('రా**** రె****');
  });

  it('gives unknown ids the same bare answer, and mismatched claims no details', () => {
    expect(verificationView('unknown', summary, true)).toEqual({ status: 'unknown' });
    expect(verificationView('unknown', undefined, false)).toEqual({ status: 'unknown' });
    expect(verificationView('invalid-signature', summary, true)).toEqual({
      status: 'invalid-signature',
      certId: summary.certId,
      claimsChecked: true,
    });
  });

  it('shows a valid certificate with the masked holder, issuer and IST date', () => {
    expect(verificationView('valid', summary, false)).toEqual({
      status: 'valid',
      certId: summary.certId,
      claimsChecked: false,
      certificate: {
        title: 'Income Certificate',
        documentType: 'income-certificate',
        holder: 'L**** D**** N****',
        issuer: { department: 'Revenue Department', authority: 'Tahsildar' },
        issuedAt: '2025-03-14T20:15:00.000Z',
        issueDate: '2025-03-15',
      },
    });
  });

  it('renders a bilingual page whose one script is pinned by its hash, escaping every value', () => {
    const html = renderVerificationPage(
      verificationView(
        'valid',
        { ...summary, title: '<script>alert(1)</script>', holderMasked: 'R**** "K****"' },
        true,
      ),
    );
    expect(html).toContain('Valid certificate');
    expect(html).toContain('చెల్లుబాటు');
    expect(html).toContain('R**** &#34;K****&#34;');
    expect(html).toContain('&#60;script&#62;');
    // The data block and the checking script, nothing else that runs.
    expect(html.match(/<script/gi)).toHaveLength(2);
    expect(html).toContain(`<script>${VERIFICATION_SCRIPT}</script>`);
    const csp = VERIFICATION_PAGE_HEADERS['content-security-policy']!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src 'sha256-${createHash('sha256').update(VERIFICATION_SCRIPT).digest('base64')}'`);
    expect(VERIFICATION_PAGE_HEADERS['referrer-policy']).toBe('no-referrer');
  });

  it('shows a revocation’s reason from the list in both languages, never a log position, and no bidi controls', () => {
    const revoked = { ...summary, status: 'revoked' as const, revokedAt: '2025-04-01T10:00:00.000Z' };
    const view = verificationView('revoked', { ...revoked, revocationReason: 'superseded' }, false, true);
    expect(view.certificate?.revocationReason).toEqual({
      code: 'superseded',
      en: 'Replaced by a corrected certificate',
      te: 'సవరించిన ధృవీకరణ పత్రంతో భర్తీ చేయబడింది',
    });
    expect(view.log).toEqual({ proof: `/log/proof/${summary.certId}` });
    const html = renderVerificationPage(view);
    expect(html).toContain('Replaced by a corrected certificate');
    expect(html).not.toMatch(/log entry|leafIndex|<td>#/i);
    // A reason recorded as free text before codes is not shown; an RLO in a name is dropped.
    const legacy = verificationView('revoked', { ...revoked, revocationReason: 'officer typed this' }, false);
    expect(renderVerificationPage(legacy)).not.toContain('officer typed this');
    const rlo = renderVerificationPage(verificationView('valid', { ...summary, holderMasked: 'R\u202e0001' }, false));
    expect(rlo).toContain('R0001');
    expect(rlo).not.toContain('\u202e');
  });
});
