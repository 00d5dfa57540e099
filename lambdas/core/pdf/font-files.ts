import { existsSync, readFileSync } from 'node:fs';
import { ConfigurationError } from '../errors.ts';

export interface CertificateFonts {
  regular: Uint8Array;
  bold: Uint8Array;
  teluguRegular: Uint8Array;
  teluguBold: Uint8Array;
}

const FILES = {
  regular: 'NotoSans-Regular.ttf',
  bold: 'NotoSans-Bold.ttf',
  teluguRegular: 'NotoSansTelugu-Regular.ttf',
  teluguBold: 'NotoSansTelugu-Bold.ttf',
} as const;

/**
 * Fonts ship with the code (OFL, assets/fonts/OFL.txt). The bundle copies them to `fonts/` next to index.mjs; under
 * vitest the sources run from the repository, where they sit in assets/fonts/.
 */
export function fontUrl(file: string): URL {
  const candidates = [
    new URL(`./fonts/${file}`, import.meta.url),
    new URL(`../../../assets/fonts/${file}`, import.meta.url),
  ];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found)
    throw new ConfigurationError(`font ${file} is not bundled (looked in ${candidates.map(String).join(', ')})`);
  return found;
}

let cached: CertificateFonts | undefined;

/** Read once per cold start. */
export function loadCertificateFonts(): CertificateFonts {
  cached ??= {
    regular: new Uint8Array(readFileSync(fontUrl(FILES.regular))),
    bold: new Uint8Array(readFileSync(fontUrl(FILES.bold))),
    teluguRegular: new Uint8Array(readFileSync(fontUrl(FILES.teluguRegular))),
    teluguBold: new Uint8Array(readFileSync(fontUrl(FILES.teluguBold))),
  };
  return cached;
}
