import { randomBytes } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '#core/certificate/encoding.ts';
import {
  type CertificateLogPort,
  CertificateMismatchError,
  type CertificateStorePort,
  type IssueDependencies,
  type IssuedCertificate,
  issueCertificate,
  type LogPosition,
} from '#core/certificate/issue.ts';
import { LogProofSchema, readLogProof } from '#core/certificate/log-proof.ts';
import { certIdFromBytes } from '#core/certificate/model.ts';
import { parseQrPayload, verifyClaims } from '#core/certificate/qr-payload.ts';
import { CertificateRequestSchema } from '#core/certificate/request.ts';
import {
  type SignedCertificate,
  type SigningKey,
  verifySignedCertificate,
} from '#core/certificate/signed-certificate.ts';
import { LOG_ORIGIN, signCheckpoint } from '#core/transparency-log/checkpoint.ts';
import { type CertificateEntry, entryLeafHash } from '#core/transparency-log/entry.ts';
import { fromHex, inclusionProof, rootHash, toHex, verifyInclusion } from '#core/transparency-log/merkle.ts';
import { BASE_URL, keySigner, sampleRequest } from './certificate-fixtures.ts';

/** The log's contract in memory: one leaf per certificate, whoever appends it and however often. */
class MemoryLog implements CertificateLogPort {
  readonly entries = new Map<string, number>();
  readonly leaves: CertificateEntry[] = [];
  failNextAppend = false;
  readonly keys: string[] = [];
  private readonly checkpointSigner = keySigner();
  async logKey(key: SigningKey) {
    if (!this.keys.includes(key.keyId)) this.keys.push(key.keyId);
  }
  async append(entry: CertificateEntry) {
    await Promise.resolve();
    if (this.failNextAppend) {
      this.failNextAppend = false;
      throw new Error('the log was unavailable');
    }
    expect(this.keys, 'the signing key logged before its certificate').toContain(entry.keyId);
    let index = this.entries.get(entry.certId);
    if (index === undefined) {
      index = this.leaves.push(entry) - 1;
      this.entries.set(entry.certId, index);
    }
    const hashes = this.leaves.map(entryLeafHash);
    const checkpoint = await signCheckpoint(
      {
        origin: LOG_ORIGIN,
        treeSize: hashes.length,
        rootHash: toHex(rootHash(hashes)),
        timestamp: '2025-06-01T04:30:01.000Z',
      },
      this.checkpointSigner,
    );
    const proof = inclusionProof(hashes, index).map(toHex);
    return { index, leafHash: toHex(hashes[index]!), checkpoint, proof };
  }
}

/** The store's contract in memory: an atomic conditional record, write-once objects. */
class MemoryStore implements CertificateStorePort {
  readonly byApplication = new Map<string, string>();
  readonly certificates = new Map<string, IssuedCertificate>();
  readonly objects = new Map<string, Uint8Array>();
  readonly keys = new Map<string, SigningKey>();
  failNextArchive = false;
  writes = 0;
  log: MemoryLog | undefined;

  async findByApplication(applicationId: string) {
    const certId = this.byApplication.get(applicationId);
    return certId === undefined ? undefined : this.certificates.get(certId);
  }
  async archivePublicKey(key: SigningKey) {
    if (!this.keys.has(key.keyId)) this.keys.set(key.keyId, key);
  }
  async record(issued: IssuedCertificate) {
    await Promise.resolve(); // let concurrent attempts interleave
    if (this.byApplication.has(issued.applicationId)) return 'taken' as const;
    expect(this.keys.has(issued.keyId), 'key archived before the certificate naming it').toBe(true);
    this.byApplication.set(issued.applicationId, issued.certId);
    this.certificates.set(issued.certId, issued);
    return 'recorded' as const;
  }
  async isArchived(issued: IssuedCertificate) {
    return this.objects.has(issued.recordKey) && this.objects.has(issued.pdfKey);
  }
  async archive(signed: SignedCertificate, pdf: Uint8Array, issued: IssuedCertificate, logged: LogPosition) {
    expect(this.log?.entries.get(issued.certId), 'leaf appended before the archive names it').toBe(logged.index);
    this.put(
      issued.recordKey,
      new TextEncoder().encode(canonicalJson({ ...signed, log: { index: logged.index, leafHash: logged.leafHash } })),
    );
    if (this.failNextArchive) {
      this.failNextArchive = false;
      throw new Error('Lambda timed out between the record and the PDF');
    }
    this.put(issued.pdfKey, pdf);
  }
  private put(key: string, bytes: Uint8Array) {
    if (this.objects.has(key)) return;
    this.writes++;
    this.objects.set(key, bytes);
  }
}

function setup() {
  const store = new MemoryStore();
  const log = new MemoryLog();
  store.log = log;
  const signer = keySigner();
  const deps: IssueDependencies = {
    store,
    signer,
    log,
    publicBaseUrl: BASE_URL,
    // A stand-in renderer: deterministic in its input, like the real one.
    render: async (input) => {
      const pdf = await PDFDocument.create({ updateMetadata: false });
      pdf.addPage();
      pdf.setKeywords([canonicalJson(input)]);
      return pdf.save();
    },
    newCertId: () => certIdFromBytes(randomBytes(16)),
    now: () => new Date('2025-06-01T04:30:00.000Z'),
  };
  return { store, signer, log, deps };
}

const request = CertificateRequestSchema.parse(sampleRequest());

describe('issuing a certificate', () => {
  it('signs, records and archives one certificate whose record and QR verify', async () => {
    const { store, signer, deps } = setup();
    const result = await issueCertificate(request, deps);
    expect(result.outcome).toBe('issued');
    expect(result.pdfKey).toBe(`certificates/2025/06/01/${result.certId}.pdf`);
    expect(result.recordKey).toBe(`certificates/2025/06/01/${result.certId}.json`);
    const signed = JSON.parse(new TextDecoder().decode(store.objects.get(result.recordKey)));
    const { publicKeyPem } = await signer.currentKey();
    expect(verifySignedCertificate(signed, publicKeyPem)).toBe(true);
    // The PDF carries the checkpoint that includes it; blanking that proof gives the bytes the log holds.
    const carried = readLogProof(store.objects.get(result.pdfKey)!)!;
    expect(result.sha256).toBe(sha256Hex(carried.logged));
    const proof = LogProofSchema.parse(carried.proof);
    expect(proof).toMatchObject({ certId: result.certId, leafIndex: result.logIndex });
    expect(
      verifyInclusion(
        fromHex(proof.leafHash)!,
        proof.leafIndex,
        proof.checkpoint.treeSize,
        proof.inclusionProof.map((hash) => fromHex(hash)!),
        fromHex(proof.checkpoint.rootHash)!,
      ),
    ).toBe(true);
    const qr = parseQrPayload(result.verifyUrl)!;
    expect(qr.certId).toBe(result.certId);
    expect(verifyClaims(qr.claims, qr.signature, publicKeyPem)).toBe(true);
    expect(store.certificates.get(result.certId)).toMatchObject({ status: 'valid', holderMasked: 'R**** K**** R****' });
  });

  it('logs one leaf with the hashes of the record and the PDF, and archives the record with its log index', async () => {
    const { store, log, deps } = setup();
    const result = await issueCertificate(request, deps);
    expect(log.leaves).toHaveLength(1);
    const [leaf] = log.leaves;
    const archived = JSON.parse(new TextDecoder().decode(store.objects.get(result.recordKey)));
    expect(leaf).toEqual({
      type: 'certificate',
      certId: result.certId,
      serviceId: request.serviceId,
      issuedAt: result.issuedAt,
      keyId: archived.keyId,
      recordSha256: sha256Hex(canonicalJson(archived.record)),
      pdfSha256: result.sha256,
    });
    expect(archived.log).toEqual({ index: 0, leafHash: toHex(entryLeafHash(leaf!)) });
    expect(result.logIndex).toBe(0);
  });

  it('does not archive a certificate whose leaf could not be logged, and a retry logs and archives it', async () => {
    const { store, log, deps } = setup();
    log.failNextAppend = true;
    await expect(issueCertificate(request, deps)).rejects.toThrow(/unavailable/);
    expect(store.objects.size).toBe(0);
    const result = await issueCertificate(request, deps);
    expect(result.outcome).toBe('already-issued');
    expect(log.leaves).toHaveLength(1);
    expect(store.objects.has(result.pdfKey)).toBe(true);
  });

  it('answers a retry with the same certificate, signing and writing nothing again', async () => {
    const { store, signer, deps } = setup();
    const first = await issueCertificate(request, deps);
    const signatures = signer.signatures;
    const writes = store.writes;
    const again = await issueCertificate(request, deps);
    expect(again).toEqual({ ...first, outcome: 'already-issued' });
    expect(signer.signatures).toBe(signatures);
    expect(store.writes).toBe(writes);
  });

  it('issues exactly one certificate when attempts run concurrently', async () => {
    const { store, deps } = setup();
    const results = await Promise.all(Array.from({ length: 6 }, () => issueCertificate(request, deps)));
    expect(new Set(results.map((result) => result.certId)).size).toBe(1);
    expect(new Set(results.map((result) => result.sha256)).size).toBe(1);
    expect(results.filter((result) => result.outcome === 'issued')).toHaveLength(1);
    expect(store.certificates.size).toBe(1);
    expect(store.objects.size).toBe(2);
  });

  it('finishes an attempt that stopped half-way with the very same bytes', async () => {
    const { store, deps } = setup();
    store.failNextArchive = true;
    await expect(issueCertificate(request, deps)).rejects.toThrow(/timed out/);
    expect(store.objects.size).toBe(1);
    const result = await issueCertificate(request, deps);
    expect(result.outcome).toBe('already-issued');
    expect(sha256Hex(readLogProof(store.objects.get(result.pdfKey)!)!.logged)).toBe(
      store.certificates.get(result.certId)!.pdfSha256,
    );
  });

  it('refuses to finish when the application changed after issuance', async () => {
    const { store, deps } = setup();
    store.failNextArchive = true;
    await expect(issueCertificate(request, deps)).rejects.toThrow();
    const changed = CertificateRequestSchema.parse(sampleRequest({ applicant: { name: 'Someone Else' } }));
    await expect(issueCertificate(changed, deps)).rejects.toThrow(CertificateMismatchError);
  });

  it('starts over when the signing key rotates mid-issue, so the claims name the key that signed', async () => {
    const { deps } = setup();
    const old = keySigner();
    const rotated = keySigner();
    let rotatedYet = false;
    deps.signer = {
      currentKey: () => (rotatedYet ? rotated : old).currentKey(),
      signDigest: (digest) => {
        rotatedYet = true;
        return rotated.signDigest(digest);
      },
    };
    const result = await issueCertificate(request, deps);
    const qr = parseQrPayload(result.verifyUrl)!;
    expect(qr.claims.kid).toBe((await rotated.currentKey()).keyId.slice(0, 8));
    expect(verifyClaims(qr.claims, qr.signature, rotated.publicKey)).toBe(true);
  });

  it('refuses a signature the published key does not verify', async () => {
    const { deps } = setup();
    const published = keySigner();
    const other = keySigner();
    deps.signer = {
      currentKey: () => published.currentKey(),
      signDigest: async (digest) => ({
        ...(await other.signDigest(digest)),
        keyId: (await published.currentKey()).keyId,
      }),
    };
    await expect(issueCertificate(request, deps)).rejects.toThrow(/does not verify/);
  });
});
