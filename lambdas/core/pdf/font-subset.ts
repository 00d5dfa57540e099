import { ConfigurationError } from '../errors.ts';
import { scaledOutline } from './glyph-points.ts';
import { componentsOf, glyphOutline, type TrueTypeFont } from './truetype.ts';

/**
 * The embedded program's em is this many times smaller than the fonts' (1,000 units become 125). The shipped outlines
 * sit on grids of 16 and 32 units (tools/fonts/outlines.ts), so dividing by 8 loses nothing, and smaller coordinates
 * compress better: a certificate's glyphs are 0.4 KB smaller. Widths, in the PDF's font dictionary, stay in
 * thousandths of an em.
 */
const EM_DIVISOR = 8;

/** The program's advances are rounded to this many steps to the em (see `encode`). */
const ADVANCE_STEPS_PER_EM = 5;

/** Outlines already scaled, per font and glyph: a container scales each glyph once. */
const scaledOutlines = new WeakMap<TrueTypeFont, Map<number, Uint8Array>>();

/** A glyph of the subset: the font it comes from and its id there. */
interface SourceGlyph {
  font: TrueTypeFont;
  glyph: number;
}

/**
 * The glyphs one document uses from its fonts, and the one TrueType font program PDF embeds for them all: head, hhea,
 * maxp, hmtx, loca and glyf, the tables a CIDFontType2 needs, and a character map for a simple font's one-byte
 * codes when asked. One program for Latin and Telugu is one font file, descriptor, width array and ToUnicode map in
 * the PDF where two would each repeat them, and text that changes script keeps its font. The document places each
 * glyph it draws at an id of its choosing (0 is the first font's .notdef); a composite glyph's components, which
 * are never drawn by a code of their own, take ids left free when the program is written, renumbered inside the
 * composite's outline. The fonts share one em.
 */
export class GlyphSubset {
  /** The glyph at each id; ids no glyph was placed at are empty in the program. */
  readonly glyphs: (SourceGlyph | undefined)[];
  private readonly ids = new Map<TrueTypeFont, Map<number, number>>();

  constructor(readonly fonts: readonly [TrueTypeFont, ...TrueTypeFont[]]) {
    const [first] = fonts;
    if (fonts.some((font) => font.unitsPerEm !== first.unitsPerEm))
      throw new ConfigurationError('the fonts of one subset must share their units per em');
    this.glyphs = [{ font: first, glyph: 0 }];
    for (const font of fonts) this.ids.set(font, new Map());
    this.ids.get(first)!.set(0, 0);
  }

  /** The id of a glyph of one of the fonts, if it has been placed. */
  idOf(font: TrueTypeFont, glyph: number): number | undefined {
    const ids = this.ids.get(font);
    if (!ids) throw new ConfigurationError('the glyph is of a font this subset was not made for');
    return ids.get(glyph);
  }

  /** Puts a glyph of one of the fonts at a free id. */
  place(font: TrueTypeFont, glyph: number, id: number): void {
    if (this.glyphs[id]) throw new ConfigurationError(`glyph id ${id} is taken`);
    if (this.idOf(font, glyph) !== undefined) throw new ConfigurationError('the glyph is placed already');
    this.ids.get(font)!.set(glyph, id);
    this.glyphs[id] = { font, glyph };
  }

  /** Whether a glyph sits at the id. */
  has(id: number): boolean {
    return this.glyphs[id] !== undefined;
  }

  /** Advance width of a placed glyph, font units. */
  advanceOf(id: number): number {
    const { font, glyph } = this.glyphs[id]!;
    return font.advances[glyph]!;
  }

  /**
   * Places every component of the composites placed, and theirs, at the free ids from `from` up (the codes a
   * document does not draw with, then past the last id).
   */
  private placeComponents(from: number): void {
    let free = from;
    const placeParts = ({ font, glyph }: SourceGlyph) => {
      const outline = glyphOutline(font, glyph);
      for (const { glyphAt } of componentsOf(outline)) {
        const component = (outline[glyphAt]! << 8) | outline[glyphAt + 1]!;
        if (this.idOf(font, component) !== undefined) continue;
        while (this.glyphs[free]) free++;
        this.place(font, component, free);
        placeParts({ font, glyph: component });
      }
    };
    for (const placed of [...this.glyphs]) if (placed) placeParts(placed);
  }

  /**
   * The font program, and the box that holds its glyphs in thousandths of an em. `oneByteCodes`: with a character
   * map that takes each one-byte code to the glyph at the same id, for a simple TrueType font (symbolic, so readers
   * look a code up in the (3,0) table at 0xF000 + code, or in the (1,0) table), and components placed at ids no code
   * draws.
   */
  encode(options: { oneByteCodes?: boolean } = {}): { program: Uint8Array; box: [number, number, number, number] } {
    this.placeComponents(options.oneByteCodes ? 1 : this.glyphs.length);
    const { fonts, glyphs } = this;
    const [first] = fonts;
    const count = glyphs.length;
    const divisor = first.unitsPerEm % EM_DIVISOR === 0 ? EM_DIVISOR : 1;
    const programEm = first.unitsPerEm / divisor;
    const scale = (value: number) => Math.round(value / divisor);
    const outlines = Array.from(glyphs, (placed) =>
      placed ? outlineOf(placed.font, placed.glyph, divisor) : new Uint8Array(0),
    );
    const glyfLength = outlines.reduce((sum, outline) => sum + pad4(outline.length), 0);
    const longOffsets = glyfLength > 0x1fffe;

    const glyf = new Uint8Array(glyfLength);
    const loca = new DataView(new ArrayBuffer((count + 1) * (longOffsets ? 4 : 2)));
    const starts: number[] = [];
    let at = 0;
    outlines.forEach((outline, id) => {
      if (longOffsets) loca.setUint32(4 * id, at);
      else loca.setUint16(2 * id, at / 2);
      starts.push(at);
      glyf.set(outline, at);
      const placed = glyphs[id];
      const ids = placed && this.ids.get(placed.font)!;
      if (ids)
        for (const { glyphAt } of componentsOf(outline)) {
          const renumbered = ids.get((outline[glyphAt]! << 8) | outline[glyphAt + 1]!)!;
          glyf[at + glyphAt] = renumbered >> 8;
          glyf[at + glyphAt + 1] = renumbered & 0xff;
        }
      at += pad4(outline.length);
    });
    if (longOffsets) loca.setUint32(4 * count, at);
    else loca.setUint16(2 * count, at / 2);

    // Every glyph's header gives the box that holds all the program's glyphs, and every left side bearing is that
    // box's left: a reader places an outline by the difference of the two (zero, so where its points say) and may
    // take the box as a bound (the OpenType Sanitizer, which browsers run on fonts, only widens a box too small).
    // Each glyph's own box would be eight bytes a glyph that deflate cannot shrink; the one box is 0.9 KB less for a
    // certificate, and poppler, MuPDF, Ghostscript and pdf.js draw its page to the same pixels either way.
    const box = inkBox(outlines.map((outline, id) => glyf.subarray(starts[id], starts[id]! + outline.length)));
    const glyfView = new DataView(glyf.buffer);
    outlines.forEach((outline, id) => {
      if (outline.length > 0)
        box.forEach((bound, side) => {
          glyfView.setInt16(starts[id]! + 2 + 2 * side, bound);
        });
    });

    // Readers set text by the PDF's widths. The program's advances are for the readers that measure a character by
    // them when text is copied (MuPDF: one advance for every glyph made it copy "Kum ar"), so the nearest fifth of an
    // em does: copying comes out the same as with the exact advances, for 0.17 KB where they would cost 0.36.
    const advanceStep = first.unitsPerEm / divisor / ADVANCE_STEPS_PER_EM;
    const hmtx = new DataView(new ArrayBuffer(4 * count));
    glyphs.forEach((placed, id) => {
      const advance = placed ? placed.font.advances[placed.glyph]! / divisor : 0;
      hmtx.setUint16(4 * id, Math.round(advance / advanceStep) * advanceStep);
      hmtx.setInt16(4 * id + 2, box[0]!);
    });

    const head = copyOf(first, 'head');
    const headView = new DataView(head.buffer);
    headView.setUint32(8, 0); // checkSumAdjustment: not needed inside a PDF
    headView.setUint16(18, first.unitsPerEm / divisor);
    box.forEach((bound, side) => {
      headView.setInt16(36 + 2 * side, bound);
    });
    headView.setInt16(50, longOffsets ? 1 : 0);
    const hhea = copyOf(first, 'hhea');
    const hheaView = new DataView(hhea.buffer);
    // Ascender, descender, line gap, widest advance, least bearings and widest extent: font units, scaled; the least
    // left bearing is the one every glyph has.
    for (const offset of [4, 6, 8, 14, 16]) hheaView.setInt16(offset, scale(hheaView.getInt16(offset)));
    hheaView.setUint16(10, scale(hheaView.getUint16(10)));
    hheaView.setInt16(12, box[0]!);
    hheaView.setUint16(34, count);
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

    const program = sfnt([
      ...(options.oneByteCodes ? [['cmap', ONE_BYTE_CMAP] as [string, Uint8Array]] : []),
      ['glyf', glyf],
      ['head', head],
      ['hhea', hhea],
      ['hmtx', new Uint8Array(hmtx.buffer)],
      ['loca', new Uint8Array(loca.buffer)],
      ['maxp', maxp],
    ]);
    // The box in thousandths of an em, as PDF gives a font's.
    return { program, box: box.map((bound) => Math.round((bound * 1000) / programEm)) as typeof box };
  }
}

/**
 * A character map taking each one-byte code to the glyph of the same id, for the (1,0) and (3,0) encodings alike: one
 * format 4 table of three segments, 0x00–0xFF as they are, 0xF000–0xF0FF less 0xF000 (where a symbolic font's codes
 * sit in the (3,0) table), and the 0xFFFF that ends every such table.
 */
const ONE_BYTE_CMAP = (() => {
  const segments = [
    { start: 0x0000, end: 0x00ff, delta: 0 },
    { start: 0xf000, end: 0xf0ff, delta: 0x1000 },
    { start: 0xffff, end: 0xffff, delta: 1 },
  ];
  const subtableLength = 16 + 8 * segments.length;
  const view = new DataView(new ArrayBuffer(4 + 2 * 8 + subtableLength));
  view.setUint16(2, 2); // version 0, two encoding records
  [
    [1, 0],
    [3, 0],
  ].forEach(([platform, encoding], i) => {
    view.setUint16(4 + 8 * i, platform!);
    view.setUint16(6 + 8 * i, encoding!);
    view.setUint32(8 + 8 * i, 20);
  });
  const at = 20;
  const count = segments.length;
  const power = 2 ** Math.floor(Math.log2(count));
  view.setUint16(at, 4);
  view.setUint16(at + 2, subtableLength);
  view.setUint16(at + 6, 2 * count);
  view.setUint16(at + 8, 2 * power);
  view.setUint16(at + 10, Math.log2(power));
  view.setUint16(at + 12, 2 * count - 2 * power);
  segments.forEach(({ start, end, delta }, i) => {
    view.setUint16(at + 14 + 2 * i, end);
    view.setUint16(at + 16 + 2 * count + 2 * i, start);
    view.setUint16(at + 16 + 4 * count + 2 * i, delta);
    // idRangeOffset stays 0: each segment maps by its delta alone.
  });
  return new Uint8Array(view.buffer);
})();

/**
 * The least box that holds every glyph of a font program's outlines (ids into `outlines`): a simple glyph's own box,
 * as its points give it, and a composite's from its components' boxes, moved and transformed as it places them.
 */
function inkBox(outlines: readonly Uint8Array[]): [number, number, number, number] {
  const boxes = new Map<number, number[] | undefined>();
  const boxOf = (id: number): number[] | undefined => {
    if (boxes.has(id)) return boxes.get(id);
    const outline = outlines[id]!;
    let box: number[] | undefined;
    if (outline.length > 0) {
      const view = new DataView(outline.buffer, outline.byteOffset, outline.byteLength);
      if (view.getInt16(0) >= 0) box = [0, 1, 2, 3].map((side) => view.getInt16(2 + 2 * side));
      else
        for (const { glyphAt, offset, transform } of componentsOf(outline)) {
          const part = boxOf(view.getUint16(glyphAt));
          if (!part) continue;
          const [dx, dy] = offset ?? [0, 0];
          const [xx, xy, yx, yy] = transform ?? [1, 0, 0, 1];
          const corners = [
            [part[0]!, part[1]!],
            [part[2]!, part[1]!],
            [part[0]!, part[3]!],
            [part[2]!, part[3]!],
          ].map(([x, y]) => [x! * xx + y! * yx + dx, x! * xy + y! * yy + dy] as const);
          const placed = [
            Math.floor(Math.min(...corners.map(([x]) => x))),
            Math.floor(Math.min(...corners.map(([, y]) => y))),
            Math.ceil(Math.max(...corners.map(([x]) => x))),
            Math.ceil(Math.max(...corners.map(([, y]) => y))),
          ];
          box = box ? union(box, placed) : placed;
        }
    }
    boxes.set(id, box);
    return box;
  };
  let all: number[] | undefined;
  outlines.forEach((_, id) => {
    const box = boxOf(id);
    if (box) all = all ? union(all, box) : box;
  });
  const [xMin = 0, yMin = 0, xMax = 0, yMax = 0] = all ?? [];
  return [xMin, yMin, xMax, yMax];
}

const union = (a: number[], b: number[]) => [
  Math.min(a[0]!, b[0]!),
  Math.min(a[1]!, b[1]!),
  Math.max(a[2]!, b[2]!),
  Math.max(a[3]!, b[3]!),
];

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
