import { describe, expect, it } from 'vitest';
import {
  consistencyProof,
  type Hash,
  inclusionProof,
  leafHash,
  rootHash,
  toHex,
} from '#core/transparency-log/merkle.ts';
import {
  checkExtends,
  cosign,
  cosignatureProblem,
  InconsistentCheckpointError,
  witnessVerdict,
} from '#core/transparency-log/witness.ts';
import { keySigner } from './certificate-fixtures.ts';

// The witness's promise: it co-signs a checkpoint only when it extends (or is a prefix of) the largest checkpoint
// it co-signed before, and its co-signature vouches for exactly one tree size and root.

const leaves: Hash[] = Array.from({ length: 13 }, (_, i) => leafHash(new TextEncoder().encode(`entry ${i}`)));
const head = (size: number, of: readonly Hash[] = leaves) => ({
  treeSize: size,
  rootHash: toHex(rootHash(of.slice(0, size))),
});
const proof = (from: number, to: number, of: readonly Hash[] = leaves) => consistencyProof(of, from, to).map(toHex);

describe('the witness', () => {
  it('co-signs the first checkpoint it sees, and every later one that extends it', () => {
    expect(checkExtends(undefined, head(5), [])).toEqual({ advances: true });
    expect(checkExtends(head(5), head(9), proof(5, 9))).toEqual({ advances: true });
    expect(checkExtends(head(5), head(5), [])).toEqual({ advances: false });
  });

  it('co-signs an older checkpoint that is a prefix of its head, without moving the head back', () => {
    expect(checkExtends(head(9), head(4), proof(4, 9))).toEqual({ advances: false });
  });

  it('refuses a log rolled back or forked: another root at a size it co-signed, or a history that does not extend', () => {
    const forked = [
      ...leaves.slice(0, 6),
      ...leaves.slice(6).map((_, i) => leafHash(new TextEncoder().encode(`forged ${i}`))),
    ];
    expect(() => checkExtends(head(9), head(9, forked), [])).toThrow(InconsistentCheckpointError);
    expect(() => checkExtends(head(9), head(12, forked), proof(9, 12, forked))).toThrow(/not consistent/);
    expect(() => checkExtends(head(5), head(9), ['not a hash'])).toThrow(InconsistentCheckpointError);
  });

  it("vouches for exactly the checkpoint it co-signed, with the witness's key only", async () => {
    const witness = keySigner();
    const other = keySigner();
    const checkpoint = head(9);
    const cosignature = await cosign(checkpoint, witness, new Date('2026-12-05T05:00:00.000Z'));
    expect(cosignature).toMatchObject({
      treeSize: 9,
      rootHash: checkpoint.rootHash,
      cosignedAt: '2026-12-05T05:00:00.000Z',
    });
    expect(cosignatureProblem(cosignature, checkpoint, witness.publicKey)).toBeUndefined();
    expect(cosignatureProblem(cosignature, head(10), witness.publicKey)).toMatch(/not the checkpoint's/);
    expect(cosignatureProblem(cosignature, checkpoint, other.publicKey)).toMatch(/not the witness's key/);
    expect(
      cosignatureProblem({ ...cosignature, cosignedAt: '2026-12-06T05:00:00.000Z' }, checkpoint, witness.publicKey),
    ).toMatch(/does not verify/);
    expect(cosignatureProblem({ treeSize: 9 }, checkpoint, witness.publicKey)).toBe('not a co-signature');
  });

  it('vouches for an entry only through a co-signed tree that includes it, signed by the configured key', async () => {
    const witness = keySigner();
    const checkpoint = head(9);
    const cosignature = await cosign(checkpoint, witness, new Date('2026-12-05T05:00:00.000Z'));
    const leaf = { index: 4, leafHash: toHex(leaves[4]!) };
    const inclusion = inclusionProof(leaves, 4, 9).map(toHex);
    const at = { checkpoint, cosignature, inclusionProof: inclusion };

    expect(witnessVerdict(leaf, at, witness.publicKey)).toEqual({
      status: 'cosigned',
      treeSize: 9,
      cosignedAt: '2026-12-05T05:00:00.000Z',
      witnessKeyId: cosignature.witnessKeyId,
    });
    expect(witnessVerdict(leaf, undefined, witness.publicKey)).toEqual({ status: 'pending' });
    expect(witnessVerdict(leaf, at, keySigner().publicKey)).toMatchObject({ status: 'failed' });
    // Another entry at that position, or a proof of another tree: not in what the witness saw.
    expect(witnessVerdict({ index: 4, leafHash: toHex(leaves[5]!) }, at, witness.publicKey)).toMatchObject({
      status: 'failed',
      problem: expect.stringMatching(/not in the co-signed tree/),
    });
    expect(
      witnessVerdict(leaf, { ...at, inclusionProof: inclusionProof(leaves, 4, 10).map(toHex) }, witness.publicKey),
    ).toMatchObject({ status: 'failed' });
    expect(witnessVerdict(leaf, { ...at, cosignature: undefined }, witness.publicKey)).toMatchObject({
      status: 'failed',
      problem: expect.stringMatching(/not a co-signature/),
    });
  });
});
