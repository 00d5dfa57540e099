import { type DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Officer } from '../lambdas/core/certificate/revocation.ts';
import { keys } from '../lambdas/core/table-keys.ts';

/**
 * Officers the embedded runtime registers at start (fictional people, test numbers), so revocation in the chat can
 * be tried: a tahsildar and a collector who may revoke revenue certificates, and a clerk who may not.
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
