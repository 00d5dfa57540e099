import { inflateSync } from 'node:zlib';
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { DocumentFont } from '#core/pdf/document-font.ts';
import { loadCertificateFonts } from '#core/pdf/font-files.ts';
import { fontProgram } from '#core/pdf/font-program.ts';

const files = loadCertificateFonts();
const latin = fontProgram(files.regular);
const telugu = fontProgram(files.teluguRegular);

/** The code → text map a ToUnicode CMap gives: its bfchar lines and both forms of bfrange. */
function parseToUnicode(cmap: string): Map<number, string> {
  const text = (hex: string) =>
    String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((unit) => Number.parseInt(unit, 16)));
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar\n([\s\S]*?)\nendbfchar/g))
    for (const [, code, to] of block[1]!.matchAll(/<([0-9a-f]{4})> <([0-9a-f]+)>/g))
      map.set(Number.parseInt(code!, 16), text(to!));
  for (const block of cmap.matchAll(/beginbfrange\n([\s\S]*?)\nendbfrange/g))
    for (const [, from, to, list, start] of block[1]!.matchAll(
      /<([0-9a-f]{4})> <([0-9a-f]{4})> (?:\[((?:<[0-9a-f]+>)*)\]|<([0-9a-f]+)>)/g,
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

async function toUnicodeOf(font: DocumentFont): Promise<Map<number, string>> {
  const pdf = await PDFDocument.create();
  const type0 = pdf.context.lookup(font.embed(pdf.context, 'AAAAAA+Test'), PDFDict);
  const stream = pdf.context.lookup(type0.get(PDFName.of('ToUnicode')));
  if (!(stream instanceof PDFRawStream)) throw new Error('the font has no ToUnicode stream');
  return parseToUnicode(inflateSync(stream.contents).toString('latin1'));
}

describe('the ToUnicode map of a document font', () => {
  it('maps every code that stands for one character, in runs of every length, Latin and Telugu alike', async () => {
    const font = new DocumentFont([latin, telugu], 'F');
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
    expect(mapped.size).toBe(expected.size);
  });
});
