import * as z from '../validation.ts';
import { sha256Hex } from './encoding.ts';
import { issueDateOf } from './issue-date.ts';
import { KEY_FACTS, type KeyFactId, keyFactsOf } from './key-facts.ts';
import { CertIdSchema, type CertificateRecord, fromCertId } from './model.ts';

/**
 * The claims a QR code signs, in a compact binary form (docs/archive-format.md, "QR code"), so the code stays at
 * version 10 or below at error correction M however long the base URL (≤ 60 characters) and the names:
 *
 *   byte 0        format, 2
 *   bytes 1–4     the signing key's id, first 4 bytes (its first 8 hex digits)
 *   bytes 5–6     issue date in India, days since 2020-01-01, big-endian
 *   bytes 7–8     document type, the first 2 bytes of SHA-256 of its code
 *   byte 9        holder name: bit 7 Telugu packed (one byte a letter), bit 6 cut short, bits 0–5 its length
 *   …             the name; then key facts, each a tag byte (key-facts.ts) and its value: an amount as unsigned
 *                 LEB128, a text as a length byte and UTF-8 (cut at a character boundary when long)
 *
 * The signature (64 bytes r‖s) is over SHA-256 of `mitra-qr-claims-v2`, a zero byte, the 16 bytes of the
 * certificate id, and the claims bytes; so the claims are bound to the id in the URL's path.
 */
const COMPACT_CLAIMS_VERSION = 2;
/** What the claims may take: 113 bytes fit beside a 60-character base URL at version 10-M, less the signature. */
export const COMPACT_CLAIMS_MAX_BYTES = 49;
const DOMAIN = new TextEncoder().encode('mitra-qr-claims-v2\0');
const EPOCH = Date.UTC(2020, 0, 1);
const DAY_MS = 86_400_000;
const FIXED_BYTES = 10;
/** The least a name keeps of the budget, and the shortest a cut text fact may be. */
const MIN_TEXT_BYTES = 8;
/** Facts cut only when nothing else is left to cut. */
const KEPT_WHOLE = new Set<KeyFactId>(['pnr', 'seats']);
const TELUGU = { first: 0x0c00, last: 0x0c7f, space: 0x80, zwnj: 0x81, zwj: 0x82 };

const KeyFactsSchema = z.strictObject(
  Object.fromEntries(
    KEY_FACTS.map((fact) => [
      fact.id,
      z.optional(
        fact.kind === 'amount'
          ? z.number().check(z.int(), z.nonnegative())
          : z.string().check(z.minLength(1), z.maxLength(127)),
      ),
    ]),
  ) as Record<KeyFactId, z.ZodMiniOptional<z.ZodMiniNumber | z.ZodMiniString>>,
);

/** The claims as the signed record stores them and a verifier reads them back. */
export const CompactClaimsSchema = z.strictObject({
  v: z.literal(COMPACT_CLAIMS_VERSION),
  id: CertIdSchema,
  /** The signing key's id, its first 8 hex digits. */
  kid: z.string().check(z.regex(/^[0-9a-f]{8}$/)),
  /** Issue date in India. */
  iat: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  /** First 4 hex digits of SHA-256 of the document type's code. */
  typ: z.string().check(z.regex(/^[0-9a-f]{4}$/)),
  name: z.string().check(z.minLength(1)),
  /** True when the name was cut to fit: the document prints it whole. */
  nameCut: z.boolean(),
  facts: KeyFactsSchema,
});
export type CompactClaims = z.infer<typeof CompactClaimsSchema>;

export function documentTypeTag(documentType: string): string {
  return sha256Hex(documentType).slice(0, 4);
}

/**
 * The claims of a record, signed by `keyId`: a function of the record and the key alone. The facts come first; the
 * name gets what is left of the budget and is cut at a character boundary when longer.
 */
export function compactClaimsOf(record: CertificateRecord, keyId: string): CompactClaims {
  const facts = keyFactsOf(record);
  let factBytes = encodeFacts(facts);
  // Texts are cut from the longest until the facts leave the name at least 8 bytes. A number a person compares (a
  // PNR, seat numbers) is cut last, since cut it reads as another; a text cut below 8 bytes says nothing and goes.
  while (factBytes.length > COMPACT_CLAIMS_MAX_BYTES - FIXED_BYTES - MIN_TEXT_BYTES) {
    const texts = Object.entries(facts)
      .filter((entry): entry is [KeyFactId, string] => typeof entry[1] === 'string')
      .sort((a, b) => b[1].length - a[1].length);
    const longest = texts.find(([id]) => !KEPT_WHOLE.has(id)) ?? texts[0];
    if (!longest) break;
    const shorter = cutText(longest[1], utf8(longest[1]).length - 1);
    if (utf8(shorter).length >= MIN_TEXT_BYTES) facts[longest[0]] = shorter;
    else delete facts[longest[0]];
    factBytes = encodeFacts(facts);
  }
  const room = COMPACT_CLAIMS_MAX_BYTES - FIXED_BYTES - factBytes.length;
  const { text: name, cut } = cutName(record.holder.name, Math.min(room, 63));
  return {
    v: COMPACT_CLAIMS_VERSION,
    id: record.certId,
    kid: keyId.slice(0, 8),
    iat: issueDateOf(record.issuedAt),
    typ: documentTypeTag(record.documentType),
    name,
    nameCut: cut,
    facts,
  };
}

/** The claims bytes (without the id, which the URL's path carries). */
export function encodeCompactClaims(claims: CompactClaims): Uint8Array {
  const parsed = CompactClaimsSchema.parse(claims);
  const name = encodeName(parsed.name);
  const days = Math.round((Date.parse(`${parsed.iat}T00:00:00Z`) - EPOCH) / DAY_MS);
  if (!(days >= 0 && days < 65536)) throw new RangeError(`issue date ${parsed.iat} out of range`);
  const bytes = [
    COMPACT_CLAIMS_VERSION,
    ...Buffer.from(parsed.kid, 'hex'),
    days >> 8,
    days & 0xff,
    ...Buffer.from(parsed.typ, 'hex'),
    (name.packed ? 0x80 : 0) | (parsed.nameCut ? 0x40 : 0) | name.bytes.length,
    ...name.bytes,
    ...encodeFacts(parsed.facts),
  ];
  if (name.bytes.length > 63) throw new RangeError('the name takes more than 63 bytes');
  return new Uint8Array(bytes);
}

/** Reads claims bytes back for the certificate `certId`; undefined for anything that is not exactly such bytes. */
export function decodeCompactClaims(certId: string, bytes: Uint8Array): CompactClaims | undefined {
  try {
    if (bytes.length < FIXED_BYTES || bytes[0] !== COMPACT_CLAIMS_VERSION) return undefined;
    const kid = Buffer.from(bytes.subarray(1, 5)).toString('hex');
    const iat = new Date(EPOCH + ((bytes[5]! << 8) | bytes[6]!) * DAY_MS).toISOString().slice(0, 10);
    const typ = Buffer.from(bytes.subarray(7, 9)).toString('hex');
    const head = bytes[9]!;
    let offset = FIXED_BYTES + (head & 0x3f);
    if (offset > bytes.length) return undefined;
    const name = decodeName(bytes.subarray(FIXED_BYTES, offset), (head & 0x80) !== 0);
    const facts: Record<string, number | string> = {};
    let lastTag = 0;
    while (offset < bytes.length) {
      const tag = bytes[offset++]!;
      const fact = KEY_FACTS.find((f) => f.tag === tag);
      // Tags in increasing order, each once: one encoding per claim set.
      if (!fact || tag <= lastTag) return undefined;
      lastTag = tag;
      if (fact.kind === 'amount') {
        const read = readLeb128(bytes, offset);
        if (!read) return undefined;
        facts[fact.id] = read.value;
        offset = read.next;
      } else {
        const length = bytes[offset++]!;
        if (offset + length > bytes.length) return undefined;
        facts[fact.id] = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(offset, offset + length));
        offset += length;
      }
    }
    const parsed = CompactClaimsSchema.safeParse({
      v: COMPACT_CLAIMS_VERSION,
      id: certId,
      kid,
      iat,
      typ,
      name,
      nameCut: (head & 0x40) !== 0,
      facts,
    });
    // Only the one canonical encoding of these claims is accepted.
    if (!parsed.success || !Buffer.from(encodeCompactClaims(parsed.data)).equals(Buffer.from(bytes))) return undefined;
    return parsed.data;
  } catch {
    return undefined;
  }
}

/** The exact bytes the claims signature covers (hashed with SHA-256). */
export function compactClaimsMessage(claims: CompactClaims): Uint8Array {
  const body = encodeCompactClaims(claims);
  const id = fromCertId(claims.id);
  const message = new Uint8Array(DOMAIN.length + id.length + body.length);
  message.set(DOMAIN);
  message.set(id, DOMAIN.length);
  message.set(body, DOMAIN.length + id.length);
  return message;
}

function encodeFacts(facts: CompactClaims['facts']): number[] {
  const bytes: number[] = [];
  for (const fact of KEY_FACTS) {
    const value = facts[fact.id];
    if (value === undefined) continue;
    bytes.push(fact.tag);
    if (typeof value === 'number') bytes.push(...leb128(value));
    else {
      const text = utf8(value);
      bytes.push(text.length, ...text);
    }
  }
  return bytes;
}

function leb128(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  do {
    const low = rest % 128;
    rest = Math.floor(rest / 128);
    bytes.push(rest > 0 ? low | 0x80 : low);
  } while (rest > 0);
  return bytes;
}

function readLeb128(bytes: Uint8Array, start: number): { value: number; next: number } | undefined {
  let value = 0;
  let scale = 1;
  for (let i = start; i < bytes.length && i < start + 8; i++) {
    value += (bytes[i]! & 0x7f) * scale;
    scale *= 128;
    if (!(bytes[i]! & 0x80)) return Number.isSafeInteger(value) ? { value, next: i + 1 } : undefined;
  }
  return undefined;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A name wholly in Telugu (and spaces, ZWJ, ZWNJ) is packed one byte a character; any other in UTF-8. */
function encodeName(name: string): { bytes: Uint8Array; packed: boolean } {
  const packed: number[] = [];
  for (const character of name) {
    const code = character.codePointAt(0)!;
    if (code >= TELUGU.first && code <= TELUGU.last) packed.push(code - TELUGU.first);
    else if (character === ' ') packed.push(TELUGU.space);
    else if (code === 0x200c) packed.push(TELUGU.zwnj);
    else if (code === 0x200d) packed.push(TELUGU.zwj);
    else return { bytes: utf8(name), packed: false };
  }
  // A Latin-only name packs no better; UTF-8 keeps it readable in a hex dump.
  return packed.some((b) => b < 0x80)
    ? { bytes: new Uint8Array(packed), packed: true }
    : { bytes: utf8(name), packed: false };
}

function decodeName(bytes: Uint8Array, packed: boolean): string {
  if (!packed) return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  return [...bytes]
    .map((b) => {
      if (b < 0x80) return String.fromCodePoint(TELUGU.first + b);
      if (b === TELUGU.space) return ' ';
      if (b === TELUGU.zwnj) return '\u200c';
      if (b === TELUGU.zwj) return '\u200d';
      throw new RangeError('not a packed Telugu byte');
    })
    .join('');
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Cuts at a grapheme boundary so that the encoded name takes at most `maxBytes`; a Telugu conjunct is never split. */
function cutName(name: string, maxBytes: number): { text: string; cut: boolean } {
  if (encodeName(name).bytes.length <= maxBytes) return { text: name, cut: false };
  let kept = '';
  for (const { segment } of graphemes.segment(name)) {
    if (encodeName(kept + segment).bytes.length > maxBytes) break;
    kept += segment;
  }
  return { text: kept.trimEnd() || [...name][0]!, cut: true };
}

function cutText(text: string, maxBytes: number): string {
  let kept = '';
  for (const { segment } of graphemes.segment(text)) {
    if (utf8(kept + segment).length > maxBytes) break;
    kept += segment;
  }
  return kept.trimEnd();
}
