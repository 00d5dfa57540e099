import { deflateSync } from 'node:zlib';
import {
  type AFRelationship,
  type PDFArray,
  type PDFDict,
  type PDFDocument,
  type PDFHexString,
  PDFName,
  PDFRawStream,
  PDFString,
} from 'pdf-lib';
import { textString } from './pdf-writer.ts';

/**
 * Attaches a file to the document, as pdf-lib's `attach` does (an embedded file stream, its file specification in
 * the catalog's EmbeddedFiles name tree and in its associated files for PDF/A-3), compressed with node:zlib. The
 * name tree is kept sorted, as readers expect when a document carries several files.
 */
export function attachFile(
  pdf: PDFDocument,
  bytes: Uint8Array,
  fileName: string,
  options: {
    mimeType: string;
    description: string;
    creationDate: Date;
    modificationDate: Date;
    afRelationship: AFRelationship;
  },
): void {
  const { context, catalog } = pdf;
  const file = context.register(
    PDFRawStream.of(
      context.obj({
        Type: 'EmbeddedFile',
        Subtype: options.mimeType,
        Filter: 'FlateDecode',
        Params: {
          Size: bytes.length,
          CreationDate: PDFString.fromDate(options.creationDate),
          ModDate: PDFString.fromDate(options.modificationDate),
        },
      }),
      deflateSync(bytes),
    ),
  );
  const spec = context.register(
    context.obj({
      Type: 'Filespec',
      F: PDFString.of(fileName),
      UF: textString(fileName),
      EF: { F: file },
      Desc: textString(options.description),
      AFRelationship: options.afRelationship,
    }),
  );
  const child = (parent: PDFDict, key: string, make: () => PDFDict | PDFArray) => {
    if (!parent.has(PDFName.of(key))) parent.set(PDFName.of(key), make());
    return parent.lookup(PDFName.of(key));
  };
  const names = child(catalog, 'Names', () => context.obj({})) as PDFDict;
  const embedded = child(names, 'EmbeddedFiles', () => context.obj({})) as PDFDict;
  const tree = child(embedded, 'Names', () => context.obj([])) as PDFArray;
  let position = 0;
  while (position < tree.size() && (tree.lookup(position) as PDFString | PDFHexString).decodeText() < fileName)
    position += 2;
  tree.insert(position, textString(fileName));
  tree.insert(position + 1, spec);
  (child(catalog, 'AF', () => context.obj([])) as PDFArray).push(spec);
}
