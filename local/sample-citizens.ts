import type { LocalHouseholdRecord } from './records/index.ts';

/**
 * The local department records' sample citizens (fictional people, test numbers). Their Aadhaar numbers are made up
 * and pass the Verhoeff check; no real person has them. `household` is what the household records hold for them:
 * an income, caste or residence certificate is issued at once when the application agrees with it.
 *
 * `accounts` are what they can look up in the local department back ends: `number` is what to type for the
 * service's number (reference, vehicle, survey or Aadhaar number, or the district), `answers` the service's other
 * questions, by field id. Typing 503503503 as a number makes the status registers answer as if down.
 *
 * `registers` are certificates the birth, death and training registers confirm (local/back-ends/registers.ts): the
 * service and what to type for each of its questions, by field id. Issued at once when typed so (a name may also be
 * typed in Telugu); any other answer goes to an officer, told what the register holds differently.
 */
export const sampleCitizens = [
  {
    name: 'Ravi Kumar Reddy',
    nameTe: 'రవి కుమార్ రెడ్డి',
    aadhaar: '234567890124',
    mobile: '919876543210',
    district: 'Guntur',
    household: { fatherName: 'Venkata Reddy', fatherNameTe: 'వెంకట రెడ్డి', district: 'guntur', annualIncome: 120000 },
    accounts: [
      { service: 'civil-supplies.ration-card-status', number: '2812045678' },
      { service: 'energy.electricity-bill', number: '1123456789' },
      { service: 'municipal.property-tax', number: '1086001234' },
      { service: 'municipal.vacant-land-tax', number: '1086009876' },
      { service: 'transport.challan-payment', number: 'AP07CD4321' },
      { service: 'water-resources.water-cess', number: '212/3A', answers: { village: 'Tadikonda' } },
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
    registers: [
      {
        service: 'municipal.birth-certificate',
        answers: {
          'child-name': 'Ananya Reddy',
          'date-of-birth': '09-03-2016',
          gender: 'Female',
          'father-name': 'Ravi Kumar Reddy',
          district: 'Guntur',
        },
      },
    ],
  },
  {
    name: 'Lakshmi Devi Naidu',
    nameTe: 'లక్ష్మీ దేవి నాయుడు',
    aadhaar: '345678901238',
    mobile: '919876543211',
    district: 'Krishna',
    household: {
      fatherName: 'Suryanarayana Naidu',
      fatherNameTe: 'సూర్యనారాయణ నాయుడు',
      district: 'krishna',
      annualIncome: 240000,
      casteCategory: 'bc-d',
    },
    accounts: [
      { service: 'social-welfare.pension-status', number: '345678901238' },
      { service: 'energy.electricity-bill', number: '4234567890' },
      { service: 'municipal.water-tax', number: '20045678' },
      { service: 'panchayat-raj.house-tax', number: '204512' },
      { service: 'commercial-taxes.professional-tax', number: '2812345' },
      { service: 'school-education.mother-support-status', number: '345678901238' },
      { service: 'fisheries.ban-period-relief', number: '345678901238' },
      { service: 'higher-education.eapcet-results', number: '2611240587', answers: { 'date-of-birth': '14-05-2008' } },
      { service: 'village-secretariat.scheme-eligibility', number: '345678901238' },
      { service: 'animal-husbandry.vaccination-camp', number: 'Krishna' },
      { service: 'water-resources.reservoir-levels', number: 'Krishna' },
      { service: 'health.blood-availability', number: 'Krishna' },
      { service: 'employment.vacancy-alerts', number: 'Krishna' },
    ],
    registers: [
      {
        service: 'municipal.death-certificate',
        answers: {
          'deceased-name': 'Venkata Ramana Naidu',
          'event-date': '04-11-2023',
          'father-name': 'Appa Rao Naidu',
          district: 'Krishna',
        },
      },
      {
        service: 'skill-development.training-certificate',
        answers: { 'applicant-name': 'Lakshmi Devi Naidu', 'reference-number': '2026045871' },
      },
    ],
  },
  {
    name: 'Syed Abdul Rahman',
    nameTe: 'సయ్యద్ అబ్దుల్ రెహమాన్',
    aadhaar: '456789012341',
    mobile: '919876543212',
    district: 'Kurnool',
    household: {
      fatherName: 'Syed Karim',
      fatherNameTe: 'సయ్యద్ కరీం',
      district: 'kurnool',
      annualIncome: 90000,
      casteCategory: 'bc-e',
    },
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
    registers: [
      {
        service: 'panchayat-raj.birth-certificate',
        answers: { 'child-name': 'Syed Imran', 'date-of-birth': '22-07-2019', gender: 'Male', village: 'Kodumur' },
      },
      {
        service: 'panchayat-raj.death-certificate',
        answers: { 'deceased-name': 'Syed Karim', 'event-date': '14-02-2022', village: 'Kodumur' },
      },
    ],
  },
] as const;

/** The household records of the sample citizens, as the local records service serves them. */
export const sampleHouseholds: LocalHouseholdRecord[] = sampleCitizens.map((c) => ({
  aadhaar: c.aadhaar,
  name: c.name,
  nameTe: c.nameTe,
  ...c.household,
}));
