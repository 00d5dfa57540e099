import { sfnt } from '../../lambdas/core/pdf/font-subset.ts';
import { glyphOutline, parseTrueType } from '../../lambdas/core/pdf/truetype.ts';

/** Simple glyph point flags (OpenType glyf table). */
const FLAG = {
  ON_CURVE: 0x01,
  X_SHORT: 0x02,
  Y_SHORT: 0x04,
  REPEAT: 0x08,
  X_SAME_OR_POSITIVE: 0x10,
  Y_SAME_OR_POSITIVE: 0x20,
  OVERLAP_SIMPLE: 0x40,
} as const;

interface Point {
  x: number;
  y: number;
  on: boolean;
}

/**
 * The grid the shipped fonts are snapped to, in units of their 1,000-unit em: a certificate's embedded glyphs compress
 * a fifth smaller (10.3 KB where they were 13.2), and a point moves by at most half a step, 0.008 em (0.08 pt in 10 pt
 * body text, 0.15 pt in the 19 pt title; no difference to see at 1,200 dpi).
 */
export const FONT_GRID = 16;

/**
 * The font with every simple glyph's points moved to a grid of `grid` font units, and the points that then say
 * nothing dropped: repeated points, off-curve points on the straight line between the ends of their curve, on-curve
 * points in the middle of a straight line or halfway between two off-curve points (where TrueType implies one). Each
 * glyph's left side bearing follows its new left edge; advances, character map and layout tables are left as they
 * are, so text is measured and shaped as before.
 */
export function snapOutlines(bytes: Uint8Array, grid: number): Uint8Array {
  const font = parseTrueType(bytes);
  const outlines: Uint8Array[] = [];
  const leftEdges: (number | undefined)[] = [];
  for (let glyph = 0; glyph < font.numGlyphs; glyph++) {
    const outline = glyphOutline(font, glyph);
    const view = new DataView(outline.buffer, outline.byteOffset, outline.byteLength);
    if (outline.length === 0 || view.getInt16(0) <= 0) {
      outlines.push(outline);
      continue;
    }
    const overlap =
      (outline[10 + 2 * view.getInt16(0) + 2 + view.getUint16(10 + 2 * view.getInt16(0))]! & FLAG.OVERLAP_SIMPLE) !== 0;
    const snapped = encodeSimple(
      decodeSimple(outline).map((contour) => simplify(snap(contour, grid))),
      overlap,
    );
    outlines.push(snapped);
    leftEdges[glyph] = new DataView(snapped.buffer).getInt16(2);
  }

  const longOffsets = outlines.reduce((sum, outline) => sum + pad2(outline.length), 0) > 0x1fffe;
  const glyf = new Uint8Array(outlines.reduce((sum, outline) => sum + pad2(outline.length), 0));
  const loca = new DataView(new ArrayBuffer((font.numGlyphs + 1) * (longOffsets ? 4 : 2)));
  let at = 0;
  outlines.forEach((outline, glyph) => {
    if (longOffsets) loca.setUint32(4 * glyph, at);
    else loca.setUint16(2 * glyph, at / 2);
    glyf.set(outline, at);
    at += pad2(outline.length);
  });
  if (longOffsets) loca.setUint32(4 * font.numGlyphs, at);
  else loca.setUint16(2 * font.numGlyphs, at / 2);

  const tables = new Map(
    [...font.tables].map(([tag, { offset, length }]) => [tag, bytes.slice(offset, offset + length)]),
  );
  const head = tables.get('head')!;
  new DataView(head.buffer).setUint32(8, 0);
  new DataView(head.buffer).setInt16(50, longOffsets ? 1 : 0);
  const hmtx = new DataView(tables.get('hmtx')!.buffer);
  const metrics = new DataView(tables.get('hhea')!.buffer).getUint16(34);
  leftEdges.forEach((edge, glyph) => {
    if (edge === undefined) return;
    hmtx.setInt16(glyph < metrics ? 4 * glyph + 2 : 4 * metrics + 2 * (glyph - metrics), edge);
  });
  tables.set('glyf', glyf);
  tables.set('loca', new Uint8Array(loca.buffer));
  // Hinting is gone, so the digital signature and the device metrics tables would describe another font.
  for (const tag of ['DSIG', 'hdmx', 'LTSH', 'VDMX']) tables.delete(tag);
  return sfnt([...tables]);
}

const pad2 = (length: number) => (length + 1) & ~1;

function decodeSimple(outline: Uint8Array): Point[][] {
  const view = new DataView(outline.buffer, outline.byteOffset, outline.byteLength);
  const contours = view.getInt16(0);
  const ends: number[] = [];
  for (let i = 0; i < contours; i++) ends.push(view.getUint16(10 + 2 * i));
  const count = contours ? ends.at(-1)! + 1 : 0;
  let at = 10 + 2 * contours;
  at += 2 + view.getUint16(at);
  const flags: number[] = [];
  while (flags.length < count) {
    const flag = outline[at++]!;
    flags.push(flag);
    if (flag & FLAG.REPEAT) for (let repeat = outline[at++]!; repeat > 0; repeat--) flags.push(flag);
  }
  const coordinates = (short: number, same: number) => {
    let value = 0;
    return flags.map((flag) => {
      if (flag & short) value += flag & same ? outline[at++]! : -outline[at++]!;
      else if (!(flag & same)) {
        value += view.getInt16(at);
        at += 2;
      }
      return value;
    });
  };
  const xs = coordinates(FLAG.X_SHORT, FLAG.X_SAME_OR_POSITIVE);
  const ys = coordinates(FLAG.Y_SHORT, FLAG.Y_SAME_OR_POSITIVE);
  let start = 0;
  return ends.map((end) => {
    const contour = flags
      .slice(start, end + 1)
      .map((flag, i) => ({ x: xs[start + i]!, y: ys[start + i]!, on: (flag & FLAG.ON_CURVE) !== 0 }));
    start = end + 1;
    return contour;
  });
}

const snap = (contour: Point[], grid: number) =>
  contour.map(({ x, y, on }) => ({ x: Math.round(x / grid) * grid, y: Math.round(y / grid) * grid, on }));

/** Drops points that no longer change the outline, until none is left to drop (a contour keeps three at least). */
function simplify(contour: Point[]): Point[] {
  const points = [...contour];
  let dropped = true;
  while (dropped && points.length > 3) {
    dropped = false;
    for (let i = 0; i < points.length && points.length > 3; i++) {
      const before = points[(i + points.length - 1) % points.length]!;
      const point = points[i]!;
      const after = points[(i + 1) % points.length]!;
      const same = (a: Point, b: Point) => a.x === b.x && a.y === b.y;
      const redundant = point.on
        ? (same(point, after) && after.on) ||
          (before.on && after.on && between(before, point, after)) ||
          (!before.on && !after.on && 2 * point.x === before.x + after.x && 2 * point.y === before.y + after.y)
        : (same(point, before) && before.on) ||
          (same(point, after) && after.on) ||
          (before.on && after.on && between(before, point, after));
      if (redundant) {
        points.splice(i, 1);
        dropped = true;
        i--;
      }
    }
  }
  return points;
}

/** Whether `point` lies on the segment from `a` to `b`. */
function between(a: Point, point: Point, b: Point): boolean {
  const cross = (point.x - a.x) * (b.y - a.y) - (point.y - a.y) * (b.x - a.x);
  const dot = (point.x - a.x) * (b.x - a.x) + (point.y - a.y) * (b.y - a.y);
  return cross === 0 && dot >= 0 && dot <= (b.x - a.x) ** 2 + (b.y - a.y) ** 2;
}

/** A simple glyph in glyf's compact form: flags run-length coded, each coordinate a delta of one byte where it fits. */
function encodeSimple(contours: Point[][], overlap: boolean): Uint8Array {
  const points = contours.flat();
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const flags: number[] = [];
  const xBytes: number[] = [];
  const yBytes: number[] = [];
  const delta = (value: number, short: number, same: number, out: number[]) => {
    if (value === 0) return same;
    if (Math.abs(value) < 256) {
      out.push(Math.abs(value));
      return short | (value > 0 ? same : 0);
    }
    out.push((value >> 8) & 0xff, value & 0xff);
    return 0;
  };
  points.forEach((point, i) => {
    let flag = (point.on ? FLAG.ON_CURVE : 0) | (i === 0 && overlap ? FLAG.OVERLAP_SIMPLE : 0);
    flag |= delta(point.x - (i ? xs[i - 1]! : 0), FLAG.X_SHORT, FLAG.X_SAME_OR_POSITIVE, xBytes);
    flag |= delta(point.y - (i ? ys[i - 1]! : 0), FLAG.Y_SHORT, FLAG.Y_SAME_OR_POSITIVE, yBytes);
    flags.push(flag);
  });
  const packedFlags: number[] = [];
  for (let i = 0; i < flags.length; ) {
    let run = 1;
    while (i + run < flags.length && flags[i + run] === flags[i] && run < 256) run++;
    if (run > 1) packedFlags.push(flags[i]! | FLAG.REPEAT, run - 1);
    else packedFlags.push(flags[i]!);
    i += run;
  }
  const header = new DataView(new ArrayBuffer(10 + 2 * contours.length + 2));
  header.setInt16(0, contours.length);
  header.setInt16(2, Math.min(...xs));
  header.setInt16(4, Math.min(...ys));
  header.setInt16(6, Math.max(...xs));
  header.setInt16(8, Math.max(...ys));
  let end = -1;
  contours.forEach((contour, i) => {
    end += contour.length;
    header.setUint16(10 + 2 * i, end);
  });
  header.setUint16(10 + 2 * contours.length, 0);
  return new Uint8Array([...new Uint8Array(header.buffer), ...packedFlags, ...xBytes, ...yBytes]);
}
