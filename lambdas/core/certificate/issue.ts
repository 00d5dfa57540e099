import { MitraError } from '../errors.ts';
import type { SignedCheckpoint } from '../transparency-log/checkpoint.ts';
import type { CertificateEntry } from '../transparency-log/entry.ts';
import { certificateObjectKeys } from './archive-layout.ts';
import { claimsWithHash } from './claims.ts';
import { canonicalJson, fromBase64Url, sha256Hex } from './encoding.ts';
import { fillLogProof, reserveLogProof } from './log-proof.ts';
import { encodeQrPayload, verifyPageUrl } from './qr-payload.ts';
import { buildCertificateRecord, type CertificateRequest } from './request.ts';
import {
  assembleSignedCertificate,
  type CertificateSigner,
  qrSignatureOf,
  type SignedCertificate,
  type SigningKey,
  signCertificate,
} from './signed-certificate.ts';
import { type CertificateSummary, maskHolderName } from './verification.ts';

/** What the store keeps about an issued certificate: enough to answer the verify page and to finish a retry. */
export interface IssuedCertificate extends CertificateSummary {
  applicationId: string;
  serviceId: string;
  recordKey: string;
  pdfKey: string;
  /** SHA-256 (hex) of the canonical record and of the PDF as logged (its log-proof bytes blank). */
  recordSha256: string;
  pdfSha256: string;
  /** base64url r‖s: a retry re-renders from these, so every attempt produces the same bytes. */
  signature: string;
  claimsSignature: string;
}

export interface CertificateStorePort {
  findByApplication(applicationId: string): Promise<IssuedCertificate | undefined>;
  /** Archives a public key unless it already is; called before any certificate that names it is recorded. */
  archivePublicKey(key: SigningKey, validFrom: string): Promise<void>;
  /** One atomic conditional write; 'taken' when the application already has a certificate. */
  record(issued: IssuedCertificate): Promise<'recorded' | 'taken'>;
  isArchived(issued: IssuedCertificate): Promise<boolean>;
  /** Writes the signed record (with its place in the log), then the PDF, each only if it is not there yet. */
  archive(signed: SignedCertificate, pdf: Uint8Array, issued: IssuedCertificate, logged: LogPosition): Promise<void>;
}

/** Where a certificate's leaf is in the transparency log. */
export interface LogPosition {
  index: number;
  /** SHA-256 leaf hash (hex) of the entry, RFC 9162. */
  leafHash: string;
}

/** A leaf in a signed checkpoint, with its inclusion proof against that checkpoint. */
interface LoggedPosition extends LogPosition {
  checkpoint: SignedCheckpoint;
  proof: string[];
}

/** The transparency log as issuing needs it: append once per certificate, answer when a signed checkpoint has it. */
export interface CertificateLogPort {
  /** Puts the signing key in the log before anything it signs; throws for a rotated key no earlier key endorsed. */
  logKey(key: SigningKey): Promise<void>;
  append(entry: CertificateEntry): Promise<LoggedPosition>;
}

export interface RenderedCertificateInput {
  signed: SignedCertificate;
  qrPayload: string;
  verifyPageUrl: string;
}

export interface IssueDependencies {
  store: CertificateStorePort;
  signer: CertificateSigner;
  log: CertificateLogPort;
  render(input: RenderedCertificateInput): Promise<Uint8Array>;
  newCertId(): string;
  now(): Date;
  publicBaseUrl: string;
}

export interface IssueResult {
  certId: string;
  pdfKey: string;
  recordKey: string;
  /** The QR code's URL: the verify page with the signed claims. */
  verifyUrl: string;
  /** SHA-256 (hex) of the PDF as the log holds it (its log-proof bytes blank; docs/archive-format.md). */
  sha256: string;
  issuedAt: string;
  documentType: string;
  title: string;
  /** The certificate's leaf in the transparency log, already covered by a signed checkpoint. */
  logIndex: number;
  /** `already-issued` when an earlier or concurrent attempt issued it; the answer is the same certificate. */
  outcome: 'issued' | 'already-issued';
}

/** A retry whose input no longer produces the record that was signed: never silently issue a second version. */
export class CertificateMismatchError extends MitraError {}

/**
 * Issues the one certificate of an application. Idempotent: however often and however concurrently it runs for one
 * application, one certificate id wins (the store's conditional write decides) and every attempt answers with it,
 * finishing the archive when an earlier attempt stopped half-way.
 */
export async function issueCertificate(request: CertificateRequest, deps: IssueDependencies): Promise<IssueResult> {
  const existing = await deps.store.findByApplication(request.applicationId);
  if (existing) return finish(request, existing, deps);

  const record = buildCertificateRecord(request, { certId: deps.newCertId(), issuedAt: deps.now().toISOString() });
  const signed = await signCertificate(record, deps.signer);
  const key = await deps.signer.currentKey();
  if (key.keyId !== signed.keyId) throw new CertificateMismatchError('the signing key changed while issuing; retry');
  await deps.store.archivePublicKey(key, record.issuedAt);
  await deps.log.logKey(key);

  const qrPayload = encodeQrPayload(deps.publicBaseUrl, signed.qr.claims, qrSignatureOf(signed));
  const pdf = await renderWithReservedProof(signed, qrPayload, deps);
  const issued = describeIssued(signed, pdf);
  if ((await deps.store.record(issued)) === 'taken') {
    const winner = await deps.store.findByApplication(request.applicationId);
    if (!winner) throw new MitraError('the certificate of this application is recorded but cannot be read');
    return finish(request, winner, deps);
  }
  const logged = await deps.log.append(certificateEntryOf(issued));
  await deps.store.archive(signed, withLogProof(pdf, issued, logged), issued, logged);
  return resultOf(issued, qrPayload, logged.index, 'issued');
}

/** The PDF as the log holds it: rendered, with a blank reserved place for its log proof. */
async function renderWithReservedProof(
  signed: SignedCertificate,
  qrPayload: string,
  deps: IssueDependencies,
): Promise<Uint8Array> {
  const { certId, issuedAt } = signed.record;
  const rendered = await deps.render({ signed, qrPayload, verifyPageUrl: verifyPageUrl(deps.publicBaseUrl, certId) });
  return reserveLogProof(rendered, certId, new Date(issuedAt));
}

/** The PDF as it is archived and sent: its checkpoint and inclusion proof written into the reserved place. */
function withLogProof(pdf: Uint8Array, issued: IssuedCertificate, logged: LoggedPosition): Uint8Array {
  return fillLogProof(pdf, {
    format: 'mitra.log-proof.v1',
    certId: issued.certId,
    leafIndex: logged.index,
    leafHash: logged.leafHash,
    inclusionProof: logged.proof,
    checkpoint: logged.checkpoint,
  });
}

async function finish(
  request: CertificateRequest,
  issued: IssuedCertificate,
  deps: IssueDependencies,
): Promise<IssueResult> {
  const record = buildCertificateRecord(request, { certId: issued.certId, issuedAt: issued.issuedAt });
  if (sha256Hex(canonicalJson(record)) !== issued.recordSha256) {
    throw new CertificateMismatchError(`application ${request.applicationId} changed after its certificate was issued`);
  }
  // The claims it was signed with: compact, or JSON for a certificate begun before QR codes carried key facts.
  const claims = claimsWithHash(record, issued.keyId, issued.claimsSha256);
  if (!claims) throw new CertificateMismatchError(`the QR claims of ${issued.certId} cannot be made again`);
  const signed = assembleSignedCertificate(
    record,
    issued.keyId,
    fromBase64Url(issued.signature)!,
    fromBase64Url(issued.claimsSignature)!,
    claims,
  );
  const qrPayload = encodeQrPayload(deps.publicBaseUrl, signed.qr.claims, qrSignatureOf(signed));
  // Appending is idempotent per certificate: an attempt that stopped before the log finishes it here.
  const logged = await deps.log.append(certificateEntryOf(issued));
  if (!(await deps.store.isArchived(issued))) {
    const pdf = await renderWithReservedProof(signed, qrPayload, deps);
    // Rendering is deterministic; if it ever stops being so, archiving a PDF that differs from the recorded hash
    // would break the archive's promise, so stop instead.
    if (sha256Hex(pdf) !== issued.pdfSha256) throw new MitraError('re-rendered PDF differs from the recorded one');
    await deps.store.archive(signed, withLogProof(pdf, issued, logged), issued, logged);
  }
  return resultOf(issued, qrPayload, logged.index, 'already-issued');
}

function describeIssued(signed: SignedCertificate, pdf: Uint8Array): IssuedCertificate {
  const { record } = signed;
  return {
    certId: record.certId,
    applicationId: record.applicationId,
    serviceId: record.serviceId,
    documentType: record.documentType,
    title: record.title,
    holderMasked: maskHolderName(record.holder.name),
    issuer: record.issuer,
    issuedAt: record.issuedAt,
    status: 'valid',
    keyId: signed.keyId,
    ...certificateObjectKeys(record.certId, record.issuedAt),
    recordSha256: sha256Hex(canonicalJson(record)),
    claimsSha256: sha256Hex(canonicalJson(signed.qr.claims)),
    pdfSha256: sha256Hex(pdf),
    signature: signed.signature,
    claimsSignature: signed.qr.signature,
  };
}

/** The certificate's leaf: hashes and ids only, nothing personal. */
function certificateEntryOf(issued: IssuedCertificate): CertificateEntry {
  return {
    type: 'certificate',
    certId: issued.certId,
    serviceId: issued.serviceId,
    issuedAt: issued.issuedAt,
    keyId: issued.keyId,
    recordSha256: issued.recordSha256,
    pdfSha256: issued.pdfSha256,
  };
}

function resultOf(
  issued: IssuedCertificate,
  verifyUrl: string,
  logIndex: number,
  outcome: IssueResult['outcome'],
): IssueResult {
  return {
    certId: issued.certId,
    pdfKey: issued.pdfKey,
    recordKey: issued.recordKey,
    verifyUrl,
    sha256: issued.pdfSha256,
    issuedAt: issued.issuedAt,
    documentType: issued.documentType,
    title: issued.title,
    logIndex,
    outcome,
  };
}
