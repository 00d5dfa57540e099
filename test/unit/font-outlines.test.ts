import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '#core/errors.ts';
import { parseTrueType } from '#core/pdf/truetype.ts';
import { subsetFont } from '../../tools/fonts/harfbuzz-subset.ts';
import { FONT_GRID, snapOutlines } from '../../tools/fonts/outlines.ts';

const GRID = FONT_GRID;
/** A source font without hinting, as the font tool subsets it before snapping. */
function unhinted(file: string): Uint8Array {
  const bytes = new Uint8Array(readFileSync(new URL(`../../assets/font-sources/${file}`, import.meta.url)));
  return subsetFont(bytes, { codePoints: parseTrueType(bytes).cmap.keys(), nameIds: [1, 2] });
}

interface Glyph {
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
  advanceWidth: number;
  path: { commands: { args: number[] }[] };
}
const open = (bytes: Uint8Array) =>
  fontkit.create(Buffer.from(bytes)) as unknown as {
    numGlyphs: number;
    characterSet: number[];
    getGlyph(id: number): Glyph;
    glyphForCodePoint(code: number): { id: number };
  };

describe('fonts snapped to a grid for embedding', { timeout: 60_000 }, () => {
  it.each(['NotoSansTelugu-Regular.ttf', 'NotoSans-Regular.ttf'])(
    '%s: every glyph keeps its place, size and advance within half a grid step, and the outlines compress smaller',
    (file) => {
      const before = unhinted(file);
      const after = snapOutlines(before, GRID);
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
        for (const side of ['minX', 'minY', 'maxX', 'maxY'] as const)
          expect(Math.abs(b.bbox[side] - a.bbox[side]), `glyph ${id} ${side}`).toBeLessThanOrEqual(GRID / 2 + 1);
      }
      const outlines = (bytes: Uint8Array) => deflateSync(bytes).length;
      expect(outlines(after)).toBeLessThan(outlines(before) * 0.95);
    },
  );

  it('refuses a file that is not a TrueType font', () => {
    expect(() => snapOutlines(new TextEncoder().encode('OTTO not glyf outlines'), GRID)).toThrow(ConfigurationError);
  });
});
