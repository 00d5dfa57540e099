import * as z from 'zod';
import { canonicalJson, fromBase64Url, sha256, toBase64Url } from '../certificate/encoding.ts';
import { KeyIdSchema, RawSignatureSchema } from '../certificate/model.ts';
import { keyIdOf, type PublicKeyInput, SIGNATURE_ALGORITHM, verifyCanonical } from '../certificate/signature.ts';
import type { CertificateSigner } from '../certificate/signed-certificate.ts';
import { MitraError } from '../errors.ts';
import { LOG_ORIGIN, type SignedCheckpoint } from './checkpoint.ts';
import { fromHex, type Hash, verifyConsistency, verifyInclusion } from './merkle.ts';

/**
 * The witness: a second party, with its own key in its own stack, that co-signs a checkpoint of the log only when the
 * checkpoint is consistent with the last one it co-signed. A log that is rolled back, forked or re-signed can no
 * longer show a co-signed checkpoint for its new history, because the witness never signs two histories.
 */

const IsoTimeSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

/** What a co-signature covers: the RFC 8785 canonical JSON of exactly these fields. */
const CosignedBodySchema = z.strictObject({
  origin: z.literal(LOG_ORIGIN),
  treeSize: z.number().int().nonnegative(),
  rootHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** When the witness checked the checkpoint (its own clock, not the log's). */
  cosignedAt: IsoTimeSchema,
});
type CosignedBody = z.infer<typeof CosignedBodySchema>;

/** `log/cosignatures/{treeSize}.json`: the witness's signature over a checkpoint's tree size and root. */
export const CosignatureSchema = z.strictObject({
  ...CosignedBodySchema.shape,
  witnessKeyId: KeyIdSchema,
  algorithm: z.literal(SIGNATURE_ALGORITHM),
  /** ECDSA P-256 r‖s (64 bytes), base64url, over SHA-256 of the canonical body. */
  signature: RawSignatureSchema,
});
export type Cosignature = z.infer<typeof CosignatureSchema>;

export function cosignatureObjectKey(treeSize: number): string {
  return `log/cosignatures/${treeSize}.json`;
}

/** The largest checkpoint the witness has co-signed: everything it signs later must extend it. */
export interface WitnessedHead {
  treeSize: number;
  rootHash: string;
}

export class InconsistentCheckpointError extends MitraError {}

/**
 * Whether the witness may co-sign `checkpoint`, given the largest checkpoint it co-signed before (`last`) and a
 * consistency proof between the two (from the smaller to the larger, as `GET /log/consistency` answers it). A
 * checkpoint older than `last` is co-signed too when it is a prefix of it (deliveries come in any order); it does not
 * move the witness's head. Throws `InconsistentCheckpointError` naming why when the two cannot be one log.
 */
export function checkExtends(
  last: WitnessedHead | undefined,
  checkpoint: Pick<SignedCheckpoint, 'treeSize' | 'rootHash'>,
  proof: readonly string[],
): { advances: boolean } {
  if (!last) return { advances: true };
  const [from, to] = checkpoint.treeSize >= last.treeSize ? [last, checkpoint] : [checkpoint, last];
  const hashes = proof.map(fromHex);
  if (hashes.some((h) => !h)) throw new InconsistentCheckpointError('the consistency proof is not a list of hashes');
  const fromRoot = fromHex(from.rootHash);
  const toRoot = fromHex(to.rootHash);
  if (!fromRoot || !toRoot || !verifyConsistency(from.treeSize, to.treeSize, hashes as Hash[], fromRoot, toRoot)) {
    throw new InconsistentCheckpointError(
      `the checkpoint of ${checkpoint.treeSize} leaves (root ${checkpoint.rootHash}) is not consistent with the ` +
        `witnessed checkpoint of ${last.treeSize} leaves (root ${last.rootHash})`,
    );
  }
  return { advances: checkpoint.treeSize > last.treeSize };
}

export async function cosign(
  checkpoint: Pick<SignedCheckpoint, 'treeSize' | 'rootHash'>,
  signer: CertificateSigner,
  now: Date,
): Promise<Cosignature> {
  const body: CosignedBody = CosignedBodySchema.parse({
    origin: LOG_ORIGIN,
    treeSize: checkpoint.treeSize,
    rootHash: checkpoint.rootHash,
    cosignedAt: now.toISOString(),
  });
  const { keyId, signature } = await signer.signDigest(sha256(canonicalJson(body)));
  return { ...body, witnessKeyId: keyId, algorithm: SIGNATURE_ALGORITHM, signature: toBase64Url(signature) };
}

/**
 * Why a co-signature does not vouch for `checkpoint` with the witness key `publicKey`; undefined when it does (well
 * formed, the witness's key, the same tree size and root, a signature that verifies).
 */
export function cosignatureProblem(
  cosignature: unknown,
  checkpoint: Pick<SignedCheckpoint, 'treeSize' | 'rootHash'>,
  publicKey: PublicKeyInput,
): string | undefined {
  const parsed = CosignatureSchema.safeParse(cosignature);
  if (!parsed.success) return 'not a co-signature';
  const c = parsed.data;
  if (keyIdOf(publicKey) !== c.witnessKeyId) return `signed by key ${c.witnessKeyId}, not the witness's key`;
  if (c.treeSize !== checkpoint.treeSize || c.rootHash !== checkpoint.rootHash) {
    return `co-signs ${c.treeSize} leaves with root ${c.rootHash}, not the checkpoint's ${checkpoint.rootHash}`;
  }
  const { witnessKeyId: _, algorithm: __, signature, ...body } = c;
  if (!verifyCanonical(body, fromBase64Url(signature)!, publicKey)) return 'the witness signature does not verify';
  return undefined;
}

/** What the witness says about one entry of the log, as the verify page shows it. */
export type WitnessVerdict =
  | { status: 'cosigned'; treeSize: number; cosignedAt: string; witnessKeyId: string }
  /** No co-signed checkpoint includes the entry yet: the witness co-signs within moments of each checkpoint. */
  | { status: 'pending' }
  /** A co-signature is there but does not vouch for the entry: the log may not be the one the witness saw. */
  | { status: 'failed'; problem: string };

/** A checkpoint of the log that includes an entry, its co-signature, and the entry's inclusion proof in it. */
export interface CosignedCheckpoint {
  checkpoint: Pick<SignedCheckpoint, 'treeSize' | 'rootHash'>;
  /** The object `log/cosignatures/{treeSize}.json`, parsed. */
  cosignature: unknown;
  /** RFC 9162 audit path of the entry's leaf in the checkpoint's tree, hex. */
  inclusionProof: readonly string[];
}

/**
 * Whether the witness vouches for the leaf `leaf` of the log through `cosigned` (none: `pending`). The co-signature
 * must be by the witness's key (the one configured, never one the archive names), co-sign exactly that checkpoint, and
 * the leaf must be in the checkpoint's tree.
 */
export function witnessVerdict(
  leaf: { index: number; leafHash: string },
  cosigned: CosignedCheckpoint | undefined,
  publicKey: PublicKeyInput,
): WitnessVerdict {
  if (!cosigned) return { status: 'pending' };
  const { checkpoint, cosignature, inclusionProof } = cosigned;
  const problem = cosignatureProblem(cosignature, checkpoint, publicKey);
  if (problem) return { status: 'failed', problem: `co-signature of ${checkpoint.treeSize} leaves: ${problem}` };
  const hashes = inclusionProof.map(fromHex);
  const leafHash = fromHex(leaf.leafHash);
  const root = fromHex(checkpoint.rootHash);
  if (
    !leafHash ||
    !root ||
    hashes.some((h) => !h) ||
    !verifyInclusion(leafHash, leaf.index, checkpoint.treeSize, hashes as Hash[], root)
  ) {
    return { status: 'failed', problem: `the entry is not in the co-signed tree of ${checkpoint.treeSize} leaves` };
  }
  const { cosignedAt, witnessKeyId } = CosignatureSchema.parse(cosignature);
  return { status: 'cosigned', treeSize: checkpoint.treeSize, cosignedAt, witnessKeyId };
}
