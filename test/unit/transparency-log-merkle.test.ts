import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appendToFrontier,
  type CompleteSubtrees,
  consistencyProof,
  consistencyProofFrom,
  emptyRoot,
  frontierRoot,
  type Hash,
  inclusionProof,
  inclusionProofFrom,
  leafHash,
  nodeHash,
  rootHash,
  toHex,
  verifyConsistency,
  verifyInclusion,
} from '#core/transparency-log/merkle.ts';

const leaves = (n: number): Hash[] =>
  Array.from({ length: n }, (_, i) => leafHash(new TextEncoder().encode(`leaf ${i}`)));
const sha = (...parts: Uint8Array[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};

/** A tree with one leaf index and a second, possibly different, size. */
const treeAndIndex = fc.integer({ min: 1, max: 70 }).chain((n) => fc.tuple(fc.constant(n), fc.nat(n - 1)));
const twoSizes = fc
  .integer({ min: 1, max: 70 })
  .chain((to) => fc.tuple(fc.integer({ min: 0, max: to }), fc.constant(to)));
const flip = (hash: Hash, bit: number): Hash => {
  const copy = Uint8Array.from(hash);
  copy[bit >> 3]! ^= 1 << (bit & 7);
  return copy;
};

describe('RFC 9162 hashing', () => {
  it('hashes the empty tree, leaves with 0x00 and nodes with 0x01', () => {
    expect(toHex(emptyRoot())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    const a = new TextEncoder().encode('a');
    expect(leafHash(a)).toEqual(sha(Uint8Array.of(0), a));
    const [l0, l1, l2] = leaves(3);
    expect(rootHash([l0!, l1!, l2!])).toEqual(sha(Uint8Array.of(1), sha(Uint8Array.of(1), l0!, l1!), l2!));
  });

  it('matches the RFC 6962 reference root of the eight test leaves', () => {
    // The leaf inputs of certificate-transparency-go's merkle tests; their root is the published reference value.
    const inputs = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
    const hashes = inputs.map((hex) => leafHash(Buffer.from(hex, 'hex')));
    expect(toHex(rootHash(hashes))).toBe('5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328');
  });
});

describe('inclusion proofs', () => {
  it('verify for every leaf of every tree', () => {
    fc.assert(
      fc.property(treeAndIndex, ([n, m]) => {
        const all = leaves(n);
        const proof = inclusionProof(all, m);
        expect(verifyInclusion(all[m]!, m, n, proof, rootHash(all))).toBe(true);
      }),
    );
  });

  it('fail for another leaf, another index, a changed proof or another root', () => {
    fc.assert(
      fc.property(treeAndIndex, fc.nat(255), ([n, m], bit) => {
        const all = leaves(n);
        const root = rootHash(all);
        const proof = inclusionProof(all, m);
        expect(verifyInclusion(flip(all[m]!, bit), m, n, proof, root)).toBe(false);
        expect(verifyInclusion(all[m]!, m, n, proof, flip(root, bit))).toBe(false);
        if (n > 1) expect(verifyInclusion(all[m]!, (m + 1) % n, n, proof, root)).toBe(false);
        if (proof.length > 0) {
          const changed = proof.map((p, i) => (i === bit % proof.length ? flip(p, bit) : p));
          expect(verifyInclusion(all[m]!, m, n, changed, root)).toBe(false);
          expect(verifyInclusion(all[m]!, m, n, proof.slice(1), root)).toBe(false);
        }
      }),
    );
  });

  it('proves against an earlier tree size as well', () => {
    fc.assert(
      fc.property(twoSizes, ([size, total]) => {
        fc.pre(size > 0);
        const all = leaves(total);
        const prefix = all.slice(0, size);
        const proof = inclusionProof(all, size - 1, size);
        expect(verifyInclusion(all[size - 1]!, size - 1, size, proof, rootHash(prefix))).toBe(true);
      }),
    );
  });
});

describe('consistency proofs', () => {
  it('verify between every pair of sizes', () => {
    fc.assert(
      fc.property(twoSizes, ([m, n]) => {
        const all = leaves(n);
        const proof = consistencyProof(all, m, n);
        expect(verifyConsistency(m, n, proof, rootHash(all.slice(0, m)), rootHash(all))).toBe(true);
      }),
    );
  });

  it('fail when the earlier tree was rewritten or the proof changed', () => {
    fc.assert(
      fc.property(twoSizes, fc.nat(255), ([m, n], bit) => {
        fc.pre(m > 0);
        const all = leaves(n);
        const proof = consistencyProof(all, m, n);
        const oldRoot = rootHash(all.slice(0, m));
        // A log that changed one of the first m leaves after publishing the size-m checkpoint.
        const rewritten = [...all];
        rewritten[bit % m] = flip(rewritten[bit % m]!, bit);
        expect(verifyConsistency(m, n, consistencyProof(rewritten, m, n), oldRoot, rootHash(rewritten))).toBe(false);
        expect(verifyConsistency(m, n, proof, flip(oldRoot, bit), rootHash(all))).toBe(false);
        if (proof.length > 0) {
          const changed = proof.map((p, i) => (i === bit % proof.length ? flip(p, bit) : p));
          expect(verifyConsistency(m, n, changed, oldRoot, rootHash(all))).toBe(false);
        }
      }),
    );
  });
});

describe('the frontier the sequencer keeps', () => {
  it('gives the same root as the whole tree after every append', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 130 }), (n) => {
        const all = leaves(n);
        let frontier: Hash[] = [];
        all.forEach((leaf, size) => {
          frontier = appendToFrontier(frontier, size, leaf);
          expect(frontierRoot(frontier)).toEqual(rootHash(all.slice(0, size + 1)));
        });
        expect(frontierRoot(frontier)).toEqual(rootHash(all));
      }),
      { numRuns: 30 },
    );
  });

  it('reports every complete subtree a leaf closes, with the hash of exactly those leaves', () => {
    const all = leaves(70);
    const closed: [number, number, Hash][] = [];
    let frontier: Hash[] = [];
    all.forEach((leaf, size) => {
      frontier = appendToFrontier(frontier, size, leaf, (level, index, hash) => closed.push([level, index, hash]));
    });
    // 70 leaves close 35 + 17 + 8 + 4 + 2 + 1 subtrees above the leaves.
    expect(closed).toHaveLength(67);
    for (const [level, index, hash] of closed) {
      expect(hash).toEqual(rootHash(all.slice(index * 2 ** level, (index + 1) * 2 ** level)));
    }
  });

  it('rejects a frontier that does not belong to the size', () => {
    const [a, b] = leaves(2);
    expect(() => appendToFrontier([a!], 3, b!)).toThrow(RangeError);
    expect(nodeHash(a!, b!)).not.toEqual(nodeHash(b!, a!));
  });
});

describe('proofs from stored complete subtrees', () => {
  /** The complete subtrees of the leaves, counting the distinct ones a proof asks for. */
  const stored = (all: Hash[]) => {
    const asked = new Set<string>();
    const complete: CompleteSubtrees = (level, index) => {
      asked.add(`${level}/${index}`);
      return rootHash(all.slice(index * 2 ** level, (index + 1) * 2 ** level));
    };
    return { complete, asked };
  };

  it('equal the proofs computed from the leaves, for inclusion and consistency', () => {
    fc.assert(
      fc.property(treeAndIndex, twoSizes, ([n, m], [from, to]) => {
        const all = leaves(Math.max(n, to));
        expect(inclusionProofFrom(stored(all).complete, m, n)).toEqual(inclusionProof(all, m, n));
        expect(consistencyProofFrom(stored(all).complete, from, to)).toEqual(consistencyProof(all, from, to));
      }),
    );
  });

  it('read a few dozen subtrees of a tree of a billion leaves, not the leaves', () => {
    // No leaf exists here: every hash comes from the oracle, as it would from the table's node items.
    const asked = new Set<string>();
    const complete: CompleteSubtrees = (level, index) => {
      asked.add(`${level}/${index}`);
      return sha(Uint8Array.of(level), new TextEncoder().encode(String(index)));
    };
    const size = 1_000_000_007;
    expect(inclusionProofFrom(complete, 123_456_789, size)).toHaveLength(30);
    expect(asked.size).toBeLessThan(30 * 30);
    asked.clear();
    expect(consistencyProofFrom(complete, 987_654_321, size).length).toBeLessThanOrEqual(31);
    expect(asked.size).toBeLessThan(31 * 31);
  });
});
