import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { BookingInventory } from '../lambdas/adapters/booking-inventory.ts';
import { createKeyedTable, startDynamoDbLocal } from '../local/dynamodb-local.ts';
import { freePort } from '../local/ports.ts';
import type { Figure } from './results-file.ts';

const BUSES = 10;
const SEATS = Array.from({ length: 40 }, (_, i) => String(i + 1));
const BUYERS = 32;
const SINGLE_WRITES = 200;

/**
 * Seat holds per second on DynamoDB Local under contention: 32 buyers at once, each asking for any free seat of the
 * same bus until its 40 seats are gone (a lost race is tried again on other seats), over 10 buses; beside one plain
 * conditional write at a time, in the same run.
 */
export async function bookingFigures(): Promise<Figure[]> {
  const dynamo = await startDynamoDbLocal(await freePort());
  try {
    const table = 'bench-inventory';
    await createKeyedTable(dynamo.client, table);
    const documents = DynamoDBDocumentClient.from(dynamo.client);
    const inventory = new BookingInventory(table, documents);
    const now = new Date();
    const expiresAt = new Date(now.getTime() + 600_000);
    let holds = 0;
    const contended = await timed(async () => {
      for (let bus = 0; bus < BUSES; bus++) {
        const resourceKey = `apsrtc.bus-ticket#bench-${bus}#2026-12-10#06:00`;
        await Promise.all(
          Array.from({ length: BUYERS }, async (_, buyer) => {
            for (let n = 0; ; n++) {
              const outcome = await inventory.hold(
                { holdId: `b${bus}-${buyer}-${n}`, resourceKey, wanted: { count: 1, of: SEATS }, expiresAt },
                now,
              );
              if (!outcome.held) return;
              holds++;
            }
          }),
        );
      }
    });
    const single = await timed(async () => {
      for (let i = 0; i < SINGLE_WRITES; i++)
        await documents.send(
          new PutCommand({
            TableName: table,
            Item: { pk: `BENCH#${i}`, sk: 'ONE' },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
    });
    const perSecond = holds / (contended / 1000);
    const singlePerSecond = SINGLE_WRITES / (single / 1000);
    return [
      {
        name: 'bookings.holds_per_s',
        value: perSecond,
        unit: 'holds/s',
        baseline: { name: 'one conditional write at a time', value: singlePerSecond },
        ratio: perSecond / singlePerSecond,
      },
    ];
  } finally {
    await dynamo.stop();
  }
}

async function timed(run: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}
