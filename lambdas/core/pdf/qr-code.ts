import type { PDFPage } from 'pdf-lib';
import { rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import { QR_ERROR_CORRECTION, QR_MAX_VERSION } from '../certificate/qr-payload.ts';

/** The light margin a scanner needs around the symbol, in modules (ISO/IEC 18004). */
const QR_QUIET_ZONE_MODULES = 4;

/**
 * Draws a QR code as vector rectangles (one per horizontal run of dark modules), so it stays sharp at any zoom and
 * print resolution. `size` is the whole square including the quiet zone, which is painted white.
 */
export function drawQrCode(
  page: PDFPage,
  text: string,
  at: { x: number; y: number; size: number },
): { version: number } {
  const qr = QRCode.create(text, { errorCorrectionLevel: QR_ERROR_CORRECTION });
  if (qr.version > QR_MAX_VERSION) throw new RangeError(`QR payload needs version ${qr.version} (> ${QR_MAX_VERSION})`);
  const count = qr.modules.size;
  const module = at.size / (count + 2 * QR_QUIET_ZONE_MODULES);
  const origin = { x: at.x + QR_QUIET_ZONE_MODULES * module, y: at.y + at.size - QR_QUIET_ZONE_MODULES * module };
  page.drawRectangle({ x: at.x, y: at.y, width: at.size, height: at.size, color: rgb(1, 1, 1) });
  for (let row = 0; row < count; row++) {
    let column = 0;
    while (column < count) {
      if (!qr.modules.get(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < count && qr.modules.get(row, column)) column++;
      page.drawRectangle({
        x: origin.x + start * module,
        y: origin.y - (row + 1) * module,
        width: (column - start) * module,
        height: module,
        color: rgb(0, 0, 0),
      });
    }
  }
  return { version: qr.version };
}
