import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '#core/certificate/encoding.ts';
import { entryLeafHash } from '#core/transparency-log/entry.ts';
import { toHex } from '#core/transparency-log/merkle.ts';
import { LOCAL_REGION } from '../../local/local-aws.ts';
import type { LocalS3 } from '../../local/s3-local.ts';
import { type CertificateEmulators, startCertificateEmulators } from '../support/certificate-emulators.ts';
import { incomeAnswers } from '../support/income-answers.ts';

// The auditor's promise: from the archive alone, every altered, deleted or unlogged certificate is named.

const TABLE = 'mitra-audit-test';
const BUCKET = 'mitra-audit-archive';

type Issued = { certId: string; pdfKey: string; recordKey: string; sha256: string };
let issue: (event: unknown, context: Context) => Promise<Issued>;
let emulators: CertificateEmulators;
let dataDir: string;
let s3rver: LocalS3;
let s3: S3Client;
const context = {
  functionName: 'certificate',
  awsRequestId: 'audit',
  getRemainingTimeInMillis: () => 60_000,
} as Context;

interface Report {
  ok: boolean;
  certificates: { checked: number; valid: number };
  log: { leaves: number; checkpoints: number; latest?: { treeSize: number } };
  trustedCheckpoint?: { consistent: boolean };
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
  const report = args.includes('--json') ? (JSON.parse(stdout) as Report) : ({} as Report);
  return { status, report, stdout: stdout + stderr };
}

const applicant = (applicationId: string) => ({
  applicationId,
  serviceId: 'revenue.income-certificate',
  applicant: { name: 'Ravi Kumar Reddy' },
  values: incomeAnswers('Ravi Kumar Reddy'),
});

beforeAll(async () => {
  emulators = await startCertificateEmulators({
    table: TABLE,
    bucket: BUCKET,
    publicBaseUrl: 'https://verify.mitra.example.in',
    logLevel: 'ERROR',
  });
  ({ dataDir, s3rver, s3 } = emulators);
  ({ handler: issue } = (await import('../../lambdas/certificate/handler.ts')) as never);
});

afterAll(async () => {
  await emulators?.stop();
});

describe('npm run audit', () => {
  let issued: Issued[];
  let checkpointFile: string;

  it('passes an untouched archive, read from the runtime’s folder', async () => {
    issued = [];
    for (const id of ['AP-AUDIT0000001', 'AP-AUDIT0000002', 'AP-AUDIT0000003']) {
      issued.push(await issue(applicant(id), context));
    }
    const { status, report } = await audit('--data-dir', dataDir, '--bucket', BUCKET, '--json');
    expect(report.findings).toEqual([]);
    expect(report).toMatchObject({ ok: true, certificates: { checked: 3, valid: 3 }, log: { leaves: 3 } });
    expect(status).toBe(0);

    // An auditor keeps today's checkpoint to hold the log to it later.
    const checkpoint = await (
      await s3.send(
        new GetObjectCommand({ Bucket: BUCKET, Key: `log/checkpoints/${report.log.latest!.treeSize}.json` }),
      )
    ).Body!.transformToString();
    checkpointFile = join(dataDir, 'trusted-checkpoint.json');
    writeFileSync(checkpointFile, checkpoint);
  });

  it('checks that the log still extends a trusted checkpoint', async () => {
    await issue(applicant('AP-AUDIT0000004'), context);
    const { status, report } = await audit(
      '--endpoint',
      s3rver.endpoint,
      '--bucket',
      BUCKET,
      '--trusted-checkpoint',
      checkpointFile,
      '--json',
    );
    expect(report.trustedCheckpoint).toMatchObject({ consistent: true });
    expect(status).toBe(0);
  });

  it('names a PDF with one flipped byte, a deleted PDF and a PDF that is not in the log, and fails', async () => {
    const [flipped, deleted] = issued;
    const original = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: flipped!.pdfKey }));
    const bytes = Buffer.from(await original.Body!.transformToByteArray());
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    await s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: flipped!.pdfKey, Body: bytes, Metadata: original.Metadata }),
    );
    await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: deleted!.pdfKey }));
    // A forger copies a genuine PDF and its metadata under a new id, hoping the archive vouches for it.
    const forgedKey = 'certificates/2025/06/01/FORGEDFORGEDFORGEDFORA.pdf';
    await s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: forgedKey,
        Body: bytes,
        Metadata: { ...original.Metadata, 'cert-id': 'FORGEDFORGEDFORGEDFORA' },
      }),
    );

    const { status, report, stdout } = await audit('--data-dir', dataDir, '--bucket', BUCKET, '--json');
    expect(status).toBe(1);
    expect(report.ok).toBe(false);
    const named = (kind: string) => report.findings.filter((f) => f.kind === kind).map((f) => f.object);
    expect(named('tampered')).toContain(flipped!.pdfKey);
    expect(named('missing')).toContain(deleted!.pdfKey);
    expect(named('unlogged')).toContain(forgedKey);
    expect(stdout).toContain(flipped!.pdfKey);

    const text = await audit('--data-dir', dataDir, '--bucket', BUCKET);
    expect(text.status).toBe(1);
    expect(text.stdout).toMatch(/FAILED/);
    expect(text.stdout).toContain(`MISSING     ${deleted!.pdfKey}`);
  });

  it('names a rewritten log leaf, and fails the trusted checkpoint it no longer extends', async () => {
    // An insider rewrites leaf 0 consistently (entry and leaf hash), e.g. to swap in another PDF's hash.
    const key = 'log/leaves/000000000000.json';
    const leaf = JSON.parse(
      await (await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body!.transformToString(),
    );
    const entry = { ...leaf.entry, pdfSha256: '0'.repeat(64) };
    const leafHash = toHex(entryLeafHash(entry));
    await s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: canonicalJson({ index: 0, entry, leafHash }) }),
    );
    const { status, report } = await audit(
      '--data-dir',
      dataDir,
      '--bucket',
      BUCKET,
      '--trusted-checkpoint',
      checkpointFile,
      '--json',
    );
    expect(status).toBe(1);
    const tampered = report.findings.filter((f) => f.kind === 'tampered').map((f) => f.object);
    expect(tampered.filter((object) => object.startsWith('log/checkpoints/')).length).toBeGreaterThan(0);
    expect(report.trustedCheckpoint).toMatchObject({ consistent: false });
    expect(report.findings).toContainEqual(expect.objectContaining({ kind: 'tampered', object: 'log' }));
  });
});
