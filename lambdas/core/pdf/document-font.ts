import { deflateSync } from 'node:zlib';
import { type PDFContext, PDFName, PDFRawStream, type PDFRef, PDFString } from 'pdf-lib';
import { byteString, pdfNumber } from './content-stream.ts';
import type { FontProgram } from './font-program.ts';
import { boundingBoxOf, GlyphSubset } from './font-subset.ts';
import type { TrueTypeFont } from './truetype.ts';

/**
 * The fonts one document draws with, as the one font the PDF embeds: the glyphs drawn from any of them, numbered in
 * one subset as they are first used, written as a Type 0 font over a CIDFontType2 (Identity-H: each glyph is a
 * two-byte code, its subset id) with the subset font program, its widths and a ToUnicode map.
 */
export class DocumentFont {
  readonly subset: GlyphSubset;
  /** What each code stands for when text is copied: one character, or the several a conjunct's part draws. */
  private readonly characters = new Map<number, string>();
  /** The shaped texts `copiesAs` has looked at. */
  private readonly copied = new Set<string>();

  constructor(
    /** The first gives the font-wide metrics (Noto Sans); all share one em. */
    readonly programs: readonly [FontProgram, ...FontProgram[]],
    /** The name of the font in the page's resources. */
    readonly resource: string,
  ) {
    this.subset = new GlyphSubset(programs.map((program) => program.font) as [TrueTypeFont, ...TrueTypeFont[]]);
  }

  get used(): boolean {
    return this.subset.glyphs.length > 1;
  }

  /** The code of a glyph of one of the fonts, adding it to the subset. */
  code(program: FontProgram, glyph: number): number {
    const code = this.subset.idOf(program.font, glyph);
    if (!this.characters.has(code)) {
      const character = program.characterOf(glyph);
      if (character !== undefined) this.characters.set(code, String.fromCodePoint(character));
    }
    return code;
  }

  /**
   * Gives the glyphs of a shaped run that stand for no one character (a consonant's subscript form, a conjunct) the
   * characters of their cluster the others do not stand for, so that a reader copying or searching text by the
   * ToUnicode map (most viewers; /ActualText is for those that read it) gets the words, and a screen reader can read
   * them. A code keeps what it was first given: a glyph stands for the same characters wherever it is drawn.
   */
  copiesAs(text: string, glyphs: readonly { cluster: number }[], codes: readonly number[]): void {
    // A text drawn again (a label on every row, the same name twice) has nothing new to give.
    if (this.copied.has(text)) return;
    this.copied.add(text);
    // HarfBuzz gives a left-to-right run's glyphs in the order of their clusters.
    for (let first = 0; first < glyphs.length; ) {
      const start = glyphs[first]!.cluster;
      let end = first;
      while (end < glyphs.length && glyphs[end]!.cluster === start) end++;
      let left = text.slice(start, end < glyphs.length ? glyphs[end]!.cluster : text.length);
      const unmapped: number[] = [];
      for (let k = first; k < end; k++) {
        const known = this.characters.get(codes[k]!);
        if (known === undefined) unmapped.push(codes[k]!);
        else left = withoutCharacters(left, known) ?? left;
      }
      first = end;
      if (unmapped.length === 0 || left === '') continue;
      // A conjunct's parts: the base (its consonant with any vowel sign) and, after it, a subscript form for each
      // virama and consonant that follows.
      const subscripts = left.match(SUBSCRIPT) ?? [];
      const base = left.replace(SUBSCRIPT, '');
      const parts = unmapped.length === 1 ? [left] : base ? [base, ...subscripts] : subscripts;
      if (parts.length === unmapped.length)
        unmapped.forEach((code, j) => {
          this.characters.set(code, parts[j]!);
        });
      else this.characters.set(unmapped[0]!, left);
    }
  }

  /** `(…) Tj` for text set one glyph per character (Latin): the character map gives every glyph. */
  showText(program: FontProgram, text: string): string {
    return `${byteString(program.glyphsOf(text).map((glyph) => this.code(program, glyph)))} Tj`;
  }

  /** The width of a code as the font's /W array gives it, thousandths of an em. */
  widthOf(code: number): number {
    return Math.round((this.subset.advanceOf(code) * 100000) / this.programs[0].font.unitsPerEm) / 100;
  }

  /** Writes the font's objects; `baseFont` is the subset name, `ABCDEF+Family-Style`. */
  embed(context: PDFContext, baseFont: string): PDFRef {
    const fonts = this.programs.map((program) => program.font);
    const [font] = fonts;
    const scale = (value: number) => Math.round((value * 1000) / font.unitsPerEm);
    const program = this.subset.encode();
    const fontFile = context.register(
      PDFRawStream.of(context.obj({ Filter: 'FlateDecode', Length1: program.length }), deflateSync(program)),
    );
    const descriptor = context.register(
      context.obj({
        Type: 'FontDescriptor',
        FontName: baseFont,
        Flags: 4,
        FontBBox: boundingBoxOf(fonts).map(scale),
        ItalicAngle: font.italicAngle,
        Ascent: scale(Math.max(...fonts.map((each) => each.ascender))),
        Descent: scale(Math.min(...fonts.map((each) => each.descender))),
        CapHeight: scale(font.capHeight),
        StemV: 0,
        FontFile2: fontFile,
      }),
    );
    const widths = this.subset.glyphs.slice(1).map((_, i) => Number(pdfNumber(this.widthOf(i + 1))));
    const cidFont = context.register(
      context.obj({
        Type: 'Font',
        Subtype: 'CIDFontType2',
        BaseFont: baseFont,
        CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
        FontDescriptor: descriptor,
        W: [1, widths],
        CIDToGIDMap: 'Identity',
      }),
    );
    return context.register(
      context.obj({
        Type: 'Font',
        Subtype: 'Type0',
        BaseFont: baseFont,
        Encoding: 'Identity-H',
        DescendantFonts: [cidFont],
        ToUnicode: context.register(flateStream(context, toUnicodeCMap(this.characters))),
      }),
    );
  }
}

/** `text` without one of each character of `part` (a glyph's characters need not sit together), if it has them all. */
function withoutCharacters(text: string, part: string): string | undefined {
  let rest = text;
  for (const character of part) {
    const at = rest.indexOf(character);
    if (at < 0) return undefined;
    rest = rest.slice(0, at) + rest.slice(at + character.length);
  }
  return rest;
}

/** A Telugu virama and the consonant it joins below the one before it. */
const SUBSCRIPT = /\u0c4d[\u0c15-\u0c39]/gu;

function flateStream(context: PDFContext, text: string): PDFRawStream {
  return PDFRawStream.of(context.obj({ Filter: PDFName.of('FlateDecode') }), deflateSync(text));
}

/** Fewer codes in a row than this are written one line each: a range costs more than it saves (measured). */
const SHORTEST_RANGE = 5;

/**
 * A ToUnicode CMap: which characters each code stands for. Codes that follow one another (as a subset numbers the
 * glyphs a page uses) are one range with the list of their characters, a third of the bytes of a line for each code.
 */
function toUnicodeCMap(characters: ReadonlyMap<number, string>): string {
  const hex = (value: number) => value.toString(16).padStart(4, '0');
  const utf16 = (text: string) => {
    let units = '';
    for (let i = 0; i < text.length; i++) units += hex(text.charCodeAt(i));
    return units;
  };
  const sorted = [...characters].sort(([a], [b]) => a - b);
  const ranges: string[] = [];
  const singles: string[] = [];
  for (let first = 0; first < sorted.length; ) {
    let last = first;
    // A range keeps to codes that differ in their last byte only.
    while (
      last + 1 < sorted.length &&
      sorted[last + 1]![0] === sorted[last]![0] + 1 &&
      sorted[last + 1]![0] >> 8 === sorted[first]![0] >> 8
    )
      last++;
    if (last - first + 1 < SHORTEST_RANGE)
      for (const [code, character] of sorted.slice(first, last + 1))
        singles.push(`<${hex(code)}> <${utf16(character)}>`);
    else
      ranges.push(
        `<${hex(sorted[first]![0])}> <${hex(sorted[last]![0])}> [${sorted
          .slice(first, last + 1)
          .map(([, c]) => `<${utf16(c)}>`)
          .join('')}]`,
      );
    first = last + 1;
  }
  const blocks = (entries: string[], kind: 'bfrange' | 'bfchar') => {
    const written: string[] = [];
    for (let i = 0; i < entries.length; i += 100) {
      const block = entries.slice(i, i + 100);
      written.push(`${block.length} begin${kind}\n${block.join('\n')}\nend${kind}`);
    }
    return written;
  };
  return [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    ...blocks(ranges, 'bfrange'),
    ...blocks(singles, 'bfchar'),
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
}
