import type { z } from 'zod';
import type { CatalogSchema } from './schema.ts';

const applicantName = {
  id: 'applicant-name',
  type: 'name',
  prompt: {
    en: "Please type the applicant's full name, as it should appear on the certificate.",
    te: 'సర్టిఫికెట్‌పై ఉండవలసిన విధంగా దరఖాస్తుదారుని పూర్తి పేరు టైప్ చేయండి.',
  },
} as const;

const revenueAuthority = { en: 'Tahsildar, Revenue Department', te: 'తహసీల్దార్, రెవెన్యూ శాఖ' };

/** The service catalog's data: departments and the services a citizen can ask for. */
export const catalogData: z.input<typeof CatalogSchema> = {
  departments: [{ id: 'revenue', name: { en: 'Revenue', te: 'రెవెన్యూ' } }],
  services: [
    {
      id: 'revenue.income-certificate',
      department: 'revenue',
      kind: 'certificate',
      name: { en: 'Income certificate', te: 'ఆదాయ ధృవీకరణ పత్రం' },
      description: { en: 'Annual family income, issued by the Tahsildar', te: 'కుటుంబ వార్షిక ఆదాయం, తహసీల్దార్ జారీ' },
      synonyms: ['income', 'aadaya', 'aadayam', 'ఆదాయ'],
      fields: [applicantName],
      fee: 0,
      slaDays: 1,
      authority: revenueAuthority,
      officerApproval: false,
      issues: 'income-certificate',
    },
    {
      id: 'revenue.caste-certificate',
      department: 'revenue',
      kind: 'certificate',
      name: { en: 'Caste certificate', te: 'కుల ధృవీకరణ పత్రం' },
      description: { en: 'Community certificate for education and jobs', te: 'విద్య, ఉద్యోగాల కోసం కుల ధృవీకరణ' },
      synonyms: ['caste', 'community', 'kula', 'కుల'],
      fields: [applicantName],
      fee: 0,
      slaDays: 1,
      authority: revenueAuthority,
      officerApproval: false,
      issues: 'caste-certificate',
    },
    {
      id: 'revenue.residence-certificate',
      department: 'revenue',
      kind: 'certificate',
      name: { en: 'Residence certificate', te: 'నివాస ధృవీకరణ పత్రం' },
      description: { en: 'Proof of residence in the state', te: 'రాష్ట్రంలో నివాస రుజువు' },
      synonyms: ['residence', 'nativity', 'nivasa', 'నివాస'],
      fields: [applicantName],
      fee: 0,
      slaDays: 1,
      authority: revenueAuthority,
      officerApproval: false,
      issues: 'residence-certificate',
    },
  ],
};
