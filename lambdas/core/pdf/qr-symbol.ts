import QRCode, { type QRCodeSegment } from 'qrcode';
import { QR_ERROR_CORRECTION, QR_MAX_VERSION } from '../certificate/qr-payload.ts';
import { type BitLines, bitLines, maskPenalty, setModule, xorLines } from './qr-penalty.ts';

/** A QR code symbol: `size` × `size` modules, row by row from the top, 1 for dark. */
export interface QrSymbol {
  version: number;
  size: number;
  modules: Uint8Array;
}

/**
 * The QR code of `text` at the project's error correction level, the same symbol the `qrcode` package makes: the
 * fewest bits (numeric, alphanumeric and byte segments chosen by dynamic programming over the text) and the mask
 * with the lowest ISO/IEC 18004 penalty. Both choices are computed here over plain arrays; the package's own
 * (a shortest-path search over every segmentation, and a scoring loop over its matrix accessors) cost about two
 * milliseconds per certificate. The package still encodes the data, the error correction and the placement.
 */
export function qrSymbol(text: string): QrSymbol {
  let group = text.length > 200 ? 1 : 0;
  let symbol = QRCode.create(segmentsOf(text, group), { errorCorrectionLevel: QR_ERROR_CORRECTION, maskPattern: 0 });
  if (versionGroup(symbol.version) !== group) {
    group = versionGroup(symbol.version);
    symbol = QRCode.create(segmentsOf(text, group), { errorCorrectionLevel: QR_ERROR_CORRECTION, maskPattern: 0 });
  }
  if (symbol.version > QR_MAX_VERSION)
    throw new RangeError(`QR payload needs version ${symbol.version} (> ${QR_MAX_VERSION})`);
  const { size, data, reservedBit } = symbol.modules as unknown as BitMatrix;
  return { version: symbol.version, size, modules: withBestMask(size, data, reservedBit) };
}

interface BitMatrix {
  size: number;
  data: Uint8Array;
  reservedBit: Uint8Array;
}

type Mode = 'byte' | 'alphanumeric' | 'numeric';
const MODES: Mode[] = ['byte', 'alphanumeric', 'numeric'];
/** Character count bits of each mode for versions 1–9, 10–26 and 27–40. */
const COUNT_BITS: Record<Mode, number[]> = { byte: [8, 16, 16], alphanumeric: [9, 11, 13], numeric: [10, 12, 14] };
const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

const versionGroup = (version: number) => (version < 10 ? 0 : version < 27 ? 1 : 2);

/**
 * The segmentation with the fewest bits, in sixths of a bit (an alphanumeric character costs 5.5 bits, a digit
 * 3⅓): for every character and every mode, the cheapest encoding of the text so far that ends in that mode.
 */
export function segmentsOf(text: string, group: number): QRCodeSegment[] {
  const characters = [...text];
  const headers = MODES.map((mode) => (4 + COUNT_BITS[mode][group]!) * 6);
  let costs = [...headers];
  const modeOf: number[][] = [];
  for (const character of characters) {
    const code = character.codePointAt(0)!;
    const bytes = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    const next = [
      costs[0]! + bytes * 48,
      ALPHANUMERIC.includes(character) ? costs[1]! + 33 : Number.POSITIVE_INFINITY,
      code >= 0x30 && code <= 0x39 ? costs[2]! + 20 : Number.POSITIVE_INFINITY,
    ];
    const from = [0, 1, 2];
    for (let to = 0; to < 3; to++) {
      for (let mode = 0; mode < 3; mode++) {
        if (next[mode] === Number.POSITIVE_INFINITY || mode === to) continue;
        const switched = Math.ceil(next[mode]! / 6) * 6 + headers[to]!;
        if (switched < next[to]!) {
          next[to] = switched;
          from[to] = mode;
        }
      }
    }
    modeOf.push(from);
    costs = next;
  }
  let mode = costs.indexOf(Math.min(...costs));
  const modes: number[] = new Array(characters.length);
  for (let i = characters.length - 1; i >= 0; i--) {
    mode = modeOf[i]![mode]!;
    modes[i] = mode;
  }
  const segments: { data: string; mode: Mode }[] = [];
  characters.forEach((character, i) => {
    const last = segments.at(-1);
    if (last && last.mode === MODES[modes[i]!]) last.data += character;
    else segments.push({ data: character, mode: MODES[modes[i]!]! });
  });
  return segments as QRCodeSegment[];
}

const MASKS: ((row: number, column: number) => boolean)[] = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i * j) % 3) + ((i + j) % 2)) % 2 === 0,
];
const ERROR_CORRECTION_BITS = { L: 1, M: 0, Q: 3, H: 2 } as const;

/** `data` carries mask 0; every mask is tried on the unmasked data with its own format bits, as the package does. */
function withBestMask(size: number, data: Uint8Array, reserved: Uint8Array): Uint8Array {
  const masks = maskedModules(size, reserved);
  const unmasked = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) unmasked[i] = data[i]! ^ masks[0]!.modules[i]!;
  const lines = bitLines(unmasked, size);
  let best = 0;
  let lowest = Number.POSITIVE_INFINITY;
  for (let mask = 0; mask < masks.length; mask++) {
    const candidate = xorLines(lines, masks[mask]!.lines);
    for (const [row, column, dark] of formatModules(size, mask)) setModule(candidate, row, column, dark);
    const score = maskPenalty(candidate);
    if (score < lowest) {
      lowest = score;
      best = mask;
    }
  }
  const modules = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) modules[i] = unmasked[i]! ^ masks[best]!.modules[i]!;
  for (const [row, column, dark] of formatModules(size, best)) modules[row * size + column] = dark;
  return modules;
}

/** Which modules each mask flips: its pattern outside the function patterns, which depend on the version only. */
const maskCache = new Map<number, { modules: Uint8Array; lines: BitLines }[]>();
function maskedModules(size: number, reserved: Uint8Array): { modules: Uint8Array; lines: BitLines }[] {
  let masks = maskCache.get(size);
  if (!masks) {
    masks = MASKS.map((flips) => {
      const modules = new Uint8Array(size * size);
      for (let row = 0; row < size; row++)
        for (let column = 0; column < size; column++)
          modules[row * size + column] = !reserved[row * size + column] && flips(row, column) ? 1 : 0;
      return { modules, lines: bitLines(modules, size) };
    });
    maskCache.set(size, masks);
  }
  return masks;
}

/** The 15 format bits (error correction level and mask, BCH-protected) in both copies, and the dark module. */
function formatModules(size: number, mask: number): [row: number, column: number, dark: number][] {
  const value = (ERROR_CORRECTION_BITS[QR_ERROR_CORRECTION] << 3) | mask;
  let remainder = value << 10;
  for (let bit = 14; bit >= 10; bit--) if (remainder & (1 << bit)) remainder ^= 0x537 << (bit - 10);
  const bits = ((value << 10) | remainder) ^ 0x5412;
  const modules: [number, number, number][] = [];
  for (let i = 0; i < 15; i++) {
    const dark = (bits >> i) & 1;
    modules.push([i < 6 ? i : i < 8 ? i + 1 : size - 15 + i, 8, dark]);
    modules.push([8, i < 8 ? size - i - 1 : i < 9 ? 15 - i : 14 - i, dark]);
  }
  modules.push([size - 8, 8, 1]);
  return modules;
}
