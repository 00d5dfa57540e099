import { ConfigurationError } from '../errors.ts';

/**
 * Just enough of a TrueType (glyf) font to typeset and embed it: its tables, metrics, character map and glyph
 * outlines as bytes. Parsed once per container; every look-up afterwards is an array or map read, which is what
 * lets a document measure its text without a layout engine.
 */
export interface TrueTypeFont {
  bytes: Uint8Array;
  unitsPerEm: number;
  numGlyphs: number;
  /** hhea ascender and descender, OS/2 cap height (else the head box's top), post italic angle: font units. */
  ascender: number;
  descender: number;
  capHeight: number;
  italicAngle: number;
  /** The table records, by tag, as offsets into `bytes`. */
  tables: ReadonlyMap<string, { offset: number; length: number }>;
  /** Code point → glyph id, from the Unicode character map. */
  cmap: ReadonlyMap<number, number>;
  /** Advance width of each glyph, font units. */
  advances: Uint16Array;
  /** Left side bearing of each glyph, font units. */
  leftSideBearings: Int16Array;
  /** Start of each glyph's outline in `glyf` (numGlyphs + 1 entries): glyph g is bytes [loca[g], loca[g + 1]). */
  loca: Uint32Array;
}

export function parseTrueType(bytes: Uint8Array): TrueTypeFont {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(0);
  if (version !== 0x00010000 && version !== 0x74727565)
    throw new ConfigurationError('not a TrueType font (glyf outlines) file');
  const tables = new Map<string, { offset: number; length: number }>();
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const record = 12 + 16 * i;
    const tag = String.fromCharCode(...bytes.subarray(record, record + 4));
    tables.set(tag, { offset: view.getUint32(record + 8), length: view.getUint32(record + 12) });
  }
  const table = (tag: string) => {
    const found = tables.get(tag);
    if (!found) throw new ConfigurationError(`font has no ${tag} table`);
    return found.offset;
  };

  const head = table('head');
  const unitsPerEm = view.getUint16(head + 18);
  const yMax = view.getInt16(head + 42);
  const longOffsets = view.getInt16(head + 50) === 1;
  const numGlyphs = view.getUint16(table('maxp') + 4);
  const hhea = table('hhea');
  const numberOfHMetrics = view.getUint16(hhea + 34);

  const hmtx = table('hmtx');
  const advances = new Uint16Array(numGlyphs);
  const leftSideBearings = new Int16Array(numGlyphs);
  for (let glyph = 0; glyph < numGlyphs; glyph++) {
    if (glyph < numberOfHMetrics) {
      advances[glyph] = view.getUint16(hmtx + 4 * glyph);
      leftSideBearings[glyph] = view.getInt16(hmtx + 4 * glyph + 2);
    } else {
      advances[glyph] = advances[numberOfHMetrics - 1]!;
      leftSideBearings[glyph] = view.getInt16(hmtx + 4 * numberOfHMetrics + 2 * (glyph - numberOfHMetrics));
    }
  }

  const locaAt = table('loca');
  const loca = new Uint32Array(numGlyphs + 1);
  for (let glyph = 0; glyph <= numGlyphs; glyph++)
    loca[glyph] = longOffsets ? view.getUint32(locaAt + 4 * glyph) : 2 * view.getUint16(locaAt + 2 * glyph);

  const os2 = tables.get('OS/2');
  const post = tables.get('post');
  return {
    bytes,
    unitsPerEm,
    numGlyphs,
    ascender: view.getInt16(hhea + 4),
    descender: view.getInt16(hhea + 6),
    capHeight: os2 && view.getUint16(os2.offset) >= 2 ? view.getInt16(os2.offset + 88) : yMax,
    italicAngle: post ? view.getInt32(post.offset + 4) / 65536 : 0,
    tables,
    cmap: readCmap(view, table('cmap')),
    advances,
    leftSideBearings,
    loca,
  };
}

/** The outline of one glyph as stored in `glyf` (empty for a glyph without contours, such as the space). */
export function glyphOutline(font: TrueTypeFont, glyph: number): Uint8Array {
  const glyf = font.tables.get('glyf')!.offset;
  return font.bytes.subarray(glyf + font.loca[glyph]!, glyf + font.loca[glyph + 1]!);
}

/** Composite glyph flags (OpenType glyf table). */
const COMPOSITE = {
  ARGS_ARE_WORDS: 0x0001,
  ARGS_ARE_XY_VALUES: 0x0002,
  HAVE_SCALE: 0x0008,
  MORE_COMPONENTS: 0x0020,
  HAVE_X_AND_Y_SCALE: 0x0040,
  HAVE_TWO_BY_TWO: 0x0080,
} as const;

/** A component of a composite glyph: where its glyph id and its two arguments sit in the outline. */
export interface Component {
  /** Byte offset of the component's glyph id. */
  glyphAt: number;
  /** Byte offset of its two arguments, each a word or a byte. */
  argumentsAt: number;
  wordArguments: boolean;
  /** The component's x and y offset (font units), when its arguments are one and not two point numbers. */
  offset?: [number, number];
  /** The component's scale or 2×2 transform (xx, xy, yx, yy), when it has one. */
  transform?: [number, number, number, number];
}

/** The components of a composite outline (none for a simple glyph), so a subset can renumber and scale them. */
export function componentsOf(outline: Uint8Array): Component[] {
  if (outline.length < 10) return [];
  const view = new DataView(outline.buffer, outline.byteOffset, outline.byteLength);
  if (view.getInt16(0) >= 0) return [];
  const components: Component[] = [];
  let at = 10;
  for (;;) {
    const flags = view.getUint16(at);
    const wordArguments = (flags & COMPOSITE.ARGS_ARE_WORDS) !== 0;
    const component: Component = { glyphAt: at + 2, argumentsAt: at + 4, wordArguments };
    if (flags & COMPOSITE.ARGS_ARE_XY_VALUES)
      component.offset = wordArguments
        ? [view.getInt16(at + 4), view.getInt16(at + 6)]
        : [view.getInt8(at + 4), view.getInt8(at + 5)];
    components.push(component);
    at += 4 + (wordArguments ? 4 : 2);
    const f2dot14 = (offset: number) => view.getInt16(at + offset) / 0x4000;
    if (flags & COMPOSITE.HAVE_SCALE) {
      component.transform = [f2dot14(0), 0, 0, f2dot14(0)];
      at += 2;
    } else if (flags & COMPOSITE.HAVE_X_AND_Y_SCALE) {
      component.transform = [f2dot14(0), 0, 0, f2dot14(2)];
      at += 4;
    } else if (flags & COMPOSITE.HAVE_TWO_BY_TWO) {
      component.transform = [f2dot14(0), f2dot14(2), f2dot14(4), f2dot14(6)];
      at += 8;
    }
    if (!(flags & COMPOSITE.MORE_COMPONENTS)) return components;
  }
}

/** The Unicode character map: format 12 (full repertoire) when present, else format 4 (the BMP). */
function readCmap(view: DataView, cmap: number): Map<number, number> {
  const subtables: { platform: number; encoding: number; offset: number; format: number }[] = [];
  const count = view.getUint16(cmap + 2);
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + 8 * i;
    const offset = cmap + view.getUint32(record + 4);
    subtables.push({
      platform: view.getUint16(record),
      encoding: view.getUint16(record + 2),
      offset,
      format: view.getUint16(offset),
    });
  }
  const unicode = (s: (typeof subtables)[number]) => s.platform === 0 || (s.platform === 3 && s.encoding !== 0);
  const chosen =
    subtables.find((s) => unicode(s) && s.format === 12) ?? subtables.find((s) => unicode(s) && s.format === 4);
  if (!chosen) throw new ConfigurationError('font has no Unicode character map (format 4 or 12)');
  const map = new Map<number, number>();
  const at = chosen.offset;
  if (chosen.format === 12) {
    const groups = view.getUint32(at + 12);
    for (let i = 0; i < groups; i++) {
      const group = at + 16 + 12 * i;
      const start = view.getUint32(group);
      const end = view.getUint32(group + 4);
      const first = view.getUint32(group + 8);
      for (let code = start; code <= end; code++) if (first + code - start) map.set(code, first + code - start);
    }
    return map;
  }
  const segments = view.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  for (let i = 0; i < segments; i++) {
    const start = view.getUint16(starts + 2 * i);
    const end = view.getUint16(ends + 2 * i);
    const delta = view.getInt16(deltas + 2 * i);
    const rangeOffset = view.getUint16(rangeOffsets + 2 * i);
    for (let code = start; code <= end && code !== 0xffff; code++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
      else {
        const raw = view.getUint16(rangeOffsets + 2 * i + rangeOffset + 2 * (code - start));
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph) map.set(code, glyph);
    }
  }
  return map;
}
