import { deflateSync } from 'node:zlib';
import { AFRelationship, PDFDocument, PDFName, type PDFPage, PDFRawStream } from 'pdf-lib';
import { issueDateOf } from '../certificate/claims.ts';
import { canonicalJson, sha256Hex } from '../certificate/encoding.ts';
import type { RenderedCertificateInput } from '../certificate/issue.ts';
import type { CertificateRecordV2 } from '../certificate/model.ts';
import { printedDate } from '../certificate/printed-values.ts';
import { MitraError } from '../errors.ts';
import { attachFile } from './attach-file.ts';
import { type Color, ContentStream } from './content-stream.ts';
import { DocumentFont, type GlyphCodes, GlyphCodesExhausted } from './document-font.ts';
import type { CertificateFonts } from './font-files.ts';
import { fontProgram } from './font-program.ts';
import { officeOf, PAGE_TEXT } from './page-text.ts';
import { compactInfo, savePdf } from './pdf-writer.ts';
import { drawQrCode } from './qr-code.ts';
import type { ShapedLine } from './shaped-text.ts';
import { type TextStyle, Typesetter } from './typesetter.ts';

const PRODUCER = 'Mitra';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 50;
const CONTENT_WIDTH = A4.width - 2 * MARGIN;
const CENTRE = A4.width / 2;
/** The printed QR square including its quiet zone: ≈ 56 mm, about 0.6 mm per module at version 15. */
const QR_SIZE = 160;
const QR_Y = 50;
/** The body ends above the band that holds the issuer, the verification notes and the QR code. */
const BODY_FLOOR = QR_Y + QR_SIZE + 14;
/** Sizes tried, largest first, until the document's body fits its one page. */
const SCALES = [1, 0.93, 0.86, 0.8, 0.74, 0.68];

const INK: Color = [0.1, 0.1, 0.1];
const MUTED: Color = [0.35, 0.35, 0.35];
const NAVY: Color = [0.08, 0.16, 0.36];
const RULE: Color = [0.75, 0.75, 0.75];
const SHADE: Color = [0.95, 0.96, 0.98];

/** The one font a page embeds, Noto Sans with Noto Sans Telugu's glyphs: its name in the PDF and in the resources. */
const FONT = { name: 'NotoSans-NotoSansTelugu-Regular', resource: 'F' } as const;

export interface RenderedPdf {
  bytes: Uint8Array;
  /** Every Telugu run drawn, with the glyph ids HarfBuzz chose and their ids in the embedded subset font. */
  shapedLines: (ShapedLine & { text: string; weight: 'regular' | 'bold' })[];
  /** What could not be shown as given (a value in a script neither font has); for the log, never with the text. */
  notes: string[];
}

interface Bilingual {
  en: string;
  te: string;
}

/** What the page prints, each text checked drawable (or replaced by a pointer to the attached record). */
interface PageContent {
  statement: Bilingual;
  facts: { label: Bilingual; value: Bilingual }[];
  validUntil?: string;
  decidedBy?: { lines: string[] };
}

/**
 * Renders a signed document record (version 2) as a one-page A4 PDF, everything printed taken from the record:
 * the bilingual title, issuer and certifying sentence (Telugu shaped by HarfBuzz), the printed facts with their
 * labels in both languages, the validity and who decided. Embedded, subset Noto Sans (no standard-14 fonts), the QR
 * code as vector rectangles, metadata naming the certificate and the SHA-256 of its canonical record, and the signed
 * record attached so the file checks itself. The body is set at the largest size that fits the page. Deterministic:
 * the same input gives the same bytes (dates come from `issuedAt`, font subset tags from the record), which lets a
 * retried issuance prove it archived the same file.
 */
export async function renderCertificatePdf(
  input: RenderedCertificateInput,
  fontFiles: CertificateFonts,
  /** Draws with these codes only (by default one-byte codes, or two-byte codes when those run out). */
  codes?: GlyphCodes,
): Promise<RenderedPdf> {
  if (codes) return renderWith(input, fontFiles, codes);
  try {
    return await renderWith(input, fontFiles, 'one-byte');
  } catch (error) {
    if (error instanceof GlyphCodesExhausted) return renderWith(input, fontFiles, 'two-byte');
    throw error;
  }
}

async function renderWith(
  input: RenderedCertificateInput,
  fontFiles: CertificateFonts,
  codes: GlyphCodes,
): Promise<RenderedPdf> {
  const { signed, qrPayload, verifyPageUrl } = input;
  const { record } = signed;
  if (record.version !== 2) throw new MitraError(`records of version ${record.version} are not rendered again`);
  const recordSha256 = sha256Hex(canonicalJson(record));
  const issuedAt = new Date(record.issuedAt);
  const notes: string[] = [];

  const pdf = await PDFDocument.create({ updateMetadata: false });
  const page = pdf.addPage([A4.width, A4.height]);
  const content = new ContentStream();
  const font = new DocumentFont(
    [fontProgram(fontFiles.regular), fontProgram(fontFiles.teluguRegular)],
    FONT.resource,
    codes,
  );
  const ts = new Typesetter(content, font, fontFiles);
  const contentOfPage = contentOf(record, ts, notes);

  drawFrame(content);
  const top = drawHeader(ts, content, record);
  ts.dryRun = true;
  const fitting = SCALES.find((s) => drawBody(ts, content, contentOfPage, top, s) >= BODY_FLOOR);
  if (fitting === undefined) notes.push('body: taller than the page at the smallest size; it runs into the QR band');
  const scale = fitting ?? SCALES.at(-1)!;
  ts.dryRun = false;
  drawBody(ts, content, contentOfPage, top, scale);
  drawIssuer(ts, record, signed.keyId);
  drawVerification(ts, content, { qrPayload, verifyPageUrl, certId: record.certId, recordSha256 });

  writePage(pdf, page, content, font, recordSha256);

  pdf.setTitle(`${record.title} ${record.certId}`, { showInWindowTitleBar: true });
  pdf.setAuthor(`${record.issuer.authority}, ${record.issuer.department}`);
  pdf.setKeywords([
    record.certId,
    `sha256:${recordSha256}`,
    record.documentType,
    record.serviceId,
    `key:${signed.keyId}`,
  ]);
  pdf.setProducer(PRODUCER);
  pdf.setLanguage('en-IN');
  pdf.setCreationDate(issuedAt);
  pdf.setModificationDate(issuedAt);
  compactInfo(pdf);
  attachFile(pdf, new TextEncoder().encode(canonicalJson(signed)), attachmentName(record.certId), {
    mimeType: 'application/json',
    description: 'Signed certificate record (RFC 8785 canonical JSON, ECDSA P-256 SHA-256)',
    creationDate: issuedAt,
    modificationDate: issuedAt,
    afRelationship: AFRelationship.Data,
  });
  return { bytes: await savePdf(pdf), notes, shapedLines: ts.shapedLines };
}

/** The page's content stream, and its resources: the font it uses, the image masks it paints. */
function writePage(
  pdf: PDFDocument,
  page: PDFPage,
  content: ContentStream,
  font: DocumentFont,
  recordSha256: string,
): void {
  const { context } = pdf;
  if (font.used)
    page.node.setFontDictionary(PDFName.of(font.resource), font.embed(context, subsetName(FONT.name, recordSha256)));
  // A QR code's bits are as random as its data: stored as they are, since deflating makes them no smaller.
  for (const [name, mask] of content.imageMasks) {
    const image = PDFRawStream.of(
      context.obj({ Type: 'XObject', Subtype: 'Image', ImageMask: true, Width: mask.width, Height: mask.height }),
      mask.samples,
    );
    page.node.setXObject(PDFName.of(name), context.register(image));
  }
  const stream = PDFRawStream.of(context.obj({ Filter: 'FlateDecode' }), deflateSync(content.bytes()));
  page.node.set(PDFName.of('Contents'), context.register(stream));
  // pdf-lib gives every page an empty graphics state dictionary and annotation array; the page has neither.
  page.node.Resources()?.delete(PDFName.of('ExtGState'));
  page.node.delete(PDFName.of('Annots'));
}

export function attachmentName(certId: string): string {
  return `certificate-${certId}.json`;
}

/** A text is printed whole or not at all: half a name or address would read as a different one. */
function contentOf(record: CertificateRecordV2, ts: Typesetter, notes: string[]): PageContent {
  const shown = (text: string, what: string) => {
    if (ts.canDraw(text)) return text;
    notes.push(`${what}: in a script the fonts do not have; printed a pointer to the signed record`);
    return PAGE_TEXT.notShown.en;
  };
  const both = (text: Bilingual, what: string): Bilingual => ({
    en: shown(text.en, `${what} (en)`),
    te: text.te === text.en ? shown(text.en, `${what} (en)`) : shown(text.te, `${what} (te)`),
  });
  const { document } = record;
  const decided = document.decidedBy;
  return {
    statement: both(document.statement, 'statement'),
    facts: Object.entries(document.facts).map(([id, fact]) => ({
      label: fact.label,
      value: fact.value.en === fact.value.te ? sameInBoth(shown(fact.value.en, `field ${id}`)) : both(fact.value, id),
    })),
    ...(document.validUntil ? { validUntil: printedDate(document.validUntil)! } : {}),
    ...(decided?.by === 'officer'
      ? {
          decidedBy: {
            lines: [
              `${PAGE_TEXT.approvedBy.en} / ${PAGE_TEXT.approvedBy.te}: ${shown(decided.name, 'officer name')}, ${decided.designation.en} (${decided.designation.te})`,
            ],
          },
        }
      : {}),
    ...(decided?.by === 'household-records'
      ? { decidedBy: { lines: [decided.statement.en, decided.statement.te] } }
      : {}),
  };
}

const sameInBoth = (text: string): Bilingual => ({ en: text, te: text });

function drawFrame(content: ContentStream): void {
  content.rectangle({ x: 22, y: 22, width: A4.width - 44, height: A4.height - 44 }, { stroke: NAVY, lineWidth: 1.4 });
  content.rectangle({ x: 27, y: 27, width: A4.width - 54, height: A4.height - 54 }, { stroke: NAVY, lineWidth: 0.4 });
}

/** The government, the department and office, the title in both languages, the number and date; returns the y below. */
function drawHeader(ts: Typesetter, content: ContentStream, record: CertificateRecordV2): number {
  const { document } = record;
  const navy = (size: number, bold = true): TextStyle => ({ size, bold, color: NAVY });
  let y = A4.height - 62;
  ts.centred(PAGE_TEXT.government.en.toUpperCase(), CENTRE, y, navy(15));
  y -= 19;
  ts.centred(PAGE_TEXT.government.te, CENTRE, y, navy(12.5));
  y -= 19;
  ts.centred(`${document.issuer.department.en}  ·  ${document.issuer.department.te}`, CENTRE, y, {
    size: 11,
    color: INK,
  });
  const office = officeOf(document.issuer.authority);
  y -= 15;
  ts.centred(office.en, CENTRE, y, { size: 9.5, color: MUTED });
  y -= 14;
  ts.centred(office.te, CENTRE, y, { size: 9.5, color: MUTED });
  y -= 10;
  content.line({ x: MARGIN, y }, { x: A4.width - MARGIN, y }, { color: NAVY, width: 0.8 });
  y -= 30;
  ts.centred(document.title.en.toUpperCase(), CENTRE, y, navy(19));
  y -= 24;
  ts.centred(document.title.te, CENTRE, y, navy(15));
  y -= 26;
  const small: TextStyle = { size: 9, color: INK };
  ts.draw(`${PAGE_TEXT.number.en} / ${PAGE_TEXT.number.te}: ${record.certId}`, MARGIN, y, small);
  ts.right(
    `${PAGE_TEXT.issued.en} / ${PAGE_TEXT.issued.te}: ${printedDate(issueDateOf(record.issuedAt))}`,
    A4.width - MARGIN,
    y,
    small,
  );
  return y - 22;
}

/** The sentence, the facts and the validity and decision lines at `scale`; returns the y below them. */
function drawBody(ts: Typesetter, canvas: ContentStream, content: PageContent, top: number, scale: number): number {
  let y = top;
  const paragraph = (text: string, style: TextStyle, leading: number) => {
    for (const line of ts.wrap(text, CONTENT_WIDTH, style)) {
      ts.draw(line, MARGIN, y, style);
      y -= leading;
    }
  };
  const body: TextStyle = { size: 10.5 * scale, color: INK };
  paragraph(content.statement.en, body, body.size * 1.45);
  y -= 5 * scale;
  paragraph(content.statement.te, body, body.size * 1.6);
  y -= 8 * scale;

  const labelWidth = 150;
  const valueX = MARGIN + labelWidth + 10;
  const valueWidth = A4.width - MARGIN - 6 - valueX;
  const labelEn: TextStyle = { size: 8.8 * scale, bold: true, color: MUTED };
  const labelTe: TextStyle = { size: 8.5 * scale, color: MUTED };
  const valueEn: TextStyle = { size: 10 * scale, color: INK };
  const valueTe: TextStyle = { size: 9.5 * scale, color: INK };
  const rule = (at: number) => {
    if (!ts.dryRun) canvas.line({ x: MARGIN, y: at }, { x: A4.width - MARGIN, y: at }, { color: RULE, width: 0.5 });
  };
  rule(y);
  content.facts.forEach((fact, index) => {
    const labels = [
      ...ts.wrap(fact.label.en, labelWidth - 6, labelEn).map((text) => ({ text, style: labelEn })),
      ...ts.wrap(fact.label.te, labelWidth - 6, labelTe).map((text) => ({ text, style: labelTe })),
    ];
    const values = ts.wrap(fact.value.en, valueWidth, valueEn).map((text) => ({ text, style: valueEn }));
    if (fact.value.te !== fact.value.en)
      values.push(...ts.wrap(fact.value.te, valueWidth, valueTe).map((text) => ({ text, style: valueTe })));
    const lineHeight = 13.5 * scale;
    const height = Math.max(labels.length, values.length) * lineHeight + 8 * scale;
    if (index % 2 === 0 && !ts.dryRun)
      canvas.rectangle({ x: MARGIN, y: y - height, width: CONTENT_WIDTH, height }, { fill: SHADE });
    labels.forEach((line, i) => {
      ts.draw(line.text, MARGIN + 6, y - 12 * scale - i * lineHeight, line.style);
    });
    values.forEach((line, i) => {
      ts.draw(line.text, valueX, y - 12 * scale - i * lineHeight, line.style);
    });
    y -= height;
    rule(y);
  });

  const line: TextStyle = { size: 9.5 * scale, color: INK };
  y -= 16 * scale;
  if (content.validUntil) {
    ts.draw(`${PAGE_TEXT.validUntil.en} / ${PAGE_TEXT.validUntil.te}: ${content.validUntil}`, MARGIN, y, {
      ...line,
      bold: true,
    });
    y -= 15 * scale;
  }
  for (const text of content.decidedBy?.lines ?? []) {
    paragraph(text, line, 14 * scale);
  }
  return y;
}

/** The issuing authority and the signature, above the verification notes, left of the QR code. */
function drawIssuer(ts: Typesetter, record: CertificateRecordV2, keyId: string): void {
  const { issuer } = record.document;
  let y = QR_Y + QR_SIZE - 8;
  ts.draw(`${PAGE_TEXT.issuedBy.en} / ${PAGE_TEXT.issuedBy.te}`, MARGIN, y, { size: 8.5, color: MUTED });
  y -= 14;
  ts.draw(issuer.authority.en, MARGIN, y, { size: 10.5, bold: true, color: INK });
  y -= 14;
  ts.draw(issuer.authority.te, MARGIN, y, { size: 10, bold: true, color: INK });
  y -= 13;
  ts.draw(`${PAGE_TEXT.government.en} · ${PAGE_TEXT.government.te}`, MARGIN, y, { size: 8.5, color: INK });
  y -= 12;
  ts.draw(`${PAGE_TEXT.signed.en} / ${PAGE_TEXT.signed.te}: ECDSA P-256, key ${keyId}, ${record.issuedAt}`, MARGIN, y, {
    size: 7,
    color: MUTED,
  });
}

function drawVerification(
  ts: Typesetter,
  content: ContentStream,
  at: { qrPayload: string; verifyPageUrl: string; certId: string; recordSha256: string },
): void {
  const qrX = A4.width - MARGIN - QR_SIZE + 8;
  drawQrCode(content, at.qrPayload, { x: qrX, y: QR_Y, size: QR_SIZE });
  ts.centred(`${PAGE_TEXT.scan.en} / ${PAGE_TEXT.scan.te}`, qrX + QR_SIZE / 2, QR_Y - 4, { size: 7.5, color: MUTED });

  const width = qrX - MARGIN - 14;
  let y = QR_Y + 70;
  ts.draw(`${PAGE_TEXT.verification.en} / ${PAGE_TEXT.verification.te}`, MARGIN, y, {
    size: 9,
    bold: true,
    color: NAVY,
  });
  y -= 12;
  const paragraphs: [string, TextStyle][] = [
    [`${PAGE_TEXT.verifyAt.en} ${at.verifyPageUrl} or scan the QR code.`, { size: 8, color: INK }],
    [PAGE_TEXT.verifyTelugu.te, { size: 8, color: INK }],
    [`The signed record is attached to this PDF as ${attachmentName(at.certId)}.`, { size: 7, color: MUTED }],
    [`Record SHA-256: ${at.recordSha256}`, { size: 6.5, color: MUTED }],
  ];
  for (const [text, style] of paragraphs) {
    for (const line of ts.wrap(text, width, style)) {
      ts.draw(line, MARGIN, y, style);
      y -= style.size + 3;
    }
  }
  ts.centred(`${PAGE_TEXT.footer.en}  ${PAGE_TEXT.footer.te}`, CENTRE, 32, { size: 6.5, color: MUTED });
}

/** A PDF subset font is named TAG+Name with a six-letter tag; deriving it from the record keeps output deterministic. */
function subsetName(name: string, recordSha256: string): string {
  const tag = [...sha256Hex(`${name}:${recordSha256}`).slice(0, 6)]
    .map((digit) => String.fromCharCode(65 + (Number.parseInt(digit, 16) % 26)))
    .join('');
  return `${tag}+${name}`;
}
