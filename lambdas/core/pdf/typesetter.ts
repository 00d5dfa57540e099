import type { PDFDocument, PDFFont, PDFPage, RGB } from 'pdf-lib';
import type { CertificateFonts } from './font-files.ts';
import { drawShapedLine, type ShapedLine, shapedWidth } from './shaped-text.ts';
import { createShaper, type Shaper } from './shaping.ts';

export interface TextStyle {
  size: number;
  bold?: boolean;
  color: RGB;
}

/** The embedded fonts of one document: Noto Sans for Latin text, Noto Sans Telugu (shaped) for Telugu. */
export interface EmbeddedFonts {
  regular: PDFFont;
  bold: PDFFont;
  teluguRegular: PDFFont;
  teluguBold: PDFFont;
}

type Script = 'latin' | 'telugu';
interface Run {
  script: Script;
  text: string;
}

const TELUGU = /[\u0C00-\u0C7F\u200C\u200D]/u;
const LETTER = /[\p{L}\p{M}]/u;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** One HarfBuzz shaper per font file, made once per container. */
const shapers = new WeakMap<Uint8Array, Shaper>();
function shaperFor(bytes: Uint8Array): Shaper {
  let shaper = shapers.get(bytes);
  if (!shaper) {
    shaper = createShaper(bytes);
    shapers.set(bytes, shaper);
  }
  return shaper;
}

const coverage = new WeakMap<PDFFont, Set<number>>();
function covers(font: PDFFont, character: string): boolean {
  let set = coverage.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    coverage.set(font, set);
  }
  return set.has(character.codePointAt(0)!) || /\s/u.test(character);
}

/**
 * Sets text of either script, or both in one line: a line is cut into runs, Telugu runs shaped by HarfBuzz in Noto
 * Sans Telugu (which has no Latin letters), the rest in Noto Sans. Spaces, digits and punctuation stay with the
 * run they sit in, so "₹1,20,000 (ఒక లక్ష …)" keeps its figures in the Telugu line. In a dry run it only measures,
 * which is how a layout finds the size that fits one page before drawing anything.
 */
export class Typesetter {
  readonly shapedLines: (ShapedLine & { text: string; weight: 'regular' | 'bold' })[] = [];
  dryRun = false;
  private readonly widths = new Map<string, number>();

  constructor(
    private readonly pdf: PDFDocument,
    private readonly page: PDFPage,
    private readonly fonts: EmbeddedFonts,
    private readonly files: CertificateFonts,
  ) {}

  /** Whether every character can be drawn by one of the fonts: a value is printed whole or not at all. */
  canDraw(text: string): boolean {
    for (const { segment } of graphemes.segment(text)) {
      const first = [...segment][0]!;
      const font = TELUGU.test(first) ? this.fonts.teluguRegular : this.fonts.regular;
      if (![...segment].every((character) => covers(font, character) || /[\u200C\u200D]/u.test(character)))
        return false;
    }
    return true;
  }

  width(text: string, style: TextStyle): number {
    // Widths scale with the size: measured once per text and weight, at 1 pt.
    const key = `${style.bold ? 'b' : 'r'}:${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      const unit = { ...style, size: 1 };
      width = this.runs(text).reduce((sum, run) => sum + this.runWidth(run, unit), 0);
      this.widths.set(key, width);
    }
    return width * style.size;
  }

  draw(text: string, x: number, y: number, style: TextStyle): void {
    if (this.dryRun) return;
    let left = x;
    for (const run of this.runs(text)) {
      if (run.script === 'telugu') {
        const bytes = style.bold ? this.files.teluguBold : this.files.teluguRegular;
        const font = style.bold ? this.fonts.teluguBold : this.fonts.teluguRegular;
        const line = drawShapedLine(this.pdf, this.page, font, shaperFor(bytes), run.text, {
          x: left,
          y,
          size: style.size,
          color: style.color,
        });
        this.shapedLines.push({ text: run.text, weight: style.bold ? 'bold' : 'regular', ...line });
      } else {
        const font = style.bold ? this.fonts.bold : this.fonts.regular;
        this.page.drawText(run.text, { x: left, y, size: style.size, font, color: style.color });
      }
      left += this.width(run.text, style);
    }
  }

  centred(text: string, centre: number, y: number, style: TextStyle): void {
    this.draw(text, centre - this.width(text, style) / 2, y, style);
  }

  right(text: string, rightEdge: number, y: number, style: TextStyle): void {
    this.draw(text, rightEdge - this.width(text, style), y, style);
  }

  /**
   * Greedy word wrap, measuring each word once (shaping is the costly part); a word wider than the line (a URL, a
   * hash) is broken between characters.
   */
  wrap(text: string, width: number, style: TextStyle): string[] {
    const space = this.width(' ', style);
    const lines: string[] = [];
    let line = '';
    let lineWidth = 0;
    for (const word of text.split(' ')) {
      const wordWidth = this.width(word, style);
      if (line && lineWidth + space + wordWidth <= width) {
        line += ` ${word}`;
        lineWidth += space + wordWidth;
        continue;
      }
      if (line) lines.push(line);
      let rest = word;
      while (this.width(rest, style) > width) {
        const parts = [...graphemes.segment(rest)].map((s) => s.segment);
        let cut = parts.length - 1;
        while (cut > 1 && this.width(parts.slice(0, cut).join(''), style) > width) cut--;
        // A URL reads better broken after a slash.
        const slash = parts.lastIndexOf('/', cut - 1);
        if (slash > cut / 2) cut = slash + 1;
        lines.push(parts.slice(0, cut).join(''));
        rest = parts.slice(cut).join('');
      }
      line = rest;
      lineWidth = this.width(rest, style);
    }
    if (line) lines.push(line);
    return lines;
  }

  private runWidth(run: Run, style: TextStyle): number {
    if (run.script === 'telugu')
      return shapedWidth(
        shaperFor(style.bold ? this.files.teluguBold : this.files.teluguRegular),
        run.text,
        style.size,
      );
    return (style.bold ? this.fonts.bold : this.fonts.regular).widthOfTextAtSize(run.text, style.size);
  }

  /** Cuts a line into script runs; characters that belong to neither script join the run they are in. */
  private runs(text: string): Run[] {
    const runs: Run[] = [];
    let pending = '';
    for (const { segment } of graphemes.segment(text)) {
      const first = [...segment][0]!;
      const script: Script | undefined = TELUGU.test(first)
        ? 'telugu'
        : LETTER.test(first) || !covers(this.fonts.teluguRegular, first)
          ? 'latin'
          : undefined;
      const last = runs.at(-1);
      if (!script) {
        if (last) last.text += segment;
        else pending += segment;
      } else if (last?.script === script) last.text += segment;
      else {
        runs.push({ script, text: pending + segment });
        pending = '';
      }
    }
    if (pending) runs.push({ script: 'latin', text: pending });
    return runs;
  }
}
