import { inflateSync } from 'node:zlib';
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { encodeQrPayload, verifyPageUrl } from '#core/certificate/qr-payload.ts';
import { buildCertificateRecord, CertificateRequestSchema } from '#core/certificate/request.ts';
import { qrSignatureOf, signCertificate } from '#core/certificate/signed-certificate.ts';
import { DocumentFont } from '#core/pdf/document-font.ts';
import { loadCertificateFonts } from '#core/pdf/font-files.ts';
import { fontProgram } from '#core/pdf/font-program.ts';
import { renderCertificatePdf } from '#core/pdf/render-certificate.ts';
import { BASE_URL, keySigner, sampleRequest } from './certificate-fixtures.ts';

const files = loadCertificateFonts();
const latin = fontProgram(files.regular);
const telugu = fontProgram(files.teluguRegular);

/** The code → text map a ToUnicode CMap gives (codes of one or two bytes): its bfchar lines and both forms of bfrange. */
function parseToUnicode(cmap: string): Map<number, string> {
  const text = (hex: string) =>
    String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((unit) => Number.parseInt(unit, 16)));
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar\n([\s\S]*?)\nendbfchar/g))
    for (const [, code, to] of block[1]!.matchAll(/<([0-9a-f]{2}|[0-9a-f]{4})> <([0-9a-f]+)>/g))
      map.set(Number.parseInt(code!, 16), text(to!));
  for (const block of cmap.matchAll(/beginbfrange\n([\s\S]*?)\nendbfrange/g))
    for (const [, from, to, list, start] of block[1]!.matchAll(
      /<([0-9a-f]{2}|[0-9a-f]{4})> <([0-9a-f]{2}|[0-9a-f]{4})> (?:\[((?:<[0-9a-f]+>)*)\]|<([0-9a-f]+)>)/g,
    )) {
      const first = Number.parseInt(from!, 16);
      const targets = list ? [...list.matchAll(/<([0-9a-f]+)>/g)].map(([, hex]) => text(hex!)) : undefined;
      for (let code = first; code <= Number.parseInt(to!, 16); code++) {
        map.set(
          code,
          targets ? targets[code - first]! : String.fromCharCode(Number.parseInt(start!, 16) + code - first),
        );
      }
    }
  return map;
}

function toUnicodeIn(font: PDFDict): Map<number, string> {
  const stream = font.context.lookup(font.get(PDFName.of('ToUnicode')));
  if (!(stream instanceof PDFRawStream)) throw new Error('the font has no ToUnicode stream');
  return parseToUnicode(inflateSync(stream.contents).toString('latin1'));
}

async function toUnicodeOf(font: DocumentFont): Promise<Map<number, string>> {
  const pdf = await PDFDocument.create();
  return toUnicodeIn(pdf.context.lookup(font.embed(pdf.context, 'AAAAAA+Test'), PDFDict));
}

/** The characters of a text, sorted, without joiners (they draw nothing): what a copy holds whatever the order. */
const characters = (text: string) => [...text.normalize('NFC').replace(/[\u200c\u200d]/g, '')].sort().join('');

describe('the ToUnicode map of a document font', () => {
  it.each(['one-byte', 'two-byte'] as const)(
    'maps every code that stands for one character, in runs of every length, Latin and Telugu alike (%s codes)',
    async (codes) => {
      const font = new DocumentFont([latin, telugu], 'F', codes);
      // Telugu glyphs that stand for no one character (parts of conjuncts) break the runs of codes that do.
      const partial = Array.from({ length: telugu.font.numGlyphs }, (_, glyph) => glyph).filter(
        (glyph) => glyph > 0 && telugu.characterOf(glyph) === undefined,
      );
      expect(partial.length).toBeGreaterThan(10);
      const expected = new Map<number, string>();
      const draw = (text: string) => {
        latin.glyphsOf(text).forEach((glyph, i) => {
          expected.set(font.code(latin, glyph), text[i]!);
        });
      };
      const breakRun = () => font.code(telugu, partial.shift()!);
      // Runs of 1 to 7 consecutive codes, each between glyphs without a character.
      for (const word of ['I', 'NC', 'OME', 'CERT', 'IFICA', 'Tahsil', 'Revenue']) {
        draw(word);
        breakRun();
      }
      for (const character of ['అ', 'ఆ', 'క']) {
        const glyph = telugu.glyphsOf(character)[0]!;
        expected.set(font.code(telugu, glyph), character);
      }

      const mapped = await toUnicodeOf(font);
      for (const [code, character] of expected) expect(mapped.get(code), `code ${code}`).toBe(character);
      // Nothing else, but for the codes a one-byte range of Latin letters spans without drawing them: as their letters.
      const spanned = [...mapped].filter(([code]) => !expected.has(code));
      if (codes === 'two-byte') expect(spanned).toEqual([]);
      for (const [code, text] of spanned) expect(text).toBe(String.fromCharCode(code));
    },
  );

  it('copies each Telugu line of a certificate as its characters, conjuncts and all, with no glyph left out', async () => {
    const request = CertificateRequestSchema.parse(sampleRequest());
    const record = buildCertificateRecord(request, {
      certId: 'Zm9vYmFyYmF6cXV4cXV1dw',
      issuedAt: '2025-06-01T04:30:00.000Z',
    });
    const signed = await signCertificate(record, keySigner());
    const qrPayload = encodeQrPayload(BASE_URL, signed.qr.claims, qrSignatureOf(signed));
    const rendered = await renderCertificatePdf(
      { signed, qrPayload, verifyPageUrl: verifyPageUrl(BASE_URL, record.certId) },
      files,
    );
    const pdf = await PDFDocument.load(rendered.bytes);
    const font = pdf.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .find((object) => object instanceof PDFDict && object.has(PDFName.of('ToUnicode')));
    const mapped = toUnicodeIn(font as PDFDict);
    expect(rendered.shapedLines.length).toBeGreaterThan(10);
    for (const line of rendered.shapedLines) {
      const copied = line.subsetGlyphIds.map((code) => mapped.get(code) ?? '').join('');
      expect(characters(copied), line.text).toBe(characters(line.text));
    }
    // Where no vowel sign is drawn before a consonant's subscript form, the copy reads in order.
    const title = rendered.shapedLines.find((line) => line.text === 'ఆంధ్రప్రదేశ్ ప్రభుత్వం')!;
    expect(title.subsetGlyphIds.map((code) => mapped.get(code)).join('')).toBe(title.text);
  });
});
