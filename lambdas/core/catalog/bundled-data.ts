import { bundleData } from '../bundle-data.ts';
import type { Catalog } from './schema.ts';

/**
 * The catalog in a function's bundle: `#core/catalog/checked.ts` under the bundle's `mitra-bundle` condition
 * (package.json#imports). tools/bundle-data.ts wrote it beside the bundle as catalog.json once the closed schema had
 * parsed it (a catalog the schema refuses fails the build), defaults filled in, so it is read as it is.
 */
export function checkedCatalog(): Catalog {
  return bundleData('catalog.json') as Catalog;
}
