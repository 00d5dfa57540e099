import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  type PDFNumber,
  PDFRawStream,
  rgb,
} from 'pdf-lib';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeQrPayload, verifyPageUrl } from '#core/certificate/qr-payload.ts';
import { buildCertificateRecord, CertificateRequestSchema } from '#core/certificate/request.ts';
import { qrSignatureOf, signCertificate } from '#core/certificate/signed-certificate.ts';
import { fontUrl, loadCertificateFonts } from '#core/pdf/font-files.ts';
import { type RenderedPdf, renderCertificatePdf } from '#core/pdf/render-certificate.ts';
import { drawShapedLine } from '#core/pdf/shaped-text.ts';
import { createShaper, type Shaper } from '#core/pdf/shaping.ts';
import { BASE_URL, keySigner, sampleRequest } from './certificate-fixtures.ts';

const fonts = loadCertificateFonts();
const TITLE = 'ఆదాయ ధృవీకరణ పత్రం';
const NAME = 'శ్రీనివాస్ లక్ష్మీ ప్రసాద్';
let directory: string;
let rendered: RenderedPdf;
let file: string;

const run = (command: string, args: string[], env?: NodeJS.ProcessEnv) =>
  execFileSync(command, args, { encoding: 'utf8', env: env ?? process.env });

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'mitra-telugu-'));
  const request = CertificateRequestSchema.parse(
    sampleRequest({ applicant: { name: NAME }, values: { ...sampleRequest().values, 'applicant-name': NAME } }),
  );
  const record = buildCertificateRecord(request, {
    certId: 'Zm9vYmFyYmF6cXV4cXV1dw',
    issuedAt: '2025-06-01T04:30:00.000Z',
  });
  const signed = await signCertificate(record, keySigner());
  const qrPayload = encodeQrPayload(BASE_URL, signed.qr.claims, qrSignatureOf(signed));
  rendered = await renderCertificatePdf(
    { signed, qrPayload, verifyPageUrl: verifyPageUrl(BASE_URL, record.certId) },
    fonts,
  );
  file = join(directory, 'certificate.pdf');
  writeFileSync(file, rendered.bytes);
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** The embedded font programs (FontFile2) of the PDF, by base font name without the subset tag. */
async function embeddedFonts(bytes: Uint8Array) {
  const pdf = await PDFDocument.load(bytes);
  const found = new Map<string, ReturnType<typeof fontkit.create>>();
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    const dict = (object as { dict?: { get(name: PDFName): unknown } }).dict ?? object;
    const get = (dict as { get?: (name: PDFName) => unknown }).get?.bind(dict);
    if (!get || get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue;
    const name = String(get(PDFName.of('FontName'))).replace(/^\/[A-Z]{6}\+/, '');
    const stream = pdf.context.lookup(get(PDFName.of('FontFile2')) as never);
    if (stream instanceof PDFRawStream)
      found.set(name, fontkit.create(Buffer.from(decodePDFRawStream(stream).decode())));
  }
  return found;
}

/**
 * The glyph widths of each font of the PDF by the code that draws the glyph (a simple TrueType font's /Widths from
 * /FirstChar, a CIDFontType2's /W), by base font name without the subset tag.
 */
async function embeddedWidths(bytes: Uint8Array): Promise<Map<string, Map<number, number>>> {
  const pdf = await PDFDocument.load(bytes);
  const found = new Map<string, Map<number, number>>();
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const subtype = object.get(PDFName.of('Subtype'));
    const widths = new Map<number, number>();
    if (subtype === PDFName.of('TrueType')) {
      const first = (object.lookup(PDFName.of('FirstChar')) as PDFNumber).asNumber();
      (object.lookup(PDFName.of('Widths'), PDFArray) as PDFArray).asArray().forEach((width, k) => {
        widths.set(first + k, (width as PDFNumber).asNumber());
      });
    } else if (subtype === PDFName.of('CIDFontType2')) {
      const entries = (object.lookup(PDFName.of('W'), PDFArray) as PDFArray).asArray();
      for (let i = 0; i < entries.length; ) {
        const first = (entries[i] as PDFNumber).asNumber();
        const next = entries[i + 1];
        if (next instanceof PDFArray) {
          next.asArray().forEach((width, k) => {
            widths.set(first + k, (width as PDFNumber).asNumber());
          });
          i += 2;
        } else {
          for (let cid = first; cid <= (next as PDFNumber).asNumber(); cid++)
            widths.set(cid, (entries[i + 2] as PDFNumber).asNumber());
          i += 3;
        }
      }
    } else continue;
    found.set(String(object.get(PDFName.of('BaseFont'))).replace(/^\/[A-Z]{6}\+/, ''), widths);
  }
  return found;
}

describe('Telugu shaped by HarfBuzz', { timeout: 60_000 }, () => {
  it('draws, for every Telugu line, exactly the glyphs HarfBuzz chose, each present in the embedded subset', async () => {
    expect(rendered.shapedLines.map((line) => line.text)).toEqual(
      expect.arrayContaining(['ఆంధ్రప్రదేశ్ ప్రభుత్వం', TITLE, NAME, 'దరఖాస్తుదారు పేరు', 'గుంటూరు']),
    );
    const embedded = await embeddedFonts(rendered.bytes);
    const widths = await embeddedWidths(rendered.bytes);
    for (const line of rendered.shapedLines) {
      const bold = line.weight === 'bold';
      const bytes = bold ? fonts.teluguBold : fonts.teluguRegular;
      const expected = createShaper(bytes)
        .shape(line.text)
        .map((glyph) => glyph.glyphId);
      expect(line.glyphIds).toEqual(expected);
      // Conjuncts and vowel signs: HarfBuzz output is not one glyph per character.
      if (line.text === TITLE || line.text === NAME) expect(line.glyphIds.length).not.toBe([...line.text].length);

      const original = fontkit.create(Buffer.from(bytes)) as unknown as FontkitFont;
      const subset = embedded.get('NotoSans-NotoSansTelugu-Regular') as unknown as FontkitFont;
      expect(subset, 'the font is embedded').toBeDefined();
      line.glyphIds.forEach((glyphId, i) => {
        const inSubset = subset.getGlyph(line.subsetGlyphIds[i]!);
        // The embedded program's em is smaller; drawn at its size, each glyph is the shipped font's, within the
        // rounding of a smaller unit (a composite's component offsets need not be on the outlines' grid).
        const em = original.unitsPerEm / subset.unitsPerEm;
        const drawn = inSubset.path.scale(em, em).commands;
        const shipped = original.getGlyph(glyphId).path.commands;
        expect(drawn.map(({ command }) => command)).toEqual(shipped.map(({ command }) => command));
        drawn.forEach(({ args }, k) => {
          args.forEach((value, n) => {
            expect(Math.abs(value - shipped[k]!.args[n]!), `glyph ${glyphId}`).toBeLessThanOrEqual(em / 2);
          });
        });
        // Readers set text by the /W widths; the font program carries one advance for all its glyphs.
        const advance = (original.getGlyph(glyphId).advanceWidth * 1000) / original.unitsPerEm;
        const width = widths.get('NotoSans-NotoSansTelugu-Regular')?.get(line.subsetGlyphIds[i]!);
        expect(width, `width of glyph ${glyphId}`).toBeCloseTo(advance, 1);
      });
    }
  });

  it('places each glyph of the embedded font where its points say, inside the box its header gives', async () => {
    const subset = (await embeddedFonts(rendered.bytes)).get(
      'NotoSans-NotoSansTelugu-Regular',
    ) as unknown as FontkitFont & {
      numGlyphs: number;
      // Lazy arrays of fontkit's: an item is read with get().
      hmtx: { metrics: { length: number; get(i: number): { bearing: number } }; bearings: { get(i: number): number } };
    };
    const { metrics, bearings } = subset.hmtx;
    let drawn = 0;
    for (let id = 0; id < subset.numGlyphs; id++) {
      const glyph = subset.getGlyph(id);
      if (glyph.path.commands.length === 0) continue;
      drawn++;
      const { cbox: header } = glyph;
      const ink = glyph.path.bbox;
      expect([ink.minX, ink.minY], `glyph ${id}`).toEqual([
        expect.toSatisfy((x: number) => x >= header.minX),
        expect.toSatisfy((y: number) => y >= header.minY),
      ]);
      expect(ink.maxX, `glyph ${id}`).toBeLessThanOrEqual(header.maxX);
      expect(ink.maxY, `glyph ${id}`).toBeLessThanOrEqual(header.maxY);
      // A reader puts the outline's origin at the header's left less the left side bearing: these must agree.
      const bearing = id < metrics.length ? metrics.get(id).bearing : bearings.get(id - metrics.length);
      expect(bearing, `glyph ${id}`).toBe(header.minX);
    }
    expect(drawn).toBeGreaterThan(150);
  });

  it('gives each glyph of the embedded font an advance near its width, for readers that copy text by them', async () => {
    // Readers set text by the PDF's widths; MuPDF measures a character it copies by the program's advance, and with
    // one advance for all copied "Kumar" as "Kum ar". The program keeps each advance to the nearest fifth of an em.
    const subset = (await embeddedFonts(rendered.bytes)).get(
      'NotoSans-NotoSansTelugu-Regular',
    ) as unknown as FontkitFont;
    const widths = (await embeddedWidths(rendered.bytes)).get('NotoSans-NotoSansTelugu-Regular')!;
    const spacing = [...widths].filter(([, width]) => width > 0);
    expect(spacing.length).toBeGreaterThan(120);
    for (const [code, width] of spacing) {
      const advance = (subset.getGlyph(code).advanceWidth * 1000) / subset.unitsPerEm;
      expect(Math.abs(advance - width), `code ${code}`).toBeLessThanOrEqual(100);
    }
  });

  it('extracts to the exact Telugu strings', () => {
    const text = run('pdftotext', [file, '-']);
    // A run copies by /ActualText, or by the ToUnicode map where that spells it with no gap a reader takes for a
    // space ("పట్టణం" moves a subscript back and the pen on again).
    for (const expected of [
      'ఆంధ్రప్రదేశ్ ప్రభుత్వం',
      TITLE,
      NAME,
      'ఒక లక్ష ఇరవై వేల రూపాయలు',
      'వార్షిక ఆదాయం',
      'గుంటూరు',
      'గ్రామం/పట్టణం/వార్డు',
      'సంబంధం',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('looks like the title as an independent shaper (Pango) draws it', async () => {
    const size = 40;
    const dpi = 72;
    const ours = inkOf(await rasterizeShaped(TITLE, size, dpi, createShaper(fonts.teluguBold)));
    const pango = inkOf(pangoView(TITLE, size, dpi));
    expect(Math.abs(ours.width - pango.width)).toBeLessThanOrEqual(3);
    expect(Math.abs(ours.height - pango.height)).toBeLessThanOrEqual(3);
    expect(difference(ours, pango)).toBeLessThan(0.12);

    // The same check tells a rendering without shaping (one glyph per character) apart.
    const shaper = createShaper(fonts.teluguBold);
    const unshaped: Shaper = {
      unitsPerEm: shaper.unitsPerEm,
      shape: (text) => [...text].flatMap((character) => shaper.shape(character)),
    };
    const naive = inkOf(await rasterizeShaped(TITLE, size, dpi, unshaped));
    expect(difference(naive, pango)).toBeGreaterThan(0.2);
  });
});

interface FontkitFont {
  unitsPerEm: number;
  getGlyph(id: number): { path: FontkitPath; advanceWidth: number; cbox: Box };
}

interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

interface FontkitPath {
  commands: { command: string; args: number[] }[];
  bbox: Box;
  scale(x: number, y: number): FontkitPath;
}

async function rasterizeShaped(text: string, size: number, dpi: number, shaper: Shaper): Promise<PNG> {
  {
    const pdf = await PDFDocument.create({ updateMetadata: false });
    pdf.registerFontkit(fontkit);
    const font = await pdf.embedFont(fonts.teluguBold, { subset: true });
    const page = pdf.addPage([700, 120]);
    drawShapedLine(pdf, page, font, shaper, text, { x: 20, y: 40, size, color: rgb(0, 0, 0) });
    const pdfFile = join(directory, `line-${Math.random().toString(36).slice(2)}.pdf`);
    writeFileSync(pdfFile, await pdf.save());
    run('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', '-gray', pdfFile, pdfFile]);
    return PNG.sync.read(readFileSync(`${pdfFile}.png`));
  }
}

/** pango-view (Debian's pango1.0-tools) with only this repository's fonts visible to fontconfig. */
function pangoView(text: string, size: number, dpi: number): PNG {
  const config = join(directory, 'fonts.conf');
  writeFileSync(
    config,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>${join(fontUrl('NotoSansTelugu-Bold.ttf').pathname, '..')}</dir><cachedir>${join(directory, 'fc-cache')}</cachedir></fontconfig>`,
  );
  const out = join(directory, 'pango.png');
  run(
    'pango-view',
    [
      '-q',
      '--dpi',
      String(dpi),
      '--font',
      `Noto Sans Telugu Bold ${size}px`,
      '--margin',
      '20',
      '-o',
      out,
      '--text',
      text,
    ],
    {
      ...process.env,
      FONTCONFIG_FILE: config,
    },
  );
  return PNG.sync.read(readFileSync(out));
}

interface Ink {
  width: number;
  height: number;
  dark: (x: number, y: number) => boolean;
}

/** The image cropped to its ink (pixels darker than mid-grey). */
function inkOf(png: PNG): Ink {
  const darkAt = (x: number, y: number) => {
    const i = (y * png.width + x) * 4;
    return (png.data[i]! + png.data[i + 1]! + png.data[i + 2]!) / 3 < 128 && png.data[i + 3]! > 128;
  };
  let [left, top, right, bottom] = [png.width, png.height, -1, -1];
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      if (!darkAt(x, y)) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  return {
    width: right - left + 1,
    height: bottom - top + 1,
    dark: (x, y) => x >= 0 && y >= 0 && x <= right - left && y <= bottom - top && darkAt(x + left, y + top),
  };
}

/**
 * Share of ink pixels of either crop (aligned at their top-left corners) with no ink in the other within one pixel:
 * anti-aliasing and hinting move edges by a pixel, a wrong or misplaced glyph moves whole strokes.
 */
function difference(a: Ink, b: Ink): number {
  const unmatched = (from: Ink, to: Ink) => {
    let count = 0;
    let ink = 0;
    for (let y = 0; y < from.height; y++) {
      for (let x = 0; x < from.width; x++) {
        if (!from.dark(x, y)) continue;
        ink++;
        let near = false;
        for (let dy = -1; dy <= 1 && !near; dy++)
          for (let dx = -1; dx <= 1 && !near; dx++) near = to.dark(x + dx, y + dy);
        if (!near) count++;
      }
    }
    return { count, ink };
  };
  const [ab, ba] = [unmatched(a, b), unmatched(b, a)];
  return (ab.count + ba.count) / (ab.ink + ba.ink);
}
