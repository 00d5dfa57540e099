import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveCounters as Counters } from '#adapters/live-counters.ts';
import type { LakeEvent } from '#core/events/lake-event.ts';
import type { LocalDynamoDb } from '../../local/dynamodb-local.ts';
import { startInventoryTable } from '../support/inventory-table.ts';

// The live dashboard counts a stream batch's events together, on DynamoDB Local: each event once, however often the
// stream hands the batch over.

const TABLE = 'live-counters';
let dynamo: LocalDynamoDb;
let counters: Counters;

beforeAll(async () => {
  // A table of the state table's keys, whatever it holds.
  dynamo = await startInventoryTable(TABLE);
  const { LiveCounters } = await import('#adapters/live-counters.ts');
  counters = new LiveCounters(TABLE);
}, 60_000);
afterAll(async () => {
  await dynamo?.stop();
});

const DAY = '2026-12-05';
const at = new Date(`${DAY}T06:30:00.000Z`);
const received = (n: number): LakeEvent => ({
  event_id: `message-in:wamid.${n}`,
  schema_version: 1,
  type: 'message.received',
  occurred_at: at.toISOString(),
  dt: DAY,
  department: 'channel',
});
const sent = (n: number): LakeEvent => ({
  ...received(n),
  event_id: `message-out:citizen-token-1:wamid.${n}#00:sent`,
  type: 'message.sent',
  delivery_status: 'sent',
});

describe('live counters', () => {
  it('counts a batch of 150 messages and their answers once, and nothing again when the batch comes back', async () => {
    const batch = Array.from({ length: 150 }, (_, n) => [received(n), sent(n)]).flat();
    await counters.countAll(batch, at);
    expect(await counters.day(DAY)).toMatchObject({ 'messages-in': 150, 'messages-out': 150, 'hour#12': 150 });

    // The stream hands the batch over again with one more message, and the same event twice.
    await counters.countAll([...batch, received(150), received(150)], at);
    expect(await counters.day(DAY)).toMatchObject({ 'messages-in': 151, 'messages-out': 150, 'hour#12': 151 });
  });

  it('finishes a batch whose first attempt stopped after its first run, counting the rest once', async () => {
    const day = '2026-12-06';
    const on = (event: LakeEvent): LakeEvent => ({
      ...event,
      event_id: `${event.event_id}@${day}`,
      dt: day,
      occurred_at: `${day}T06:30:00.000Z`,
    });
    const batch = Array.from({ length: 200 }, (_, n) => [on(received(n)), on(sent(n))]).flat();
    // The first attempt counted its first run of 300 events, then the function stopped.
    await counters.countAll(batch.slice(0, 300), at);
    expect(await counters.day(day)).toMatchObject({ 'messages-in': 150, 'messages-out': 150 });
    // The stream hands the batch over again from its first record, with one more message behind it.
    await counters.countAll([...batch, on(received(200))], at);
    expect(await counters.day(day)).toMatchObject({ 'messages-in': 201, 'messages-out': 200, 'hour#12': 201 });
  });
});
