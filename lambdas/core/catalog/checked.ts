import { catalogData } from './data.ts';
import { type Catalog, parseCatalog } from './schema.ts';

/**
 * The catalog from its sources, parsed by its closed schema as it loads: under vitest, tsx and the tools. A function's
 * bundle resolves `#core/catalog/checked.ts` to bundled-data.ts instead (package.json#imports), and carries neither
 * the sources nor the schema.
 */
export function checkedCatalog(): Catalog {
  return parseCatalog(catalogData);
}
