import type { ContentStream, ImageMask } from './content-stream.ts';
import { type QrSymbol, qrSymbol } from './qr-symbol.ts';

/** The light margin a scanner needs around the symbol, in modules (ISO/IEC 18004). */
const QR_QUIET_ZONE_MODULES = 4;

/**
 * Draws a QR code as one image mask, a bit per module, painted black where a module is dark and scaled to `size`
 * (the whole square including the quiet zone, which is painted white). Viewers and printers draw image masks without
 * smoothing, so the modules keep sharp edges, and the symbol costs a few hundred bytes.
 */
export function drawQrCode(
  content: ContentStream,
  text: string,
  at: { x: number; y: number; size: number },
): { version: number } {
  const symbol = qrSymbol(text);
  const module = at.size / (symbol.size + 2 * QR_QUIET_ZONE_MODULES);
  const inset = QR_QUIET_ZONE_MODULES * module;
  content.rectangle({ x: at.x, y: at.y, width: at.size, height: at.size }, { fill: [1, 1, 1] });
  const side = symbol.size * module;
  content.imageMask('QR', maskOf(symbol), { x: at.x + inset, y: at.y + inset, width: side, height: side }, [0, 0, 0]);
  return { version: symbol.version };
}

/** The symbol as mask samples: 0 (painted) for a dark module. */
function maskOf({ size, modules }: QrSymbol): ImageMask {
  const rowBytes = Math.ceil(size / 8);
  const samples = new Uint8Array(rowBytes * size).fill(0xff);
  for (let row = 0; row < size; row++)
    for (let column = 0; column < size; column++)
      if (modules[row * size + column]) {
        const at = row * rowBytes + (column >> 3);
        samples[at] = samples[at]! & ~(0x80 >> (column & 7));
      }
  return { width: size, height: size, samples };
}
