import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFString,
} from 'pdf-lib';

/**
 * Reads what a certificate PDF carries besides its page: its embedded files by name, and its keywords. For the
 * audit and for anyone checking a PDF they were sent; pdf-lib parses, nothing is rendered.
 */
export interface PdfContents {
  attachments: Map<string, Uint8Array>;
  keywords?: string;
}

export async function readPdfContents(bytes: Uint8Array): Promise<PdfContents | undefined> {
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
  } catch {
    return undefined;
  }
  const attachments = new Map<string, Uint8Array>();
  const names = pdf.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const embedded = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const list = embedded?.lookupMaybe(PDFName.of('Names'), PDFArray);
  for (let i = 0; list && i + 1 < list.size(); i += 2) {
    const name = list.lookup(i);
    const spec = list.lookup(i + 1);
    if (!(spec instanceof PDFDict) || !(name instanceof PDFHexString || name instanceof PDFString)) continue;
    const file = spec.lookupMaybe(PDFName.of('EF'), PDFDict)?.lookup(PDFName.of('F'));
    if (!(file instanceof PDFRawStream)) continue;
    try {
      attachments.set(name.decodeText(), decodePDFRawStream(file).decode());
    } catch {
      // An attachment that does not decode is reported as absent.
    }
  }
  return { attachments, keywords: pdf.getKeywords() };
}
