import { catalogData } from '#core/catalog/data.ts';
import { ValidationError } from '../errors.ts';
import { issueLine } from '../validation.ts';
import { type Catalog, CatalogSchema } from './schema.ts';

/** Parses catalog data against the closed schema; a bad file fails with every problem named. */
export function parseCatalog(data: unknown): Catalog {
  const result = CatalogSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => issueLine(issue));
    throw new ValidationError(`the service catalog is invalid:\n${problems.join('\n')}`);
  }
  return result.data;
}

let loaded: Catalog | undefined;

/** The catalog shipped with the code, validated once. */
export function catalog(): Catalog {
  loaded ??= parseCatalog(catalogData);
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
