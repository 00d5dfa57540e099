import { bundleData } from '../bundle-data.ts';

/**
 * The inventories in a function's bundle: `#core/catalog/inventory-data.ts` under the bundle's `mitra-bundle`
 * condition (package.json#imports). tools/bundle-data.ts wrote them beside the bundle as inventories.json once the
 * inventory schema had parsed them (a bad inventory fails the build).
 */
export function inventoryData(): unknown[] {
  return bundleData('inventories.json') as unknown[];
}
