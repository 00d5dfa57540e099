import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { GetPublicKeyCommand, type KMSClient, SignCommand } from '@aws-sdk/client-kms';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { canonicalJson, sha256, toBase64Url } from '#core/certificate/encoding.ts';
import { derToRaw, keyIdOf, publicKeyPem } from '#core/certificate/signature.ts';
import type { CertificateSigner } from '#core/certificate/signed-certificate.ts';
import { LOG_ORIGIN, type SignedCheckpoint, signCheckpoint } from '#core/transparency-log/checkpoint.ts';
import { checkpointObjectKey, entryLeafHash, type LogEntry, leafObjectKey } from '#core/transparency-log/entry.ts';
import { anchorEntryOf } from '#core/transparency-log/key-chain.ts';
import { rootHash, toHex } from '#core/transparency-log/merkle.ts';

/** Tools of an attacker (or a careless insider) against an archive in s3rver, for the audit's tests. */
export interface ArchiveObject {
  key: string;
  body: Uint8Array;
  metadata: Record<string, string>;
}

export async function listKeys(s3: S3Client, bucket: string, prefix = ''): Promise<string[]> {
  const { Contents = [] } = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  return Contents.map((c) => c.Key!).sort();
}

export async function getObject(s3: S3Client, bucket: string, key: string): Promise<ArchiveObject> {
  const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return { key, body: await object.Body!.transformToByteArray(), metadata: object.Metadata ?? {} };
}

export async function putObject(s3: S3Client, bucket: string, object: ArchiveObject): Promise<void> {
  await s3.send(
    new PutObjectCommand({ Bucket: bucket, Key: object.key, Body: object.body, Metadata: object.metadata }),
  );
}

export async function getJson<T = Record<string, unknown>>(s3: S3Client, bucket: string, key: string): Promise<T> {
  return JSON.parse(new TextDecoder().decode((await getObject(s3, bucket, key)).body)) as T;
}

/** Every object with its metadata, to put the archive back as it was after a test tampers with it. */
export async function snapshot(s3: S3Client, bucket: string): Promise<ArchiveObject[]> {
  return Promise.all((await listKeys(s3, bucket)).map((key) => getObject(s3, bucket, key)));
}

export async function restore(s3: S3Client, bucket: string, objects: ArchiveObject[]): Promise<void> {
  for (const key of await listKeys(s3, bucket)) await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  for (const object of objects) await putObject(s3, bucket, object);
}

/** A P-256 key of the attacker's own, as a signer the product's code can use. */
export function attackerSigner(): CertificateSigner & { privateKey: KeyObject; pem: string; keyId: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const pem = publicKeyPem(publicKey);
  const keyId = keyIdOf(pem);
  return {
    privateKey,
    pem,
    keyId,
    currentKey: async () => ({ keyId, publicKeyPem: pem }),
    signDigest: async (digest) => ({
      keyId,
      signature: new Uint8Array(
        sign(null, Buffer.from(digest), { key: privateKey, dsaEncoding: 'ieee-p1363' }).subarray(0),
      ),
    }),
  };
}

/** A signer over a key of the (local) KMS: what an insider with kms:Sign holds. */
export function kmsSigner(kms: KMSClient, keyId: string): CertificateSigner {
  return {
    async currentKey() {
      const { PublicKey } = await kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
      return { keyId: keyIdOf(PublicKey!), publicKeyPem: publicKeyPem(PublicKey!) };
    },
    async signDigest(digest) {
      const { Signature } = await kms.send(
        new SignCommand({ KeyId: keyId, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: 'ECDSA_SHA_256' }),
      );
      return { keyId: (await this.currentKey()).keyId, signature: derToRaw(Signature!) };
    },
  };
}

/** The trust anchor an operator saves from the stack outputs: the KMS keys' public halves. */
export async function trustAnchorOf(keys: { certificate: CertificateSigner; checkpoint: CertificateSigner }) {
  return {
    format: 'mitra.trust-anchor.v1',
    keys: [
      anchorEntryOf(await keys.certificate.currentKey(), 'certificate-signing'),
      anchorEntryOf(await keys.checkpoint.currentKey(), 'checkpoint-signing'),
    ],
  };
}

export async function readLeaves(s3: S3Client, bucket: string): Promise<LogEntry[]> {
  const entries: LogEntry[] = [];
  for (const key of await listKeys(s3, bucket, 'log/leaves/')) {
    entries.push((await getJson<{ entry: LogEntry }>(s3, bucket, key)).entry);
  }
  return entries;
}

/**
 * Writes `entries` as the whole log, with one checkpoint of its full size signed by `signer`, in place of every
 * leaf and checkpoint the archive had.
 */
export async function rewriteLog(
  s3: S3Client,
  bucket: string,
  entries: LogEntry[],
  signer: CertificateSigner,
): Promise<SignedCheckpoint> {
  for (const key of [
    ...(await listKeys(s3, bucket, 'log/leaves/')),
    ...(await listKeys(s3, bucket, 'log/checkpoints/')),
  ])
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  const hashes = entries.map(entryLeafHash);
  for (const [index, entry] of entries.entries()) {
    const body = canonicalJson({ index, entry, leafHash: toHex(hashes[index]!) });
    await putObject(s3, bucket, { key: leafObjectKey(index), body: new TextEncoder().encode(body), metadata: {} });
  }
  const checkpoint = await signCheckpoint(
    {
      origin: LOG_ORIGIN,
      treeSize: hashes.length,
      rootHash: toHex(rootHash(hashes)),
      timestamp: new Date().toISOString(),
    },
    signer,
  );
  await putObject(s3, bucket, {
    key: checkpointObjectKey(checkpoint.treeSize),
    body: new TextEncoder().encode(canonicalJson(checkpoint)),
    metadata: {},
  });
  return checkpoint;
}

/** Signs `value` the way certificate records are signed, with any signer. */
export async function signValue(value: unknown, signer: CertificateSigner): Promise<string> {
  return toBase64Url((await signer.signDigest(sha256(canonicalJson(value)))).signature);
}
