import { type DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Officer } from '../lambdas/core/officers.ts';
import { keys } from '../lambdas/core/table-keys.ts';

/** A state-level section officer: decides the department's applications of every district. */
const stateLevel = (department: string, id: string, waId: string, name: string): Officer => ({
  id,
  waId,
  name,
  department,
  role: 'section-officer',
});

/**
 * Officers the embedded runtime registers at start (fictional people, test numbers), so that every application that
 * needs an officer can be decided, and revocation tried, in the chat. Revenue: a tahsildar in Guntur, a collector in
 * Krishna (each deciding their own district's applications; the collector is senior, so Krishna's escalations reach
 * her), a clerk who may do neither, and a state-level head of department who decides the other districts' and
 * hears the escalations of Guntur's. Energy has a section officer in Guntur (grievances of that district reach her) and
 * a state-level head of department (escalated and reopened grievances). School education, health and social welfare have a district officer and a
 * state-level one; every other department whose services need an officer has a state-level section officer.
 */
export const sampleOfficers: readonly Officer[] = [
  {
    id: 'REV-GNT-0042',
    waId: '919000000042',
    name: 'K. Srinivas',
    department: 'revenue',
    district: 'guntur',
    role: 'tahsildar',
  },
  {
    id: 'REV-KRI-0007',
    waId: '919000000007',
    name: 'P. Anuradha',
    department: 'revenue',
    district: 'krishna',
    role: 'district-collector',
  },
  {
    id: 'REV-GNT-0101',
    waId: '919000000101',
    name: 'M. Ramesh',
    department: 'revenue',
    district: 'guntur',
    role: 'clerk',
  },
  {
    id: 'REV-APS-0009',
    waId: '919000000009',
    name: 'G. Nageswara Rao',
    department: 'revenue',
    role: 'head-of-department',
  },
  {
    id: 'SE-GNT-0201',
    waId: '919000000201',
    name: 'B. Lakshmi',
    department: 'school-education',
    district: 'guntur',
    role: 'section-officer',
  },
  {
    id: 'SE-APS-0202',
    waId: '919000000202',
    name: 'D. Venkateswarlu',
    department: 'school-education',
    role: 'head-of-department',
  },
  {
    id: 'HLT-KRI-0501',
    waId: '919000000501',
    name: 'R. Swapna',
    department: 'health',
    district: 'krishna',
    role: 'section-officer',
  },
  {
    id: 'HLT-APS-0502',
    waId: '919000000502',
    name: 'V. Chandrasekhar',
    department: 'health',
    role: 'head-of-department',
  },
  {
    id: 'SW-GNT-0511',
    waId: '919000000511',
    name: 'N. Padmavathi',
    department: 'social-welfare',
    district: 'guntur',
    role: 'section-officer',
  },
  stateLevel('social-welfare', 'SW-APS-0512', '919000000512', 'J. Prakash Babu'),
  stateLevel('higher-education', 'HE-APS-0301', '919000000301', 'S. Madhavi'),
  stateLevel('registration', 'REG-GNT-0401', '919000000401', 'T. Prasad'),
  stateLevel('municipal', 'MUN-APS-0601', '919000000601', 'A. Sailaja'),
  {
    id: 'EN-GNT-0631',
    waId: '919000000631',
    name: 'S. Naga Lakshmi',
    department: 'energy',
    district: 'guntur',
    role: 'section-officer',
  },
  stateLevel('energy', 'EN-APS-0602', '919000000602', 'Ch. Ravi Teja'),
  {
    id: 'EN-APS-0632',
    waId: '919000000632',
    name: 'V. Rajasekhar',
    department: 'energy',
    role: 'head-of-department',
  },
  stateLevel('civil-supplies', 'CS-APS-0603', '919000000603', 'L. Bhavani'),
  stateLevel('apsrtc', 'RTC-APS-0604', '919000000604', 'Y. Suresh Kumar'),
  stateLevel('police', 'POL-APS-0605', '919000000605', 'I. Vijaya Durga'),
  stateLevel('transport', 'TR-APS-0606', '919000000606', 'E. Mohan Rao'),
  stateLevel('agriculture', 'AGR-APS-0607', '919000000607', 'U. Satyavathi'),
  stateLevel('panchayat-raj', 'PR-APS-0608', '919000000608', 'O. Kiran Kumar'),
  stateLevel('village-secretariat', 'VS-APS-0609', '919000000609', 'H. Sowjanya'),
  stateLevel('rural-development', 'RD-APS-0610', '919000000610', 'F. Anjaneyulu'),
  stateLevel('housing', 'HSG-APS-0611', '919000000611', 'W. Radhika'),
  stateLevel('women-child', 'WCD-APS-0612', '919000000612', 'Z. Hymavathi'),
  stateLevel('labour', 'LAB-APS-0613', '919000000613', 'Q. Narasimha Murthy'),
  stateLevel('industries', 'IND-APS-0614', '919000000614', 'X. Lalitha Kumari'),
  stateLevel('forest', 'FOR-APS-0615', '919000000615', 'Bh. Srinivasulu'),
  stateLevel('fisheries', 'FIS-APS-0616', '919000000616', 'Sk. Jani Basha'),
  stateLevel('animal-husbandry', 'AH-APS-0617', '919000000617', 'Ch. Sarada Devi'),
  stateLevel('water-resources', 'WR-APS-0618', '919000000618', 'K. Ramakrishna'),
  stateLevel('rwss', 'RWS-APS-0619', '919000000619', 'M. Usha Rani'),
  stateLevel('youth-sports', 'YS-APS-0620', '919000000620', 'P. Harish'),
  stateLevel('minority-welfare', 'MW-APS-0621', '919000000621', 'S. Farida Begum'),
  stateLevel('bc-welfare', 'BC-APS-0622', '919000000622', 'T. Venkata Lakshmi'),
  stateLevel('tribal-welfare', 'TW-APS-0623', '919000000623', 'G. Somaraju'),
  stateLevel('disability-welfare', 'DW-APS-0624', '919000000624', 'N. Annapurna'),
  stateLevel('skill-development', 'SD-APS-0625', '919000000625', 'R. Praveen'),
  stateLevel('employment', 'EMP-APS-0626', '919000000626', 'D. Jyothi'),
  stateLevel('commercial-taxes', 'CT-APS-0627', '919000000627', 'V. Sudhakar'),
  stateLevel('excise', 'EX-APS-0628', '919000000628', 'B. Koteswara Rao'),
  stateLevel('endowments', 'END-APS-0629', '919000000629', 'G. Padmavathi'),
  stateLevel('tourism', 'TOU-APS-0630', '919000000630', 'J. Chandrasekhar'),
];

/** Writes the officers' registry items, as `npm run officers -- add` does; a restart rewrites them. */
export async function registerOfficers(
  client: DynamoDBClient,
  tableName: string,
  officers: readonly Officer[],
): Promise<void> {
  for (const officer of officers) {
    await client.send(
      new PutItemCommand({
        TableName: tableName,
        Item: marshall({ ...keys.officer(officer.waId), kind: 'officer', ...officer }),
      }),
    );
  }
}
