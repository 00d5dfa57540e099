import { readFileSync } from 'node:fs';
import { keyIdOf, publicKeyPem } from '../../lambdas/core/certificate/signature.ts';
import type { SignedCheckpoint } from '../../lambdas/core/transparency-log/checkpoint.ts';
import { CosignatureSchema, cosignatureProblem } from '../../lambdas/core/transparency-log/witness.ts';
import type { ArchiveStore } from './archive-store.ts';
import { UsageError } from './archive-store.ts';

/** The witness's public key, held outside the archive like the trust anchor. */
export interface WitnessKey {
  source: string;
  keyId: string;
  pem: string;
}

/**
 * `--witness-key <file>`: the witness's public key as PEM, as DER, or as the base64 that
 * `aws kms get-public-key --query PublicKey --output text` prints.
 */
export function witnessKeyFromFile(path: string): WitnessKey {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UsageError(`cannot read the witness key ${path}: ${(error as Error).message}`);
  }
  const text = bytes.toString('utf8').trim();
  const der = text.startsWith('-----BEGIN')
    ? Buffer.from(text.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''), 'base64')
    : /^[A-Za-z0-9+/_=\s-]+$/.test(text)
      ? Buffer.from(text.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/'), 'base64')
      : bytes;
  try {
    const pem = publicKeyPem(new Uint8Array(der));
    return { source: path, keyId: keyIdOf(pem), pem };
  } catch {
    throw new UsageError(`${path} is not an ECDSA P-256 public key (PEM, DER or base64 DER)`);
  }
}

export interface WitnessFinding {
  kind: 'tampered' | 'rollback' | 'unwitnessed';
  object: string;
  detail: string;
}

/**
 * Holds the log to its witness: every verified checkpoint must carry a valid co-signature, and every co-signature in
 * the archive must match the log as it is now. A co-signature of more leaves than the log has, or of another root at
 * the same size, proves the log once had a different history (rolled back, forked or re-signed): the witness never
 * co-signs two histories, and Object Lock keeps what it co-signed.
 */
export async function checkWitness(
  store: ArchiveStore,
  checkpoints: readonly SignedCheckpoint[],
  leafCount: number,
  witness: WitnessKey,
): Promise<{ cosigned: number; findings: WitnessFinding[] }> {
  const findings: WitnessFinding[] = [];
  const bySize = new Map(checkpoints.map((c) => [c.treeSize, c]));
  const cosignedSizes = new Set<number>();
  for (const name of await store.list('log/cosignatures/')) {
    const object = await store.get(name);
    const parsed = CosignatureSchema.safeParse(object ? safeJson(object.bytes) : undefined);
    if (!parsed.success || name !== `log/cosignatures/${parsed.data.treeSize}.json`) {
      findings.push({ kind: 'tampered', object: name, detail: 'not a co-signature of the size in its name' });
      continue;
    }
    const cosignature = parsed.data;
    const checkpoint = bySize.get(cosignature.treeSize);
    if (!checkpoint) {
      if (cosignature.treeSize > leafCount) {
        findings.push({
          kind: 'rollback',
          object: name,
          detail:
            `the witness co-signed ${cosignature.treeSize} leaves on ${cosignature.cosignedAt}; the archive now ` +
            `has ${leafCount}: the log was cut short`,
        });
      } else {
        findings.push({ kind: 'tampered', object: name, detail: 'co-signs a checkpoint the archive does not hold' });
      }
      continue;
    }
    const problem = cosignatureProblem(cosignature, checkpoint, witness.pem);
    if (problem === undefined) {
      cosignedSizes.add(cosignature.treeSize);
    } else if (
      cosignature.rootHash !== checkpoint.rootHash &&
      cosignatureProblem(cosignature, cosignature, witness.pem) === undefined
    ) {
      findings.push({
        kind: 'rollback',
        object: name,
        detail:
          `the witness co-signed root ${cosignature.rootHash} for ${cosignature.treeSize} leaves; the archive's ` +
          `checkpoint of that size has root ${checkpoint.rootHash}: the log was replaced`,
      });
    } else {
      findings.push({ kind: 'tampered', object: name, detail: problem });
    }
  }
  for (const checkpoint of checkpoints) {
    if (!cosignedSizes.has(checkpoint.treeSize)) {
      findings.push({
        kind: 'unwitnessed',
        object: `log/checkpoints/${checkpoint.treeSize}.json`,
        detail: `the witness (key ${witness.keyId}) has not co-signed this checkpoint`,
      });
    }
  }
  return { cosigned: cosignedSizes.size, findings };
}

function safeJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}
