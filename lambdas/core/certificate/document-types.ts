/** What a certificate service issues: the document type code, the printed title and who issues it. */
export interface DocumentType {
  documentType: string;
  title: string;
  department: string;
  authority: string;
}

const REVENUE = { department: 'Revenue Department', authority: 'Tahsildar' };

const KNOWN: Readonly<Record<string, DocumentType>> = {
  'revenue.income-certificate': { documentType: 'income-certificate', title: 'Income Certificate', ...REVENUE },
  'revenue.caste-certificate': { documentType: 'caste-certificate', title: 'Caste Certificate', ...REVENUE },
  'revenue.residence-certificate': {
    documentType: 'residence-certificate',
    title: 'Residence Certificate',
    ...REVENUE,
  },
};

/**
 * Any service can issue a certificate (the catalog grows faster than this table): an unknown `dept.some-thing`
 * issues a "Some Thing" from the "Dept Department", signed by the competent authority.
 */
export function documentTypeFor(serviceId: string): DocumentType {
  const known = KNOWN[serviceId];
  if (known) return known;
  const [department = serviceId, service = serviceId] = serviceId.split('.');
  return {
    documentType: service.slice(0, 24).replace(/-+$/, ''),
    title: titleCase(service),
    department: `${titleCase(department)} Department`,
    authority: 'Competent Authority',
  };
}

function titleCase(code: string): string {
  return code
    .split('-')
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}
