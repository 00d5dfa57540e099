import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KMSClient } from '@aws-sdk/client-kms';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CertificateCheck } from '#adapters/certificate-check.ts';
import { CertificateStore } from '#adapters/certificate-store.ts';
import { RevocationService } from '#adapters/revocation.ts';
import { createKmsSigner } from '#adapters/signer.ts';
import { TransparencyLog } from '#adapters/transparency-log.ts';
import { sha256Hex, toBase64Url } from '#core/certificate/encoding.ts';
import { readLogProof } from '#core/certificate/log-proof.ts';
import { encodeQrPayload, parseQrPayload, verifyClaims } from '#core/certificate/qr-payload.ts';
import { scanCertificateImage } from '#core/certificate/scan.ts';
import { verifySignedCertificate } from '#core/certificate/signed-certificate.ts';
import { keys } from '#core/table-keys.ts';
import { verifyCheckpoint } from '#core/transparency-log/checkpoint.ts';
import { entryLeafHash } from '#core/transparency-log/entry.ts';
import { fromHex, toHex, verifyConsistency, verifyInclusion } from '#core/transparency-log/merkle.ts';
import type { LocalDynamoDb } from '../../local/dynamodb-local.ts';
import type { LocalKms } from '../../local/kms-server.ts';
import { LOCAL_REGION } from '../../local/local-aws.ts';
import { type CertificateEmulators, startCertificateEmulators } from '../support/certificate-emulators.ts';
import { incomeAnswers } from '../support/income-answers.ts';

const TABLE = 'mitra-test';
const BUCKET = 'mitra-archive-test';
const BASE_URL = 'https://verify.mitra.example.in';
const HOLDER = 'Ravi Kumar Reddy';
// s3rver 3.7.1 knows one access key, S3RVER (it rejects others with InvalidAccessKeyId); the other emulators take any.
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

type Handler<E, R> = (event: E, context: Context) => Promise<R>;
let issue: Handler<
  unknown,
  { certId: string; pdfKey: string; recordKey: string; verifyUrl: string; sha256: string; logIndex: number }
>;
let verify: Handler<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>;

let emulators: CertificateEmulators;
let dataDir: string;
let dynamo: LocalDynamoDb;
let kms: LocalKms;
let s3: S3Client;
let table: DynamoDBDocumentClient;

const context = {
  functionName: 'certificate',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:certificate',
  memoryLimitInMB: '1024',
  awsRequestId: 'test',
  getRemainingTimeInMillis: () => 60_000,
} as unknown as Context;

function input(applicationId: string, name = HOLDER) {
  // The shape Step Functions passes after the Validate step, with the workflow's own keys.
  return {
    applicationId,
    serviceId: 'revenue.income-certificate',
    waId: '919876543210',
    language: 'en',
    applicant: { name },
    values: { ...incomeAnswers(name), aadhaar: '1234 5678 9012' },
    submittedAt: '2025-06-01T04:00:00.000Z',
  };
}

function httpEvent(rawPath: string, rawQueryString = '', headers: Record<string, string> = {}): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    headers: { host: 'verify.mitra.example.in', ...headers },
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: 'verify.mitra.example.in',
      domainPrefix: 'verify',
      http: { method: 'GET', path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: 'r',
      routeKey: '$default',
      stage: '$default',
      time: '',
      timeEpoch: 0,
    },
    isBase64Encoded: false,
  };
}

/** POST /v/{certId} with the claims of a QR code's fragment, as a machine that read the code does. */
async function postClaims(certId: string, claims: string) {
  const event = httpEvent(`/v/${certId}`, '', { 'content-type': 'application/json' });
  const posted = {
    ...event,
    body: JSON.stringify({ claims }),
    requestContext: { ...event.requestContext, http: { ...event.requestContext.http, method: 'POST' } },
  };
  const response = await verify(posted, context);
  return { statusCode: response.statusCode, body: JSON.parse(response.body!) as Record<string, unknown> };
}

async function verifyJson(certId: string, query = '') {
  const response = await verify(httpEvent(`/v/${certId}`, query, { accept: 'application/json' }), context);
  return { statusCode: response.statusCode, body: JSON.parse(response.body!) as Record<string, unknown> };
}

beforeAll(async () => {
  emulators = await startCertificateEmulators({
    table: TABLE,
    bucket: BUCKET,
    publicBaseUrl: BASE_URL,
    logLevel: 'INFO',
  });
  ({ dataDir, dynamo, kms, s3 } = emulators);
  // The handlers read their configuration at import (cold start), so they load after the environment is set.
  ({ handler: issue } = (await import('../../lambdas/certificate/handler.ts')) as never);
  ({ handler: verify } = (await import('../../lambdas/verify/handler.ts')) as never);
  table = DynamoDBDocumentClient.from(dynamo.client);
});

afterAll(async () => {
  await emulators?.stop();
});

describe('issuing certificates against the emulators', () => {
  it('issues one certificate per application, however often the step runs', async () => {
    const first = await issue(input('AP-SEQUENTIAL01'), context);
    const again = await issue(input('AP-SEQUENTIAL01'), context);
    expect(again).toEqual(first);
    expect(first.certId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(first.pdfKey).toMatch(new RegExp(`^certificates/\\d{4}/\\d{2}/\\d{2}/${first.certId}\\.pdf$`));
    expect(first.recordKey).toBe(first.pdfKey.replace(/\.pdf$/, '.json'));
    expect(first.verifyUrl).toMatch(new RegExp(`^${BASE_URL}/v/${first.certId}#[A-Z2-7]+$`));
  });

  it('issues one certificate when the step runs concurrently', async () => {
    const results = await Promise.all([1, 2, 3].map(() => issue(input('AP-CONCURRENT01'), context)));
    expect(new Set(results.map((result) => result.certId)).size).toBe(1);
    expect(new Set(results.map((result) => result.sha256)).size).toBe(1);
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'certificates/' }));
    const objects = (listed.Contents ?? [])
      .map((object) => object.Key!)
      .filter((key) => key.includes(results[0]!.certId));
    expect(objects).toHaveLength(2);
  });

  it('archives the PDF and the signed record at the contract’s keys, with their metadata and the key', async () => {
    const result = await issue(input('AP-ARCHIVE00001'), context);
    const pdf = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: result.pdfKey }));
    const pdfBytes = await pdf.Body!.transformToByteArray();
    expect(Buffer.from(pdfBytes.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(pdf.ContentType).toBe('application/pdf');
    // The log holds the PDF with its log proof blank; the object's metadata, the PDF as archived.
    expect(sha256Hex(readLogProof(pdfBytes)!.logged)).toBe(result.sha256);
    expect(pdf.Metadata).toMatchObject({
      sha256: sha256Hex(pdfBytes),
      'cert-id': result.certId,
      'service-id': 'revenue.income-certificate',
      'issued-at': expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });

    const record = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: result.recordKey }));
    const json = await record.Body!.transformToString();
    expect(record.Metadata?.sha256).toBe(sha256Hex(json));
    const signed = JSON.parse(json);
    expect(signed).toMatchObject({
      keyId: expect.any(String),
      algorithm: 'ECDSA_P256_SHA256',
      canonicalization: 'RFC8785',
    });
    expect(signed.record.holder.name).toBe(HOLDER);
    expect(JSON.stringify(signed)).not.toContain('1234 5678 9012');

    const key = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: `keys/${signed.keyId}.pem` }));
    const pem = await key.Body!.transformToString();
    expect(verifySignedCertificate(signed, pem)).toBe(true);
    const qr = parseQrPayload(result.verifyUrl)!;
    expect(verifyClaims(qr.claims, qr.signature, pem)).toBe(true);

    const claim = await table.send(
      new GetCommand({ TableName: TABLE, Key: keys.certificateOfApplication('AP-ARCHIVE00001') }),
    );
    expect(claim.Item).toMatchObject({ kind: 'certificate', certId: result.certId });
    const item = await table.send(new GetCommand({ TableName: TABLE, Key: keys.certificate(result.certId) }));
    expect(item.Item).toMatchObject({
      kind: 'certificate',
      status: 'valid',
      holderMasked: 'R**** K**** R****',
      pdfKey: result.pdfKey,
      recordKey: result.recordKey,
    });
    expect(JSON.stringify(item.Item)).not.toContain(HOLDER);
  });

  it('re-uploads nothing that is already archived', async () => {
    const result = await issue(input('AP-IDEMPOTENT01'), context);
    const before = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: result.pdfKey }));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await issue(input('AP-IDEMPOTENT01'), context);
    const after = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: result.pdfKey }));
    expect(after.LastModified).toEqual(before.LastModified);
  });

  it('rejects input that breaks the schema, naming the field', async () => {
    await expect(issue({ ...input('AP-INVALID0001'), applicant: { name: 'x'.repeat(201) } }, context)).rejects.toThrow(
      /applicant\.name/,
    );
  });

  it('never logs the holder’s full name or an Aadhaar number', async () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      await issue(input('AP-LOGGING00001', 'Sitaramaiah Venkatesh'), context);
    } finally {
      spy.mockRestore();
    }
    const log = written.join('');
    expect(log).toContain('certificate issued');
    expect(log).toContain('S**** V****');
    expect(log).not.toContain('Sitaramaiah');
    expect(log).not.toContain('1234 5678 9012');
  });
});

describe('verifying certificates against the emulators', () => {
  it('says valid for the QR code’s URL, as JSON and as a page', async () => {
    const result = await issue(input('AP-VERIFY000001'), context);
    const url = new URL(result.verifyUrl);
    const { statusCode, body } = await postClaims(result.certId, url.hash.slice(1));
    expect(statusCode).toBe(200);
    expect(body).toMatchObject({
      status: 'valid',
      certId: result.certId,
      claimsChecked: true,
      certificate: {
        title: 'Income Certificate',
        holder: 'R**** K**** R****',
        issuer: { department: 'Revenue', authority: 'Tahsildar, Revenue Department' },
      },
      log: { proof: `/log/proof/${result.certId}` },
    });
    expect((await verifyJson(result.certId)).body).toMatchObject({ status: 'valid', claimsChecked: false });

    // The browser never sends the fragment: the page is the verdict by id, with the key its script checks with.
    const page = await verify(httpEvent(url.pathname, '', { accept: 'text/html' }), context);
    expect(page.statusCode).toBe(200);
    expect(page.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': expect.stringContaining("default-src 'none'"),
    });
    expect(page.body).toContain('Valid certificate');
    expect(page.body).not.toContain(HOLDER);
    expect(page.body).toContain('"documentType":"income-certificate"');
  });

  it('says invalid-signature when the QR code’s claims were altered or belong to another certificate', async () => {
    const result = await issue(input('AP-TAMPERED0001'), context);
    const other = await issue(input('AP-TAMPERED0002', 'Lakshmi Devi'), context);
    const { claims, signature } = parseQrPayload(result.verifyUrl)!;
    const tampered = encodeQrPayload(BASE_URL, { ...claims, name: 'Someone Else' }, signature);
    expect((await postClaims(result.certId, new URL(tampered).hash.slice(1))).body).toEqual({
      status: 'invalid-signature',
      certId: result.certId,
      claimsChecked: true,
    });
    // Another certificate's genuine QR claims under this id.
    expect((await postClaims(result.certId, new URL(other.verifyUrl).hash.slice(1))).body.status).toBe(
      'invalid-signature',
    );
    expect((await postClaims(result.certId, 'GARBAGE')).body.status).toBe('invalid-signature');
  });

  it('says revoked, with the date and reason, once revoked; the revocation is a leaf of the log', async () => {
    const result = await issue(input('AP-REVOKED00001'), context);
    const kmsClient = new KMSClient({ endpoint: kms.endpoint, region: LOCAL_REGION, credentials: CREDENTIALS });
    const config = { tableName: TABLE, bucket: BUCKET };
    const store = new CertificateStore({ dynamodb: table, s3 }, config);
    const log = new TransparencyLog(
      { dynamodb: table, s3 },
      {
        ...config,
        now: () => new Date(),
        signer: createKmsSigner(kmsClient, 'alias/mitra-local-checkpoint-signing'),
      },
    );
    const service = new RevocationService(store, log, () => new Date('2025-07-01T00:00:00.000Z'));
    const revoked = await service.revoke({
      certId: result.certId,
      reason: 'false-information: a forged income statement',
      revokedBy: 'administrator:test',
    });
    expect(revoked).toMatchObject({ outcome: 'revoked', revokedAt: '2025-07-01T00:00:00.000Z' });
    // Revoking again changes nothing and appends no second leaf.
    const again = await service.revoke({ certId: result.certId, reason: 'another reason', revokedBy: 'x' });
    expect(again).toEqual({ ...revoked, outcome: 'already-revoked' });
    expect(
      await service.revoke({ certId: toBase64Url(randomBytes(16)), reason: 'nothing', revokedBy: 'x' }),
    ).toMatchObject({
      outcome: 'unknown',
    });

    const { body } = await postClaims(result.certId, new URL(result.verifyUrl).hash.slice(1));
    expect(body).toMatchObject({
      status: 'revoked',
      certificate: {
        revokedAt: '2025-07-01T00:00:00.000Z',
        revocationReason: { code: 'false-information', en: 'Issued on false information' },
      },
    });
    const page = await verify(httpEvent(`/v/${result.certId}`, '', { accept: 'text/html' }), context);
    expect(page.body).toContain('Revoked certificate');
    expect(page.body).toContain('2025-07-01');
    expect(page.body).toContain('Issued on false information');
    expect(page.body).toContain('తప్పుడు సమాచారంతో జారీ చేయబడింది');
    // The officer's own words stay with the certificate's item: not on the page, not in the log.
    expect(page.body).not.toContain('forged income statement');

    const proof = JSON.parse((await verify(httpEvent(`/log/proof/${result.certId}`), context)).body!);
    expect(proof.revocation).toMatchObject({
      leafIndex: revoked.outcome === 'revoked' ? revoked.logIndex : -1,
      entry: { type: 'revocation', certId: result.certId, reason: 'false-information' },
    });
    expect(JSON.stringify(proof)).not.toContain('forged income statement');
    const item = await table.send(new GetCommand({ TableName: TABLE, Key: keys.certificate(result.certId) }));
    expect(item.Item?.revocationNote).toBe('a forged income statement');
  });

  it('reads a JPEG photo of the printed certificate and answers valid, then revoked', async () => {
    const result = await issue(input('AP-PHOTO0000001'), context);
    const pdf = await (
      await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: result.pdfKey }))
    ).Body!.transformToByteArray();
    // The page at 1600 pixels wide, through an independent rasterizer, then as a phone would send it: a JPEG.
    writeFileSync(join(dataDir, 'photo.pdf'), pdf);
    const pageArgs = ['-png', '-singlefile', '-scale-to-x', '1600', '-scale-to-y', '-1'];
    execFileSync('pdftoppm', [...pageArgs, join(dataDir, 'photo.pdf'), join(dataDir, 'photo')]);
    const png = readFileSync(join(dataDir, 'photo.png'));
    const page = PNG.sync.read(png);
    const photo = jpeg.encode({ data: page.data, width: page.width, height: page.height }, 75).data;

    const store = new CertificateStore({ dynamodb: table, s3 }, { tableName: TABLE, bucket: BUCKET });
    const check = new CertificateCheck(store);
    const scan = scanCertificateImage(photo);
    expect(scan).toMatchObject({ ok: true, certId: result.certId });
    expect(await check.check(scan)).toMatchObject({ status: 'valid', certId: result.certId, claimsChecked: true });

    await store.revoke(result.certId, {
      revokedAt: '2025-08-01T00:00:00.000Z',
      reason: 'superseded',
      revokedBy: 'officer:REV-GNT-0042',
    });
    expect(await check.check(scan)).toMatchObject({
      status: 'revoked',
      certificate: { revocationReason: { code: 'superseded', en: 'Replaced by a corrected certificate' } },
    });
    expect(await check.check(scanCertificateImage(Buffer.from('not a photo')))).toEqual({
      status: 'unreadable',
      reason: 'unreadable-image',
    });
  });

  it('answers unknown and malformed ids alike', async () => {
    const unknown = await verifyJson(toBase64Url(randomBytes(16)));
    const malformed = await verifyJson('not-an-id');
    const traversal = await verify(httpEvent('/v/..%2F..%2Fetc', '', { accept: 'application/json' }), context);
    expect(unknown).toEqual({ statusCode: 404, body: { status: 'unknown' } });
    expect(malformed).toEqual(unknown);
    expect(JSON.parse(traversal.body!)).toEqual({ status: 'unknown' });
    const page = await verify(httpEvent('/v/not-an-id'), context);
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Certificate not found');
  });

  it('publishes the certificate key and the checkpoint key under GET /keys', async () => {
    const result = await issue(input('AP-KEYS00000001'), context);
    const response = await verify(httpEvent('/keys'), context);
    expect(response.statusCode).toBe(200);
    const { keys: published } = JSON.parse(response.body!) as { keys: Record<string, string>[] };
    const { keyId: kid } = JSON.parse(
      await (await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: result.recordKey }))).Body!.transformToString(),
    );
    const checkpoint = JSON.parse((await verify(httpEvent('/log/checkpoint'), context)).body!);
    const key = (keyId: string, use: string) => ({
      keyId,
      use,
      algorithm: 'ECDSA_P256_SHA256',
      publicKeyPem: expect.stringMatching(/^-----BEGIN PUBLIC KEY-----/),
      validFrom: expect.stringMatching(/^\d{4}-/),
    });
    expect(published).toHaveLength(2);
    expect(published).toEqual(
      expect.arrayContaining([key(kid, 'certificate-signing'), key(checkpoint.keyId, 'checkpoint-signing')]),
    );
    expect(checkpoint.keyId).not.toBe(kid);
  });

  it('proves a certificate’s leaf is in the signed checkpoint, and later checkpoints extend earlier ones', async () => {
    const result = await issue(input('AP-LOGPROOF0001'), context);
    const getJson = async (path: string, query = '') => {
      const response = await verify(httpEvent(path, query), context);
      return { statusCode: response.statusCode, body: JSON.parse(response.body!) };
    };
    const before = (await getJson('/log/checkpoint')).body;
    const keyPem = (await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: `keys/${before.keyId}.pem` }))).Body!;
    const checkpointKey = await keyPem.transformToString();
    expect(verifyCheckpoint(before, checkpointKey)).toBe(true);

    const { statusCode, body } = await getJson(`/log/proof/${result.certId}`);
    expect(statusCode).toBe(200);
    const { certificate, checkpoint } = body;
    expect(certificate.entry).toMatchObject({ type: 'certificate', certId: result.certId, pdfSha256: result.sha256 });
    expect(certificate.leafHash).toBe(toHex(entryLeafHash(certificate.entry)));
    expect(
      verifyInclusion(
        fromHex(certificate.leafHash)!,
        certificate.leafIndex,
        checkpoint.treeSize,
        certificate.proof.map((h: string) => fromHex(h)!),
        fromHex(checkpoint.rootHash)!,
      ),
    ).toBe(true);

    // The archived record names the same leaf; the checkpoint and the leaf are in the archive too.
    const record = JSON.parse(
      await (await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: result.recordKey }))).Body!.transformToString(),
    );
    expect(record.log).toEqual({ index: certificate.leafIndex, leafHash: certificate.leafHash });
    const leafKey = `log/leaves/${String(certificate.leafIndex).padStart(12, '0')}.json`;
    const leafFile = JSON.parse(
      await (await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: leafKey }))).Body!.transformToString(),
    );
    expect(leafFile).toEqual({
      index: certificate.leafIndex,
      entry: certificate.entry,
      leafHash: certificate.leafHash,
    });
    await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: `log/checkpoints/${checkpoint.treeSize}.json` }));

    await issue(input('AP-LOGPROOF0002'), context);
    const after = (await getJson('/log/checkpoint')).body;
    expect(after.treeSize).toBeGreaterThan(checkpoint.treeSize);
    const consistency = await getJson('/log/consistency', `from=${checkpoint.treeSize}&to=${after.treeSize}`);
    expect(consistency.statusCode).toBe(200);
    expect(
      verifyConsistency(
        checkpoint.treeSize,
        after.treeSize,
        consistency.body.proof.map((h: string) => fromHex(h)!),
        fromHex(checkpoint.rootHash)!,
        fromHex(after.rootHash)!,
      ),
    ).toBe(true);
    expect((await getJson('/log/consistency', `from=${after.treeSize}&to=${after.treeSize + 5}`)).statusCode).toBe(400);
  });

  it('answers proofs for unknown and malformed ids alike, and unknown routes with 404', async () => {
    const unknown = await verify(httpEvent(`/log/proof/${toBase64Url(randomBytes(16))}`), context);
    const malformed = await verify(httpEvent('/log/proof/nope'), context);
    expect(unknown.statusCode).toBe(404);
    expect(malformed.body).toBe(unknown.body);
    expect((await verify(httpEvent('/nowhere'), context)).statusCode).toBe(404);
  });
});
