import type { Catalog, DocumentType, Service } from '../catalog/schema.ts';
import { ValidationError } from '../errors.ts';
import type { Bilingual } from './printed-values.ts';

/** What a service issues, all of it from the catalog: the document type and its issuer, in both languages. */
export interface IssuedDocument extends DocumentType {
  /** The type code, e.g. `income-certificate`: the QR code carries it. */
  code: string;
  service: Service;
  issuer: { department: Bilingual; authority: Bilingual };
}

/** The document a service issues. A service the catalog does not have issues nothing: that is a caller's error. */
export function issuedDocumentOf(catalog: Catalog, serviceId: string): IssuedDocument {
  const service = catalog.services.find((s) => s.id === serviceId);
  if (!service) throw new ValidationError(`service ${serviceId} is not in the catalog`);
  const department = catalog.departments.find((d) => d.id === service.department);
  const type = catalog.documents[service.document];
  // The catalog's schema guarantees both; a catalog built around it would fail here rather than print a guess.
  if (!department || !type) throw new ValidationError(`the catalog does not define what ${serviceId} issues`);
  return {
    ...type,
    code: service.document,
    service,
    issuer: { department: { ...department.name }, authority: { ...service.authority } },
  };
}
