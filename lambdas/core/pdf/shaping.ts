import * as hb from 'harfbuzzjs';

/** One glyph as HarfBuzz placed it, in font units. */
interface ShapedGlyph {
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
  shape(text: string): ShapedGlyph[];
}

/**
 * A HarfBuzz shaper over one font (OpenType GSUB/GPOS, as every Telugu conjunct and vowel sign needs). The script,
 * language and direction are guessed from the text, as HarfBuzz does for one run of one script.
 */
export function createShaper(fontBytes: Uint8Array): Shaper {
  const blob = new hb.Blob(fontBytes);
  const face = new hb.Face(blob, 0);
  const font = new hb.Font(face);
  const unitsPerEm = face.upem;
  font.setScale(unitsPerEm, unitsPerEm);
  return {
    unitsPerEm,
    shape(text) {
      const buffer = new hb.Buffer();
      buffer.addText(text);
      buffer.guessSegmentProperties();
      hb.shape(font, buffer);
      const positions = buffer.getGlyphPositions();
      return buffer.getGlyphInfos().map((info, i) => ({
        glyphId: info.codepoint,
        cluster: info.cluster,
        xAdvance: positions[i]!.xAdvance,
        yAdvance: positions[i]!.yAdvance,
        xOffset: positions[i]!.xOffset,
        yOffset: positions[i]!.yOffset,
      }));
    },
  };
}
