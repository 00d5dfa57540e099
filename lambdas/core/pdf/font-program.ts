import { createShaper, type Shaper } from './shaping.ts';
import { parseTrueType, type TrueTypeFont } from './truetype.ts';

/**
 * A font as the typesetter uses it, made once per container from its file: the parsed tables, a glyph and an
 * advance for every character drawn one glyph per character (Latin text needs no layout engine), and a HarfBuzz
 * shaper for the scripts that do.
 */
export interface FontProgram {
  font: TrueTypeFont;
  /** Whether the font has a glyph for the character; white space always counts (drawn as a space). */
  covers(codePoint: number): boolean;
  /** The glyph of each character of `text`, one glyph per character. */
  glyphsOf(text: string): number[];
  /** The advance of `text` set one glyph per character, in ems (multiply by the size for points). */
  widthOf(text: string): number;
  /** The character a glyph stands for, when the character map names one (for copying text out of a PDF). */
  characterOf(glyph: number): number | undefined;
  shaper(): Shaper;
}

const programs = new WeakMap<Uint8Array, FontProgram>();

export function fontProgram(bytes: Uint8Array): FontProgram {
  let program = programs.get(bytes);
  if (!program) {
    program = makeProgram(bytes);
    programs.set(bytes, program);
  }
  return program;
}

const WHITE_SPACE = /\s/u;

function makeProgram(bytes: Uint8Array): FontProgram {
  const font = parseTrueType(bytes);
  const space = font.cmap.get(0x20) ?? 0;
  /** Glyph of every character below U+0800 as a flat table (Latin, Greek, Cyrillic): the common case, no hashing. */
  const low = new Uint16Array(0x800);
  for (let code = 0; code < low.length; code++)
    low[code] = font.cmap.get(code) ?? (WHITE_SPACE.test(String.fromCharCode(code)) ? space : 0);
  const glyphOf = (code: number) =>
    code < low.length
      ? low[code]!
      : (font.cmap.get(code) ?? (WHITE_SPACE.test(String.fromCodePoint(code)) ? space : 0));
  let characters: Map<number, number> | undefined;
  let shaper: Shaper | undefined;
  return {
    font,
    covers: (code) => font.cmap.has(code) || WHITE_SPACE.test(String.fromCodePoint(code)),
    glyphsOf(text) {
      const glyphs: number[] = [];
      for (let i = 0; i < text.length; i++) {
        const code = text.codePointAt(i)!;
        if (code > 0xffff) i++;
        glyphs.push(glyphOf(code));
      }
      return glyphs;
    },
    widthOf(text) {
      let width = 0;
      for (let i = 0; i < text.length; i++) {
        const code = text.codePointAt(i)!;
        if (code > 0xffff) i++;
        width += font.advances[glyphOf(code)]!;
      }
      return width / font.unitsPerEm;
    },
    characterOf(glyph) {
      if (!characters) {
        characters = new Map();
        for (const [code, mapped] of font.cmap) if (!characters.has(mapped)) characters.set(mapped, code);
      }
      return characters.get(glyph);
    },
    shaper: () => {
      shaper ??= createShaper(bytes);
      return shaper;
    },
  };
}
