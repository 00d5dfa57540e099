import { type Color, type ContentStream, EMBOLDEN_EM } from './content-stream.ts';
import type { DocumentFont } from './document-font.ts';
import type { CertificateFonts } from './font-files.ts';
import { type FontProgram, fontProgram } from './font-program.ts';
import { positionedGlyphs, type ShapedLine } from './shaped-text.ts';

export interface TextStyle {
  size: number;
  bold?: boolean;
  color: Color;
}

type Script = 'latin' | 'telugu';
interface Run {
  script: Script;
  text: string;
}

const isTelugu = (code: number) => (code >= 0x0c00 && code <= 0x0c7f) || code === 0x200c || code === 0x200d;
const isJoiner = (code: number) => code === 0x200c || code === 0x200d;
const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;
const isLetter = (code: number) =>
  (code >= 0x41 && code <= 0x5a) ||
  (code >= 0x61 && code <= 0x7a) ||
  (code > 0x7f && LETTER.test(String.fromCodePoint(code)));
const isMark = (code: number) => code >= 0x300 && MARK.test(String.fromCodePoint(code));
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * A move of the pen to the right between two glyphs, in thousandths of an em, that a reader finding words by the
 * glyphs' places might take for a space: half of poppler's smallest word break (a tenth of the font size).
 */
const WORD_GAP = 50;

/** Entries kept in each per-container measurement cache before it starts again. */
const CACHED_TEXTS = 8192;

/**
 * What is measured from the four fonts, once per container and text: the script runs of a line, its width, and
 * whether the fonts can draw it. A page measures each text several times (the sizes tried until the body fits),
 * and most texts (labels, the fixed sentences) are the same on every certificate.
 */
class Measures {
  readonly latin: FontProgram;
  readonly telugu: FontProgram;
  private readonly runCache = new Map<string, Run[]>();
  private readonly widthCache = { regular: new Map<string, number>(), bold: new Map<string, number>() };
  private readonly drawable = new Map<string, boolean>();
  private readonly lineCache = new Map<string, string[]>();

  constructor(files: CertificateFonts) {
    this.latin = fontProgram(files.regular);
    this.telugu = fontProgram(files.teluguRegular);
  }

  /** Width at 1 pt. */
  width(text: string, bold: boolean): number {
    const cache = bold ? this.widthCache.bold : this.widthCache.regular;
    let width = cache.get(text);
    if (width === undefined) {
      width = 0;
      for (const run of this.runs(text)) width += this.runWidth(run, bold);
      remember(cache, text, width);
    }
    return width;
  }

  /** The lines of a wrapped text, which depend on the line's width in ems only (`ems`: width ÷ size). */
  lines(text: string, ems: number, bold: boolean, wrap: () => string[]): string[] {
    const key = `${bold ? 'b' : 'r'}${ems}:${text}`;
    let lines = this.lineCache.get(key);
    if (!lines) {
      lines = wrap();
      remember(this.lineCache, key, lines);
    }
    return lines;
  }

  /** Bold Latin letters are spaced wider by their stroke (ContentStream.text); Telugu keeps HarfBuzz's spacing. */
  runWidth(run: Run, bold: boolean): number {
    if (run.script === 'latin')
      return this.latin.widthOf(run.text) + (bold ? this.latin.glyphsOf(run.text).length * EMBOLDEN_EM : 0);
    const shaper = this.telugu.shaper();
    let advance = 0;
    for (const glyph of shaper.shape(run.text)) advance += glyph.xAdvance;
    return advance / shaper.unitsPerEm;
  }

  /** Whether every character can be drawn by the font of its cluster (a mark goes with its base letter). */
  canDraw(text: string): boolean {
    let drawable = this.drawable.get(text);
    if (drawable === undefined) {
      drawable = true;
      let cluster: FontProgram | undefined;
      for (const character of text) {
        const code = character.codePointAt(0)!;
        if (!cluster || !(isMark(code) || isJoiner(code))) cluster = isTelugu(code) ? this.telugu : this.latin;
        if (!cluster.covers(code) && !isJoiner(code)) drawable = false;
      }
      remember(this.drawable, text, drawable);
    }
    return drawable;
  }

  /**
   * Cuts a line into script runs. Telugu letters go to Noto Sans Telugu (which has no Latin letters); other letters,
   * and the digits and punctuation Noto Sans has, to Noto Sans, so "₹1,20,000 (ఒక లక్ష …)" prints its figures as the
   * English line does and the document embeds them once, not in both fonts; a space stays with the run it sits in,
   * and a combining mark with its letter.
   */
  runs(text: string): Run[] {
    let runs = this.runCache.get(text);
    if (runs) return runs;
    runs = [];
    let pending = '';
    for (const character of text) {
      const code = character.codePointAt(0)!;
      const last = runs.at(-1);
      const script: Script | undefined = isTelugu(code)
        ? 'telugu'
        : isMark(code)
          ? last?.script
          : code === 0x20
            ? undefined
            : isLetter(code) || this.latin.covers(code) || !this.telugu.covers(code)
              ? 'latin'
              : undefined;
      if (!script) {
        if (last) last.text += character;
        else pending += character;
      } else if (last?.script === script) last.text += character;
      else {
        runs.push({ script, text: pending + character });
        pending = '';
      }
    }
    if (pending) runs.push({ script: 'latin', text: pending });
    remember(this.runCache, text, runs);
    return runs;
  }
}

function remember<T>(cache: Map<string, T>, key: string, value: T): void {
  if (cache.size >= CACHED_TEXTS) cache.clear();
  cache.set(key, value);
}

const measures = new WeakMap<CertificateFonts, Measures>();
function measuresOf(files: CertificateFonts): Measures {
  let found = measures.get(files);
  if (!found) {
    found = new Measures(files);
    measures.set(files, found);
  }
  return found;
}

/**
 * Sets text of either script, or both in one line, into a page's content stream: Latin runs one glyph per
 * character from the font's tables, Telugu runs as HarfBuzz shapes them (wrapped in /ActualText so the text copies
 * out as written). In a dry run it only measures, which is how a layout finds the size that fits one page before
 * drawing anything.
 */
export class Typesetter {
  /** Every Telugu run drawn; `weight` is the font its glyphs come from (bold text is the regular font, stroked). */
  readonly shapedLines: (ShapedLine & { text: string; weight: 'regular' | 'bold' })[] = [];
  dryRun = false;
  private readonly measures: Measures;

  constructor(
    private readonly content: ContentStream,
    /** Noto Sans for Latin text and Noto Sans Telugu (shaped) for Telugu, as one embedded font; bold is the same
     * outlines stroked (see ContentStream.text). */
    private readonly font: DocumentFont,
    files: CertificateFonts,
  ) {
    this.measures = measuresOf(files);
  }

  /** Whether every character can be drawn by one of the fonts: a value is printed whole or not at all. */
  canDraw(text: string): boolean {
    return this.measures.canDraw(text);
  }

  width(text: string, style: TextStyle): number {
    return this.measures.width(text, style.bold === true) * style.size;
  }

  draw(text: string, x: number, y: number, style: TextStyle): void {
    if (this.dryRun) return;
    let left = x;
    for (const run of this.measures.runs(text)) {
      const at = { size: style.size, color: style.color, x: left, y, bold: style.bold === true };
      if (run.script === 'telugu') {
        const { font } = this;
        const program = this.measures.telugu;
        const shaper = program.shaper();
        const glyphs = shaper.shape(run.text);
        const codes = glyphs.map((glyph) => font.code(program, glyph.glyphId));
        font.copiesAs(run.text, glyphs, codes);
        const { shown, width, widestGap, raised } = positionedGlyphs(
          glyphs,
          codes,
          (code) => font.widthOf(code),
          shaper.unitsPerEm,
          style.size,
          (run) => font.stringOf(run),
        );
        // Without /ActualText a reader copies the run by the ToUnicode map and finds its words by the glyphs' places.
        const copiesWhole = font.spells(run.text, codes) && widestGap < WORD_GAP && !raised;
        this.content.text({ ...at, font: font.resource, shown }, copiesWhole ? undefined : run.text);
        this.shapedLines.push({
          text: run.text,
          weight: 'regular',
          glyphIds: glyphs.map((glyph) => glyph.glyphId),
          subsetGlyphIds: codes,
          width,
        });
      } else {
        const { font } = this;
        const letterSpacing = at.bold ? EMBOLDEN_EM * style.size : 0;
        const shown = font.showText(this.measures.latin, run.text);
        this.content.text({ ...at, font: font.resource, shown, letterSpacing });
      }
      left += this.measures.runWidth(run, at.bold) * style.size;
    }
  }

  centred(text: string, centre: number, y: number, style: TextStyle): void {
    this.draw(text, centre - this.width(text, style) / 2, y, style);
  }

  right(text: string, rightEdge: number, y: number, style: TextStyle): void {
    this.draw(text, rightEdge - this.width(text, style), y, style);
  }

  /**
   * Greedy word wrap, measuring each word once; a word wider than the line (a URL, a hash) is broken between
   * characters, from the running sum of their widths. The same text at the same width in ems wraps the same way, so
   * the lines are kept per container (the body is wrapped at every size tried).
   */
  wrap(text: string, width: number, style: TextStyle): string[] {
    return this.measures.lines(text, width / style.size, style.bold === true, () => this.wrapped(text, width, style));
  }

  private wrapped(text: string, width: number, style: TextStyle): string[] {
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
      line = word;
      lineWidth = wordWidth;
      while (lineWidth > width) {
        const parts = [...graphemes.segment(line)].map((s) => s.segment);
        if (parts.length < 2) break;
        let cut = 1;
        let prefix = this.width(parts[0]!, style);
        while (cut < parts.length - 1 && prefix + this.width(parts[cut]!, style) <= width) {
          prefix += this.width(parts[cut]!, style);
          cut++;
        }
        // A URL reads better broken after a slash.
        const slash = parts.lastIndexOf('/', cut - 1);
        if (slash > cut / 2) cut = slash + 1;
        lines.push(parts.slice(0, cut).join(''));
        line = parts.slice(cut).join('');
        lineWidth = this.width(line, style);
      }
    }
    if (line) lines.push(line);
    return lines;
  }
}
