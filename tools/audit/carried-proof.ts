import { sha256Hex } from '../../lambdas/core/certificate/encoding.ts';
import { LogProofSchema, readLogProof } from '../../lambdas/core/certificate/log-proof.ts';
import { verifyCheckpoint } from '../../lambdas/core/transparency-log/checkpoint.ts';
import type { TrustedKey } from '../../lambdas/core/transparency-log/key-chain.ts';
import { fromHex, type Hash, rootHash, toHex, verifyInclusion } from '../../lambdas/core/transparency-log/merkle.ts';

interface Problem {
  kind: 'tampered' | 'untrusted' | 'rollback';
  detail: string;
}

/**
 * The checkpoint and inclusion proof a PDF carries (lambdas/core/certificate/log-proof.ts): they must be this
 * certificate's leaf, signed by a trusted checkpoint key, and agree with the archived log. A PDF that proves the log
 * once had more leaves, or other ones, than the archive holds now shows the log was cut short or replaced, even on a
 * first audit. Also answers the SHA-256 the log holds for the PDF (with the proof's bytes blank).
 */
export function checkCarriedProof(
  pdf: Uint8Array,
  expected: {
    certId: string;
    leafIndex: number;
    leafHash: Hash;
    hashes: readonly Hash[];
    trustedKey: (keyId: string, before: number) => TrustedKey | string;
  },
): { loggedSha256: string; problems: Problem[] } {
  const carried = readLogProof(pdf);
  // Certificates issued before PDFs carried their proof: the log holds the file as it is.
  if (!carried) return { loggedSha256: sha256Hex(pdf), problems: [] };
  const loggedSha256 = sha256Hex(carried.logged);
  const parsed = LogProofSchema.safeParse(carried.proof);
  if (!parsed.success) return { loggedSha256, problems: [{ kind: 'tampered', detail: 'its log proof is unreadable' }] };
  const proof = parsed.data;
  const { checkpoint } = proof;
  const problem = (kind: Problem['kind'], detail: string) => ({ loggedSha256, problems: [{ kind, detail }] });
  if (proof.certId !== expected.certId || proof.leafHash !== toHex(expected.leafHash)) {
    return problem('tampered', 'its log proof is for another leaf');
  }
  const key = expected.trustedKey(checkpoint.keyId, checkpoint.treeSize);
  if (typeof key === 'string') return problem('untrusted', `its log proof's checkpoint is signed by ${key}`);
  const included = verifyInclusion(
    expected.leafHash,
    proof.leafIndex,
    checkpoint.treeSize,
    proof.inclusionProof.map((hash) => fromHex(hash)!),
    fromHex(checkpoint.rootHash)!,
  );
  if (!verifyCheckpoint(checkpoint, key.pem) || !included) return problem('tampered', 'its log proof does not verify');
  // A genuine proof: the log, as it was when this PDF was issued, must be a prefix of the archived one.
  const { hashes } = expected;
  if (proof.leafIndex !== expected.leafIndex) {
    return problem(
      'rollback',
      `the log it was issued in had it at leaf ${proof.leafIndex}; the archived log has it at leaf ` +
        `${expected.leafIndex}: the log was replaced`,
    );
  }
  if (checkpoint.treeSize > hashes.length) {
    return problem(
      'rollback',
      `it carries a checkpoint of ${checkpoint.treeSize} leaves signed at ${checkpoint.timestamp}; the archive ` +
        `holds ${hashes.length}: the log was cut short`,
    );
  }
  if (toHex(rootHash(hashes.slice(0, checkpoint.treeSize))) !== checkpoint.rootHash) {
    return problem(
      'rollback',
      `the archived log contradicts the checkpoint of ${checkpoint.treeSize} leaves it carries: it was replaced`,
    );
  }
  return { loggedSha256, problems: [] };
}
