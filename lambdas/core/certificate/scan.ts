import jpeg from 'jpeg-js';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { type PresentedClaims, parseQrPayload } from './qr-payload.ts';

// jsqr is CommonJS whose types say `export default`; under ESM the function is the exports object's `default`.
type JsQr = typeof jsQRModule.default;
const jsQR: JsQr = (jsQRModule as unknown as { default?: JsQr }).default ?? (jsQRModule as unknown as JsQr);

/** Photos above this are refused before decoding: a 12 MP phone photo is well within, a decompression bomb is not. */
const MAX_PIXELS = 40_000_000;

export type ScanResult =
  | ({ ok: true; certId: string; baseUrl: string } & PresentedClaims)
  | { ok: false; reason: 'unreadable-image' | 'no-qr-code' | 'not-a-certificate' };

/**
 * Reads a certificate's QR code from a photo (JPEG, as WhatsApp sends photos, or PNG) and decodes its signed claims.
 * Says nothing yet about validity: the claims still go to the verifier (see `assessCertificate`).
 */
export function scanCertificateImage(bytes: Uint8Array): ScanResult {
  const image = decodeImage(bytes);
  if (!image) return { ok: false, reason: 'unreadable-image' };
  const code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' });
  if (!code) return { ok: false, reason: 'no-qr-code' };
  const presented = parseQrPayload(code.data);
  if (!presented) return { ok: false, reason: 'not-a-certificate' };
  return { ok: true, ...presented };
}

function decodeImage(bytes: Uint8Array): { data: Uint8ClampedArray; width: number; height: number } | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (buffer.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) {
      const decoded = jpeg.decode(buffer, {
        useTArray: true,
        formatAsRGBA: true,
        maxResolutionInMP: MAX_PIXELS / 1_000_000,
        maxMemoryUsageInMB: 512,
      });
      return { data: new Uint8ClampedArray(decoded.data.buffer), width: decoded.width, height: decoded.height };
    }
    if (buffer.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
      const width = buffer.readUInt32BE(16);
      const height = buffer.readUInt32BE(20);
      if (width * height > MAX_PIXELS) return undefined;
      const decoded = PNG.sync.read(buffer);
      return { data: new Uint8ClampedArray(decoded.data.buffer), width: decoded.width, height: decoded.height };
    }
  } catch {
    return undefined;
  }
  return undefined;
}
