import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { verifyClaims } from '#core/certificate/qr-payload.ts';
import { scanCertificateImage } from '#core/certificate/scan.ts';
import { vectors } from './certificate-fixtures.ts';

/** A 1600-pixel-wide grey "photo" with the QR code printed somewhere in it, as PNG or JPEG. */
async function photo(text: string, format: 'png' | 'jpeg'): Promise<Uint8Array> {
  const qr = PNG.sync.read(await QRCode.toBuffer(text, { errorCorrectionLevel: 'M', scale: 6, margin: 4 }));
  const width = 1600;
  const height = 1200;
  const data = Buffer.alloc(width * height * 4, 0xd8);
  for (let y = 0; y < qr.height; y++) {
    for (let x = 0; x < qr.width; x++) {
      const from = (y * qr.width + x) * 4;
      const to = ((y + 300) * width + (x + 700)) * 4;
      qr.data.copy(data, to, from, from + 4);
    }
  }
  if (format === 'jpeg') return jpeg.encode({ data, width, height }, 80).data;
  const png = new PNG({ width, height });
  data.copy(png.data);
  return PNG.sync.write(png);
}

describe('reading a certificate QR code from a photo', () => {
  it.each(['jpeg', 'png'] as const)(
    'decodes the signed claims from a %s photo',
    async (format) => {
      const scan = scanCertificateImage(await photo(vectors.qrPayload, format));
      expect(scan.ok).toBe(true);
      if (!scan.ok) return;
      expect(scan.certId).toBe(vectors.claims.id);
      expect(scan.claims).toEqual(vectors.claims);
      expect(verifyClaims(scan.claims, scan.signature, vectors.publicKeyPem)).toBe(true);
      // Decoding a phone photo is CPU-bound; on a shared machine it can take seconds (speed is measured in bench/).
    },
    60_000,
  );

  it('tells a photo without a QR code, a QR code that is no certificate and a file that is no image apart', async () => {
    const blank = jpeg.encode({ data: Buffer.alloc(400 * 300 * 4, 0xee), width: 400, height: 300 }, 80).data;
    expect(scanCertificateImage(blank)).toEqual({ ok: false, reason: 'no-qr-code' });
    expect(scanCertificateImage(await photo('https://example.com/hello', 'png'))).toEqual({
      ok: false,
      reason: 'not-a-certificate',
    });
    expect(scanCertificateImage(new TextEncoder().encode('%PDF-1.7 not an image'))).toEqual({
      ok: false,
      reason: 'unreadable-image',
    });
  });
});
