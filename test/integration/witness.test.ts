import { readFileSync } from 'node:fs';
import { KMSClient } from '@aws-sdk/client-kms';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKmsSigner } from '#adapters/signer.ts';
import { cosign, cosignatureObjectKey } from '#core/transparency-log/witness.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/local-aws.ts';
import type { EmbeddedRuntime } from '../../local/runtime.ts';
import { openArchive } from '../../tools/audit/archive-store.ts';
import { auditArchive } from '../../tools/audit/audit-archive.ts';
import { localTrustAnchor, localWitnessKey } from '../../tools/audit/trust-anchor.ts';
import { applyForIncomeCertificate } from '../support/certificates.ts';
import { rowIdOf, say, startTestRuntime, waitFor } from '../support/runtime.ts';

// The witness on one machine: each checkpoint the certificate function archives is co-signed by the witness stack's
// own function and key, and the audit holds the log to what the witness co-signed.

let test: Awaited<ReturnType<typeof startTestRuntime>>;
let runtime: EmbeddedRuntime;
let s3: S3Client;
let certId: string;

const audit = async () => {
  const store = await openArchive({ bucket: runtime.names.archiveBucket, endpoint: runtime.endpoints.s3 });
  try {
    return await auditArchive(store, {
      anchor: localTrustAnchor(test.dataDir)!,
      witness: localWitnessKey(test.dataDir)!,
      firstAudit: true,
      readQr: false,
    });
  } finally {
    await store.close();
  }
};

const text = async (key: string) =>
  (await s3.send(new GetObjectCommand({ Bucket: runtime.names.archiveBucket, Key: key }))).Body!.transformToString();

beforeAll(async () => {
  test = await startTestRuntime();
  runtime = test.runtime;
  s3 = new S3Client({
    region: LOCAL_REGION,
    endpoint: runtime.endpoints.s3,
    forcePathStyle: true,
    credentials: LOCAL_CREDENTIALS,
  });
  const citizen = '919812345671';
  await say(runtime, citizen, { text: 'Hi' });
  await say(runtime, citizen, { reply_id: 'lang:en' });
  await say(runtime, citizen, { reply_id: await rowIdOf(runtime, citizen, 'consent:yes') });
  const document = await applyForIncomeCertificate(runtime, citizen);
  certId = document.document!.filename!.match(/([\w-]{22})\.pdf$/)![1]!;
  await runtime.drained();
}, 180_000);

afterAll(async () => {
  s3?.destroy();
  await test?.stop();
});

describe('the witness', () => {
  it('co-signs every checkpoint of the log, and an untouched archive passes the audit with it', async () => {
    const checkpoint = JSON.parse(await text('log/checkpoints/' + (await latestSize()) + '.json'));
    const cosignature = await waitFor('the co-signature', async () =>
      text(cosignatureObjectKey(checkpoint.treeSize)).then(JSON.parse, () => undefined),
    );
    expect(cosignature).toMatchObject({ treeSize: checkpoint.treeSize, rootHash: checkpoint.rootHash });
    expect(cosignature.witnessKeyId).toBe(localWitnessKey(test.dataDir)!.keyId);

    const report = await audit();
    expect(report.findings).toEqual([]);
    expect(report.witness).toMatchObject({ cosigned: report.log.checkpoints });
  });

  it('names a log cut short below what the witness co-signed, and a checkpoint it never co-signed', async () => {
    const size = await latestSize();
    // What a log that was rolled back leaves behind: the witness co-signed more leaves than the archive now holds.
    const witnessKeyId = keyIdOfWitness();
    const signer = createKmsSigner(
      new KMSClient({ region: LOCAL_REGION, endpoint: runtime.endpoints.kms, credentials: LOCAL_CREDENTIALS }),
      witnessKeyId,
    );
    const future = await cosign({ treeSize: size + 5, rootHash: 'ab'.repeat(32) }, signer, new Date());
    const futureKey = cosignatureObjectKey(size + 5);
    await put(futureKey, JSON.stringify(future));
    // And one checkpoint whose co-signature is gone.
    const removedKey = cosignatureObjectKey(size);
    const removed = await text(removedKey);
    await s3.send(new DeleteObjectCommand({ Bucket: runtime.names.archiveBucket, Key: removedKey }));
    try {
      const report = await audit();
      expect(report.ok).toBe(false);
      expect(report.findings).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'rollback', object: futureKey, detail: expect.stringMatching(/cut short/) }),
          expect.objectContaining({ kind: 'unwitnessed', object: `log/checkpoints/${size}.json` }),
        ]),
      );
    } finally {
      await s3.send(new DeleteObjectCommand({ Bucket: runtime.names.archiveBucket, Key: futureKey }));
      await put(removedKey, removed);
    }
    expect((await audit()).ok).toBe(true);
  });
});

describe('the verify page with a witness', () => {
  const verdict = async () =>
    (
      (await (await fetch(`${runtime.baseUrl}/v/${certId}`, { headers: { accept: 'application/json' } })).json()) as {
        status: string;
        witness?: { status: string; cosignedAt?: string };
      }
    ).witness;

  it('says the log that lists the certificate was co-signed by the independent witness', async () => {
    const witnessed = await waitFor('the co-signature on the verify page', async () => {
      const witness = await verdict();
      return witness?.status === 'cosigned' ? witness : undefined;
    });
    expect(witnessed.cosignedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const page = await (await fetch(`${runtime.baseUrl}/v/${certId}`)).text();
    expect(page).toContain('co-signed by the independent witness');
    expect(page).toContain('స్వతంత్ర సాక్షి');
  });

  it('warns when the co-signature does not vouch for the log, without saying why in public', async () => {
    const size = await latestSize();
    const key = cosignatureObjectKey(size);
    const genuine = await text(key);
    // A co-signature by another key, as an attacker with write access to the bucket but not the witness's key writes it.
    const other = createKmsSigner(
      new KMSClient({ region: LOCAL_REGION, endpoint: runtime.endpoints.kms, credentials: LOCAL_CREDENTIALS }),
      'not-the-witness',
    );
    const checkpoint = JSON.parse(await text(`log/checkpoints/${size}.json`));
    await put(key, JSON.stringify(await cosign(checkpoint, other, new Date())));
    try {
      expect(await verdict()).toEqual({ status: 'failed' });
      const page = await (await fetch(`${runtime.baseUrl}/v/${certId}`)).text();
      expect(page).toContain('has not vouched for the log');
      expect(page).not.toContain('not the witness');
    } finally {
      await put(key, genuine);
    }
    expect((await verdict())?.status).toBe('cosigned');
  });
});

async function latestSize(): Promise<number> {
  const res = await fetch(`${runtime.baseUrl}/log/checkpoint`);
  return ((await res.json()) as { treeSize: number }).treeSize;
}

async function put(key: string, body: string): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: runtime.names.archiveBucket, Key: key, Body: body }));
}

/** The witness key's local id: its logical id in the synthesized witness stack, as every local KMS key is named. */
function keyIdOfWitness(): string {
  const template = JSON.parse(readFileSync('cdk.out/Mitra-dev-Witness.template.json', 'utf8')) as {
    Resources: Record<string, { Type: string }>;
  };
  return Object.entries(template.Resources).find(
    ([id, r]) => r.Type === 'AWS::KMS::Key' && id.startsWith('WitnessKey'),
  )![0];
}
