import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '#core/errors.ts';
import { parseTrueType } from '#core/pdf/truetype.ts';
import { subsetFont } from '../../tools/fonts/harfbuzz-subset.ts';
import { CURVE_TOLERANCE, FONT_GRID, snapOutlines } from '../../tools/fonts/outlines.ts';

/** A source font without hinting, as the font tool subsets it before snapping. */
function unhinted(file: string): Uint8Array {
  const bytes = new Uint8Array(readFileSync(new URL(`../../assets/font-sources/${file}`, import.meta.url)));
  return subsetFont(bytes, { codePoints: parseTrueType(bytes).cmap.keys(), nameIds: [1, 2] });
}

interface Glyph {
  advanceWidth: number;
  path: { commands: { command: string; args: number[] }[] };
}

/** How far a point of the new outline may be from the old: a merged curve's tolerance, then half a grid step. */
const near = (grid: number) => CURVE_TOLERANCE + (grid * Math.SQRT2) / 2 + 0.5;

type Point = [number, number];

/** Points along a glyph's outline, eight along each curve, and its contours as polylines through them. */
function traced(glyph: Glyph): Point[][] {
  const contours: Point[][] = [];
  let contour: Point[] = [];
  for (const { command, args } of glyph.path.commands) {
    const from = contour.at(-1)!;
    if (command === 'moveTo') {
      contour = [[args[0]!, args[1]!]];
      contours.push(contour);
    } else if (command === 'lineTo') contour.push([args[0]!, args[1]!]);
    else if (command === 'quadraticCurveTo')
      for (let i = 1; i <= 8; i++) {
        const t = i / 8;
        const u = 1 - t;
        contour.push([
          u * u * from[0] + 2 * u * t * args[0]! + t * t * args[2]!,
          u * u * from[1] + 2 * u * t * args[1]! + t * t * args[3]!,
        ]);
      }
    else if (command === 'closePath') contour.push(contour[0]!);
  }
  return contours;
}

/** The left, bottom, right and top of what a glyph draws (its curves, not their control points). */
function extent(glyph: Glyph): number[] {
  const points = traced(glyph).flat();
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function distanceToPolylines(point: Point, polylines: Point[][]): number {
  let nearest = Number.POSITIVE_INFINITY;
  for (const line of polylines)
    for (let i = 1; i < line.length; i++) {
      const [a, b] = [line[i - 1]!, line[i]!];
      const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
      const length = dx * dx + dy * dy;
      const t = length ? Math.max(0, Math.min(1, ((point[0] - a[0]) * dx + (point[1] - a[1]) * dy) / length)) : 0;
      nearest = Math.min(nearest, Math.hypot(point[0] - a[0] - t * dx, point[1] - a[1] - t * dy));
    }
  return nearest;
}
const open = (bytes: Uint8Array) =>
  fontkit.create(Buffer.from(bytes)) as unknown as {
    numGlyphs: number;
    characterSet: number[];
    getGlyph(id: number): Glyph;
    glyphForCodePoint(code: number): { id: number };
  };

describe('fonts snapped to a grid for embedding', { timeout: 60_000 }, () => {
  it.each([
    ['NotoSansTelugu-Regular.ttf', FONT_GRID.telugu],
    ['NotoSans-Regular.ttf', FONT_GRID.latin],
  ])(
    "%s: every glyph keeps its place, size and advance within a merged curve's tolerance and half a grid step (%i units), and the outlines compress smaller",
    (file, grid) => {
      const before = unhinted(file);
      const after = snapOutlines(before, grid);
      const [original, snapped] = [open(before), open(after)];
      expect(snapped.numGlyphs).toBe(original.numGlyphs);
      for (const code of [0x41, 0x67, 0x0c06, 0x0c24, 0x0c4d]) {
        if (!original.characterSet.includes(code)) continue;
        expect(snapped.glyphForCodePoint(code).id).toBe(original.glyphForCodePoint(code).id);
      }
      for (let id = 0; id < original.numGlyphs; id++) {
        const [a, b] = [original.getGlyph(id), snapped.getGlyph(id)];
        expect(b.advanceWidth).toBe(a.advanceWidth);
        if (a.path.commands.length === 0) continue;
        const [before, after] = [extent(a), extent(b)];
        before.forEach((edge, side) => {
          expect(Math.abs(after[side]! - edge), `glyph ${id} edge ${side}`).toBeLessThanOrEqual(
            CURVE_TOLERANCE + grid / 2 + 1,
          );
        });
      }
      const outlines = (bytes: Uint8Array) => deflateSync(bytes).length;
      expect(outlines(after)).toBeLessThan(outlines(before) * 0.95);
    },
  );

  it.each([
    ['NotoSansTelugu-Regular.ttf', FONT_GRID.telugu, [0x0c06, 0x0c15, 0x0c24, 0x0c30, 0x0c37, 0x0c4d, 0x0c67]],
    ['NotoSans-Regular.ttf', FONT_GRID.latin, [0x43, 0x47, 0x4f, 0x53, 0x61, 0x65, 0x67, 0x73, 0x20b9]],
  ] as const)(
    '%s: every point of a merged outline lies near the original one, and the original near it',
    (file, grid, codes) => {
      const before = unhinted(file);
      const [original, snapped] = [open(before), open(snapOutlines(before, grid))];
      for (const code of codes) {
        const id = original.glyphForCodePoint(code).id;
        const [a, b] = [traced(original.getGlyph(id)), traced(snapped.getGlyph(id))];
        const farthest = (points: Point[][], from: Point[][]) =>
          Math.max(...points.flat().map((point) => distanceToPolylines(point, from)));
        expect(farthest(b, a), `U+${code.toString(16)} drawn off the original`).toBeLessThanOrEqual(near(grid));
        expect(farthest(a, b), `U+${code.toString(16)} original left out`).toBeLessThanOrEqual(near(grid));
      }
    },
  );

  it('refuses a file that is not a TrueType font', () => {
    expect(() => snapOutlines(new TextEncoder().encode('OTTO not glyf outlines'), FONT_GRID.latin)).toThrow(
      ConfigurationError,
    );
  });
});
