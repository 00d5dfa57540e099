import { readFileSync } from 'node:fs';

/** The JSON files a function's bundle carries beside its code, written from the sources when it is built. */
export type BundleDataFile = 'catalog.json' | 'strings.json' | 'inventories.json';

/** One of the bundle's data files, parsed once at init (tools/bundle-data.ts writes them, lib/mitra-function.ts asks). */
export function bundleData(file: BundleDataFile): unknown {
  return JSON.parse(readFileSync(new URL(`./${file}`, import.meta.url), 'utf8'));
}
