import { canonicalJson, sha256Hex } from '../../lambdas/core/certificate/encoding.ts';
import { readPdfContents } from '../../lambdas/core/certificate/pdf-attachments.ts';
import { scanCertificateImage } from '../../lambdas/core/certificate/scan.ts';
import type { SignedCertificate } from '../../lambdas/core/certificate/signed-certificate.ts';
import { rasterizeFirstPage } from './pdf-qr.ts';

/** The signed record's attachment inside a certificate PDF (lambdas/core/pdf/render-certificate.ts). */
function recordAttachmentName(certId: string): string {
  return `certificate-${certId}.json`;
}

/** The keywords a certificate PDF carries, space-separated, as pdf-lib writes them (docs/archive-format.md). */
function expectedKeywords(signed: SignedCertificate): string {
  const { record } = signed;
  return [
    record.certId,
    `sha256:${sha256Hex(canonicalJson(record))}`,
    record.documentType,
    record.serviceId,
    `key:${signed.keyId}`,
  ].join(' ');
}

export type QrCheck = 'read' | 'no-renderer';

/**
 * Compares what a PDF carries with its archived, signed record: the attached record (the archived one without its
 * `log` pointer), the keywords, and the claims and signature of the QR code printed on the page. Each difference is
 * one line; an empty list means the PDF says what the record says.
 */
export async function comparePdfWithRecord(
  pdf: Uint8Array,
  signed: SignedCertificate,
  options: { readQr: boolean },
): Promise<{ problems: string[]; qr?: QrCheck }> {
  const problems: string[] = [];
  const contents = await readPdfContents(pdf);
  if (!contents) return { problems: ['not a readable PDF'] };
  const { log: _log, ...issued } = signed;
  const attached = contents.attachments.get(recordAttachmentName(signed.record.certId));
  if (!attached) problems.push('it carries no signed record');
  else if (!sameJson(attached, issued)) problems.push('the record attached to it differs from the archived record');
  if (contents.keywords !== expectedKeywords(signed)) problems.push('its keywords differ from the archived record');
  if (!options.readQr) return { problems };

  const page = await rasterizeFirstPage(pdf);
  if (page === 'no-renderer') return { problems, qr: 'no-renderer' };
  const scan = page ? scanCertificateImage(page) : undefined;
  if (!scan?.ok) problems.push('its QR code cannot be read');
  else if (
    scan.certId !== signed.record.certId ||
    canonicalJson(scan.claims) !== canonicalJson(signed.qr.claims) ||
    Buffer.from(scan.signature).toString('base64url') !== signed.qr.signature
  ) {
    problems.push('the claims in its QR code differ from the archived record');
  }
  return { problems, qr: 'read' };
}

function sameJson(bytes: Uint8Array, expected: unknown): boolean {
  try {
    return (
      canonicalJson(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))) === canonicalJson(expected)
    );
  } catch {
    return false;
  }
}
