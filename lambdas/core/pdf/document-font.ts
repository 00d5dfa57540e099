import { deflateSync } from 'node:zlib';
import { type PDFContext, PDFName, PDFRawStream, type PDFRef, PDFString } from 'pdf-lib';
import { byteString, pdfNumber } from './content-stream.ts';
import type { FontProgram } from './font-program.ts';
import { GlyphSubset } from './font-subset.ts';
import type { TrueTypeFont } from './truetype.ts';

/**
 * How a document's text names its glyphs. `one-byte`: a simple TrueType font, one byte a glyph, printable ASCII
 * characters of Latin text at their own codes (so the text-copying map gives them in one range) and the other glyphs
 * at the codes left, up to 255 of them; the drawing is a fifth smaller. `two-byte`: a Type 0 font over a
 * CIDFontType2 (Identity-H: each glyph a two-byte code, its id in the subset), for a document with more glyphs.
 */
export type GlyphCodes = 'one-byte' | 'two-byte';

/** A document draws more glyphs than one-byte codes name: it is drawn again with two-byte codes. */
export class GlyphCodesExhausted extends Error {
  constructor() {
    super('the document draws more glyphs than one-byte codes can name');
  }
}

/** Printable ASCII, where the Latin glyphs of the same characters sit in a one-byte font. */
const ASCII = { first: 0x20, last: 0x7e };

/** The codes the other glyphs take, in this order: the control codes and the upper half, then the ASCII codes unused. */
const FREE_CODES = [
  ...Array.from({ length: ASCII.first - 1 }, (_, i) => i + 1),
  ...Array.from({ length: 0xff - ASCII.last }, (_, i) => ASCII.last + 1 + i),
  ...Array.from({ length: ASCII.last - ASCII.first + 1 }, (_, i) => ASCII.first + i),
];

/**
 * The fonts one document draws with, as the one font the PDF embeds: the glyphs drawn from any of them, each at a
 * code (`GlyphCodes`) that is also its id in the subset font program, with the program, its widths and a ToUnicode
 * map.
 */
export class DocumentFont {
  readonly subset: GlyphSubset;
  /** What each code stands for when text is copied: one character, or the several a conjunct's part draws. */
  private readonly characters = new Map<number, string>();
  /** The shaped texts `copiesAs` has looked at. */
  private readonly copied = new Set<string>();
  /** The codes of the glyphs drawn, in the order they were first drawn. */
  private readonly drawn: number[] = [];
  /** The next of `FREE_CODES` to try (one-byte codes). */
  private nextFree = 0;

  constructor(
    /** The first gives the font-wide metrics (Noto Sans) and the Latin glyphs; all share one em. */
    readonly programs: readonly [FontProgram, ...FontProgram[]],
    /** The name of the font in the page's resources. */
    readonly resource: string,
    readonly codes: GlyphCodes = 'one-byte',
  ) {
    this.subset = new GlyphSubset(programs.map((program) => program.font) as [TrueTypeFont, ...TrueTypeFont[]]);
  }

  get used(): boolean {
    return this.drawn.length > 0;
  }

  /** The code of a glyph of one of the fonts, adding it to the subset; `GlyphCodesExhausted` past 255 one-byte codes. */
  code(program: FontProgram, glyph: number): number {
    const placed = this.subset.idOf(program.font, glyph);
    if (placed !== undefined) return placed;
    const character = program.characterOf(glyph);
    const code = this.freeCode(program, character);
    this.subset.place(program.font, glyph, code);
    this.drawn.push(code);
    if (character !== undefined) this.characters.set(code, String.fromCodePoint(character));
    return code;
  }

  private freeCode(program: FontProgram, character: number | undefined): number {
    if (this.codes === 'two-byte') return this.drawn.length + 1;
    const ascii =
      program === this.programs[0] &&
      character !== undefined &&
      character >= ASCII.first &&
      character <= ASCII.last &&
      !this.subset.has(character);
    if (ascii) return character;
    while (this.nextFree < FREE_CODES.length && this.subset.has(FREE_CODES[this.nextFree]!)) this.nextFree++;
    if (this.nextFree === FREE_CODES.length) throw new GlyphCodesExhausted();
    return FREE_CODES[this.nextFree]!;
  }

  /** The codes as a PDF string of raw bytes, one or two a code. */
  stringOf(codes: readonly number[]): string {
    return byteString(codes, this.codes === 'one-byte' ? 1 : 2);
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

  /**
   * Whether the characters the codes stand for, in drawing order, are `text`: then a reader copying by the ToUnicode
   * map gets the text as it is, and the run needs no /ActualText (a word of letters and vowel signs drawn in their
   * order). A conjunct drawn with its vowel sign before its subscript, or a joiner that draws nothing, still needs it.
   */
  spells(text: string, codes: readonly number[]): boolean {
    let spelt = '';
    for (const code of codes) {
      const characters = this.characters.get(code);
      if (characters === undefined) return false;
      spelt += characters;
    }
    return spelt === text;
  }

  /** `(…) Tj` for text set one glyph per character (Latin): the character map gives every glyph. */
  showText(program: FontProgram, text: string): string {
    return `${this.stringOf(program.glyphsOf(text).map((glyph) => this.code(program, glyph)))} Tj`;
  }

  /** The width of a code as the font's widths (/Widths or /W) give it, thousandths of an em. */
  widthOf(code: number): number {
    return Math.round((this.subset.advanceOf(code) * 100000) / this.programs[0].font.unitsPerEm) / 100;
  }

  /** Writes the font's objects; `baseFont` is the subset name, `ABCDEF+Family-Style`. */
  embed(context: PDFContext, baseFont: string): PDFRef {
    const fonts = this.programs.map((program) => program.font);
    const [font] = fonts;
    const scale = (value: number) => Math.round((value * 1000) / font.unitsPerEm);
    const first = Math.min(...this.drawn);
    const last = Math.max(...this.drawn);
    // The widths of the codes drawn, before the components a composite brings take the codes left.
    const widths = Array.from({ length: last - first + 1 }, (_, i) =>
      this.subset.has(first + i) ? Number(pdfNumber(this.widthOf(first + i))) : 0,
    );
    const oneByte = this.codes === 'one-byte';
    const { program, box } = this.subset.encode({ oneByteCodes: oneByte });
    const fontFile = context.register(
      PDFRawStream.of(context.obj({ Filter: 'FlateDecode', Length1: program.length }), deflateSync(program)),
    );
    const descriptor = context.register(
      context.obj({
        Type: 'FontDescriptor',
        FontName: baseFont,
        // Symbolic: a one-byte code is looked up in the program's own character map, not in a standard encoding.
        Flags: 4,
        FontBBox: box,
        ItalicAngle: font.italicAngle,
        Ascent: scale(Math.max(...fonts.map((each) => each.ascender))),
        Descent: scale(Math.min(...fonts.map((each) => each.descender))),
        CapHeight: scale(font.capHeight),
        StemV: 0,
        FontFile2: fontFile,
      }),
    );
    const toUnicode = context.register(flateStream(context, toUnicodeCMap(this.characters, oneByte ? 1 : 2)));
    if (oneByte)
      return context.register(
        context.obj({
          Type: 'Font',
          Subtype: 'TrueType',
          BaseFont: baseFont,
          FirstChar: first,
          LastChar: last,
          Widths: widths,
          FontDescriptor: descriptor,
          ToUnicode: toUnicode,
        }),
      );
    const cidFont = context.register(
      context.obj({
        Type: 'Font',
        Subtype: 'CIDFontType2',
        BaseFont: baseFont,
        CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
        FontDescriptor: descriptor,
        W: [first, widths],
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
        ToUnicode: toUnicode,
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

/** Fewer codes than this whose characters follow as the codes do are not written as one range of them. */
const SHORTEST_RUN = 3;

/**
 * A ToUnicode CMap: which characters each code (of `codeBytes` bytes) stands for. Codes whose characters follow as
 * the codes do (Latin text at its ASCII codes) are one range from its first character, whatever codes between them
 * are not drawn; other codes that follow one another (as a subset numbers the glyphs a page uses) are one range with
 * the list of their characters, a third of the bytes of a line for each code.
 */
function toUnicodeCMap(characters: ReadonlyMap<number, string>, codeBytes: 1 | 2): string {
  const hex = (value: number, digits: number) => value.toString(16).padStart(digits, '0');
  const code = (value: number) => hex(value, 2 * codeBytes);
  const utf16 = (text: string) => {
    let units = '';
    for (let i = 0; i < text.length; i++) units += hex(text.charCodeAt(i), 4);
    return units;
  };
  const sorted = [...characters].sort(([a], [b]) => a - b);
  // A range keeps to codes that differ in their last byte only.
  const sameBlock = (a: number, b: number) => a >> 8 === sorted[b]![0] >> 8;
  const follows = (from: number, to: number) => {
    const [fromCode, fromText] = sorted[from]!;
    const [toCode, toText] = sorted[to]!;
    const step = toCode - fromCode;
    return (
      fromText.length === 1 &&
      toText.length === 1 &&
      toText.charCodeAt(0) - fromText.charCodeAt(0) === step &&
      (fromText.charCodeAt(0) & 0xff) + step <= 0xff &&
      sameBlock(fromCode, to)
    );
  };
  const ranges: string[] = [];
  const singles: string[] = [];
  for (let first = 0; first < sorted.length; ) {
    let last = first;
    while (last + 1 < sorted.length && follows(first, last + 1)) last++;
    if (last - first + 1 >= SHORTEST_RUN) {
      ranges.push(`<${code(sorted[first]![0])}> <${code(sorted[last]![0])}> <${utf16(sorted[first]![1])}>`);
      first = last + 1;
      continue;
    }
    last = first;
    while (
      last + 1 < sorted.length &&
      sorted[last + 1]![0] === sorted[last]![0] + 1 &&
      sameBlock(sorted[first]![0], last + 1)
    )
      last++;
    if (last - first + 1 < SHORTEST_RANGE)
      for (const [each, character] of sorted.slice(first, last + 1))
        singles.push(`<${code(each)}> <${utf16(character)}>`);
    else
      ranges.push(
        `<${code(sorted[first]![0])}> <${code(sorted[last]![0])}> [${sorted
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
    `1 begincodespacerange <${code(0)}> <${code(codeBytes === 1 ? 0xff : 0xffff)}> endcodespacerange`,
    ...blocks(ranges, 'bfrange'),
    ...blocks(singles, 'bfchar'),
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
}
