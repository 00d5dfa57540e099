import type { LocalHouseholdRecord } from './records/index.ts';

/**
 * The local department records' sample citizens (fictional people, test numbers). Their Aadhaar numbers are made up
 * and pass the Verhoeff check; no real person has them. `household` is what the household records hold for them:
 * an income, caste or residence certificate is issued at once when the application agrees with it.
 */
export const sampleCitizens = [
  {
    name: 'Ravi Kumar Reddy',
    nameTe: 'రవి కుమార్ రెడ్డి',
    aadhaar: '234567890124',
    mobile: '919876543210',
    district: 'Guntur',
    household: { fatherName: 'Venkata Reddy', district: 'guntur', annualIncome: 120000 },
  },
  {
    name: 'Lakshmi Devi Naidu',
    nameTe: 'లక్ష్మీ దేవి నాయుడు',
    aadhaar: '345678901238',
    mobile: '919876543211',
    district: 'Krishna',
    household: { fatherName: 'Suryanarayana Naidu', district: 'krishna', annualIncome: 240000, casteCategory: 'bc-d' },
  },
  {
    name: 'Syed Abdul Rahman',
    nameTe: 'సయ్యద్ అబ్దుల్ రెహమాన్',
    aadhaar: '456789012341',
    mobile: '919876543212',
    district: 'Kurnool',
    household: { fatherName: 'Syed Karim', district: 'kurnool', annualIncome: 90000, casteCategory: 'bc-e' },
  },
] as const;

/** The household records of the sample citizens, as the local records service serves them. */
export const sampleHouseholds: LocalHouseholdRecord[] = sampleCitizens.map((c) => ({
  aadhaar: c.aadhaar,
  name: c.name,
  ...c.household,
}));
