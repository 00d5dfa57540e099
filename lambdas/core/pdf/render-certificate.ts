import fontkit from '@pdf-lib/fontkit';
import { AFRelationship, PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { issueDateOf } from '../certificate/claims.ts';
import { canonicalJson, sha256Hex } from '../certificate/encoding.ts';
import type { RenderedCertificateInput } from '../certificate/issue.ts';
import type { CertificateFonts } from './font-files.ts';
import { drawQrCode } from './qr-code.ts';
import { drawShapedLine, type ShapedLine, shapedWidth } from './shaped-text.ts';
import { createShaper, type Shaper } from './shaping.ts';
import { drawable, wrap } from './text.ts';

const PRODUCER = 'Mitra';
const GOVERNMENT = 'Government of Andhra Pradesh';
const GOVERNMENT_TE = 'ఆంధ్రప్రదేశ్ ప్రభుత్వం';
/** The Telugu titles of the document types; any other certificate is a "ధృవీకరణ పత్రం" (certificate). */
const TELUGU_TITLES: Readonly<Record<string, string>> = {
  'income-certificate': 'ఆదాయ ధృవీకరణ పత్రం',
  'caste-certificate': 'కుల ధృవీకరణ పత్రం',
  'residence-certificate': 'నివాస ధృవీకరణ పత్రం',
};
const TELUGU_CERTIFICATE = 'ధృవీకరణ పత్రం';
/** Text that the Telugu font draws whole: Telugu letters, digits and signs, spaces and ZWJ/ZWNJ. */
const TELUGU_TEXT = /^(?:[\u0C00-\u0C7F .,'-]|\u200C|\u200D)+$/u;

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 52;
const CONTENT_WIDTH = A4.width - 2 * MARGIN;
/** The printed QR square including its quiet zone: ≈ 56 mm, about 0.6 mm per module at version 15. */
const QR_SIZE = 160;

const INK = rgb(0.1, 0.1, 0.1);
const MUTED = rgb(0.35, 0.35, 0.35);
const NAVY = rgb(0.08, 0.16, 0.36);
const RULE = rgb(0.72, 0.72, 0.72);

export interface RenderedPdf {
  bytes: Uint8Array;
  /** Every Telugu line drawn, with the glyph ids HarfBuzz chose and their ids in the embedded subset font. */
  shapedLines: (ShapedLine & { text: string; weight: 'regular' | 'bold' })[];
  /** What could not be shown as given (e.g. a Telugu name before shaping lands); for the log, never with the text. */
  notes: string[];
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** One HarfBuzz shaper per font file, made once per container. */
const shapers = new WeakMap<Uint8Array, Shaper>();
function shaperFor(bytes: Uint8Array): Shaper {
  let shaper = shapers.get(bytes);
  if (!shaper) {
    shaper = createShaper(bytes);
    shapers.set(bytes, shaper);
  }
  return shaper;
}

/**
 * Renders a signed certificate as a one-page A4 PDF: embedded, subset Noto Sans (no standard-14 fonts), the QR
 * code as vector rectangles, metadata naming the certificate and the SHA-256 of its canonical record, and the signed
 * record attached so the file checks itself. Deterministic: the same input gives the same bytes (dates come from
 * `issuedAt`, font subset tags from the record), which lets a retried issuance prove it archived the same file.
 */
export async function renderCertificatePdf(
  input: RenderedCertificateInput,
  fontFiles: CertificateFonts,
): Promise<RenderedPdf> {
  const { signed, qrPayload, verifyPageUrl } = input;
  const { record } = signed;
  const recordSha256 = sha256Hex(canonicalJson(record));
  const issuedAt = new Date(record.issuedAt);
  const notes: string[] = [];

  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  const fonts: Fonts = {
    regular: await pdf.embedFont(fontFiles.regular, {
      subset: true,
      customName: subsetName('NotoSans-Regular', recordSha256),
    }),
    bold: await pdf.embedFont(fontFiles.bold, { subset: true, customName: subsetName('NotoSans-Bold', recordSha256) }),
  };
  const telugu = {
    regular: await pdf.embedFont(fontFiles.teluguRegular, {
      subset: true,
      customName: subsetName('NotoSansTelugu-Regular', recordSha256),
    }),
    bold: await pdf.embedFont(fontFiles.teluguBold, {
      subset: true,
      customName: subsetName('NotoSansTelugu-Bold', recordSha256),
    }),
  };
  const page = pdf.addPage([A4.width, A4.height]);
  const shapedLines: RenderedPdf['shapedLines'] = [];
  /** Draws a Telugu line shaped by HarfBuzz; `x` undefined centres it. */
  const drawTelugu = (text: string, bold: boolean, size: number, y: number, x?: number, color = INK) => {
    const bytes = bold ? fontFiles.teluguBold : fontFiles.teluguRegular;
    const shaper = shaperFor(bytes);
    const left = x ?? (A4.width - shapedWidth(shaper, text, size)) / 2;
    const line = drawShapedLine(pdf, page, bold ? telugu.bold : telugu.regular, shaper, text, {
      x: left,
      y,
      size,
      color,
    });
    shapedLines.push({ text, weight: bold ? 'bold' : 'regular', ...line });
  };
  // A value is printed whole or not at all: half a name or address would read as a different one.
  const show = (text: string, font: PDFFont, what: string): string => {
    const result = drawable(font, text);
    if (!result.omitted) return result.text;
    notes.push(`${what}: not drawable with the Latin font; printed a pointer to the signed record`);
    return NOT_SHOWN;
  };

  drawFrame(page);
  let y = A4.height - 64;
  centred(page, GOVERNMENT.toUpperCase(), fonts.bold, 16, y, NAVY);
  y -= 20;
  drawTelugu(GOVERNMENT_TE, true, 13, y, undefined, NAVY);
  y -= 20;
  centred(page, show(record.issuer.department, fonts.regular, 'department'), fonts.regular, 12, y, INK);
  y -= 16;
  centred(
    page,
    `Office of the ${show(record.issuer.authority, fonts.regular, 'authority')}`,
    fonts.regular,
    10,
    y,
    MUTED,
  );
  y -= 12;
  page.drawLine({ start: { x: MARGIN, y }, end: { x: A4.width - MARGIN, y }, thickness: 0.8, color: NAVY });
  y -= 36;
  const title = show(record.title, fonts.bold, 'title');
  centred(page, title.toUpperCase(), fonts.bold, 22, y, NAVY);
  y -= 24;
  drawTelugu(TELUGU_TITLES[record.documentType] ?? TELUGU_CERTIFICATE, true, 16, y, undefined, NAVY);
  y -= 28;
  page.drawText(`Certificate No.: ${record.certId}`, { x: MARGIN, y, size: 10, font: fonts.regular, color: INK });
  const dateText = `Date of issue: ${longDate(issueDateOf(record.issuedAt))}`;
  page.drawText(dateText, {
    x: A4.width - MARGIN - fonts.regular.widthOfTextAtSize(dateText, 10),
    y,
    size: 10,
    font: fonts.regular,
    color: INK,
  });

  y -= 30;
  const statement =
    `This is to certify that the ${title} described below has been issued by the ${show(record.issuer.authority, fonts.regular, 'authority')}, ` +
    `${show(record.issuer.department, fonts.regular, 'department')}, ${GOVERNMENT}, to the person named below, ` +
    `on application ${record.applicationId}.`;
  for (const line of wrap(fonts.regular, 10.5, statement, CONTENT_WIDTH)) {
    page.drawText(line, { x: MARGIN, y, size: 10.5, font: fonts.regular, color: INK });
    y -= 15;
  }

  y -= 10;
  const rows: [string, string | { telugu: string }][] = [
    ['Name of the holder', holderName(record.holder, fonts.regular, notes)],
  ];
  if (record.holder.guardianName)
    rows.push(["Father's / guardian's name", show(record.holder.guardianName, fonts.regular, 'guardian name')]);
  for (const key of Object.keys(record.data).sort())
    rows.push([labelOf(key), show(record.data[key]!, fonts.regular, `field ${key}`)]);
  rows.push(['Application number', record.applicationId], ['Service', record.serviceId]);
  y = drawTable(page, fonts, rows, y, (text, x, rowY, size) =>
    drawTelugu(text, false, size, rowY, x, size < 10 ? MUTED : INK),
  );

  y -= 28;
  page.drawText('Issued by', { x: MARGIN, y, size: 9, font: fonts.regular, color: MUTED });
  y -= 15;
  page.drawText(show(`${record.issuer.authority}, ${record.issuer.department}`, fonts.bold, 'issuer'), {
    x: MARGIN,
    y,
    size: 11,
    font: fonts.bold,
    color: INK,
  });
  y -= 14;
  page.drawText(GOVERNMENT, { x: MARGIN, y, size: 10, font: fonts.regular, color: INK });
  y -= 14;
  page.drawText(`Digitally signed (ECDSA P-256, key ${signed.keyId}) at ${record.issuedAt}`, {
    x: MARGIN,
    y,
    size: 8.5,
    font: fonts.regular,
    color: MUTED,
  });

  drawVerification(page, fonts, { qrPayload, verifyPageUrl, certId: record.certId, recordSha256 });

  pdf.setTitle(`${record.title} ${record.certId}`, { showInWindowTitleBar: true });
  pdf.setSubject(
    `${record.title} issued by the ${record.issuer.authority}, ${record.issuer.department}, ${GOVERNMENT}`,
  );
  pdf.setAuthor(`${record.issuer.authority}, ${record.issuer.department}`);
  pdf.setKeywords([
    record.certId,
    `sha256:${recordSha256}`,
    record.documentType,
    record.serviceId,
    `key:${signed.keyId}`,
  ]);
  pdf.setProducer(PRODUCER);
  pdf.setCreator(`${PRODUCER} certificate service`);
  pdf.setLanguage('en-IN');
  pdf.setCreationDate(issuedAt);
  pdf.setModificationDate(issuedAt);
  await pdf.attach(new TextEncoder().encode(canonicalJson(signed)), attachmentName(record.certId), {
    mimeType: 'application/json',
    description: 'Signed certificate record (RFC 8785 canonical JSON, ECDSA P-256 SHA-256)',
    creationDate: issuedAt,
    modificationDate: issuedAt,
    afRelationship: AFRelationship.Data,
  });
  return { bytes: await pdf.save(), notes, shapedLines };
}

export function attachmentName(certId: string): string {
  return `certificate-${certId}.json`;
}

/** What stands in for text that neither the Latin nor the Telugu font can draw. */
const NOT_SHOWN = '(in another script: see the attached signed record)';

/**
 * The holder's name as printed: in Latin letters, or in Telugu shaped by HarfBuzz; a name in another script falls
 * back to its Latin form or a pointer to the record.
 */
function holderName(
  holder: { name: string; nameLatin?: string },
  font: PDFFont,
  notes: string[],
): string | { telugu: string } {
  const shown = drawable(font, holder.name);
  if (!shown.omitted) return shown.text;
  if (TELUGU_TEXT.test(holder.name)) return { telugu: holder.name };
  notes.push('holder name: not drawable with the Latin font; printed its Latin form or a pointer to the record');
  const latin = holder.nameLatin === undefined ? undefined : drawable(font, holder.nameLatin);
  return latin && !latin.omitted ? latin.text : `(name in another script: see the attached signed record)`;
}

function drawFrame(page: PDFPage): void {
  page.drawRectangle({
    x: 22,
    y: 22,
    width: A4.width - 44,
    height: A4.height - 44,
    borderColor: NAVY,
    borderWidth: 1.4,
  });
  page.drawRectangle({
    x: 27,
    y: 27,
    width: A4.width - 54,
    height: A4.height - 54,
    borderColor: NAVY,
    borderWidth: 0.4,
  });
}

function centred(page: PDFPage, text: string, font: PDFFont, size: number, y: number, color = INK): void {
  page.drawText(text, { x: (A4.width - font.widthOfTextAtSize(text, size)) / 2, y, size, font, color });
}

/** Telugu labels of the table's rows, printed under the English ones. */
const TELUGU_LABELS: Readonly<Record<string, string>> = {
  'Name of the holder': 'పేరు',
  "Father's / guardian's name": 'తండ్రి / సంరక్షకుని పేరు',
  'Application number': 'దరఖాస్తు సంఖ్య',
  Service: 'సేవ',
  'Annual income': 'వార్షిక ఆదాయం',
  District: 'జిల్లా',
  Mandal: 'మండలం',
  Village: 'గ్రామం',
  Address: 'చిరునామా',
  Caste: 'కులం',
};

/**
 * A two-column table of label (English, with the Telugu under it when known) and value; returns the y below it.
 * Telugu is drawn by `drawTelugu`, shaped.
 */
function drawTable(
  page: PDFPage,
  fonts: Fonts,
  rows: [string, string | { telugu: string }][],
  top: number,
  drawTelugu: (text: string, x: number, y: number, size: number) => void,
): number {
  const labelWidth = 170;
  const valueWidth = CONTENT_WIDTH - labelWidth - 16;
  let y = top;
  page.drawLine({ start: { x: MARGIN, y }, end: { x: A4.width - MARGIN, y }, thickness: 0.6, color: RULE });
  for (const [label, value] of rows) {
    const teluguLabel = TELUGU_LABELS[label];
    page.drawText(label, { x: MARGIN + 6, y: y - 17, size: 9.5, font: fonts.bold, color: MUTED });
    if (teluguLabel) drawTelugu(teluguLabel, MARGIN + 6, y - 29, 8);
    const labelHeight = teluguLabel ? 36 : 24;
    let height: number;
    if (typeof value === 'string') {
      const lines = wrap(fonts.regular, 10.5, value || '—', valueWidth);
      lines.forEach((line, index) => {
        page.drawText(line, {
          x: MARGIN + labelWidth + 8,
          y: y - 17 - index * 14,
          size: 10.5,
          font: fonts.regular,
          color: INK,
        });
      });
      height = Math.max(Math.max(lines.length, 1) * 14 + 10, labelHeight);
    } else {
      drawTelugu(value.telugu, MARGIN + labelWidth + 8, y - 18, 11);
      height = Math.max(28, labelHeight);
    }
    y -= height;
    page.drawLine({ start: { x: MARGIN, y }, end: { x: A4.width - MARGIN, y }, thickness: 0.6, color: RULE });
  }
  return y;
}

function drawVerification(
  page: PDFPage,
  fonts: Fonts,
  at: { qrPayload: string; verifyPageUrl: string; certId: string; recordSha256: string },
): void {
  const qrX = A4.width - MARGIN - QR_SIZE + 8;
  const qrY = 52;
  drawQrCode(page, at.qrPayload, { x: qrX, y: qrY, size: QR_SIZE });
  const caption = 'Scan to verify';
  page.drawText(caption, {
    x: qrX + (QR_SIZE - fonts.regular.widthOfTextAtSize(caption, 8)) / 2,
    y: qrY - 4,
    size: 8,
    font: fonts.regular,
    color: MUTED,
  });

  const width = qrX - MARGIN - 20;
  let y = qrY + QR_SIZE - 20;
  page.drawText('Verification', { x: MARGIN, y, size: 10, font: fonts.bold, color: NAVY });
  y -= 15;
  const paragraphs: [string, number, PDFFont][] = [
    [`Verify at ${at.verifyPageUrl} or scan the QR code.`, 9.5, fonts.regular],
    [
      `The signed record of this certificate is attached to this PDF as ${attachmentName(at.certId)}.`,
      8.5,
      fonts.regular,
    ],
    [`Record SHA-256: ${at.recordSha256}`, 7.5, fonts.regular],
  ];
  for (const [text, size, font] of paragraphs) {
    for (const line of wrap(font, size, text, width)) {
      page.drawText(line, { x: MARGIN, y, size, font, color: INK });
      y -= size + 4;
    }
    y -= 5;
  }
  const footer = 'Issued electronically through Mitra; valid without a physical signature.';
  centred(page, footer, fonts.regular, 7.5, 34, MUTED);
}

/** A PDF subset font is named TAG+Name with a six-letter tag; deriving it from the record keeps output deterministic. */
function subsetName(name: string, recordSha256: string): string {
  const tag = [...sha256Hex(`${name}:${recordSha256}`).slice(0, 6)]
    .map((digit) => String.fromCharCode(65 + (Number.parseInt(digit, 16) % 26)))
    .join('');
  return `${tag}+${name}`;
}

function labelOf(key: string): string {
  const words = key.split('-');
  return [words[0]![0]!.toUpperCase() + words[0]!.slice(1), ...words.slice(1)].join(' ');
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2025-06-01" → "1 June 2025", without locale data so every runtime prints the same. */
function longDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${day} ${MONTHS[month! - 1]} ${year}`;
}
