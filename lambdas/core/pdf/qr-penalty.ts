/**
 * The ISO/IEC 18004 mask penalty computed 32 modules at a time: every row and every column of a symbol as a bit set
 * (bit c of a row is its module in column c, 1 for dark). Eight masks are scored per certificate, and a module at a
 * time that was a tenth of the page's CPU time.
 */

/** A symbol's rows and columns as bit sets of `words` 32-bit words each. */
export interface BitLines {
  size: number;
  words: number;
  rows: Uint32Array;
  columns: Uint32Array;
}

export function bitLines(modules: Uint8Array, size: number): BitLines {
  const words = Math.ceil(size / 32);
  const rows = new Uint32Array(size * words);
  const columns = new Uint32Array(size * words);
  for (let row = 0; row < size; row++)
    for (let column = 0; column < size; column++)
      if (modules[row * size + column]) {
        rows[row * words + (column >>> 5)]! |= 1 << (column & 31);
        columns[column * words + (row >>> 5)]! |= 1 << (row & 31);
      }
  return { size, words, rows, columns };
}

/** `a` with every word XORed with `b`'s: a mask applied to (or removed from) a symbol. */
export function xorLines(a: BitLines, b: BitLines): BitLines {
  const rows = new Uint32Array(a.rows.length);
  const columns = new Uint32Array(a.columns.length);
  for (let i = 0; i < rows.length; i++) {
    rows[i] = a.rows[i]! ^ b.rows[i]!;
    columns[i] = a.columns[i]! ^ b.columns[i]!;
  }
  return { size: a.size, words: a.words, rows, columns };
}

/** Sets one module in both its row and its column. */
export function setModule(lines: BitLines, row: number, column: number, dark: number): void {
  const { words, rows, columns } = lines;
  const inRow = row * words + (column >>> 5);
  const inColumn = column * words + (row >>> 5);
  if (dark) {
    rows[inRow]! |= 1 << (column & 31);
    columns[inColumn]! |= 1 << (row & 31);
  } else {
    rows[inRow]! &= ~(1 << (column & 31));
    columns[inColumn]! &= ~(1 << (row & 31));
  }
}

/** The 1:1:3:1:1 finder-like window and its mirror, as 11 modules from the window's start (bit k: module k). */
const FINDER_LIKE = [0b00001011101, 0b10111010000];

/**
 * Runs of five or more alike (3 + the excess) and finder-like windows (40) in rows and columns, 2 × 2 blocks alike
 * (3 each), and the dark share's distance from half (10 per 5 %), as the `qrcode` package scores them.
 */
export function maskPenalty(lines: BitLines): number {
  const { size, words, rows, columns } = lines;
  const shifts = new Int32Array(words * 11);
  let score = 0;
  for (let line = 0; line < size; line++) {
    score += lineScore(rows, line * words, words, size, shifts);
    score += lineScore(columns, line * words, words, size, shifts);
  }
  let blocks = 0;
  let dark = 0;
  for (let row = 0; row < size; row++) {
    const at = row * words;
    for (let w = 0; w < words; w++) {
      dark += popcount(rows[at + w]!);
      if (row === size - 1) continue;
      const a = rows[at + w]!;
      const aNext = shifted(rows, at, words, w, 1);
      const vertical = ~(a ^ rows[at + words + w]!);
      const verticalNext = ~(aNext ^ shifted(rows, at + words, words, w, 1));
      blocks += popcount(vertical & verticalNext & ~(a ^ aNext) & validBits(w, size - 1));
    }
  }
  const share = Math.abs(Math.ceil((dark * 100) / (size * size) / 5) - 10);
  return score + 3 * blocks + 10 * share;
}

/** Runs (3 + excess each) and finder-like windows (40 each) of one line; `shifts` is scratch space. */
function lineScore(set: Uint32Array, start: number, words: number, size: number, shifts: Int32Array): number {
  for (let k = 0; k <= 10; k++)
    for (let w = 0; w < words; w++) shifts[k * words + w] = shifted(set, start, words, w, k);
  let fives = 0;
  let starts = 0;
  let finders = 0;
  let previousTop = 0;
  for (let w = 0; w < words; w++) {
    // five[c]: modules c … c + 4 alike; a run of n ≥ 5 alike has n - 4 of them, and one start.
    const s0 = shifts[w]!;
    const s1 = shifts[words + w]!;
    const s2 = shifts[2 * words + w]!;
    const s3 = shifts[3 * words + w]!;
    const s4 = shifts[4 * words + w]!;
    const five = ~(s0 ^ s1) & ~(s1 ^ s2) & ~(s2 ^ s3) & ~(s3 ^ s4) & validBits(w, size - 4);
    fives += popcount(five);
    starts += popcount(five & ~((five << 1) | previousTop));
    previousTop = five >>> 31;
    const windows = validBits(w, size - 10);
    for (const pattern of FINDER_LIKE) {
      let match = windows;
      for (let k = 0; k <= 10; k++) match &= (pattern >> k) & 1 ? shifts[k * words + w]! : ~shifts[k * words + w]!;
      finders += popcount(match);
    }
  }
  return fives + 2 * starts + 40 * finders;
}

/** Word `w` of the line at `start` shifted down by `k` modules (bit c becomes module c + k). */
function shifted(set: Uint32Array, start: number, words: number, w: number, k: number): number {
  if (k === 0) return set[start + w]!;
  const low = set[start + w]! >>> k;
  return w + 1 < words ? low | (set[start + w + 1]! << (32 - k)) : low;
}

/** The bits of word `w` whose module index is below `limit`. */
function validBits(w: number, limit: number): number {
  const count = limit - 32 * w;
  return count >= 32 ? 0xffffffff : count <= 0 ? 0 : (1 << count) - 1;
}

function popcount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}
