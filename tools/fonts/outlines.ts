import { sfnt } from '../../lambdas/core/pdf/font-subset.ts';
import { decodeSimple, encodeSimple, overlaps, type Point } from '../../lambdas/core/pdf/glyph-points.ts';
import { glyphOutline, parseTrueType } from '../../lambdas/core/pdf/truetype.ts';

/**
 * The grids the shipped fonts are snapped to, in units of their 1,000-unit em; a point moves by at most half a step.
 * Latin, 16 units (0.008 em: 0.15 pt in the 19 pt title): a certificate's embedded glyphs compress a fifth smaller
 * (10.3 KB where they were 13.2), and straight stems and bars keep their weight. Telugu, 32 units (0.016 em: 0.24 pt
 * in the 15 pt title, 0.13 pt in 8.4 pt text): its letters are drawn of round strokes, with no long straight stem or
 * bar whose thickness a coarser grid would change from letter to letter, and at 600 dpi the title looks the same; a
 * certificate's Telugu glyphs compress 0.4 KB smaller. A coarser grid for Latin shows: stems and bars of one weight
 * come out a fifth thicker or thinner from letter to letter. Both divide by 8, the embedded program's smaller em
 * (lambdas/core/pdf/font-subset.ts).
 */
export const FONT_GRID = { latin: 16, telugu: 32 } as const;

/**
 * How far, in units of the 1,000-unit em, a curve may move when neighbouring quadratic pieces are drawn as one. The
 * Noto fonts' outlines were converted from cubic curves to quadratic ones within one unit, so most smooth runs are two
 * or three pieces where one draws the same shape within a few units. Merging within 8 units leaves half the off-curve
 * points (Noto Sans Telugu: 8,428 of 17,933), and the glyphs a certificate embeds compress to 9.0 KB where they
 * were 10.2. With the grid, the outline stays within 0.02 em of the original (0.2 pt in 10 pt text).
 */
export const CURVE_TOLERANCE = 8;

/**
 * The font with every simple glyph's smooth curves merged where they can be (`CURVE_TOLERANCE`), its points moved to a
 * grid of `grid` font units, and the points that then say nothing dropped: repeated points, off-curve points on the
 * straight line between the ends of their curve, on-curve points in the middle of a straight line or halfway between
 * two off-curve points (where TrueType implies one). Each glyph's left side bearing follows its new left edge;
 * advances, character map and layout tables are left as they are, so text is measured and shaped as before.
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
    const snapped = encodeSimple(
      decodeSimple(outline).map((contour) => onCurveFirst(simplify(snap(mergeCurves(contour, CURVE_TOLERANCE), grid)))),
      overlaps(outline),
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

interface Vector {
  x: number;
  y: number;
}

/** A piece of a contour from `start` to the next piece's start: straight, or a quadratic curve through `control`. */
interface Piece {
  start: Vector;
  control?: Vector;
  /** Points along the part of the original outline this piece draws, from its start. */
  drawn: Vector[];
}

/**
 * The contour with neighbouring quadratic pieces that meet smoothly drawn as one wherever the one stays within
 * `tolerance` of the two: the new control point is where the two outer tangents meet, so the contour keeps its
 * direction at both ends. Corners (an on-curve point where the direction turns) are kept as they are.
 */
function mergeCurves(contour: Point[], tolerance: number): Point[] {
  const pieces = piecesOf(contour);
  if (pieces.length < 3) return contour;
  for (let i = 0; i < pieces.length && pieces.length > 2; ) {
    const first = pieces[i]!;
    const second = pieces[(i + 1) % pieces.length]!;
    const end = pieces[(i + 2) % pieces.length]!.start;
    const merged = first.control && second.control && mergedControl(first, second, end.x, end.y, tolerance);
    if (merged) {
      first.control = merged;
      first.drawn = [...first.drawn, ...second.drawn.slice(1)];
      pieces.splice((i + 1) % pieces.length, 1);
      if (i >= pieces.length) i = 0;
    } else i++;
  }
  return pointsOf(pieces);
}

/** TrueType's points as pieces, with the on-curve points it implies between two off-curve points made explicit. */
function piecesOf(contour: Point[]): Piece[] {
  const explicit: Point[] = [];
  contour.forEach((point, i) => {
    const next = contour[(i + 1) % contour.length]!;
    explicit.push(point);
    if (!point.on && !next.on) explicit.push({ x: (point.x + next.x) / 2, y: (point.y + next.y) / 2, on: true });
  });
  const first = explicit.findIndex((point) => point.on);
  const points = [...explicit.slice(first), ...explicit.slice(0, first)];
  const pieces: Piece[] = [];
  for (let i = 0; i < points.length; ) {
    const start = points[i]!;
    const next = points[i + 1];
    if (next && !next.on) {
      const end = points[(i + 2) % points.length]!;
      pieces.push({ start, control: next, drawn: sampled(start, next, end, SAMPLES) });
      i += 2;
    } else {
      pieces.push({ start, drawn: [start] });
      i += 1;
    }
  }
  return pieces;
}

/** The pieces as TrueType points, leaving out on-curve points exactly halfway between two control points. */
function pointsOf(pieces: Piece[]): Point[] {
  const points: Point[] = [];
  pieces.forEach((piece, i) => {
    const before = pieces[(i + pieces.length - 1) % pieces.length]!.control;
    const implied =
      before &&
      piece.control &&
      2 * piece.start.x === before.x + piece.control.x &&
      2 * piece.start.y === before.y + piece.control.y;
    if (!implied) points.push({ ...piece.start, on: true });
    if (piece.control) points.push({ ...piece.control, on: false });
  });
  return points;
}

/** Points taken along each quadratic piece to measure how far another strays from it. */
const SAMPLES = 16;

/** Sine of the largest turn at an on-curve point that still counts as smooth. */
const SMOOTH = 0.02;

/**
 * The control point of one quadratic piece from `first.start` to (`endX`, `endY`) drawing the two pieces within
 * `tolerance`, or undefined when they meet at a corner, their tangents do not meet ahead of both ends, or the one
 * piece strays further than `tolerance` from the two.
 */
function mergedControl(first: Piece, second: Piece, endX: number, endY: number, tolerance: number): Vector | undefined {
  const a = first.start;
  const c1 = first.control!;
  const m = second.start;
  const c2 = second.control!;
  const b = { x: endX, y: endY };
  const inward = { x: m.x - c1.x, y: m.y - c1.y };
  const outward = { x: c2.x - m.x, y: c2.y - m.y };
  const turn = cross(inward, outward) / (Math.hypot(inward.x, inward.y) * Math.hypot(outward.x, outward.y));
  if (!(Math.abs(turn) <= SMOOTH) || dot(inward, outward) <= 0) return undefined;
  const d1 = { x: c1.x - a.x, y: c1.y - a.y };
  const d2 = { x: c2.x - b.x, y: c2.y - b.y };
  const denominator = cross(d1, d2);
  if (Math.abs(denominator) < 1e-9) return undefined;
  const ab = { x: b.x - a.x, y: b.y - a.y };
  const t = cross(ab, d2) / denominator;
  const s = cross(ab, d1) / denominator;
  if (t <= 0 || s <= 0) return undefined;
  const control = { x: a.x + t * d1.x, y: a.y + t * d1.y };
  const merged = sampled(a, control, b, 2 * SAMPLES);
  const original = [...first.drawn, ...second.drawn.slice(1)];
  return farthest(original, merged) <= tolerance && farthest(merged, original) <= tolerance ? control : undefined;
}

const cross = (u: Vector, v: Vector) => u.x * v.y - u.y * v.x;
const dot = (u: Vector, v: Vector) => u.x * v.x + u.y * v.y;

/** `count` + 1 points along the quadratic curve from `p0` through `p1` to `p2`. */
function sampled(p0: Vector, p1: Vector, p2: Vector, count: number): Vector[] {
  return Array.from({ length: count + 1 }, (_, i) => {
    const t = i / count;
    const u = 1 - t;
    return { x: u * u * p0.x + 2 * u * t * p1.x + t * t * p2.x, y: u * u * p0.y + 2 * u * t * p1.y + t * t * p2.y };
  });
}

/** The largest distance from a point of `points` to the polyline through `line`. */
function farthest(points: Vector[], line: Vector[]): number {
  let worst = 0;
  for (const point of points) {
    let nearest = Number.POSITIVE_INFINITY;
    for (let i = 1; i < line.length; i++) nearest = Math.min(nearest, distanceToSegment(point, line[i - 1]!, line[i]!));
    worst = Math.max(worst, nearest);
  }
  return worst;
}

function distanceToSegment(point: Vector, from: Vector, to: Vector): number {
  const along = { x: to.x - from.x, y: to.y - from.y };
  const length = dot(along, along);
  const t =
    length === 0 ? 0 : Math.max(0, Math.min(1, dot({ x: point.x - from.x, y: point.y - from.y }, along) / length));
  return Math.hypot(point.x - from.x - t * along.x, point.y - from.y - t * along.y);
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

/**
 * The contour starting at an on-curve point, one made explicit where every on-curve point was implied: readers that
 * begin a contour at an off-curve point do not all draw it alike.
 */
function onCurveFirst(contour: Point[]): Point[] {
  const first = contour.findIndex((point) => point.on);
  if (first >= 0) return [...contour.slice(first), ...contour.slice(0, first)];
  const [start, end] = [contour[0]!, contour.at(-1)!];
  return [{ x: (start.x + end.x) / 2, y: (start.y + end.y) / 2, on: true }, ...contour];
}

/** Whether `point` lies on the segment from `a` to `b`. */
function between(a: Point, point: Point, b: Point): boolean {
  const cross = (point.x - a.x) * (b.y - a.y) - (point.y - a.y) * (b.x - a.x);
  const dot = (point.x - a.x) * (b.x - a.x) + (point.y - a.y) * (b.y - a.y);
  return cross === 0 && dot >= 0 && dot <= (b.x - a.x) ** 2 + (b.y - a.y) ** 2;
}
