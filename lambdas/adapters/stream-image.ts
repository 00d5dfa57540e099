import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { TableChange } from '#core/events/from-table-change.ts';

/** An item image of a table stream record as plain values; undefined when the record has none. */
export const streamImage = (value: unknown): Record<string, unknown> | undefined =>
  value ? unmarshall(withoutEmptyValues(value as Record<string, AttributeValue>)) : undefined;

/** A table stream record as the change of one item, its images as plain values. */
export const tableChangeOf = (record: DynamoDBRecord): TableChange => ({
  eventName: record.eventName ?? 'INSERT',
  oldImage: streamImage(record.dynamodb?.OldImage),
  newImage: streamImage(record.dynamodb?.NewImage),
});

/**
 * A stream image may carry an attribute value with no type set (seen from DynamoDB Local), which unmarshall refuses;
 * such a value holds nothing, so it is left out rather than failing the whole record again and again.
 */
function withoutEmptyValues(map: Record<string, AttributeValue>): Record<string, AttributeValue> {
  const kept: Record<string, AttributeValue> = {};
  for (const [name, value] of Object.entries(map)) {
    const cleaned = cleanValue(value);
    if (cleaned) kept[name] = cleaned;
  }
  return kept;
}

function cleanValue(value: AttributeValue | undefined): AttributeValue | undefined {
  if (!value || Object.keys(value).length === 0) return undefined;
  if (value.M) return { M: withoutEmptyValues(value.M) };
  if (value.L) return { L: value.L.flatMap((item) => cleanValue(item) ?? []) };
  // Lambda's event is JSON: a binary value arrives as its base64 text.
  if (value.B !== undefined) return { B: bytesOf(value.B) };
  if (value.BS) return { BS: value.BS.map(bytesOf) };
  return value;
}

const bytesOf = (value: Uint8Array | string): Uint8Array =>
  typeof value === 'string' ? new Uint8Array(Buffer.from(value, 'base64')) : value;
