import { scaledOutline } from './glyph-points.ts';
import { componentOffsets, glyphOutline, type TrueTypeFont } from './truetype.ts';

/**
 * The embedded program's em is this many times smaller than the font's (1,000 units become 125). The shipped outlines
 * sit on a grid of 16 units (tools/fonts/outlines.ts), so dividing by 8 loses nothing, and smaller coordinates
 * compress better: a certificate's glyphs are 0.4 KB smaller. Widths, in the PDF's /W array, stay in thousandths of
 * an em.
 */
const EM_DIVISOR = 8;

/** Outlines already scaled, per font and glyph: a container scales each glyph once. */
const scaledOutlines = new WeakMap<TrueTypeFont, Map<number, Uint8Array>>();

/**
 * The glyphs one document uses from one font, numbered 1, 2, 3… in the order the document first uses them (0 stays
 * .notdef), and the TrueType font program PDF embeds for them: head, hhea, maxp, hmtx, loca and glyf, the tables a
 * CIDFontType2 needs. A composite glyph brings its components, renumbered inside its outline.
 */
export class GlyphSubset {
  /** Original glyph id of each subset id. */
  readonly glyphs: number[] = [0];
  private readonly ids = new Map<number, number>([[0, 0]]);

  constructor(readonly font: TrueTypeFont) {}

  /** The subset id of an original glyph id, adding it (and its components) on first use. */
  idOf(glyph: number): number {
    let id = this.ids.get(glyph);
    if (id === undefined) {
      id = this.glyphs.length;
      this.ids.set(glyph, id);
      this.glyphs.push(glyph);
      const outline = glyphOutline(this.font, glyph);
      for (const offset of componentOffsets(outline)) this.idOf((outline[offset]! << 8) | outline[offset + 1]!);
    }
    return id;
  }

  /** Advance width of a subset glyph, font units. */
  advanceOf(id: number): number {
    return this.font.advances[this.glyphs[id]!]!;
  }

  encode(): Uint8Array {
    const { font, glyphs } = this;
    const count = glyphs.length;
    const divisor = font.unitsPerEm % EM_DIVISOR === 0 ? EM_DIVISOR : 1;
    const scale = (value: number) => Math.round(value / divisor);
    const outlines = glyphs.map((glyph) => this.outlineOf(glyph, divisor));
    const glyfLength = outlines.reduce((sum, outline) => sum + pad4(outline.length), 0);
    const longOffsets = glyfLength > 0x1fffe;

    const glyf = new Uint8Array(glyfLength);
    const loca = new DataView(new ArrayBuffer((count + 1) * (longOffsets ? 4 : 2)));
    let at = 0;
    outlines.forEach((outline, id) => {
      if (longOffsets) loca.setUint32(4 * id, at);
      else loca.setUint16(2 * id, at / 2);
      glyf.set(outline, at);
      const offsets = componentOffsets(outline);
      for (const offset of offsets) {
        const original = (outline[offset]! << 8) | outline[offset + 1]!;
        const renumbered = this.ids.get(original)!;
        glyf[at + offset] = renumbered >> 8;
        glyf[at + offset + 1] = renumbered & 0xff;
      }
      at += pad4(outline.length);
    });
    if (longOffsets) loca.setUint32(4 * count, at);
    else loca.setUint16(2 * count, at / 2);

    // One advance (.notdef's) stands for every glyph's: the PDF's /W array gives the widths a reader sets text by.
    // The left side bearings are kept, each glyph's own.
    const hmtx = new DataView(new ArrayBuffer(2 + 2 * count));
    hmtx.setUint16(0, scale(font.advances[0]!));
    glyphs.forEach((glyph, id) => {
      hmtx.setInt16(2 + 2 * id, scale(font.leftSideBearings[glyph]!));
    });

    const head = this.copyOf('head');
    const headView = new DataView(head.buffer);
    headView.setUint32(8, 0); // checkSumAdjustment: not needed inside a PDF
    headView.setUint16(18, font.unitsPerEm / divisor);
    for (const [at, round] of [
      [36, Math.floor],
      [38, Math.floor],
      [40, Math.ceil],
      [42, Math.ceil],
    ] as const)
      headView.setInt16(at, round(headView.getInt16(at) / divisor));
    headView.setInt16(50, longOffsets ? 1 : 0);
    const hhea = this.copyOf('hhea');
    const hheaView = new DataView(hhea.buffer);
    // Ascender, descender, line gap, widest advance, least bearings and widest extent: font units, scaled.
    for (const at of [4, 6, 8, 12, 14, 16]) hheaView.setInt16(at, scale(hheaView.getInt16(at)));
    hheaView.setUint16(10, scale(hheaView.getUint16(10)));
    hheaView.setUint16(34, 1);
    const maxp = this.copyOf('maxp');
    new DataView(maxp.buffer).setUint16(4, count);

    return sfnt([
      ['glyf', glyf],
      ['head', head],
      ['hhea', hhea],
      ['hmtx', new Uint8Array(hmtx.buffer)],
      ['loca', new Uint8Array(loca.buffer)],
      ['maxp', maxp],
    ]);
  }

  private outlineOf(glyph: number, divisor: number): Uint8Array {
    let scaled = scaledOutlines.get(this.font);
    if (!scaled) {
      scaled = new Map();
      scaledOutlines.set(this.font, scaled);
    }
    let outline = scaled.get(glyph);
    if (!outline) {
      outline = scaledOutline(glyphOutline(this.font, glyph), divisor);
      scaled.set(glyph, outline);
    }
    return outline;
  }

  private copyOf(tag: string): Uint8Array {
    const { offset, length } = this.font.tables.get(tag)!;
    return this.font.bytes.slice(offset, offset + length);
  }
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
