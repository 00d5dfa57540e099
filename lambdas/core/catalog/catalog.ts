import { checkedCatalog } from '#core/catalog/checked.ts';
import type { Catalog } from './schema.ts';

let loaded: Catalog | undefined;

/** The catalog shipped with the code, validated against its closed schema (when the bundle was built, in a function). */
export function catalog(): Catalog {
  loaded ??= checkedCatalog();
  return loaded;
}

/** The public view served at GET /catalog (CONTRACT.md). */
export function publicCatalog(source: Catalog) {
  return {
    departments: source.departments.map(({ id, name }) => ({ id, name })),
    services: source.services.map(({ id, department, kind, name, fee, slaDays }) => ({
      id,
      department,
      kind,
      name,
      fee,
      sla: { days: slaDays },
    })),
  };
}
