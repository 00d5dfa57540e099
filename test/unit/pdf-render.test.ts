import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQRModule from 'jsqr';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '#core/certificate/encoding.ts';
import { encodeQrPayload, parseQrPayload, verifyClaims, verifyPageUrl } from '#core/certificate/qr-payload.ts';
import { buildCertificateRecord, CertificateRequestSchema } from '#core/certificate/request.ts';
import {
  qrSignatureOf,
  type SignedCertificate,
  signCertificate,
  verifySignedCertificate,
} from '#core/certificate/signed-certificate.ts';
import { fontUrl, loadCertificateFonts } from '#core/pdf/font-files.ts';
import { attachmentName, type RenderedPdf, renderCertificatePdf } from '#core/pdf/render-certificate.ts';
import { BASE_URL, keySigner, sampleRequest } from './certificate-fixtures.ts';

// jsqr is CommonJS whose types say `export default`; its exports object carries the function as `default` too.
const jsQR = jsQRModule.default;
const STANDARD_14 = /Helvetica|Times|Courier|Symbol|ZapfDingbats/;
const signer = keySigner();
const fonts = loadCertificateFonts();
let directory: string;

async function render(
  requestOverrides = {},
): Promise<{ signed: SignedCertificate; qrPayload: string; rendered: RenderedPdf; file: string }> {
  const request = CertificateRequestSchema.parse(sampleRequest(requestOverrides));
  const record = buildCertificateRecord(request, {
    certId: 'Zm9vYmFyYmF6cXV4cXV1dw',
    issuedAt: '2025-06-01T04:30:00.000Z',
  });
  const signed = await signCertificate(record, signer);
  const qrPayload = encodeQrPayload(BASE_URL, signed.qr.claims, qrSignatureOf(signed));
  const rendered = await renderCertificatePdf(
    { signed, qrPayload, verifyPageUrl: verifyPageUrl(BASE_URL, record.certId) },
    fonts,
  );
  const file = join(directory, `${sha256Hex(rendered.bytes).slice(0, 12)}.pdf`);
  writeFileSync(file, rendered.bytes);
  return { signed, qrPayload, rendered, file };
}

const run = (command: string, ...args: string[]) => execFileSync(command, args, { encoding: 'utf8' });

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'mitra-pdf-'));
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('certificate PDF', { timeout: 30_000 }, () => {
  it('carries a QR code that a scanner reads back as the signed claims', async () => {
    const { qrPayload, file } = await render();
    run('pdftoppm', '-r', '150', '-png', '-singlefile', file, join(directory, 'page'));
    const png = PNG.sync.read(readFileSync(join(directory, 'page.png')));
    const decoded = jsQR(
      new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length),
      png.width,
      png.height,
    );
    expect(decoded?.data).toBe(qrPayload);
    const parsed = parseQrPayload(decoded!.data)!;
    expect(verifyClaims(parsed.claims, parsed.signature, signer.publicKey)).toBe(true);
  });

  /** pdffonts' rows: name, type (one or two words), encoding, embedded, subset, ToUnicode, object. */
  const fontsOf = (file: string) =>
    run('pdffonts', file)
      .trim()
      .split('\n')
      .slice(2)
      .map((row) => {
        const [, name, type, encoding, embedded, subset, toUnicode] =
          /^(\S+)\s+(CID TrueType|\S+)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(row)!;
        return { name, type, encoding, embedded, subset, toUnicode };
      });

  it('embeds one subset font of Noto Sans with Noto Sans Telugu, no standard-14 font', async () => {
    const { file } = await render();
    const rows = fontsOf(file);
    expect(rows).toHaveLength(1);
    const [font] = rows;
    expect(font!.name).toMatch(/^[A-Z]{6}\+NotoSans-NotoSansTelugu-Regular$/);
    expect(font!.name).not.toMatch(STANDARD_14);
    // A glyph a byte: a certificate draws fewer than 256 glyphs.
    expect(font).toMatchObject({ type: 'TrueType', embedded: 'yes', subset: 'yes', toUnicode: 'yes' });
  });

  it('draws a document of more glyphs than one-byte codes name with two-byte codes, and it reads the same', async () => {
    // A consonant with each of these vowel signs is a glyph of its own: 128 glyphs beside the 170 or so of the page.
    const syllables = [...'కఖగఘచఛజఝటఠడఢణతథదధనపఫబభమయరలవశషసహళ'].flatMap((consonant) =>
      [...'ిీెే'].map((sign) => consonant + sign),
    );
    const name = syllables.slice(0, 96).join('');
    const father = syllables.slice(96).join('');
    const { file, rendered } = await render({
      applicant: { name, nameLatin: 'Ravi Kumar' },
      values: { ...sampleRequest().values, 'applicant-name': name, 'father-name': father },
    });
    expect(rendered.notes).toEqual([]);
    expect(fontsOf(file)).toEqual([expect.objectContaining({ type: 'CID TrueType', encoding: 'Identity-H' })]);
    const text = run('pdftotext', file, '-').replace(/\s+/g, '');
    expect(text).toContain(name);
    expect(text).toContain(father);
    expect(text).toContain('INCOMECERTIFICATE');
  });

  it('prints in its colours: a navy title, shaded rows of the table, black QR modules', async () => {
    const { file } = await render();
    run('pdftoppm', '-r', '72', '-png', '-singlefile', file, join(directory, 'colours'));
    const png = PNG.sync.read(readFileSync(join(directory, 'colours.png')));
    /** The darkest pixel of a band of the page (points from the top left, as at 72 dpi), as [red, green, blue]. */
    const darkest = (left: number, top: number, right: number, bottom: number) => {
      let found = [255, 255, 255];
      for (let y = top; y < bottom; y++)
        for (let x = left; x < right; x++) {
          const at = 4 * (y * png.width + x);
          const pixel = [png.data[at]!, png.data[at + 1]!, png.data[at + 2]!];
          if (pixel[0]! + pixel[1]! + pixel[2]! < found[0]! + found[1]! + found[2]!) found = pixel;
        }
      return found;
    };
    const near = (pixel: number[], colour: number[]) => pixel.every((value, i) => Math.abs(value - colour[i]!) <= 6);
    // "INCOME CERTIFICATE": navy (0.08, 0.16, 0.36).
    expect(near(darkest(200, 150, 400, 170), [20, 41, 92])).toBe(true);
    // The table's first row, shaded a pale blue-grey (0.95, 0.96, 0.98) at its right, where no text is.
    expect(near(darkest(528, 318, 532, 322), [242, 245, 250])).toBe(true);
    expect(darkest(528, 318, 532, 322)[2]).toBeGreaterThan(darkest(528, 318, 532, 322)[0]!);
    // The QR code's modules, black.
    expect(near(darkest(400, 640, 550, 790), [0, 0, 0])).toBe(true);
  });

  it('draws the same page with two-byte codes as with one-byte codes', async () => {
    const { signed, qrPayload, file } = await render();
    const input = { signed, qrPayload, verifyPageUrl: verifyPageUrl(BASE_URL, signed.record.certId) };
    const twoByte = join(directory, 'two-byte.pdf');
    writeFileSync(twoByte, (await renderCertificatePdf(input, fonts, 'two-byte')).bytes);
    expect(fontsOf(twoByte)).toEqual([expect.objectContaining({ type: 'CID TrueType', encoding: 'Identity-H' })]);
    const pixels = (pdf: string) => {
      run('pdftoppm', '-r', '100', '-gray', '-singlefile', pdf, pdf);
      return readFileSync(`${pdf}.pgm`);
    };
    expect(sha256Hex(pixels(twoByte))).toBe(sha256Hex(pixels(file)));
    expect(run('pdftotext', twoByte, '-')).toBe(run('pdftotext', file, '-'));
  });

  it('has extractable text: the holder name and the certificate number', async () => {
    const { file, signed } = await render();
    const text = run('pdftotext', '-layout', file, '-');
    expect(text).toContain('Ravi Kumar Reddy');
    expect(text).toContain(signed.record.certId);
    expect(text).toContain('INCOME CERTIFICATE');
    expect(text).toContain('ఆదాయ ధృవీకరణ పత్రం');
    expect(text).toContain(`Verify at ${BASE_URL}/v/`);
  });

  it('attaches the signed record, which verifies on its own', async () => {
    const { file, signed } = await render();
    expect(run('pdfdetach', '-list', file)).toContain(`1: ${attachmentName(signed.record.certId)}`);
    const out = join(directory, 'attached.json');
    run('pdfdetach', '-save', '1', '-o', out, file);
    const attached = readFileSync(out, 'utf8');
    expect(attached).toBe(canonicalJson(signed));
    expect(verifySignedCertificate(JSON.parse(attached), signer.publicKey)).toBe(true);
  });

  it('names the certificate and its record hash in the metadata', async () => {
    const { rendered, signed } = await render();
    const pdf = await PDFDocument.load(rendered.bytes, { updateMetadata: false });
    expect(pdf.getTitle()).toBe(`Income Certificate ${signed.record.certId}`);
    expect(pdf.getProducer()).toBe('Mitra');
    expect(pdf.getKeywords()).toContain(signed.record.certId);
    expect(pdf.getKeywords()).toContain(`sha256:${sha256Hex(canonicalJson(signed.record))}`);
    expect(pdf.getCreationDate()?.toISOString()).toBe('2025-06-01T04:30:00.000Z');
    expect(pdf.getPageCount()).toBe(1);
    const { width, height } = pdf.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
  });

  it('is deterministic: the same signed record renders to the same bytes', async () => {
    const { signed, qrPayload, rendered } = await render();
    const again = await renderCertificatePdf(
      { signed, qrPayload, verifyPageUrl: verifyPageUrl(BASE_URL, signed.record.certId) },
      fonts,
    );
    expect(sha256Hex(again.bytes)).toBe(sha256Hex(rendered.bytes));
    expect(rendered.notes).toEqual([]);
  });

  it('prints a Telugu name in Telugu and a mixed-script value whole, and never half of a value it cannot draw', async () => {
    const name = 'రవి కుమార్';
    const telugu = await render({
      applicant: { name, nameLatin: 'Ravi Kumar' },
      values: { ...sampleRequest().values, 'applicant-name': name },
    });
    expect(telugu.rendered.notes).toEqual([]);
    expect(run('pdftotext', telugu.file, '-')).toContain(name);
    expect(verifySignedCertificate(telugu.signed, signer.publicKey)).toBe(true);
    const mixed = await render({ values: { ...sampleRequest().values, village: 'గుంటూరు Rural' } });
    expect(mixed.rendered.notes).toEqual([]);
    expect(run('pdftotext', mixed.file, '-')).toContain('గుంటూరు Rural');
    // Devanagari is in neither font: the value is not printed with letters dropped, the record is pointed to.
    const other = await render({ values: { ...sampleRequest().values, village: 'रामपुर' } });
    const otherText = run('pdftotext', other.file, '-');
    expect(otherText).toContain('(in another script: see the attached signed record)');
    expect(other.rendered.notes.join(' ')).toContain('field village');
    expect(other.rendered.notes.join(' ')).not.toContain('रामपुर');
  });

  it('wraps long values instead of running off the page, and keeps to one page', async () => {
    const long =
      'Door 12-3-45/6, Kothapeta Main Road, near the Rama Temple, Guntur Municipal Corporation, Guntur Ward 12';
    const { file, rendered } = await render({ values: { ...sampleRequest().values, village: long.slice(0, 60) } });
    const text = run('pdftotext', '-raw', file, '-').replace(/\s+/g, ' ');
    expect(text).toContain(long.slice(0, 60).trim());
    expect((await PDFDocument.load(rendered.bytes)).getPageCount()).toBe(1);
  });

  it('prints the decider: the officer with the designation in both languages', async () => {
    const { file } = await render({
      plan: { recordCheck: { verified: false } },
      decision: { decision: 'approved', officerName: 'K. Srinivas', officerRole: 'tahsildar' },
    });
    const text = run('pdftotext', file, '-');
    expect(text).toContain('K. Srinivas, Tahsildar (తహసీల్దార్)');
    expect(text).not.toContain('Issued automatically');
  });

  it('prints values as people read them and no internal ids', async () => {
    const { file, signed } = await render();
    const text = run('pdftotext', file, '-');
    expect(text).toContain('₹1,20,000 (One lakh twenty thousand rupees)');
    expect(text).toContain('₹1,20,000 (ఒక లక్ష ఇరవై వేల రూపాయలు)');
    expect(text).toContain('Valid until / చెల్లుబాటు గడువు: 31-05-2026');
    expect(text).toContain('Issued automatically on the household records');
    expect(text).not.toMatch(/revenue\.income-certificate|son-of|\bguntur\b|education\b|XXXX/);
    expect(text).not.toContain(signed.record.applicationId);
  });

  it('finds its fonts next to the bundle or in the repository', () => {
    expect(fontUrl('NotoSans-Regular.ttf').pathname).toMatch(/assets\/fonts\/NotoSans-Regular\.ttf$/);
  });

  // Its speed is measured side by side with a bare page in bench/certificate.ts, never here (shared machines).
  it('fits a phone download: under 100 KB', async () => {
    const { rendered } = await render();
    expect(rendered.bytes.length).toBeLessThan(100_000);
  });
});
