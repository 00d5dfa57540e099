import { componentsOf } from './truetype.ts';

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

/** A point of a glyph's outline, font units: on the curve, or the control point of a quadratic piece. */
export interface Point {
  x: number;
  y: number;
  on: boolean;
}

/** A simple glyph's contours, each a list of its points (the outline's flags and coordinate deltas decoded). */
export function decodeSimple(outline: Uint8Array): Point[][] {
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

/**
 * A simple glyph in glyf's compact form: each coordinate a delta of one byte where it fits, and the flags run-length
 * coded unless `repeatFlags` is false (a font deflated as a whole, as PDF embeds it, is smaller with each point's flag
 * written out: deflate finds the same runs of flags across glyphs).
 */
export function encodeSimple(contours: Point[][], overlap: boolean, repeatFlags = true): Uint8Array {
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
    while (repeatFlags && i + run < flags.length && flags[i + run] === flags[i] && run < 256) run++;
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

/** Whether a simple glyph says its contours overlap (the flag on its first point). */
export function overlaps(outline: Uint8Array): boolean {
  const view = new DataView(outline.buffer, outline.byteOffset, outline.byteLength);
  const contours = view.getInt16(0);
  return (outline[10 + 2 * contours + 2 + view.getUint16(10 + 2 * contours)]! & FLAG.OVERLAP_SIMPLE) !== 0;
}

/**
 * A glyph's outline with every coordinate divided by `divisor` (rounded), for a font whose em is that many times
 * smaller: a simple glyph's points and bounding box, a composite's box and component offsets. Point numbers and
 * transforms stay as they are; a simple glyph's flags are written one a point, for a program deflated whole.
 */
export function scaledOutline(outline: Uint8Array, divisor: number): Uint8Array {
  if (outline.length === 0 || divisor === 1) return outline;
  const view = new DataView(outline.buffer, outline.byteOffset, outline.byteLength);
  const contours = view.getInt16(0);
  if (contours > 0) {
    const scale = (value: number) => Math.round(value / divisor);
    return encodeSimple(
      decodeSimple(outline).map((contour) => contour.map(({ x, y, on }) => ({ x: scale(x), y: scale(y), on }))),
      overlaps(outline),
      false,
    );
  }
  const scaled = outline.slice();
  const out = new DataView(scaled.buffer);
  out.setInt16(2, Math.floor(view.getInt16(2) / divisor));
  out.setInt16(4, Math.floor(view.getInt16(4) / divisor));
  out.setInt16(6, Math.ceil(view.getInt16(6) / divisor));
  out.setInt16(8, Math.ceil(view.getInt16(8) / divisor));
  for (const { argumentsAt: at, wordArguments, offset } of componentsOf(outline)) {
    if (!offset) continue;
    const [dx, dy] = offset.map((value) => Math.round(value / divisor));
    if (wordArguments) {
      out.setInt16(at, dx!);
      out.setInt16(at + 2, dy!);
    } else {
      out.setInt8(at, dx!);
      out.setInt8(at + 1, dy!);
    }
  }
  return scaled;
}
