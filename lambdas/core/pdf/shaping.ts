import * as hb from 'harfbuzzjs';

/** One glyph as HarfBuzz placed it, in font units. */
export interface ShapedGlyph {
  glyphId: number;
  cluster: number;
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

export interface Shaper {
  /** Units per em of the font: positions are in these units. */
  unitsPerEm: number;
  /** The glyphs of `text` as HarfBuzz shapes it; the same array for the same text (do not change it). */
  shape(text: string): readonly ShapedGlyph[];
}

/** Shaped strings kept per font: a page's fixed words and the recent names and places. */
const CACHED_STRINGS = 4096;

/**
 * A HarfBuzz shaper over one font (OpenType GSUB/GPOS, as every Telugu conjunct and vowel sign needs). The script,
 * language and direction are guessed from the text, as HarfBuzz does for one run of one script. Shaping is
 * deterministic, so each string is shaped once per container.
 */
export function createShaper(fontBytes: Uint8Array): Shaper {
  const blob = new hb.Blob(fontBytes);
  const face = new hb.Face(blob, 0);
  const font = new hb.Font(face);
  const unitsPerEm = face.upem;
  font.setScale(unitsPerEm, unitsPerEm);
  const shaped = new Map<string, readonly ShapedGlyph[]>();
  return {
    unitsPerEm,
    shape(text) {
      let glyphs = shaped.get(text);
      if (glyphs) return glyphs;
      const buffer = new hb.Buffer();
      buffer.addText(text);
      buffer.guessSegmentProperties();
      // A joiner shapes its neighbours and draws nothing: no glyph for it, where HarfBuzz would put a blank space
      // glyph, which a copy of the text would read as a space.
      buffer.setFlags(hb.BufferFlag.REMOVE_DEFAULT_IGNORABLES);
      hb.shape(font, buffer);
      const positions = buffer.getGlyphPositions();
      glyphs = buffer.getGlyphInfos().map((info, i) => ({
        glyphId: info.codepoint,
        cluster: info.cluster,
        xAdvance: positions[i]!.xAdvance,
        yAdvance: positions[i]!.yAdvance,
        xOffset: positions[i]!.xOffset,
        yOffset: positions[i]!.yOffset,
      }));
      if (shaped.size >= CACHED_STRINGS) shaped.clear();
      shaped.set(text, glyphs);
      return glyphs;
    },
  };
}
