import { createHmac } from 'node:crypto';
import * as z from 'zod';

/**
 * The one event schema every domain event leaves the table's stream in (docs/events.md). A new optional column is a
 * minor change within a version; renaming or retyping a column is a new `schema_version`.
 */
export const LAKE_EVENT_VERSION = 1;

const EVENT_TYPES = [
  'message.received',
  'message.sent',
  'message.status',
  'application.submitted',
  'application.changed',
  'sla.breached',
  'payment.captured',
  'document.issued',
  'document.revoked',
  'grievance.rated',
] as const;

/**
 * The columns of the lake's Parquet files, in order, with their Glue (Hive) types. `dt` and `department` are not
 * columns of the files but the partitions of their path (`dt=<yyyy-mm-dd>/department=<id>/`).
 */
export const LAKE_COLUMNS = [
  ['event_id', 'string'],
  ['schema_version', 'int'],
  ['type', 'string'],
  ['occurred_at', 'string'],
  ['citizen', 'string'],
  ['service_id', 'string'],
  ['service_kind', 'string'],
  ['application_id', 'string'],
  ['district', 'string'],
  ['mandal', 'string'],
  ['office', 'string'],
  ['state', 'string'],
  ['previous_state', 'string'],
  ['transition', 'string'],
  ['actor', 'string'],
  ['seconds_since_submitted', 'bigint'],
  ['amount_paise', 'bigint'],
  ['biller', 'string'],
  ['document_type', 'string'],
  ['reason', 'string'],
  ['message_type', 'string'],
  ['delivery_status', 'string'],
  ['error_code', 'int'],
  ['language', 'string'],
  ['rating', 'int'],
] as const;
export const LAKE_PARTITIONS = [
  ['dt', 'string'],
  ['department', 'string'],
] as const;

const text = z.string().min(1).max(200);
const optional = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

/** Closed: a field the lake has no column for is a mistake in the producer, not something to pass through. */
export const LakeEventSchema = z.strictObject({
  event_id: text,
  schema_version: z.literal(LAKE_EVENT_VERSION),
  type: z.enum(EVENT_TYPES),
  occurred_at: z.iso.datetime(),
  dt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  department: z.string().regex(/^[a-z][a-z0-9-]*$/),
  citizen: optional(z.string().regex(/^[0-9a-f]{32}$/, 'a citizen is only ever a token')),
  service_id: optional(text),
  service_kind: optional(text),
  application_id: optional(text),
  district: optional(text),
  mandal: optional(text),
  office: optional(text),
  state: optional(text),
  previous_state: optional(text),
  transition: optional(text),
  actor: optional(z.enum(['citizen', 'workflow', 'officer', 'payment-gateway', 'administrator'])),
  seconds_since_submitted: optional(z.number().int().nonnegative()),
  amount_paise: optional(z.number().int().nonnegative()),
  biller: optional(text),
  document_type: optional(text),
  reason: optional(text),
  message_type: optional(text),
  delivery_status: optional(text),
  error_code: optional(z.number().int()),
  language: optional(z.enum(['en', 'te'])),
  rating: optional(z.number().int().min(1).max(5)),
});
export type LakeEvent = z.infer<typeof LakeEventSchema>;

/**
 * The citizen as the lake knows them: a keyed hash (HMAC-SHA256, 128 bits) of their WhatsApp id, with a key of the
 * lake's own, so counts of distinct citizens work while no one holding the lake can get back to a phone number or
 * join it with the Aadhaar hashes of the operational table.
 */
export function citizenToken(key: string, waId: string): string {
  return createHmac('sha256', key).update(`wa:${waId}`).digest('hex').slice(0, 32);
}

/** The state's working day of an instant: the date in India (UTC+05:30, no daylight saving). */
export function indiaDate(at: Date): string {
  return new Date(at.getTime() + 330 * 60_000).toISOString().slice(0, 10);
}
