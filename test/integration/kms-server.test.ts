import { createHash, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DescribeKeyCommand,
  GetPublicKeyCommand,
  KMSClient,
  KMSServiceException,
  SignCommand,
} from '@aws-sdk/client-kms';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createKmsSigner } from '#adapters/signer.ts';
import { derToRaw, keyIdOf } from '#core/certificate/signature.ts';
import { type LocalKms, signDigestP256, startLocalKms } from '../../local/kms-server.ts';

const ALIAS = 'alias/mitra-local-certificate-signing';
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();
let dataDir: string;
let kms: LocalKms;
let client: KMSClient;

const clientFor = (endpoint: string) =>
  new KMSClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'mitra-kms-'));
  kms = await startLocalKms({ port: 0, dataDir });
  client = clientFor(kms.endpoint);
});
afterAll(async () => {
  await kms.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('ECDSA over a precomputed digest', () => {
  it('makes signatures node:crypto verifies as ECDSA-with-SHA-256 of the original message', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (message) => {
        const der = signDigestP256(sha256(message), privateKey);
        expect(verify('sha256', message, publicKey, der)).toBe(true);
        expect(verify('sha256', Buffer.concat([message, Buffer.from([0])]), publicKey, der)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('uses a fresh nonce each time', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const digest = sha256('same message');
    expect(Buffer.from(signDigestP256(digest, privateKey))).not.toEqual(
      Buffer.from(signDigestP256(digest, privateKey)),
    );
  });
});

describe('local KMS API', () => {
  it('answers the real KMSClient: GetPublicKey, DescribeKey and Sign with MessageType DIGEST', async () => {
    const key = await client.send(new GetPublicKeyCommand({ KeyId: ALIAS }));
    expect(key).toMatchObject({
      KeySpec: 'ECC_NIST_P256',
      KeyUsage: 'SIGN_VERIFY',
      SigningAlgorithms: ['ECDSA_SHA_256'],
    });
    expect(key.KeyId).toMatch(/^arn:aws:kms:local:000000000000:key\/[0-9a-f-]{36}$/);
    const publicKey = createPublicKey({ key: Buffer.from(key.PublicKey!), format: 'der', type: 'spki' });
    expect(publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');

    const described = await client.send(new DescribeKeyCommand({ KeyId: ALIAS }));
    expect(described.KeyMetadata?.Arn).toBe(key.KeyId);
    expect(described.KeyMetadata?.CreationDate).toBeInstanceOf(Date);

    const message = Buffer.from('{"id":"certificate"}');
    const signed = await client.send(
      new SignCommand({
        KeyId: ALIAS,
        Message: sha256(message),
        MessageType: 'DIGEST',
        SigningAlgorithm: 'ECDSA_SHA_256',
      }),
    );
    expect(signed.KeyId).toBe(key.KeyId);
    expect(signed.SigningAlgorithm).toBe('ECDSA_SHA_256');
    expect(verify('sha256', message, publicKey, Buffer.from(signed.Signature!))).toBe(true);
    expect(derToRaw(signed.Signature!)).toHaveLength(64);
  });

  it('hashes RAW messages itself, like KMS', async () => {
    const { PublicKey } = await client.send(new GetPublicKeyCommand({ KeyId: ALIAS }));
    const message = Buffer.from('raw message');
    const { Signature } = await client.send(
      new SignCommand({ KeyId: ALIAS, Message: message, MessageType: 'RAW', SigningAlgorithm: 'ECDSA_SHA_256' }),
    );
    expect(
      verify('sha256', message, { key: Buffer.from(PublicKey!), format: 'der', type: 'spki' }, Buffer.from(Signature!)),
    ).toBe(true);
  });

  it('resolves an alias, its key id and its key ARN to one key, and other aliases to other keys', async () => {
    const byAlias = await client.send(new GetPublicKeyCommand({ KeyId: ALIAS }));
    const keyId = byAlias.KeyId!.split('/').pop()!;
    const byId = await client.send(new GetPublicKeyCommand({ KeyId: keyId }));
    const byArn = await client.send(new GetPublicKeyCommand({ KeyId: byAlias.KeyId! }));
    const other = await client.send(new GetPublicKeyCommand({ KeyId: 'alias/another' }));
    expect(Buffer.from(byId.PublicKey!)).toEqual(Buffer.from(byAlias.PublicKey!));
    expect(Buffer.from(byArn.PublicKey!)).toEqual(Buffer.from(byAlias.PublicKey!));
    expect(Buffer.from(other.PublicKey!)).not.toEqual(Buffer.from(byAlias.PublicKey!));
  });

  it('keeps its keys across a restart', async () => {
    const before = await client.send(new GetPublicKeyCommand({ KeyId: ALIAS }));
    await kms.close();
    kms = await startLocalKms({ port: 0, dataDir });
    client = clientFor(kms.endpoint);
    const after = await client.send(new GetPublicKeyCommand({ KeyId: ALIAS }));
    expect(after.KeyId).toBe(before.KeyId);
    expect(Buffer.from(after.PublicKey!)).toEqual(Buffer.from(before.PublicKey!));
  });

  it.each([
    [
      'a digest that is not 32 bytes',
      { Message: new Uint8Array(31), MessageType: 'DIGEST' as const, SigningAlgorithm: 'ECDSA_SHA_256' as const },
      'ValidationException',
    ],
    [
      'another algorithm',
      { Message: new Uint8Array(32), MessageType: 'DIGEST' as const, SigningAlgorithm: 'ECDSA_SHA_384' as const },
      'InvalidKeyUsageException',
    ],
  ])('answers %s with KMS’s error', async (_what, input, name) => {
    const error = await client.send(new SignCommand({ KeyId: ALIAS, ...input })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KMSServiceException);
    expect((error as KMSServiceException).name).toBe(name);
    expect((error as KMSServiceException).$metadata.httpStatusCode).toBe(400);
  });
});

describe('KMS signer adapter', () => {
  it('signs digests with the KMS key and names it by a short id derived from the public key', async () => {
    const send = vi.spyOn(client, 'send');
    const signer = createKmsSigner(client, ALIAS);
    const { PublicKey } = await client.send(new GetPublicKeyCommand({ KeyId: ALIAS }));
    send.mockClear();
    const key = await signer.currentKey();
    expect(key.keyId).toBe(keyIdOf(new Uint8Array(PublicKey!)));
    expect(key.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const message = Buffer.from('canonical bytes');
    const first = await signer.signDigest(sha256(message));
    await signer.signDigest(sha256(message));
    expect(first.keyId).toBe(key.keyId);
    expect(verify('sha256', message, { key: key.publicKeyPem, dsaEncoding: 'ieee-p1363' }, first.signature)).toBe(true);
    const commands = send.mock.calls.map(([command]) => command.constructor.name);
    expect(commands.filter((name) => name === 'GetPublicKeyCommand')).toHaveLength(1);
    expect(commands.filter((name) => name === 'SignCommand')).toHaveLength(2);
    send.mockRestore();
  });
});
