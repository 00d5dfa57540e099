import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The HarfBuzz subsetter functions this tool calls (harfbuzzjs ships them as a standalone wasm module). */
interface SubsetExports {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_length(blob: number): number;
  hb_blob_get_data(blob: number, length: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set(input: number, setType: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

/** hb-subset.h */
const HB_MEMORY_MODE_READONLY = 1;
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;
const HB_SUBSET_SETS_NAME_ID = 4;

export interface SubsetRequest {
  /** The characters the subset keeps, with every glyph HarfBuzz's layout closure reaches from them. */
  codePoints: Iterable<number>;
  /** The name table records kept (copyright, names, version, licence). */
  nameIds: Iterable<number>;
}

let subsetter: SubsetExports | undefined;
function harfbuzzSubset(): SubsetExports {
  if (!subsetter) {
    const wasm = createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');
    const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasm)), {});
    subsetter = instance.exports as unknown as SubsetExports;
    subsetter._initialize();
  }
  return subsetter;
}

/**
 * A subset of a font made by HarfBuzz's subsetter, without hinting: the outlines, metrics and layout tables (GSUB,
 * GPOS, GDEF) of the characters asked for, no TrueType instructions (cvt, fpgm, prep and each glyph's program).
 * PDF viewers rasterise without them at every size this project prints.
 */
export function subsetFont(font: Uint8Array, request: SubsetRequest): Uint8Array {
  const hb = harfbuzzSubset();
  const pointer = hb.malloc(font.length);
  new Uint8Array(hb.memory.buffer, pointer, font.length).set(font);
  const blob = hb.hb_blob_create(pointer, font.length, HB_MEMORY_MODE_READONLY, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  const input = hb.hb_subset_input_create_or_fail();
  try {
    if (!input) throw new Error('HarfBuzz could not make a subset input');
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const codePoint of request.codePoints) hb.hb_set_add(unicodes, codePoint);
    const names = hb.hb_subset_input_set(input, HB_SUBSET_SETS_NAME_ID);
    for (const nameId of request.nameIds) hb.hb_set_add(names, nameId);
    hb.hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
    const subset = hb.hb_subset_or_fail(face, input);
    if (!subset) throw new Error('HarfBuzz could not subset the font');
    const result = hb.hb_face_reference_blob(subset);
    const length = hb.hb_blob_get_length(result);
    const data = hb.hb_blob_get_data(result, 0);
    const bytes = new Uint8Array(hb.memory.buffer, data, length).slice();
    hb.hb_blob_destroy(result);
    hb.hb_face_destroy(subset);
    return bytes;
  } finally {
    if (input) hb.hb_subset_input_destroy(input);
    hb.hb_face_destroy(face);
    hb.hb_blob_destroy(blob);
    hb.free(pointer);
  }
}
