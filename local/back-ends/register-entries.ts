/** An entry of the local birth or death register, as the Civil Registration System answers it. */
export interface LocalCivilEntry {
  registrationNumber: string;
  name: string;
  nameTe: string;
  /** Date of birth or of death, YYYY-MM-DD. */
  date: string;
  gender: 'female' | 'male' | 'other';
  /** Catalog district option id. */
  district: string;
  place: string;
  placeTe: string;
  fatherName: string;
  fatherNameTe: string;
  motherName?: string;
  motherNameTe?: string;
  registeredOn: string;
}

/** A completed course in the local training records. */
export interface LocalTrainingEntry {
  certificateNumber: string;
  enrolmentNumber: string;
  name: string;
  nameTe: string;
  course: { en: string; te: string };
  completedOn: string;
  district: string;
}

// The registers' entries about the sample citizens' families (local/sample-citizens.ts `registers` lists what to
// type). Fictional people and numbers.

export const births: readonly LocalCivilEntry[] = [
  {
    // Ravi Kumar Reddy's daughter, born in Guntur town.
    registrationNumber: 'B-2016-GNT-004512',
    name: 'Ananya Reddy',
    nameTe: 'అనన్య రెడ్డి',
    date: '2016-03-09',
    gender: 'female',
    district: 'guntur',
    place: 'Guntur',
    placeTe: 'గుంటూరు',
    fatherName: 'Ravi Kumar Reddy',
    fatherNameTe: 'రవి కుమార్ రెడ్డి',
    motherName: 'Padmavathi Reddy',
    motherNameTe: 'పద్మావతి రెడ్డి',
    registeredOn: '2016-03-15',
  },
  {
    // Another birth registered in Guntur that day: a search by date and place finds both.
    registrationNumber: 'B-2016-GNT-004513',
    name: 'Mohammed Sameer',
    nameTe: 'మహమ్మద్ సమీర్',
    date: '2016-03-09',
    gender: 'male',
    district: 'guntur',
    place: 'Guntur',
    placeTe: 'గుంటూరు',
    fatherName: 'Mohammed Rafi',
    fatherNameTe: 'మహమ్మద్ రఫీ',
    registeredOn: '2016-03-16',
  },
  {
    // Syed Abdul Rahman's son, born in Kodumur village.
    registrationNumber: 'B-2019-KNL-018807',
    name: 'Syed Imran',
    nameTe: 'సయ్యద్ ఇమ్రాన్',
    date: '2019-07-22',
    gender: 'male',
    district: 'kurnool',
    place: 'Kodumur',
    placeTe: 'కోడుమూరు',
    fatherName: 'Syed Abdul Rahman',
    fatherNameTe: 'సయ్యద్ అబ్దుల్ రెహమాన్',
    motherName: 'Ayesha Begum',
    motherNameTe: 'ఆయేషా బేగం',
    registeredOn: '2019-07-29',
  },
];

export const deaths: readonly LocalCivilEntry[] = [
  {
    // Lakshmi Devi Naidu's husband, in Machilipatnam (Krishna district).
    registrationNumber: 'D-2023-KRI-009318',
    name: 'Venkata Ramana Naidu',
    nameTe: 'వెంకట రమణ నాయుడు',
    date: '2023-11-04',
    gender: 'male',
    district: 'krishna',
    place: 'Machilipatnam',
    placeTe: 'మచిలీపట్నం',
    fatherName: 'Appa Rao Naidu',
    fatherNameTe: 'అప్పారావు నాయుడు',
    registeredOn: '2023-11-06',
  },
  {
    // Syed Abdul Rahman's father, in Kodumur village.
    registrationNumber: 'D-2022-KNL-002241',
    name: 'Syed Karim',
    nameTe: 'సయ్యద్ కరీం',
    date: '2022-02-14',
    gender: 'male',
    district: 'kurnool',
    place: 'Kodumur',
    placeTe: 'కోడుమూరు',
    fatherName: 'Syed Hussain',
    fatherNameTe: 'సయ్యద్ హుస్సేన్',
    registeredOn: '2022-02-15',
  },
];

export const trainings: readonly LocalTrainingEntry[] = [
  {
    // Lakshmi Devi Naidu's tailoring course.
    certificateNumber: '2026045871',
    enrolmentNumber: '251104872',
    name: 'Lakshmi Devi Naidu',
    nameTe: 'లక్ష్మీ దేవి నాయుడు',
    course: { en: 'Tailoring and garment making (300 hours)', te: 'దర్జీ పని, దుస్తుల తయారీ (300 గంటలు)' },
    completedOn: '2026-03-31',
    district: 'krishna',
  },
];
