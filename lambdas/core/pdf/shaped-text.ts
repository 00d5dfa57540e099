import type { PDFDocument, PDFFont, PDFPage, RGB } from 'pdf-lib';
import { byteString, type Color, ContentStream, pdfNumber } from './content-stream.ts';
import type { ShapedGlyph, Shaper } from './shaping.ts';

/** The parts of pdf-lib's subsetting font embedder this module drives directly (pdf-lib 1.17.1, pinned). */
interface SubsetEmbedder {
  font: { getGlyph(id: number): { id: number; advanceWidth: number }; unitsPerEm: number };
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

/**
 * The text operators that draw glyphs exactly where HarfBuzz placed them: one TJ array per baseline, whose numbers
 * move the pen wherever the shaped advance or a mark's offset differs from the glyph's own width in the font
 * (`widthOf`, thousandths of an em, as the font's widths say), and a text rise (Ts) for marks set above or below
 * the baseline. A few bytes per glyph, where a text matrix per glyph would cost some thirty. `widestGap` is the
 * farthest the pen moves right between two glyphs, beyond the first one's width (thousandths of an em), and `raised`
 * whether any glyph sits off the baseline: what a reader that finds words by the glyphs' places would see.
 */
export function positionedGlyphs(
  glyphs: readonly ShapedGlyph[],
  codes: readonly number[],
  widthOf: (code: number) => number,
  unitsPerEm: number,
  size: number,
  /** The codes as a PDF string (two bytes a code unless the font says otherwise). */
  stringOf: (codes: number[]) => string = byteString,
): { shown: string; width: number; widestGap: number; raised: boolean } {
  const perUnit = 1000 / unitsPerEm;
  const shown: string[] = [];
  let items: string[] = [];
  let run: number[] = [];
  const closeRun = () => {
    if (run.length) items.push(stringOf(run));
    run = [];
  };
  const closeArray = () => {
    closeRun();
    if (items.length) shown.push(`[${items.join(' ')}] TJ`);
    items = [];
  };
  let position = 0;
  let penX = 0;
  let penY = 0;
  let rise = '0';
  let widestGap = 0;
  let raised = false;
  glyphs.forEach((glyph, i) => {
    const glyphRise = pdfNumber(((penY + glyph.yOffset) * size) / unitsPerEm);
    if (glyphRise !== rise) {
      closeArray();
      shown.push(`${glyphRise} Ts`);
      rise = glyphRise;
      raised = true;
    }
    const adjustment = Math.round((position - (penX + glyph.xOffset) * perUnit) * 100) / 100;
    if (adjustment !== 0) {
      closeRun();
      items.push(pdfNumber(adjustment));
      if (i > 0) widestGap = Math.max(widestGap, -adjustment);
      position -= adjustment;
    }
    run.push(codes[i]!);
    position += widthOf(codes[i]!);
    penX += glyph.xAdvance;
    penY += glyph.yAdvance;
  });
  closeArray();
  if (rise !== '0') shown.push('0 Ts');
  return { shown: shown.join(' '), width: (penX * size) / unitsPerEm, widestGap, raised };
}

/**
 * Draws one line exactly as HarfBuzz shaped it on a pdf-lib page, each glyph added to pdf-lib's subset of `font`;
 * the line is wrapped in a /Span with /ActualText, so copying or extracting text returns the original string,
 * whatever glyphs the conjuncts became. (Certificates draw through their own content stream, with the same
 * positioning.)
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
  const subsetGlyphIds = glyphs.map((glyph) => {
    const fontGlyph = embedder.font.getGlyph(glyph.glyphId);
    const subsetId = embedder.subset.includeGlyph(fontGlyph);
    embedder.glyphs[subsetId - 1] = fontGlyph;
    embedder.glyphIdMap.set(fontGlyph.id, subsetId);
    return subsetId;
  });
  embedder.glyphCache.invalidate();
  const widths = new Map(
    glyphs.map((glyph, i) => [
      subsetGlyphIds[i]!,
      (embedder.font.getGlyph(glyph.glyphId).advanceWidth * 1000) / embedder.font.unitsPerEm,
    ]),
  );
  const { shown, width } = positionedGlyphs(
    glyphs,
    subsetGlyphIds,
    (code) => widths.get(code)!,
    shaper.unitsPerEm,
    at.size,
  );
  const fontKey = page.node.newFontDictionary(font.name, font.ref);
  const content = new ContentStream();
  const color: Color = [at.color.red, at.color.green, at.color.blue];
  content.text({ font: fontKey.asString().slice(1), size: at.size, color, x: at.x, y: at.y, shown }, text);
  page.node.addContentStream(pdf.context.register(pdf.context.stream(`q ${content} Q`)));
  return { glyphIds: glyphs.map((glyph) => glyph.glyphId), subsetGlyphIds, width };
}
