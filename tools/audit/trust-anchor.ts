import { createPublicKey } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { keyIdOf, publicKeyPem } from '../../lambdas/core/certificate/signature.ts';
import type { KeyUse } from '../../lambdas/core/transparency-log/entry.ts';
import {
  anchorKeys,
  type TrustAnchor,
  TrustAnchorSchema,
  type TrustedKey,
} from '../../lambdas/core/transparency-log/key-chain.ts';
import { CREATED_KEYS_FILE } from '../../local/kms-server.ts';
import { UsageError } from './archive-store.ts';
import type { WitnessKey } from './witness-check.ts';

export interface LoadedAnchor {
  /** Where the anchor came from, for the report. */
  source: string;
  keys: Map<string, TrustedKey>;
}

/**
 * The trust anchor in a file: the stack's `TrustAnchor` output as saved (the JSON itself), or the whole output list
 * of `aws cloudformation describe-stacks --query Stacks[0].Outputs`.
 */
export function trustAnchorFromFile(path: string): LoadedAnchor {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read the trust anchor ${path}: ${(error as Error).message}`);
  }
  if (Array.isArray(json)) {
    const output = json.find((o: { OutputKey?: string }) => o?.OutputKey === 'TrustAnchor') as
      | { OutputValue?: string }
      | undefined;
    if (!output?.OutputValue) throw new UsageError(`${path} lists stack outputs but no TrustAnchor`);
    json = JSON.parse(output.OutputValue);
  }
  const parsed = TrustAnchorSchema.safeParse(json);
  if (!parsed.success) throw new UsageError(`${path} is not a trust anchor (docs/archive-format.md, "Trust")`);
  try {
    return { source: path, keys: anchorKeys(parsed.data) };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/**
 * The embedded runtime's anchor: the public halves of the local KMS keys in `<dataDir>/kms`, the local counterpart
 * of the stack's output (kept outside the archive, which is `<dataDir>/s3`). A key's use is read from its alias or
 * its CloudFormation logical id (`CertificateSigningKey…`, `CheckpointSigningKey…`).
 */
export function localTrustAnchor(dataDir: string): LoadedAnchor | undefined {
  const entries: TrustAnchor['keys'] = [];
  for (const key of localKeys(dataDir)) {
    const use = useOf(key.names);
    if (use) entries.push({ keyId: keyIdOf(key.spki), use, publicKey: Buffer.from(key.spki).toString('base64url') });
  }
  if (entries.length === 0) return undefined;
  const folder = join(dataDir, 'kms');
  return {
    source: `the local KMS keys in ${folder}`,
    keys: anchorKeys({ format: 'mitra.trust-anchor.v1', keys: entries }),
  };
}

/** The embedded runtime's witness key (the witness stack's `WitnessKey…`), when the local witness has one. */
export function localWitnessKey(dataDir: string): WitnessKey | undefined {
  const key = localKeys(dataDir).find((k) => /witness-?(key|signing)/i.test(k.names));
  if (!key) return undefined;
  const pem = publicKeyPem(key.spki);
  return { source: `the local witness key in ${join(dataDir, 'kms')}`, keyId: keyIdOf(pem), pem };
}

/** The public halves of the local KMS keys, each with its id and aliases as one string to match names in. */
function localKeys(dataDir: string): { names: string; spki: Uint8Array }[] {
  const folder = join(dataDir, 'kms');
  if (!existsSync(folder)) return [];
  const aliasesFile = join(folder, 'aliases.json');
  const aliases = existsSync(aliasesFile)
    ? (JSON.parse(readFileSync(aliasesFile, 'utf8')) as Record<string, string>)
    : {};
  const names = new Map<string, string[]>();
  for (const [alias, keyId] of Object.entries(aliases)) names.set(keyId, [...(names.get(keyId) ?? []), alias]);
  // Keys a rotation created are trusted through their endorsement in the log, never as part of the anchor.
  const createdFile = join(folder, CREATED_KEYS_FILE);
  const created = existsSync(createdFile) ? Object.keys(JSON.parse(readFileSync(createdFile, 'utf8'))) : [];
  return readdirSync(folder)
    .filter((f) => f.endsWith('.pem') && !f.startsWith('.') && !created.includes(f.slice(0, -'.pem'.length)))
    .map((file) => {
      const id = file.slice(0, -'.pem'.length);
      const spki = createPublicKey(readFileSync(join(folder, file), 'utf8')).export({ format: 'der', type: 'spki' });
      return { names: [id, ...(names.get(id) ?? [])].join(' '), spki: new Uint8Array(spki) };
    });
}

function useOf(names: string): KeyUse | undefined {
  if (/certificate-?signing/i.test(names)) return 'certificate-signing';
  if (/checkpoint-?signing/i.test(names)) return 'checkpoint-signing';
  return undefined;
}
