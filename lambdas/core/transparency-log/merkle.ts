import { createHash } from 'node:crypto';

/**
 * RFC 9162 (Certificate Transparency 2.0) Merkle tree hashing, section 2.1: SHA-256, leaves hashed with a 0x00
 * prefix and interior nodes with 0x01, so no leaf can pass for a node. Hashes are 32-byte arrays.
 */
const HASH_BYTES = 32;
const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;

export type Hash = Uint8Array;

export function leafHash(leaf: Uint8Array): Hash {
  return digest(Uint8Array.of(LEAF_PREFIX), leaf);
}

export function nodeHash(left: Hash, right: Hash): Hash {
  return digest(Uint8Array.of(NODE_PREFIX), left, right);
}

export function emptyRoot(): Hash {
  return digest();
}

/** The largest power of two strictly smaller than n (n ≥ 2): the split point of RFC 9162. */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(D[n]) over leaf hashes (not leaf data): the root of the tree of `leaves[0..n)`. */
export function rootHash(leaves: readonly Hash[]): Hash {
  if (leaves.length === 0) return emptyRoot();
  return subtreeHash(leaves, 0, leaves.length);
}

function subtreeHash(leaves: readonly Hash[], start: number, end: number): Hash {
  const n = end - start;
  if (n === 1) return leaves[start]!;
  const k = split(n);
  return nodeHash(subtreeHash(leaves, start, start + k), subtreeHash(leaves, start + k, end));
}

/**
 * The hash of a complete subtree: the 2^level leaves from index·2^level on. Leaves are level 0. A log that stores
 * these as it appends answers any proof from O(log² n) of them, never the whole log.
 */
export type CompleteSubtrees = (level: number, index: number) => Hash;

/**
 * MTH(D[start:end]) for the ranges RFC 9162's recursion produces: a complete aligned subtree is looked up, any other
 * range is split at the largest power of two below its size, as MTH itself is defined.
 */
function rangeHash(complete: CompleteSubtrees, start: number, end: number): Hash {
  const n = end - start;
  if (isPowerOfTwo(n) && start % n === 0) return complete(Math.log2(n), start / n);
  const k = split(n);
  return nodeHash(rangeHash(complete, start, start + k), rangeHash(complete, start + k, end));
}

/** Complete subtrees computed from the leaves themselves. */
function fromLeaves(leaves: readonly Hash[]): CompleteSubtrees {
  return (level, index) => subtreeHash(leaves, index * 2 ** level, (index + 1) * 2 ** level);
}

/** PATH(m, D[n]) of RFC 9162 2.1.3.1: the audit path of leaf `index` in the tree of the first `treeSize` leaves. */
export function inclusionProof(leaves: readonly Hash[], index: number, treeSize = leaves.length): Hash[] {
  if (treeSize > leaves.length) throw new RangeError(`no leaf ${index} in a tree of ${treeSize}`);
  return inclusionProofFrom(fromLeaves(leaves), index, treeSize);
}

/** PATH(m, D[n]) from the hashes of complete subtrees. */
export function inclusionProofFrom(complete: CompleteSubtrees, index: number, treeSize: number): Hash[] {
  if (!Number.isInteger(index) || index < 0 || index >= treeSize) {
    throw new RangeError(`no leaf ${index} in a tree of ${treeSize}`);
  }
  const path: Hash[] = [];
  const walk = (m: number, start: number, end: number): void => {
    const n = end - start;
    if (n === 1) return;
    const k = split(n);
    if (m < k) {
      walk(m, start, start + k);
      path.push(rangeHash(complete, start + k, end));
    } else {
      walk(m - k, start + k, end);
      path.push(rangeHash(complete, start, start + k));
    }
  };
  walk(index, 0, treeSize);
  return path;
}

/** RFC 9162 2.1.3.2: true when `proof` proves that `leaf` (a leaf hash) is leaf `index` of the tree with `root`. */
export function verifyInclusion(
  leaf: Hash,
  index: number,
  treeSize: number,
  proof: readonly Hash[],
  root: Hash,
): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(treeSize) || index < 0 || index >= treeSize) return false;
  let fn = BigInt(index);
  let sn = BigInt(treeSize - 1);
  let r = leaf;
  for (const p of proof) {
    if (p.length !== HASH_BYTES || sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      r = nodeHash(p, r);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && equal(r, root);
}

/** PROOF(m, D[n]) of RFC 9162 2.1.4.1: proves the tree of the first `from` leaves is a prefix of the first `to`. */
export function consistencyProof(leaves: readonly Hash[], from: number, to = leaves.length): Hash[] {
  if (to > leaves.length) throw new RangeError(`no consistency proof from ${from} to ${to}`);
  return consistencyProofFrom(fromLeaves(leaves), from, to);
}

/** PROOF(m, D[n]) from the hashes of complete subtrees. */
export function consistencyProofFrom(complete: CompleteSubtrees, from: number, to: number): Hash[] {
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || from > to) {
    throw new RangeError(`no consistency proof from ${from} to ${to}`);
  }
  if (from === 0 || from === to) return [];
  const proof: Hash[] = [];
  const subproof = (m: number, start: number, end: number, isOldTree: boolean): void => {
    const n = end - start;
    if (m === n) {
      if (!isOldTree) proof.push(rangeHash(complete, start, end));
      return;
    }
    const k = split(n);
    if (m <= k) {
      subproof(m, start, start + k, isOldTree);
      proof.push(rangeHash(complete, start + k, end));
    } else {
      subproof(m - k, start + k, end, false);
      proof.push(rangeHash(complete, start, start + k));
    }
  };
  subproof(from, 0, to, true);
  return proof;
}

/** RFC 9162 2.1.4.2: true when `proof` shows the tree (`from`, `fromRoot`) is a prefix of (`to`, `toRoot`). */
export function verifyConsistency(
  from: number,
  to: number,
  proof: readonly Hash[],
  fromRoot: Hash,
  toRoot: Hash,
): boolean {
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || from > to) return false;
  if (proof.some((p) => p.length !== HASH_BYTES)) return false;
  if (from === to) return proof.length === 0 && equal(fromRoot, toRoot);
  // Every tree extends the empty one; RFC 9162 leaves size 0 out, and so does its empty proof.
  if (from === 0) return proof.length === 0 && equal(fromRoot, emptyRoot());
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(from) ? [fromRoot, ...proof] : [...proof];
  let fn = BigInt(from - 1);
  let sn = BigInt(to - 1);
  while ((fn & 1n) === 1n) {
    fn >>= 1n;
    sn >>= 1n;
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return equal(fr, fromRoot) && equal(sr, toRoot) && sn === 0n;
}

/**
 * The right edge of a tree: the roots of its perfect subtrees, largest first (one per set bit of the size). Enough
 * to append a leaf and compute the new root in O(log n), so the sequencer never reads the whole log. Each complete
 * subtree the leaf closes (level ≥ 1) is reported to `closed`, so it can be stored for proofs.
 */
export function appendToFrontier(
  frontier: readonly Hash[],
  size: number,
  leaf: Hash,
  closed?: (level: number, index: number, hash: Hash) => void,
): Hash[] {
  if (frontier.length !== popCount(size))
    throw new RangeError(`a frontier of a tree of ${size} has ${popCount(size)} hashes`);
  const next = [...frontier];
  let carry = leaf;
  let bits = size;
  let level = 0;
  while (bits & 1) {
    carry = nodeHash(next.pop()!, carry);
    bits = Math.floor(bits / 2);
    level++;
    closed?.(level, Math.floor(size / 2 ** level), carry);
  }
  next.push(carry);
  return next;
}

export function frontierRoot(frontier: readonly Hash[]): Hash {
  if (frontier.length === 0) return emptyRoot();
  let root = frontier[frontier.length - 1]!;
  for (let i = frontier.length - 2; i >= 0; i--) root = nodeHash(frontier[i]!, root);
  return root;
}

function popCount(n: number): number {
  let count = 0;
  for (let bits = n; bits > 0; bits = Math.floor(bits / 2)) count += bits & 1;
  return count;
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && popCount(n) === 1;
}

function digest(...parts: Uint8Array[]): Hash {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return new Uint8Array(hash.digest());
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

export function toHex(hash: Uint8Array): string {
  return Buffer.from(hash).toString('hex');
}

export function fromHex(text: string): Hash | undefined {
  return /^[0-9a-f]{64}$/.test(text) ? new Uint8Array(Buffer.from(text, 'hex')) : undefined;
}
