import {
  createECDH,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  randomUUID,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { rawToDer } from '#core/certificate/signature.ts';
import { LOCAL_ACCOUNT } from './local-aws.ts';

/**
 * A local KMS API for the embedded runtime: the subset of AWS KMS (JSON 1.1, `X-Amz-Target: TrentService.*`) that
 * certificate signing uses, so the real KMSClient runs unchanged against it. One ECC_NIST_P256 key pair per key id
 * or alias, created on first use and kept as PEM in `dataDir`, so keys (and every printed QR code) survive restarts.
 * Signatures are DER, as KMS answers them. Not a security boundary: it exists for development and tests.
 */
export interface LocalKmsOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  dataDir: string;
  /**
   * The aliases a stack declares (alias name → the key id it targets), created as CloudFormation would: an alias
   * that exists already is kept where it points, since a rotation may have moved it.
   */
  aliases?: Readonly<Record<string, string>>;
}

export interface LocalKms {
  endpoint: string;
  close(): Promise<void>;
}

const KEY_SPEC = 'ECC_NIST_P256';
const SIGNING_ALGORITHM = 'ECDSA_SHA_256';
const MAX_RAW_MESSAGE_BYTES = 4096;

class KmsError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export async function startLocalKms(options: LocalKmsOptions): Promise<LocalKms> {
  const keys = new KeyStore(options.dataDir);
  for (const [alias, keyId] of Object.entries(options.aliases ?? {})) keys.ensureAlias(alias, keyId);
  const server = createServer((request, response) => {
    handle(request, response, keys).catch((error: unknown) => {
      const failure = error instanceof KmsError ? error : new KmsError('KMSInternalException', 'internal error', 500);
      send(response, failure.status, { __type: failure.type, message: failure.message }, failure.type);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    endpoint: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function handle(request: IncomingMessage, response: ServerResponse, keys: KeyStore): Promise<void> {
  const target = request.headers['x-amz-target'];
  if (request.method !== 'POST' || typeof target !== 'string' || !target.startsWith('TrentService.')) {
    throw new KmsError('UnknownOperationException', 'expected a POST with X-Amz-Target: TrentService.<Operation>');
  }
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    throw new KmsError('SerializationException', 'the request body is not JSON');
  }
  const region = /Credential=[^/]+\/\d{8}\/([^/]+)\/kms\//.exec(request.headers.authorization ?? '')?.[1] ?? 'local';
  const operation = target.slice('TrentService.'.length);
  switch (operation) {
    case 'Sign':
      return send(response, 200, sign(keys.resolve(requiredString(body, 'KeyId')), body, region));
    case 'GetPublicKey': {
      const key = keys.resolve(requiredString(body, 'KeyId'));
      return send(response, 200, {
        KeyId: arnOf(key.keyId, region),
        PublicKey: key.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
        KeySpec: KEY_SPEC,
        CustomerMasterKeySpec: KEY_SPEC,
        KeyUsage: 'SIGN_VERIFY',
        SigningAlgorithms: [SIGNING_ALGORITHM],
      });
    }
    case 'DescribeKey':
      return send(response, 200, { KeyMetadata: metadataOf(keys.resolve(requiredString(body, 'KeyId')), region) });
    case 'CreateKey': {
      if ((body.KeySpec ?? 'SYMMETRIC_DEFAULT') !== KEY_SPEC || body.KeyUsage !== 'SIGN_VERIFY') {
        throw new KmsError('UnsupportedOperationException', `the local KMS creates ${KEY_SPEC} SIGN_VERIFY keys only`);
      }
      const description = typeof body.Description === 'string' ? body.Description : '';
      const policy = typeof body.Policy === 'string' ? body.Policy : undefined;
      return send(response, 200, { KeyMetadata: metadataOf(keys.createKey(description, policy), region) });
    }
    case 'GetKeyPolicy': {
      const key = keys.resolve(requiredString(body, 'KeyId'));
      return send(response, 200, { Policy: key.policy ?? DEFAULT_POLICY, PolicyName: 'default' });
    }
    case 'CreateAlias':
    case 'UpdateAlias': {
      const alias = requiredString(body, 'AliasName');
      const target = keys.resolveKeyId(requiredString(body, 'TargetKeyId'));
      keys.setAlias(alias, target, operation === 'CreateAlias' ? 'create' : 'update');
      return send(response, 200, {});
    }
    default:
      throw new KmsError('UnknownOperationException', `the local KMS does not implement ${operation}`);
  }
}

/** What any key policy allows here: the local KMS checks no permissions. */
const DEFAULT_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${LOCAL_ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' },
  ],
});

function metadataOf(key: LocalKey, region: string): Record<string, unknown> {
  return {
    AWSAccountId: LOCAL_ACCOUNT,
    KeyId: key.keyId,
    Arn: arnOf(key.keyId, region),
    CreationDate: key.createdAt.getTime() / 1000,
    Enabled: true,
    Description: key.description ?? 'Mitra local certificate signing key',
    KeyUsage: 'SIGN_VERIFY',
    KeyState: 'Enabled',
    Origin: 'AWS_KMS',
    KeyManager: 'CUSTOMER',
    CustomerMasterKeySpec: KEY_SPEC,
    KeySpec: KEY_SPEC,
    SigningAlgorithms: [SIGNING_ALGORITHM],
    MultiRegion: false,
  };
}

function sign(key: LocalKey, body: Record<string, unknown>, region: string): Record<string, unknown> {
  if (body.SigningAlgorithm !== SIGNING_ALGORITHM) {
    throw new KmsError('InvalidKeyUsageException', `key ${key.keyId} signs with ${SIGNING_ALGORITHM} only`);
  }
  const message = Buffer.from(requiredString(body, 'Message'), 'base64');
  const messageType = body.MessageType ?? 'RAW';
  let digest: Uint8Array;
  if (messageType === 'DIGEST') {
    if (message.length !== 32) throw new KmsError('ValidationException', 'a DIGEST for ECDSA_SHA_256 is 32 bytes');
    digest = message;
  } else if (messageType === 'RAW') {
    if (message.length > MAX_RAW_MESSAGE_BYTES)
      throw new KmsError('ValidationException', 'a RAW message is at most 4096 bytes');
    digest = new Uint8Array(sha256(message));
  } else {
    throw new KmsError('ValidationException', `unknown MessageType ${String(messageType)}`);
  }
  return {
    KeyId: arnOf(key.keyId, region),
    Signature: Buffer.from(signDigestP256(digest, key.privateKey)).toString('base64'),
    SigningAlgorithm: SIGNING_ALGORITHM,
  };
}

function sha256(data: Uint8Array): Buffer {
  return createHash('sha256').update(data).digest();
}

function requiredString(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value === '') throw new KmsError('ValidationException', `${name} is required`);
  return value;
}

function arnOf(keyId: string, region: string): string {
  return `arn:aws:kms:${region}:${LOCAL_ACCOUNT}:key/${keyId}`;
}

function send(response: ServerResponse, status: number, body: unknown, errorType?: string): void {
  const headers: Record<string, string> = {
    'content-type': 'application/x-amz-json-1.1',
    'x-amzn-requestid': randomUUID(),
  };
  if (errorType) headers['x-amzn-errortype'] = errorType;
  response.writeHead(status, headers).end(JSON.stringify(body));
}

interface LocalKey {
  keyId: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  createdAt: Date;
  /** For keys made by CreateKey (a rotation's next key). */
  description?: string;
  policy?: string;
}

/** A key CreateKey made, as `created-keys.json` records it. */
interface CreatedKey {
  description: string;
  policy?: string;
}

/** The file naming the keys CreateKey made: the local trust anchor leaves them out (tools/audit/trust-anchor.ts). */
export const CREATED_KEYS_FILE = 'created-keys.json';

/**
 * Keys as `<keyId>.pem` (PKCS#8), aliases in `aliases.json`, and what CreateKey was told about the keys it made in
 * `created-keys.json`, all in `dataDir`. Everything here is synchronous, so two requests for a new alias cannot both
 * create a key.
 */
class KeyStore {
  private readonly cache = new Map<string, LocalKey>();

  constructor(private readonly dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
  }

  resolve(identifier: string): LocalKey {
    const alias = /^(?:arn:aws:kms:[^:]*:[^:]*:)?(alias\/[A-Za-z0-9/_-]{1,250})$/.exec(identifier)?.[1];
    if (alias) {
      const aliases = this.aliases();
      let keyId = aliases[alias];
      if (!keyId) {
        keyId = randomUUID();
        this.create(keyId);
        this.writeAtomically('aliases.json', JSON.stringify({ ...aliases, [alias]: keyId }, null, 2));
      }
      return this.load(keyId);
    }
    const keyId = /^(?:arn:aws:kms:[^:]*:[^:]*:key\/)?([A-Za-z0-9-]{1,64})$/.exec(identifier)?.[1];
    if (!keyId) throw new KmsError('NotFoundException', `invalid key id ${identifier}`);
    if (!existsSync(this.pathOf(keyId))) this.create(keyId);
    return this.load(keyId);
  }

  /** The key id an identifier names: a key id or ARN (of a key that exists), or an alias. */
  resolveKeyId(identifier: string): string {
    const keyId = /^(?:arn:aws:kms:[^:]*:[^:]*:key\/)?([A-Za-z0-9-]{1,64})$/.exec(identifier)?.[1];
    if (keyId && !existsSync(this.pathOf(keyId))) throw new KmsError('NotFoundException', `no key ${identifier}`);
    return keyId ?? this.resolve(identifier).keyId;
  }

  ensureAlias(alias: string, keyId: string): void {
    if (this.aliases()[alias]) return;
    if (!existsSync(this.pathOf(keyId))) this.create(keyId);
    this.setAlias(alias, keyId, 'create');
  }

  setAlias(alias: string, keyId: string, mode: 'create' | 'update'): void {
    if (!/^alias\/[A-Za-z0-9/_-]{1,250}$/.test(alias) || alias.startsWith('alias/aws/')) {
      throw new KmsError('ValidationException', `invalid alias name ${alias}`);
    }
    const aliases = this.aliases();
    if (mode === 'create' && aliases[alias]) throw new KmsError('AlreadyExistsException', `${alias} already exists`);
    if (mode === 'update' && !aliases[alias]) throw new KmsError('NotFoundException', `no alias ${alias}`);
    this.writeAtomically('aliases.json', JSON.stringify({ ...aliases, [alias]: keyId }, null, 2));
  }

  createKey(description: string, policy: string | undefined): LocalKey {
    const keyId = randomUUID();
    this.create(keyId);
    const created = this.created();
    this.writeAtomically(
      CREATED_KEYS_FILE,
      JSON.stringify({ ...created, [keyId]: { description, ...(policy ? { policy } : {}) } }, null, 2),
    );
    return this.load(keyId);
  }

  private aliases(): Record<string, string> {
    return this.readJson<Record<string, string>>('aliases.json');
  }

  private created(): Record<string, CreatedKey> {
    return this.readJson<Record<string, CreatedKey>>(CREATED_KEYS_FILE);
  }

  private readJson<T>(name: string): T {
    const path = join(this.dataDir, name);
    return (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {}) as T;
  }

  private create(keyId: string): void {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.writeAtomically(`${keyId}.pem`, privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
  }

  private load(keyId: string): LocalKey {
    let key = this.cache.get(keyId);
    if (!key) {
      const path = this.pathOf(keyId);
      const privateKey = createPrivateKey(readFileSync(path, 'utf8'));
      const created = this.created()[keyId];
      key = {
        keyId,
        privateKey,
        publicKey: createPublicKey(privateKey),
        createdAt: statSync(path).mtime,
        ...(created ? { description: created.description, ...(created.policy ? { policy: created.policy } : {}) } : {}),
      };
      this.cache.set(keyId, key);
    }
    return key;
  }

  private pathOf(keyId: string): string {
    return join(this.dataDir, `${keyId}.pem`);
  }

  private writeAtomically(name: string, content: string): void {
    const temporary = join(this.dataDir, `.${name}.${process.pid}.tmp`);
    writeFileSync(temporary, content, { mode: 0o600 });
    renameSync(temporary, join(this.dataDir, name));
  }
}

/** The order n of the P-256 group. */
const P256_ORDER = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;

/**
 * ECDSA P-256 over a digest that is already SHA-256, as KMS does for `MessageType: DIGEST`. node:crypto cannot do
 * this: `sign(null | 'sha256', data, ecKey)` always hashes `data` again, and WebCrypto hashes too. So the scalar
 * arithmetic is done here with BigInt, and the one hard part, the point multiplication k·G, is done by OpenSSL
 * through ECDH (an ECDH "public key" for private key k is exactly k·G). With z the digest as an integer and k a
 * fresh random nonce: r = x(k·G) mod n, s = k⁻¹(z + r·d) mod n (SEC 1 §4.1.3; z needs no truncation since the
 * digest and n are both 256 bits). Not constant-time, which is acceptable for a development emulator only.
 * The result verifies with node's `verify('sha256', message, publicKey, der)` when digest = SHA-256(message).
 */
export function signDigestP256(digest: Uint8Array, privateKey: KeyObject): Uint8Array {
  if (digest.length !== 32) throw new RangeError('the digest is 32 bytes');
  const jwk = privateKey.export({ format: 'jwk' });
  if (jwk.crv !== 'P-256' || !jwk.d) throw new RangeError('a P-256 private key is required');
  const d = toBigInt(Buffer.from(jwk.d, 'base64url'));
  const z = toBigInt(digest);
  const ecdh = createECDH('prime256v1');
  for (;;) {
    const k = toBigInt(randomBytes(32));
    if (k === 0n || k >= P256_ORDER) continue;
    ecdh.setPrivateKey(toBytes(k));
    const point = ecdh.getPublicKey();
    const r = toBigInt(point.subarray(1, 33)) % P256_ORDER;
    if (r === 0n) continue;
    const s = (modPow(k, P256_ORDER - 2n, P256_ORDER) * ((z + r * d) % P256_ORDER)) % P256_ORDER;
    if (s === 0n) continue;
    const raw = new Uint8Array(64);
    raw.set(toBytes(r), 0);
    raw.set(toBytes(s), 32);
    return rawToDer(raw);
  }
}

function toBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
}

function toBytes(value: bigint): Uint8Array {
  return new Uint8Array(Buffer.from(value.toString(16).padStart(64, '0'), 'hex'));
}

/** Modular exponentiation; with the prime n, k^(n-2) is k's inverse (Fermat). */
function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}
