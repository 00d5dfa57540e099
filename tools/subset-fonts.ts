import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTrueType } from '../lambdas/core/pdf/truetype.ts';
import { subsetFont } from './fonts/harfbuzz-subset.ts';
import { FONT_GRID, snapOutlines } from './fonts/outlines.ts';

/**
 * `npx tsx tools/subset-fonts.ts`: makes the fonts the code ships (assets/fonts/) from the full Noto fonts
 * (assets/font-sources/), without hinting and, for Noto Sans, with the scripts a certificate prints in Latin
 * letters. Run again after changing a source font or the repertoire; the output is committed, and the bundle and the
 * tests read it. The SIL Open Font License of the sources covers the subsets (a modified version, no reserved names),
 * so its text is copied beside them.
 */
const SOURCES = 'assets/font-sources';
const OUTPUT = 'assets/fonts';

/** Latin in all its extensions (transliterated Indian names use ā, ṭ, ṇ, ś…), Greek, Cyrillic, and the symbols. */
const LATIN_REPERTOIRE: [number, number][] = [
  [0x0020, 0x007e],
  [0x00a0, 0x036f],
  [0x0370, 0x03ff],
  [0x0400, 0x04ff],
  [0x1e00, 0x1eff],
  [0x2000, 0x206f],
  [0x20a0, 0x20cf],
  [0x2100, 0x21ff],
  [0x2200, 0x22ff],
  [0x25cc, 0x25cc],
];

/** Name records kept: copyright, family and style names, version, PostScript name, trademark, makers, licence. */
const NAME_IDS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14];

const FONTS: { file: string; repertoire: 'latin' | 'whole'; grid: number }[] = [
  { file: 'NotoSans-Regular.ttf', repertoire: 'latin', grid: FONT_GRID.latin },
  { file: 'NotoSans-Bold.ttf', repertoire: 'latin', grid: FONT_GRID.latin },
  // Every character of the Telugu fonts: the subset only drops hinting, so any Telugu text still shapes.
  { file: 'NotoSansTelugu-Regular.ttf', repertoire: 'whole', grid: FONT_GRID.telugu },
  { file: 'NotoSansTelugu-Bold.ttf', repertoire: 'whole', grid: FONT_GRID.telugu },
];

for (const { file, repertoire, grid } of FONTS) {
  const source = new Uint8Array(readFileSync(join(SOURCES, file)));
  const mapped = [...parseTrueType(source).cmap.keys()];
  const codePoints =
    repertoire === 'whole'
      ? mapped
      : mapped.filter((code) => LATIN_REPERTOIRE.some(([first, last]) => code >= first && code <= last));
  const subset = snapOutlines(subsetFont(source, { codePoints, nameIds: NAME_IDS }), grid);
  writeFileSync(join(OUTPUT, file), subset);
  console.log(`${file}: ${source.length} → ${subset.length} bytes, ${codePoints.length} characters`);
}
copyFileSync(join(SOURCES, 'OFL.txt'), join(OUTPUT, 'OFL.txt'));
