import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BundleDataFile } from '../lambdas/core/bundle-data.ts';
import { checkedCatalog } from '../lambdas/core/catalog/checked.ts';
import { inventories } from '../lambdas/core/catalog/inventories.ts';
import { strings } from '../lambdas/core/i18n/strings.ts';

// Run by lib/mitra-function.ts while bundling: writes into the folder given the data every bundle reads beside its
// code instead of carrying it as object literals. The catalog is written as its closed schema parsed it (defaults filled
// in), and functions read it without the schema (lambdas/core/catalog/bundled-data.ts): a catalog the schema refuses
// fails the build here; the booking inventories likewise (lambdas/core/catalog/bundled-inventories.ts).
const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: tsx tools/bundle-data.ts <folder>');
const files: Record<BundleDataFile, unknown> = {
  'catalog.json': checkedCatalog(),
  'strings.json': strings,
  'inventories.json': [...inventories().values()],
};
mkdirSync(dir, { recursive: true });
for (const [file, data] of Object.entries(files)) writeFileSync(join(dir, file), JSON.stringify(data));
