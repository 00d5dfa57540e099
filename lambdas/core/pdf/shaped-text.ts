import {
  beginText,
  endMarkedContent,
  endText,
  type PDFDocument,
  type PDFFont,
  PDFHexString,
  PDFName,
  PDFOperator,
  PDFOperatorNames,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  type RGB,
  setFillingRgbColor,
  setFontAndSize,
  setTextMatrix,
  showText,
} from 'pdf-lib';
import type { Shaper } from './shaping.ts';

/** The parts of pdf-lib's subsetting font embedder this module drives directly (pdf-lib 1.17.1, pinned). */
interface SubsetEmbedder {
  font: { getGlyph(id: number): { id: number } };
  subset: { includeGlyph(glyph: { id: number }): number };
  glyphs: { id: number }[];
  glyphIdMap: Map<number, number>;
  glyphCache: { invalidate(): void };
}

export interface ShapedLine {
  /** HarfBuzz's glyph ids, in drawing order. */
  glyphIds: number[];
  /** The ids of the same glyphs in the embedded subset font, as the content stream names them. */
  subsetGlyphIds: number[];
  width: number;
}

/** The width of `text` shaped, at `size` points. */
export function shapedWidth(shaper: Shaper, text: string, size: number): number {
  return (shaper.shape(text).reduce((sum, glyph) => sum + glyph.xAdvance, 0) * size) / shaper.unitsPerEm;
}

/**
 * Draws one line exactly as HarfBuzz shaped it: each glyph id is added to pdf-lib's subset of `font` and placed at
 * its shaped position (advances and mark offsets), so conjuncts and vowel signs come out as the font designed them
 * rather than as pdf-lib's own layout would. The line is wrapped in a /Span with /ActualText, so copying or
 * extracting text returns the original string, whatever glyphs the conjuncts became.
 */
export function drawShapedLine(
  pdf: PDFDocument,
  page: PDFPage,
  font: PDFFont,
  shaper: Shaper,
  text: string,
  at: { x: number; y: number; size: number; color: RGB },
): ShapedLine {
  const embedder = (font as unknown as { embedder: SubsetEmbedder }).embedder;
  if (!embedder?.subset || !embedder.glyphIdMap)
    throw new TypeError('shaped text needs a subset-embedded TrueType font');
  const glyphs = shaper.shape(text);
  const scale = at.size / shaper.unitsPerEm;
  const fontKey = page.node.newFontDictionary(font.name, font.ref);
  const operators: PDFOperator[] = [
    pushGraphicsState(),
    PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [
      PDFName.of('Span'),
      // An inline property list: pdf-lib's operator type omits dictionaries, which the operator writes as << … >>.
      pdf.context.obj({ ActualText: PDFHexString.fromText(text) }) as never,
    ]),
    beginText(),
    setFontAndSize(fontKey, at.size),
    setFillingRgbColor(at.color.red, at.color.green, at.color.blue),
  ];
  const subsetGlyphIds: number[] = [];
  let penX = 0;
  let penY = 0;
  for (const glyph of glyphs) {
    const fontGlyph = embedder.font.getGlyph(glyph.glyphId);
    const subsetId = embedder.subset.includeGlyph(fontGlyph);
    embedder.glyphs[subsetId - 1] = fontGlyph;
    embedder.glyphIdMap.set(fontGlyph.id, subsetId);
    subsetGlyphIds.push(subsetId);
    operators.push(
      setTextMatrix(1, 0, 0, 1, at.x + (penX + glyph.xOffset) * scale, at.y + (penY + glyph.yOffset) * scale),
      showText(PDFHexString.of(subsetId.toString(16).padStart(4, '0'))),
    );
    penX += glyph.xAdvance;
    penY += glyph.yAdvance;
  }
  embedder.glyphCache.invalidate();
  operators.push(endText(), endMarkedContent(), popGraphicsState());
  page.pushOperators(...operators);
  return { glyphIds: glyphs.map((glyph) => glyph.glyphId), subsetGlyphIds, width: penX * scale };
}
