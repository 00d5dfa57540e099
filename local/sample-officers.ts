import { type DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Officer } from '../lambdas/core/officers.ts';
import { keys } from '../lambdas/core/table-keys.ts';

/**
 * Officers the embedded runtime registers at start (fictional people, test numbers), so decisions and revocation in
 * the chat can be tried: a tahsildar and a collector (senior: escalations reach them) who decide revenue applications
 * and revoke revenue certificates, a clerk who may do neither, and deciding officers for the other departments whose
 * certificates need an officer.
 */
export const sampleOfficers: readonly Officer[] = [
  {
    id: 'REV-GNT-0042',
    waId: '919000000042',
    name: 'K. Srinivas',
    department: 'Revenue Department',
    role: 'tahsildar',
  },
  {
    id: 'REV-KRI-0007',
    waId: '919000000007',
    name: 'P. Anuradha',
    department: 'Revenue Department',
    role: 'district-collector',
  },
  {
    id: 'REV-GNT-0101',
    waId: '919000000101',
    name: 'M. Ramesh',
    department: 'Revenue Department',
    role: 'clerk',
  },
  {
    id: 'SE-GNT-0201',
    waId: '919000000201',
    name: 'B. Lakshmi',
    department: 'School Education Department',
    role: 'section-officer',
  },
  {
    id: 'SE-APS-0202',
    waId: '919000000202',
    name: 'D. Venkateswarlu',
    department: 'School Education Department',
    role: 'head-of-department',
  },
  {
    id: 'HE-APS-0301',
    waId: '919000000301',
    name: 'S. Madhavi',
    department: 'Higher Education Department',
    role: 'section-officer',
  },
  {
    id: 'REG-GNT-0401',
    waId: '919000000401',
    name: 'T. Prasad',
    department: 'Registration Department',
    role: 'section-officer',
  },
];

/** Writes the officers' registry items, as an administrator does in AWS (README "Officers"); a restart rewrites them. */
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
