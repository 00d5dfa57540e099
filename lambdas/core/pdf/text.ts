import type { PDFFont } from 'pdf-lib';

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Keeps the characters the font can draw. Until Telugu shaping lands, the Latin font cannot show Telugu; dropping
 * what it lacks (instead of letting pdf-lib throw) keeps issuance working, and the caller notes the omission.
 */
export function drawable(font: PDFFont, text: string): { text: string; omitted: boolean } {
  const covered = coverageOf(font);
  let kept = '';
  let omitted = false;
  for (const { segment } of graphemes.segment(text)) {
    if ([...segment].every((character) => covered.has(character.codePointAt(0)!) || /\s/.test(character)))
      kept += segment;
    else omitted = true;
  }
  return { text: kept.replace(/\s+/g, ' ').trim(), omitted };
}

const coverage = new WeakMap<PDFFont, Set<number>>();

function coverageOf(font: PDFFont): Set<number> {
  let set = coverage.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    coverage.set(font, set);
  }
  return set;
}

/** Greedy word wrap; a word wider than the line (a URL, a hash) is broken between characters. */
export function wrap(font: PDFFont, size: number, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    let rest = word;
    while (font.widthOfTextAtSize(rest, size) > width) {
      let cut = rest.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
      // A URL reads better broken after a slash.
      const slash = rest.lastIndexOf('/', cut - 1);
      if (slash > cut / 2) cut = slash + 1;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}
