import { ConfigurationError } from '../errors.ts';
import { scaledOutline } from './glyph-points.ts';
import { componentsOf, glyphOutline, type TrueTypeFont } from './truetype.ts';

/**
 * The embedded program's em is this many times smaller than the fonts' (1,000 units become 125). The shipped outlines
 * sit on a grid of 16 units (tools/fonts/outlines.ts), so dividing by 8 loses nothing, and smaller coordinates
 * compress better: a certificate's glyphs are 0.4 KB smaller. Widths, in the PDF's /W array, stay in thousandths of
 * an em.
 */
const EM_DIVISOR = 8;

/** Outlines already scaled, per font and glyph: a container scales each glyph once. */
const scaledOutlines = new WeakMap<TrueTypeFont, Map<number, Uint8Array>>();

/** A glyph of the subset: the font it comes from and its id there. */
interface SourceGlyph {
  font: TrueTypeFont;
  glyph: number;
}

/**
 * The glyphs one document uses from its fonts, numbered 1, 2, 3… in the order the document first uses them (0 is the
 * first font's .notdef), and the one TrueType font program PDF embeds for them all: head, hhea, maxp, hmtx, loca and
 * glyf, the tables a CIDFontType2 needs. One program for Latin and Telugu is one font file, descriptor, width array
 * and ToUnicode map in the PDF where two would each repeat them, and text that changes script keeps its font. A
 * composite glyph brings its components, renumbered inside its outline. The fonts share one em.
 */
export class GlyphSubset {
  readonly glyphs: SourceGlyph[];
  private readonly ids = new Map<TrueTypeFont, Map<number, number>>();

  constructor(readonly fonts: readonly [TrueTypeFont, ...TrueTypeFont[]]) {
    const [first] = fonts;
    if (fonts.some((font) => font.unitsPerEm !== first.unitsPerEm))
      throw new ConfigurationError('the fonts of one subset must share their units per em');
    this.glyphs = [{ font: first, glyph: 0 }];
    for (const font of fonts) this.ids.set(font, new Map());
    this.ids.get(first)!.set(0, 0);
  }

  /** The subset id of a glyph of one of the fonts, adding it (and its components) on first use. */
  idOf(font: TrueTypeFont, glyph: number): number {
    const ids = this.ids.get(font);
    if (!ids) throw new ConfigurationError('the glyph is of a font this subset was not made for');
    let id = ids.get(glyph);
    if (id === undefined) {
      id = this.glyphs.length;
      ids.set(glyph, id);
      this.glyphs.push({ font, glyph });
      const outline = glyphOutline(font, glyph);
      for (const { glyphAt } of componentsOf(outline))
        this.idOf(font, (outline[glyphAt]! << 8) | outline[glyphAt + 1]!);
    }
    return id;
  }

  /** Advance width of a subset glyph, font units. */
  advanceOf(id: number): number {
    const { font, glyph } = this.glyphs[id]!;
    return font.advances[glyph]!;
  }

  encode(): Uint8Array {
    const { fonts, glyphs } = this;
    const [first] = fonts;
    const count = glyphs.length;
    const divisor = first.unitsPerEm % EM_DIVISOR === 0 ? EM_DIVISOR : 1;
    const scale = (value: number) => Math.round(value / divisor);
    const outlines = glyphs.map(({ font, glyph }) => outlineOf(font, glyph, divisor));
    const glyfLength = outlines.reduce((sum, outline) => sum + pad4(outline.length), 0);
    const longOffsets = glyfLength > 0x1fffe;

    const glyf = new Uint8Array(glyfLength);
    const loca = new DataView(new ArrayBuffer((count + 1) * (longOffsets ? 4 : 2)));
    let at = 0;
    outlines.forEach((outline, id) => {
      if (longOffsets) loca.setUint32(4 * id, at);
      else loca.setUint16(2 * id, at / 2);
      glyf.set(outline, at);
      const ids = this.ids.get(glyphs[id]!.font)!;
      for (const { glyphAt } of componentsOf(outline)) {
        const renumbered = ids.get((outline[glyphAt]! << 8) | outline[glyphAt + 1]!)!;
        glyf[at + glyphAt] = renumbered >> 8;
        glyf[at + glyphAt + 1] = renumbered & 0xff;
      }
      at += pad4(outline.length);
    });
    if (longOffsets) loca.setUint32(4 * count, at);
    else loca.setUint16(2 * count, at / 2);

    // One advance (.notdef's) stands for every glyph's: the PDF's /W array gives the widths a reader sets text by.
    // The left side bearings are kept, each glyph's own.
    const hmtx = new DataView(new ArrayBuffer(2 + 2 * count));
    hmtx.setUint16(0, scale(first.advances[0]!));
    glyphs.forEach(({ font, glyph }, id) => {
      hmtx.setInt16(2 + 2 * id, scale(font.leftSideBearings[glyph]!));
    });

    const head = copyOf(first, 'head');
    const headView = new DataView(head.buffer);
    headView.setUint32(8, 0); // checkSumAdjustment: not needed inside a PDF
    headView.setUint16(18, first.unitsPerEm / divisor);
    boundingBoxOf(fonts).forEach((bound, side) => {
      headView.setInt16(36 + 2 * side, (side < 2 ? Math.floor : Math.ceil)(bound / divisor));
    });
    headView.setInt16(50, longOffsets ? 1 : 0);
    const hhea = copyOf(first, 'hhea');
    const hheaView = new DataView(hhea.buffer);
    // Ascender, descender, line gap, widest advance, least bearings and widest extent: font units, scaled.
    for (const offset of [4, 6, 8, 12, 14, 16]) hheaView.setInt16(offset, scale(hheaView.getInt16(offset)));
    hheaView.setUint16(10, scale(hheaView.getUint16(10)));
    hheaView.setUint16(34, 1);
    // The most points, contours, components and nesting any of the fonts needs (maxp 1.0, after numGlyphs).
    const maxp = copyOf(first, 'maxp');
    const maxpView = new DataView(maxp.buffer);
    maxpView.setUint16(4, count);
    for (const font of fonts.slice(1)) {
      const other = copyOf(font, 'maxp');
      const otherView = new DataView(other.buffer);
      for (let offset = 6; offset + 2 <= Math.min(maxp.length, other.length); offset += 2)
        maxpView.setUint16(offset, Math.max(maxpView.getUint16(offset), otherView.getUint16(offset)));
    }

    return sfnt([
      ['glyf', glyf],
      ['head', head],
      ['hhea', hhea],
      ['hmtx', new Uint8Array(hmtx.buffer)],
      ['loca', new Uint8Array(loca.buffer)],
      ['maxp', maxp],
    ]);
  }
}

/** The box that holds every glyph of all the fonts: least x and y, greatest x and y, font units. */
export function boundingBoxOf(fonts: readonly TrueTypeFont[]): number[] {
  return [0, 1, 2, 3].map((side) => (side < 2 ? Math.min : Math.max)(...fonts.map((font) => font.bbox[side]!)));
}

function outlineOf(font: TrueTypeFont, glyph: number, divisor: number): Uint8Array {
  let scaled = scaledOutlines.get(font);
  if (!scaled) {
    scaled = new Map();
    scaledOutlines.set(font, scaled);
  }
  let outline = scaled.get(glyph);
  if (!outline) {
    outline = scaledOutline(glyphOutline(font, glyph), divisor);
    scaled.set(glyph, outline);
  }
  return outline;
}

function copyOf(font: TrueTypeFont, tag: string): Uint8Array {
  const { offset, length } = font.tables.get(tag)!;
  return font.bytes.slice(offset, offset + length);
}

const pad4 = (length: number) => (length + 3) & ~3;

/** An OpenType file of the given tables, sorted by tag as the format asks, each with its checksum. */
export function sfnt(tables: [string, Uint8Array][]): Uint8Array {
  tables.sort(([a], [b]) => (a < b ? -1 : 1));
  const headerLength = 12 + 16 * tables.length;
  const length = tables.reduce((sum, [, data]) => sum + pad4(data.length), headerLength);
  const bytes = new Uint8Array(length);
  const view = new DataView(bytes.buffer);
  const power = 2 ** Math.floor(Math.log2(tables.length));
  view.setUint32(0, 0x00010000);
  view.setUint16(4, tables.length);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, tables.length * 16 - power * 16);
  let at = headerLength;
  tables.forEach(([tag, data], i) => {
    const record = 12 + 16 * i;
    for (let c = 0; c < 4; c++) bytes[record + c] = tag.charCodeAt(c);
    bytes.set(data, at);
    view.setUint32(record + 4, checksum(view, at, data.length));
    view.setUint32(record + 8, at);
    view.setUint32(record + 12, data.length);
    at += pad4(data.length);
  });
  return bytes;
}

function checksum(view: DataView, offset: number, length: number): number {
  let sum = 0;
  for (let at = offset; at < offset + pad4(length); at += 4) sum = (sum + view.getUint32(at)) >>> 0;
  return sum;
}
