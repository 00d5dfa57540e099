import fc from 'fast-check';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { toBase32 } from '#core/certificate/qr-payload.ts';
import { qrSymbol, segmentsOf } from '#core/pdf/qr-symbol.ts';
import { vectors } from './certificate-fixtures.ts';

const packageSymbol = (segments: string | ReturnType<typeof segmentsOf>) =>
  QRCode.create(segments, { errorCorrectionLevel: 'M' });
const group = (version: number) => (version < 10 ? 0 : version < 27 ? 1 : 2);
const modulesOf = (symbol: ReturnType<typeof packageSymbol>) =>
  (symbol.modules as unknown as { data: Uint8Array }).data;

describe('QR code symbol', () => {
  it('is the symbol the qrcode package makes for the same segments, mask included', () => {
    fc.assert(
      fc.property(
        // Up to version 10, the largest a certificate's QR code may be: 60 characters of three UTF-8 bytes each fit.
        fc.string({ unit: fc.constantFrom(...'AZaz09:/.-_?=%$ తె'), minLength: 1, maxLength: 60 }),
        (text) => {
          const ours = qrSymbol(text);
          const theirs = packageSymbol(segmentsOf(text, group(ours.version)));
          expect(theirs.version).toBe(ours.version);
          expect([...ours.modules]).toEqual([...modulesOf(theirs)]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('needs no more modules than the package finds by itself', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'ABCdef0123456789:/.-'), minLength: 1, maxLength: 200 }),
        (text) => {
          expect(qrSymbol(text).version).toBeLessThanOrEqual(packageSymbol(text).version);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("encodes a certificate's QR payload exactly as the package would", () => {
    // The compact form every certificate prints: the verify URL, then the claims and signature in base32 capitals.
    const claimsAndSignature = Uint8Array.from({ length: 49 + 64 }, (_, i) => (i * 37 + 11) % 256);
    const payload = `${vectors.baseUrl}/v/XjKuFj5XrpYKUPnDH3JtfQ#${toBase32(claimsAndSignature)}`;
    const ours = qrSymbol(payload);
    expect(ours.version).toBe(packageSymbol(payload).version);
    expect([...ours.modules]).toEqual([...modulesOf(packageSymbol(segmentsOf(payload, group(ours.version))))]);
  });
});
