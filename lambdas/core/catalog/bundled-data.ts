import { bundleData } from '../bundle-data.ts';

/**
 * The catalog's data in a function's bundle: `#core/catalog/data.ts` under the bundle's `mitra-bundle` condition
 * (package.json#imports). It is data.ts's value, written beside the bundle as catalog.json when the bundle is built
 * (tools/bundle-data.ts), and validated by the same closed schema when the catalog loads.
 */
export const catalogData = bundleData('catalog.json');
