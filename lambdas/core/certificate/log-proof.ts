import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import * as z from 'zod';
import { SignedCheckpointSchema } from '../transparency-log/checkpoint.ts';
import { CertIdSchema } from './model.ts';

/**
 * Every issued PDF carries the signed checkpoint that includes its certificate and the leaf's inclusion proof, so
 * whoever holds the file can prove the log once had it, even if the log were later cut short. The log's leaf holds
 * the PDF's SHA-256, so the proof cannot be inside the hashed bytes: the PDF is made with a reserved attachment of
 * fixed length, blank (spaces), that is hashed and logged; the proof is then written into the reserved bytes in
 * place. Nothing else in the file moves, and blanking those bytes again gives back exactly the logged PDF.
 */
const LOG_PROOF_BYTES = 4096;
/** A name no other object of the file carries: it marks the reserved stream's dictionary. */
const MARKER = '/MitraLogProof';
const BLANK = 0x20;

const HexHashSchema = z.string().regex(/^[0-9a-f]{64}$/);

/** The attachment `log-proof-{certId}.json`: JSON, padded with spaces to the reserved length. */
export const LogProofSchema = z.strictObject({
  format: z.literal('mitra.log-proof.v1'),
  certId: CertIdSchema,
  leafIndex: z.number().int().nonnegative(),
  leafHash: HexHashSchema,
  /** RFC 9162 audit path of the leaf in the checkpoint's tree, hex. */
  inclusionProof: z.array(HexHashSchema).max(64),
  checkpoint: SignedCheckpointSchema,
});
export type LogProof = z.infer<typeof LogProofSchema>;

function logProofAttachmentName(certId: string): string {
  return `log-proof-${certId}.json`;
}

/** Adds the blank, reserved proof attachment to a rendered PDF. Deterministic: the same PDF gives the same bytes. */
export async function reserveLogProof(rendered: Uint8Array, certId: string, issuedAt: Date): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(rendered, { updateMetadata: false });
  const { context } = pdf;
  const name = logProofAttachmentName(certId);
  const stream = context.stream(new Uint8Array(LOG_PROOF_BYTES).fill(BLANK), {
    Type: 'EmbeddedFile',
    Subtype: 'application/json',
    Params: { Size: LOG_PROOF_BYTES, ModDate: PDFString.fromDate(issuedAt) },
  });
  stream.dict.set(PDFName.of(MARKER.slice(1)), PDFNumber.of(1));
  const spec = context.register(
    context.obj({
      Type: 'Filespec',
      F: PDFString.of(name),
      UF: PDFHexString.fromText(name),
      EF: { F: context.register(stream) },
      Desc: PDFHexString.fromText('Transparency-log checkpoint and inclusion proof of this certificate'),
      AFRelationship: 'Supplement',
    }),
  );
  // Added after the signed record's attachment: the name tree stays sorted ("certificate-…" < "log-proof-…").
  const tree = pdfArrayAt(pdf, ['Names', 'EmbeddedFiles', 'Names']);
  tree.push(PDFHexString.fromText(name));
  tree.push(spec);
  pdfArrayAt(pdf, ['AF']).push(spec);
  return pdf.save();
}

/** The array at `path` from the catalog (dictionaries, then the array), made when the PDF has none yet. */
function pdfArrayAt(pdf: PDFDocument, path: string[]): PDFArray {
  let dict: PDFDict = pdf.catalog;
  for (const key of path.slice(0, -1)) {
    let next = dict.lookupMaybe(PDFName.of(key), PDFDict);
    if (!next) {
      next = pdf.context.obj({});
      dict.set(PDFName.of(key), next);
    }
    dict = next;
  }
  const last = PDFName.of(path.at(-1)!);
  let array = dict.lookupMaybe(last, PDFArray);
  if (!array) {
    array = pdf.context.obj([]);
    dict.set(last, array);
  }
  return array;
}

/** Where the reserved bytes are: after the marked stream's `stream` keyword and its end of line. */
function reservedRange(pdf: Uint8Array): { start: number; end: number } | undefined {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const marker = text.indexOf(MARKER);
  if (marker < 0 || text.indexOf(MARKER, marker + 1) >= 0) return undefined;
  const keyword = text.indexOf('stream', marker);
  const dictionary = text.slice(text.lastIndexOf('<<', marker), keyword);
  if (keyword < 0 || !dictionary.includes(`/Length ${LOG_PROOF_BYTES}`)) return undefined;
  let start = keyword + 'stream'.length;
  if (text[start] === '\r') start++;
  if (text[start] !== '\n') return undefined;
  start++;
  const end = start + LOG_PROOF_BYTES;
  return end <= pdf.length ? { start, end } : undefined;
}

/** Writes the proof into the reserved bytes. Throws when the PDF has no reserved place or the proof does not fit. */
export function fillLogProof(pdf: Uint8Array, proof: LogProof): Uint8Array {
  const range = reservedRange(pdf);
  if (!range) throw new RangeError('the PDF has no reserved place for its log proof');
  const json = new TextEncoder().encode(JSON.stringify(LogProofSchema.parse(proof)));
  if (json.length > LOG_PROOF_BYTES) throw new RangeError(`the log proof takes ${json.length} bytes`);
  const filled = new Uint8Array(pdf);
  filled.fill(BLANK, range.start, range.end);
  filled.set(json, range.start);
  return filled;
}

/**
 * Splits a PDF into the bytes the log holds (its reserved place blanked) and the proof written there. `undefined`
 * when the PDF has no reserved place (a certificate issued before PDFs carried proofs: the log holds the file as is).
 */
export function readLogProof(pdf: Uint8Array): { logged: Uint8Array; proof: unknown } | undefined {
  const range = reservedRange(pdf);
  if (!range) return undefined;
  const logged = new Uint8Array(pdf);
  logged.fill(BLANK, range.start, range.end);
  let proof: unknown;
  try {
    proof = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(pdf.subarray(range.start, range.end)));
  } catch {
    proof = undefined;
  }
  return { logged, proof };
}
