import * as z from 'zod';
import { canonicalJson, fromBase64Url, sha256, toBase64Url } from '../certificate/encoding.ts';
import { KeyIdSchema, RawSignatureSchema } from '../certificate/model.ts';
import { keyIdOf, type PublicKeyInput, SIGNATURE_ALGORITHM, verifyCanonical } from '../certificate/signature.ts';
import type { CertificateSigner } from '../certificate/signed-certificate.ts';
import { ConflictError } from '../errors.ts';

/** Names this log in every checkpoint, so a checkpoint of one log cannot be passed off as another's. */
export const LOG_ORIGIN = 'mitra.certificate-log.v1';

/** What a checkpoint signature covers: the RFC 8785 canonical JSON of exactly these four fields. */
const CheckpointBodySchema = z.strictObject({
  origin: z.literal(LOG_ORIGIN),
  treeSize: z.number().int().nonnegative(),
  /** RFC 9162 root hash (MTH) of the first `treeSize` leaves, lowercase hex. */
  rootHash: z.string().regex(/^[0-9a-f]{64}$/),
  timestamp: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
});
export type CheckpointBody = z.infer<typeof CheckpointBodySchema>;

/** `log/checkpoints/{treeSize}.json` and GET /log/checkpoint. */
export const SignedCheckpointSchema = z.strictObject({
  ...CheckpointBodySchema.shape,
  keyId: KeyIdSchema,
  algorithm: z.literal(SIGNATURE_ALGORITHM),
  /** ECDSA P-256 r‖s (64 bytes), base64url, over SHA-256 of the canonical body. */
  signature: RawSignatureSchema,
});
export type SignedCheckpoint = z.infer<typeof SignedCheckpointSchema>;

function checkpointBodyOf(checkpoint: CheckpointBody): CheckpointBody {
  const { origin, treeSize, rootHash, timestamp } = checkpoint;
  return { origin, treeSize, rootHash, timestamp };
}

export async function signCheckpoint(body: CheckpointBody, signer: CertificateSigner): Promise<SignedCheckpoint> {
  const parsed = CheckpointBodySchema.parse(body);
  const { keyId, signature } = await signer.signDigest(sha256(canonicalJson(parsed)));
  const { keyId: expected } = await signer.currentKey();
  if (keyId !== expected) throw new ConflictError('the checkpoint key changed while signing; retry');
  return { ...parsed, keyId, algorithm: SIGNATURE_ALGORITHM, signature: toBase64Url(signature) };
}

/** True when the checkpoint is well formed, `publicKey` is the key it names, and the signature verifies. */
export function verifyCheckpoint(checkpoint: unknown, publicKey: PublicKeyInput): boolean {
  const parsed = SignedCheckpointSchema.safeParse(checkpoint);
  if (!parsed.success) return false;
  try {
    if (keyIdOf(publicKey) !== parsed.data.keyId) return false;
  } catch {
    return false;
  }
  return verifyCanonical(checkpointBodyOf(parsed.data), fromBase64Url(parsed.data.signature)!, publicKey);
}
