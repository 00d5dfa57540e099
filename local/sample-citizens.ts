import type { LocalHouseholdRecord } from './records/index.ts';

/**
 * The local department records' sample citizens (fictional people, test numbers). Their Aadhaar numbers are made up
 * and pass the Verhoeff check; no real person has them. `household` is what the household records hold for them:
 * an income, caste or residence certificate is issued at once when the application agrees with it.
 *
 * `accounts` are what they can look up in the local department back ends: `number` is what to type for the
 * service's number (reference, vehicle, survey or Aadhaar number, or the district), `answers` the service's other
 * questions, by field id. Typing 503503503 as a number makes the status registers answer as if down.
 */
export const sampleCitizens = [
  {
    name: 'Ravi Kumar Reddy',
    nameTe: 'రవి కుమార్ రెడ్డి',
    aadhaar: '234567890124',
    mobile: '919876543210',
    district: 'Guntur',
    household: { fatherName: 'Venkata Reddy', district: 'guntur', annualIncome: 120000 },
    accounts: [
      { service: 'civil-supplies.ration-card-status', number: '2812045678' },
      { service: 'agriculture.farmer-support-status', number: '234567890124' },
      { service: 'revenue.land-records', number: '212/3A', answers: { district: 'Guntur', village: 'Tadikonda' } },
      { service: 'revenue.land-records', number: '87/1B', answers: { district: 'Guntur', village: 'Tadikonda' } },
      { service: 'registration.market-value', number: '212/3A', answers: { district: 'Guntur', village: 'Tadikonda' } },
      { service: 'rural-development.wage-status', number: '1415012004010123' },
      { service: 'transport.vehicle-registration-status', number: 'AP07CD4321' },
      { service: 'police.fir-status', number: '0412202600245', answers: { district: 'Guntur' } },
      { service: 'village-secretariat.scheme-eligibility', number: '234567890124' },
      { service: 'health.blood-availability', number: 'Guntur' },
      { service: 'water-resources.reservoir-levels', number: 'Guntur' },
      { service: 'animal-husbandry.vaccination-camp', number: 'Guntur' },
      { service: 'employment.vacancy-alerts', number: 'Guntur' },
    ],
  },
  {
    name: 'Lakshmi Devi Naidu',
    nameTe: 'లక్ష్మీ దేవి నాయుడు',
    aadhaar: '345678901238',
    mobile: '919876543211',
    district: 'Krishna',
    household: { fatherName: 'Suryanarayana Naidu', district: 'krishna', annualIncome: 240000, casteCategory: 'bc-d' },
    accounts: [
      { service: 'social-welfare.pension-status', number: '345678901238' },
      { service: 'school-education.mother-support-status', number: '345678901238' },
      { service: 'fisheries.ban-period-relief', number: '345678901238' },
      { service: 'higher-education.eapcet-results', number: '2611240587', answers: { 'date-of-birth': '14-05-2008' } },
      { service: 'village-secretariat.scheme-eligibility', number: '345678901238' },
      { service: 'animal-husbandry.vaccination-camp', number: 'Krishna' },
      { service: 'water-resources.reservoir-levels', number: 'Krishna' },
      { service: 'health.blood-availability', number: 'Krishna' },
      { service: 'employment.vacancy-alerts', number: 'Krishna' },
    ],
  },
  {
    name: 'Syed Abdul Rahman',
    nameTe: 'సయ్యద్ అబ్దుల్ రెహమాన్',
    aadhaar: '456789012341',
    mobile: '919876543212',
    district: 'Kurnool',
    household: { fatherName: 'Syed Karim', district: 'kurnool', annualIncome: 90000, casteCategory: 'bc-e' },
    accounts: [
      { service: 'minority-welfare.imam-muezzin-honorarium', number: '456789012341' },
      { service: 'civil-supplies.ration-card-status', number: '2813067214' },
      { service: 'commercial-taxes.gst-status', number: '370926001234' },
      { service: 'industries.single-window-status', number: '2026110456' },
      { service: 'apsrtc.parcel-tracking', number: '110226004517' },
      { service: 'youth-sports.sports-quota-status', number: '26004412' },
      { service: 'housing.housing-status', number: '2813150123' },
      { service: 'village-secretariat.scheme-eligibility', number: '456789012341' },
      { service: 'employment.vacancy-alerts', number: 'Kurnool' },
      { service: 'water-resources.reservoir-levels', number: 'Kurnool' },
      { service: 'health.blood-availability', number: 'Kurnool' },
      { service: 'animal-husbandry.vaccination-camp', number: 'Kurnool' },
    ],
  },
] as const;

/** The household records of the sample citizens, as the local records service serves them. */
export const sampleHouseholds: LocalHouseholdRecord[] = sampleCitizens.map((c) => ({
  aadhaar: c.aadhaar,
  name: c.name,
  ...c.household,
}));
