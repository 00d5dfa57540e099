import * as z from 'zod';
import { canonicalJson, fromBase64Url, sha256, toBase64Url } from '../certificate/encoding.ts';
import { KeyIdSchema } from '../certificate/model.ts';
import { keyIdOf, publicKeyPem, verifyCanonical } from '../certificate/signature.ts';
import type { CertificateSigner, SigningKey } from '../certificate/signed-certificate.ts';
import { MitraError } from '../errors.ts';
import { LOG_ORIGIN } from './checkpoint.ts';
import { type KeyEntry, type KeyUse, KeyUseSchema, type LogEntry } from './entry.ts';

/**
 * The keys an auditor starts from, held outside the archive: the stack's `TrustAnchor` output, or the local KMS keys
 * of the embedded runtime. Every other key must be endorsed, in the log, by a key that chains back to one of these.
 */
export const TrustAnchorSchema = z.strictObject({
  format: z.literal('mitra.trust-anchor.v1'),
  keys: z
    .array(
      z.strictObject({
        keyId: KeyIdSchema,
        use: KeyUseSchema,
        /** DER SubjectPublicKeyInfo, base64 or base64url (a PEM's body is accepted too). */
        publicKey: z.string().min(80).max(600),
      }),
    )
    .min(1),
});
export type TrustAnchor = z.infer<typeof TrustAnchorSchema>;

class UntrustedKeyError extends MitraError {}

/** A key the auditor trusts, and why: the anchor names it, or the log's leaf at `leafIndex` endorses it. */
export interface TrustedKey {
  keyId: string;
  use: KeyUse;
  pem: string;
  via: 'anchor' | { leafIndex: number; endorsedBy: string };
}

/** A public key given as base64 or base64url DER, or as PEM; undefined when it is not a P-256 key. */
function pemOf(publicKey: string): string | undefined {
  try {
    const body = publicKey.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
    return publicKeyPem(new Uint8Array(Buffer.from(body.replace(/-/g, '+').replace(/_/g, '/'), 'base64')));
  } catch {
    return undefined;
  }
}

/** The anchor's keys, each checked to be the key its id says. Throws naming the first that is not. */
export function anchorKeys(anchor: TrustAnchor): Map<string, TrustedKey> {
  const keys = new Map<string, TrustedKey>();
  for (const key of anchor.keys) {
    const pem = pemOf(key.publicKey);
    if (!pem || keyIdOf(pem) !== key.keyId) {
      throw new UntrustedKeyError(`the trust anchor's key ${key.keyId} is not the key its id names`);
    }
    keys.set(key.keyId, { keyId: key.keyId, use: key.use, pem, via: 'anchor' });
  }
  return keys;
}

/** The anchor entry of a key, as the stack output and `trust-anchor.json` write it. */
export function anchorEntryOf(key: SigningKey, use: KeyUse): TrustAnchor['keys'][number] {
  return { keyId: key.keyId, use, publicKey: spkiBase64Url(key.publicKeyPem) };
}

function spkiBase64Url(pem: string): string {
  const body = pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
  return Buffer.from(body, 'base64').toString('base64url');
}

/** What an endorsement signs: the new key, its use, and the key that endorses it, in this log. */
function endorsedBody(entry: Omit<KeyEntry, 'endorsement'>, endorsedBy: string) {
  return {
    origin: LOG_ORIGIN,
    endorses: { keyId: entry.keyId, use: entry.use, publicKey: entry.publicKey },
    endorsedBy,
  };
}

/** The first key of its use: logged unendorsed, trusted only because the anchor names it. */
export function firstKeyEntry(key: SigningKey, use: KeyUse): KeyEntry {
  return { type: 'key', keyId: key.keyId, use, publicKey: spkiBase64Url(key.publicKeyPem) };
}

/**
 * A rotated key's leaf, endorsed by the key it replaces: `previous` signs (through KMS) the new key's id, use and
 * public key. Throws when `previous` is not the key of `use` the log holds now.
 */
export async function endorsedKeyEntry(key: SigningKey, use: KeyUse, previous: CertificateSigner): Promise<KeyEntry> {
  const entry = firstKeyEntry(key, use);
  const { keyId: previousKeyId } = await previous.currentKey();
  const { keyId, signature } = await previous.signDigest(sha256(canonicalJson(endorsedBody(entry, previousKeyId))));
  if (keyId !== previousKeyId) throw new MitraError('the endorsing key changed while signing; retry');
  return { ...entry, endorsement: { keyId, signature: toBase64Url(signature) } };
}

export interface ChainFinding {
  leafIndex: number;
  keyId: string;
  why: string;
}

/**
 * Walks the log's key leaves in order from the anchor: a key is trusted when the anchor names it (for the same use),
 * or when its leaf's endorsement verifies with a key of the same use trusted by an earlier leaf. Everything else is
 * reported, and no key it would have endorsed is trusted either.
 */
export function chainKeys(
  anchor: ReadonlyMap<string, TrustedKey>,
  leaves: readonly { index: number; entry: LogEntry }[],
): { trusted: Map<string, TrustedKey>; findings: ChainFinding[] } {
  const trusted = new Map(anchor);
  const findings: ChainFinding[] = [];
  for (const { index, entry } of leaves) {
    if (entry.type !== 'key') continue;
    const pem = pemOf(entry.publicKey);
    const fail = (why: string) => findings.push({ leafIndex: index, keyId: entry.keyId, why });
    if (!pem || keyIdOf(pem) !== entry.keyId) {
      fail(`the leaf's public key is not key ${entry.keyId}`);
      continue;
    }
    const known = trusted.get(entry.keyId);
    if (known) {
      if (known.use !== entry.use) fail(`key ${entry.keyId} is trusted for ${known.use}, not ${entry.use}`);
      continue;
    }
    const endorsement = entry.endorsement;
    if (!endorsement) {
      fail(`key ${entry.keyId} is endorsed by no key and the trust anchor does not name it`);
      continue;
    }
    const endorser = trusted.get(endorsement.keyId);
    if (!endorser || endorser.use !== entry.use) {
      fail(`key ${entry.keyId} is endorsed by ${endorsement.keyId}, which is not a trusted ${entry.use} key`);
      continue;
    }
    const { endorsement: _, ...unsigned } = entry;
    const body = endorsedBody(unsigned, endorsement.keyId);
    if (!verifyCanonical(body, fromBase64Url(endorsement.signature)!, endorser.pem)) {
      fail(`the endorsement of key ${entry.keyId} by ${endorsement.keyId} does not verify`);
      continue;
    }
    trusted.set(entry.keyId, {
      keyId: entry.keyId,
      use: entry.use,
      pem,
      via: { leafIndex: index, endorsedBy: endorsement.keyId },
    });
  }
  return { trusted, findings };
}
