import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BundleDataFile } from '../lambdas/core/bundle-data.ts';
import { parseCatalog } from '../lambdas/core/catalog/catalog.ts';
import { catalogData } from '../lambdas/core/catalog/data.ts';
import { strings } from '../lambdas/core/i18n/strings.ts';

// Run by lib/mitra-function.ts while bundling: writes into the folder given the data every bundle reads beside its
// code instead of carrying it as object literals. A catalog its closed schema refuses fails the build here.
const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: tsx tools/bundle-data.ts <folder>');
parseCatalog(catalogData);
const files: Record<BundleDataFile, unknown> = { 'catalog.json': catalogData, 'strings.json': strings };
mkdirSync(dir, { recursive: true });
for (const [file, data] of Object.entries(files)) writeFileSync(join(dir, file), JSON.stringify(data));
