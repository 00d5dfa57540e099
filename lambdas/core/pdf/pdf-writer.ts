import { deflateSync } from 'node:zlib';
import { PDFDict, type PDFDocument, PDFHexString, type PDFObject, type PDFRef, PDFStream, PDFString } from 'pdf-lib';

const encoder = new TextEncoder();

/**
 * Writes a document as pdf-lib's object-stream writer does (every dictionary packed into one compressed object
 * stream, a compressed cross-reference stream), compressing with node:zlib: pdf-lib's own deflate, in JavaScript,
 * costs more than the rest of a certificate's writing. Streams the document already holds are written as they are.
 */
export async function savePdf(pdf: PDFDocument): Promise<Uint8Array> {
  await pdf.flush();
  const { context } = pdf;
  const objects = context.enumerateIndirectObjects();
  const objectStreamNumber = context.largestObjectNumber + 1;
  const xrefNumber = objectStreamNumber + 1;
  /** Cross-reference entries by object number: [type, field 2, field 3]. */
  const entries: [number, number, number][] = Array.from({ length: xrefNumber + 1 }, () => [0, 0, 0]);
  entries[0] = [0, 0, 0xffff];

  const chunks: Uint8Array[] = [];
  let offset = 0;
  const write = (bytes: Uint8Array | string) => {
    const chunk = typeof bytes === 'string' ? encoder.encode(bytes) : bytes;
    chunks.push(chunk);
    offset += chunk.length;
  };
  const writeObject = (number: number, object: PDFObject | Uint8Array) => {
    entries[number] = [1, offset, 0];
    write(`${number} 0 obj\n`);
    write(object instanceof Uint8Array ? object : bytesOf(object));
    write('\nendobj\n');
  };

  write('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n');
  const packed: [PDFRef, PDFObject][] = [];
  for (const [ref, object] of objects) {
    if (object instanceof PDFStream || ref.generationNumber !== 0) writeObject(ref.objectNumber, object);
    else packed.push([ref, object]);
  }

  const offsets: string[] = [];
  const bodies: Uint8Array[] = [];
  let bodyLength = 0;
  packed.forEach(([ref, object], index) => {
    entries[ref.objectNumber] = [2, objectStreamNumber, index];
    offsets.push(`${ref.objectNumber} ${bodyLength}`);
    const body = bytesOf(object);
    bodies.push(body, encoder.encode('\n'));
    bodyLength += body.length + 1;
  });
  const header = encoder.encode(`${offsets.join(' ')}\n`);
  writeObject(
    objectStreamNumber,
    stream(
      `/Type /ObjStm /N ${packed.length} /First ${header.length}`,
      deflateSync(Buffer.concat([header, ...bodies])),
    ),
  );

  const xrefOffset = offset;
  entries[xrefNumber] = [1, xrefOffset, 0];
  const widths = [1, byteWidth(Math.max(xrefOffset, objectStreamNumber)), 2] as const;
  const table = new Uint8Array(entries.length * (widths[0] + widths[1] + widths[2]));
  let at = 0;
  for (const entry of entries) {
    entry.forEach((value, field) => {
      for (let byte = widths[field]! - 1; byte >= 0; byte--) table[at++] = Math.floor(value / 256 ** byte) % 256;
    });
  }
  const { Root, Info, ID } = context.trailerInfo;
  const trailer = [
    `/Type /XRef /Size ${entries.length} /W [${widths.join(' ')}]`,
    Root ? `/Root ${Root}` : '',
    Info ? `/Info ${Info}` : '',
    ID ? `/ID ${ID}` : '',
  ].join(' ');
  writeObject(xrefNumber, stream(trailer, deflateSync(table)));
  write(`startxref\n${xrefOffset}\n%%EOF\n`);
  return Buffer.concat(chunks);
}

function bytesOf(object: PDFObject): Uint8Array {
  const bytes = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(bytes, 0);
  return bytes;
}

function stream(dictionary: string, deflated: Uint8Array): Uint8Array {
  return Buffer.concat([
    encoder.encode(`<< ${dictionary} /Filter /FlateDecode /Length ${deflated.length} >>\nstream\n`),
    deflated,
    encoder.encode('\nendstream'),
  ]);
}

const byteWidth = (value: number) => Math.max(1, Math.ceil(Math.log2(value + 1) / 8));

/** Printable ASCII: a literal string holds it as it is, escaping only the backslash and the parentheses. */
const PLAIN = /^[\x20-\x7e]*$/;

/**
 * A text string (a title, a file name, a description) as a literal when it is plain ASCII, where pdf-lib writes
 * every text string as UTF-16 hex, four times the bytes; other text stays UTF-16.
 */
export function textString(text: string): PDFString | PDFHexString {
  return PLAIN.test(text) ? PDFString.of(text.replace(/[\\()]/g, '\\$&')) : PDFHexString.fromText(text);
}

/** Rewrites the document information dictionary's text strings (as pdf-lib set them) with `textString`. */
export function compactInfo(pdf: PDFDocument): void {
  const info = pdf.context.lookup(pdf.context.trailerInfo.Info);
  if (!(info instanceof PDFDict)) return;
  for (const [key, value] of info.entries())
    if (value instanceof PDFHexString) info.set(key, textString(value.decodeText()));
}
