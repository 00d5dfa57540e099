import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { KMSClient } from '@aws-sdk/client-kms';
import { DeleteObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CertificateStore } from '#adapters/certificate-store.ts';
import { RevocationService } from '#adapters/revocation.ts';
import { createKmsSigner } from '#adapters/signer.ts';
import { TransparencyLog } from '#adapters/transparency-log.ts';
import { certificateObjectKeys } from '#core/certificate/archive-layout.ts';
import { claimsOf } from '#core/certificate/claims.ts';
import { canonicalJson, sha256Hex } from '#core/certificate/encoding.ts';
import { readLogProof } from '#core/certificate/log-proof.ts';
import type { CertificateRecordV2 } from '#core/certificate/model.ts';
import { encodeQrPayload, verifyPageUrl } from '#core/certificate/qr-payload.ts';
import { qrSignatureOf, type SignedCertificate } from '#core/certificate/signed-certificate.ts';
import { loadCertificateFonts } from '#core/pdf/font-files.ts';
import { renderCertificatePdf } from '#core/pdf/render-certificate.ts';
import { entryLeafHash, type LogEntry, leafObjectKey } from '#core/transparency-log/entry.ts';
import { firstKeyEntry } from '#core/transparency-log/key-chain.ts';
import { toHex } from '#core/transparency-log/merkle.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/local-aws.ts';
import type { LocalS3 } from '../../local/s3-local.ts';
import {
  type ArchiveObject,
  attackerSigner,
  getJson,
  getObject,
  kmsSigner,
  listKeys,
  putObject,
  readLeaves,
  restore,
  rewriteLog,
  signValue,
  snapshot,
  trustAnchorOf,
} from '../support/archive-tampering.ts';
import { type CertificateEmulators, startCertificateEmulators } from '../support/certificate-emulators.ts';
import { incomeAnswers } from '../support/income-answers.ts';

// The auditor's promise: from the archive and a trust anchor held outside it, every forged, altered, deleted,
// unlogged or rolled-back certificate is named, and an untouched archive passes.

const TABLE = 'mitra-audit-test';
const BUCKET = 'mitra-audit-archive';
const BASE_URL = 'https://verify.mitra.example.in';
const CERTIFICATE_KEY = 'alias/mitra-local-certificate-signing';
const CHECKPOINT_KEY = 'alias/mitra-local-checkpoint-signing';

type Issued = { certId: string; pdfKey: string; recordKey: string; sha256: string };
let issue: (event: unknown, context: Context) => Promise<Issued>;
let emulators: CertificateEmulators;
let dataDir: string;
let s3rver: LocalS3;
let s3: S3Client;
let kms: KMSClient;
let anchorFile: string;
let clean: ArchiveObject[];
const issued: Issued[] = [];
const context = {
  functionName: 'certificate',
  awsRequestId: 'audit',
  getRemainingTimeInMillis: () => 60_000,
} as Context;

interface Report {
  ok: boolean;
  certificates: { checked: number; valid: number; revoked: number };
  log: { leaves: number; checkpoints: number; latest?: { treeSize: number } };
  trustedCheckpoint?: { consistent: boolean; from: string };
  trust: { keys: { keyId: string; use: string; via: string }[] };
  rollback: string;
  qrCodes: string;
  findings: { kind: string; object: string; detail: string }[];
}

/**
 * `npm run audit -- …` as an auditor runs it, over the archive's folder (its own s3rver) or an S3 endpoint. Not
 * spawnSync: the emulators answering it live in this process.
 */
async function audit(...args: string[]): Promise<{ status: number | null; report: Report; stdout: string }> {
  const child = spawn(join('node_modules', '.bin', 'tsx'), ['tools/audit.ts', ...args], {
    env: { ...process.env, AWS_REGION: LOCAL_REGION },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const report = args.includes('--json') && status !== 2 ? (JSON.parse(stdout) as Report) : ({} as Report);
  return { status, report, stdout: stdout + stderr };
}

/** The local archive, the auditor's state file, JSON. */
const local = (state: string, ...more: string[]) =>
  audit('--data-dir', dataDir, '--bucket', BUCKET, '--state', join(dataDir, state), '--json', ...more);

const named = (report: Report, kind: string) => report.findings.filter((f) => f.kind === kind).map((f) => f.object);

const applicant = (applicationId: string) => ({
  applicationId,
  serviceId: 'revenue.income-certificate',
  applicant: { name: 'Ravi Kumar Reddy' },
  values: incomeAnswers('Ravi Kumar Reddy'),
});

function revocations() {
  const dynamodb = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: emulators.dynamo.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }),
  );
  const config = { tableName: TABLE, bucket: BUCKET };
  const store = new CertificateStore({ dynamodb, s3 }, config);
  const log = new TransparencyLog(
    { dynamodb, s3 },
    { ...config, now: () => new Date(), signer: createKmsSigner(kms, CHECKPOINT_KEY) },
  );
  return new RevocationService(store, log, () => new Date());
}

beforeAll(async () => {
  emulators = await startCertificateEmulators({ table: TABLE, bucket: BUCKET, publicBaseUrl: BASE_URL });
  ({ dataDir, s3rver, s3 } = emulators);
  kms = new KMSClient({ endpoint: emulators.kms.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  ({ handler: issue } = (await import('../../lambdas/certificate/handler.ts')) as never);
  // The operator saves the stack's TrustAnchor output; locally, the same from the KMS keys.
  anchorFile = join(dataDir, 'trust-anchor.json');
  const anchor = await trustAnchorOf({
    certificate: kmsSigner(kms, CERTIFICATE_KEY),
    checkpoint: kmsSigner(kms, CHECKPOINT_KEY),
  });
  writeFileSync(anchorFile, JSON.stringify(anchor));
});

afterAll(async () => {
  await emulators?.stop();
});

describe('npm run audit on an untouched archive', { timeout: 240_000 }, () => {
  it('says plainly that rollback cannot be ruled out the first time, and passes when told it is the first audit', async () => {
    for (const id of ['AP-AUDIT0000001', 'AP-AUDIT0000002', 'AP-AUDIT0000003']) {
      issued.push(await issue(applicant(id), context));
    }
    const first = await audit('--data-dir', dataDir, '--bucket', BUCKET, '--state', join(dataDir, 'auditor.json'));
    expect(first.stdout).toContain('FAILED: 1 problem(s)');
    expect(first.stdout).toMatch(/UNVERIFIABLE +log +rollback cannot be ruled out/);
    expect(first.status).toBe(1);

    const { status, report } = await local('auditor.json', '--first-audit');
    expect(report.findings).toEqual([]);
    // Two key leaves (the first certificate and checkpoint keys) come before the certificates they sign.
    expect(report).toMatchObject({ ok: true, certificates: { checked: 3, valid: 3 }, log: { leaves: 5 } });
    expect(report.trust.keys.map((k) => k.via)).toEqual(['trust anchor', 'trust anchor']);
    expect(report.qrCodes).toBe('read');
    expect(status).toBe(0);
    expect(existsSync(join(dataDir, 'auditor.json'))).toBe(true);
  });

  it('holds the log to the checkpoint of the last audit, and to a checkpoint given with --trusted-keys from S3', async () => {
    const kept = join(dataDir, 'kept-checkpoint.json');
    writeFileSync(kept, JSON.stringify(JSON.parse(readFileSync(join(dataDir, 'auditor.json'), 'utf8')).checkpoint));
    issued.push(await issue(applicant('AP-AUDIT0000004'), context));

    const again = await local('auditor.json');
    expect(again.report.findings).toEqual([]);
    expect(again.report.trustedCheckpoint).toMatchObject({ consistent: true, from: 'state' });
    expect(again.status).toBe(0);

    const { status, report } = await audit(
      '--endpoint',
      s3rver.endpoint,
      '--bucket',
      BUCKET,
      '--trusted-keys',
      anchorFile,
      '--trusted-checkpoint',
      kept,
      '--state',
      join(dataDir, 'other-auditor.json'),
      '--json',
    );
    expect(report.findings).toEqual([]);
    expect(report.trustedCheckpoint).toMatchObject({ consistent: true, from: 'option' });
    expect(status).toBe(0);

    // Without an anchor, an archive in S3 is not audited at all.
    const refused = await audit('--endpoint', s3rver.endpoint, '--bucket', BUCKET, '--first-audit');
    expect(refused.status).toBe(2);
    expect(refused.stdout).toContain('--trusted-keys');
    clean = await snapshot(s3, BUCKET);
  });
});

describe('npm run audit on a tampered archive', { timeout: 240_000 }, () => {
  beforeEach(async () => {
    if (clean) await restore(s3, BUCKET, clean);
  });

  it('names a PDF with one flipped byte, a deleted PDF and a PDF that is not in the log, and fails', async () => {
    const [flipped, deleted] = issued;
    const original = await getObject(s3, BUCKET, flipped!.pdfKey);
    const bytes = Buffer.from(original.body);
    bytes[Math.floor(bytes.length / 3)]! ^= 0x01;
    await putObject(s3, BUCKET, { ...original, body: bytes });
    await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: deleted!.pdfKey }));
    // A forger copies a genuine PDF and its metadata under a new id, hoping the archive vouches for it.
    const forgedKey = 'certificates/2025/06/01/FORGEDFORGEDFORGEDFORA.pdf';
    await putObject(s3, BUCKET, {
      key: forgedKey,
      body: bytes,
      metadata: { ...original.metadata, 'cert-id': 'FORGEDFORGEDFORGEDFORA' },
    });

    const { status, report, stdout } = await local('auditor.json');
    expect(status).toBe(1);
    expect(report.ok).toBe(false);
    expect(named(report, 'tampered')).toContain(flipped!.pdfKey);
    expect(named(report, 'missing')).toContain(deleted!.pdfKey);
    expect(named(report, 'unlogged')).toContain(forgedKey);
    expect(stdout).toContain(flipped!.pdfKey);

    const text = await audit('--data-dir', dataDir, '--bucket', BUCKET, '--state', join(dataDir, 'auditor.json'));
    expect(text.status).toBe(1);
    expect(text.stdout).toMatch(/FAILED/);
    expect(text.stdout).toContain(`MISSING      ${deleted!.pdfKey}`);
  });

  it('names a rewritten log leaf, and the checkpoint of the last audit it no longer extends', async () => {
    // An insider rewrites a certificate's leaf consistently (entry and leaf hash), e.g. to swap in another PDF's hash.
    const entries = await readLeaves(s3, BUCKET);
    const index = entries.findIndex((e) => e.type === 'certificate' && e.certId === issued[1]!.certId);
    const entry = { ...entries[index]!, pdfSha256: '0'.repeat(64) } as LogEntry;
    const body = canonicalJson({ index, entry, leafHash: toHex(entryLeafHash(entry)) });
    await putObject(s3, BUCKET, { key: leafObjectKey(index), body: new TextEncoder().encode(body), metadata: {} });

    const { status, report } = await local('auditor.json');
    expect(status).toBe(1);
    expect(named(report, 'tampered').filter((object) => object.startsWith('log/checkpoints/')).length).toBeGreaterThan(
      0,
    );
    expect(report.trustedCheckpoint).toMatchObject({ consistent: false });
    expect(report.findings).toContainEqual(expect.objectContaining({ kind: 'rollback', object: 'log' }));
  });

  it('refuses keys an attacker added to the bucket, and names them and all they signed, even where the log extends a trusted checkpoint', async () => {
    // With write access to the bucket and none to KMS: their own keys, a forged certificate, a leaf, a checkpoint.
    const certificateKey = attackerSigner();
    const checkpointKey = attackerSigner();
    for (const [signer, use] of [
      [certificateKey, 'certificate-signing'],
      [checkpointKey, 'checkpoint-signing'],
    ] as const) {
      await putObject(s3, BUCKET, {
        key: `keys/${signer.keyId}.pem`,
        body: new TextEncoder().encode(signer.pem),
        metadata: {
          'key-id': signer.keyId,
          use,
          algorithm: 'ECDSA_P256_SHA256',
          'valid-from': new Date().toISOString(),
        },
      });
    }
    const genuine = await getJson<SignedCertificate>(s3, BUCKET, issued[0]!.recordKey);
    const certId = 'FORGEDFORGEDFORGEDFORA';
    const record = { ...genuine.record, certId, applicationId: 'AP-FORGED000001' };
    const claims = claimsOf(record, certificateKey.keyId);
    const forged = {
      record,
      signature: await signValue(record, certificateKey),
      keyId: certificateKey.keyId,
      algorithm: 'ECDSA_P256_SHA256',
      canonicalization: 'RFC8785',
      qr: { claims, signature: await signValue(claims, certificateKey) },
    };
    const { pdfKey, recordKey } = certificateObjectKeys(certId, record.issuedAt);
    const pdf = (await getObject(s3, BUCKET, issued[0]!.pdfKey)).body;
    const metadata = { 'cert-id': certId, 'service-id': record.serviceId, 'issued-at': record.issuedAt };
    const json = new TextEncoder().encode(canonicalJson(forged));
    await putObject(s3, BUCKET, { key: recordKey, body: json, metadata: { ...metadata, sha256: sha256Hex(json) } });
    await putObject(s3, BUCKET, { key: pdfKey, body: pdf, metadata: { ...metadata, sha256: sha256Hex(pdf) } });
    const entries: LogEntry[] = [
      ...(await readLeaves(s3, BUCKET)),
      firstKeyEntry(await certificateKey.currentKey(), 'certificate-signing'),
      firstKeyEntry(await checkpointKey.currentKey(), 'checkpoint-signing'),
      {
        type: 'certificate',
        certId,
        serviceId: record.serviceId,
        issuedAt: record.issuedAt,
        keyId: certificateKey.keyId,
        recordSha256: sha256Hex(canonicalJson(record)),
        pdfSha256: sha256Hex(pdf),
      },
    ];
    // Appending keeps every earlier leaf and checkpoint: the log still extends the auditor's checkpoint.
    const oldCheckpoints = await listKeys(s3, BUCKET, 'log/checkpoints/');
    const keptCheckpoints = await Promise.all(oldCheckpoints.map((key) => getObject(s3, BUCKET, key)));
    const checkpoint = await rewriteLog(s3, BUCKET, entries, checkpointKey);
    for (const object of keptCheckpoints) await putObject(s3, BUCKET, object);

    const { status, report, stdout } = await local('auditor.json');
    expect(status).toBe(1);
    const untrusted = named(report, 'untrusted');
    expect(untrusted).toContain(`keys/${certificateKey.keyId}.pem`);
    expect(untrusted).toContain(`keys/${checkpointKey.keyId}.pem`);
    expect(untrusted).toContain(`log/checkpoints/${checkpoint.treeSize}.json`);
    expect(untrusted).toContain(recordKey);
    expect(untrusted).toContain(`log/leaves/${String(entries.length - 3).padStart(12, '0')}.json`);
    expect(report.trustedCheckpoint).toMatchObject({ consistent: true });
    expect(stdout).toContain(certificateKey.keyId);
  });

  it('fails when the log was cut short to hide a revocation, held to the last audit; and says rollback cannot be ruled out without one', async () => {
    const revoked = await revocations().revoke({
      certId: issued[1]!.certId,
      reason: 'Issued in error',
      revokedBy: 'administrator:audit-test',
    });
    if (revoked.outcome === 'unknown') throw new Error('the certificate to revoke was not issued');
    const state = join(dataDir, 'revocation-auditor.json');
    rmSync(state, { force: true });
    const seen = await local('revocation-auditor.json', '--first-audit');
    expect(seen.report.findings).toEqual([]);
    expect(seen.report).toMatchObject({ ok: true, certificates: { revoked: 1 } });

    // The revocation leaf and the checkpoints that cover it vanish (delete markers, or a copy of the bucket).
    for (const key of await listKeys(s3, BUCKET, 'log/')) {
      const size = /checkpoints\/(\d+)\.json$/.exec(key)?.[1];
      const index = /leaves\/(\d+)\.json$/.exec(key)?.[1];
      if ((size && Number(size) > revoked.logIndex) || (index && Number(index) >= revoked.logIndex)) {
        await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key }));
      }
    }
    const { status, report } = await local('revocation-auditor.json');
    expect(status).toBe(1);
    expect(report.findings).toContainEqual(
      expect.objectContaining({ kind: 'rollback', object: 'log', detail: expect.stringContaining('cut short') }),
    );

    const fresh = await local('nobody.json');
    expect(fresh.status).toBe(1);
    expect(fresh.report.findings).toContainEqual(expect.objectContaining({ kind: 'unverifiable', object: 'log' }));
  });

  it('fails a log re-signed with the real checkpoint key, and names each PDF whose carried checkpoint it contradicts', async () => {
    // An insider with kms:Sign on the checkpoint key rebuilds the log without the first certificate.
    const entries = await readLeaves(s3, BUCKET);
    const dropped = entries.filter((e) => !(e.type === 'certificate' && e.certId === issued[0]!.certId));
    await rewriteLog(s3, BUCKET, dropped, kmsSigner(kms, CHECKPOINT_KEY));

    const { status, report } = await local('auditor.json');
    expect(status).toBe(1);
    expect(report.findings).toContainEqual(expect.objectContaining({ kind: 'rollback', object: 'log' }));
    // Even a first audit, with no state, sees it: the PDFs carry checkpoints the new log contradicts.
    const first = await local('first-time.json', '--first-audit');
    expect(first.status).toBe(1);
    expect(named(first.report, 'rollback')).toEqual(expect.arrayContaining(issued.slice(1).map((i) => i.pdfKey)));
  });

  it('names a PDF whose contents differ from its record, even when the log vouches for its bytes', async () => {
    // The PDF says an income the record does not; an insider logs that PDF's hash and re-signs the log.
    const target = issued[2]!;
    const signed = await getJson<SignedCertificate>(s3, BUCKET, target.recordKey);
    const record = signed.record as CertificateRecordV2;
    const altered: CertificateRecordV2 = {
      ...record,
      document: {
        ...record.document,
        facts: {
          ...record.document.facts,
          'annual-income': {
            label: record.document.facts['annual-income']!.label,
            value: { en: '₹9,99,999', te: '₹9,99,999' },
          },
        },
      },
    };
    const { log: _log, ...unlogged } = signed;
    const { bytes } = await renderCertificatePdf(
      {
        signed: { ...unlogged, record: altered },
        qrPayload: encodeQrPayload(BASE_URL, signed.qr.claims, qrSignatureOf(signed)),
        verifyPageUrl: verifyPageUrl(BASE_URL, target.certId),
      },
      loadCertificateFonts(),
    );
    const original = await getObject(s3, BUCKET, target.pdfKey);
    await putObject(s3, BUCKET, {
      ...original,
      body: bytes,
      metadata: { ...original.metadata, sha256: sha256Hex(bytes) },
    });
    const entries = (await readLeaves(s3, BUCKET)).map((e) =>
      e.type === 'certificate' && e.certId === target.certId ? { ...e, pdfSha256: sha256Hex(bytes) } : e,
    );
    await rewriteLog(s3, BUCKET, entries, kmsSigner(kms, CHECKPOINT_KEY));

    const { status, report } = await local('contents-auditor.json', '--first-audit');
    expect(status).toBe(1);
    const about = report.findings.filter((f) => f.object === target.pdfKey).map((f) => f.detail);
    expect(about).toContain('the record attached to it differs from the archived record');
    expect(about).toContain('its keywords differ from the archived record');
    expect(readLogProof(bytes)).toBeUndefined();
  });
});
