// What the catalog's closed schema (schema.ts) holds it to, and what the code that reads it needs at run time without
// that schema: WhatsApp's limits and the catalog's vocabularies.

/** WhatsApp's limits (UTF-16 code units, as JavaScript's `length`): one element over its limit rejects a message. */
export const LIMITS = {
  rowTitle: 24,
  rowDescription: 72,
  button: 20,
  body: 1024,
  sectionTitle: 24,
  rowId: 200,
  buttonId: 256,
  text: 4096,
} as const;

export const SERVICE_KINDS = [
  'certificate',
  'bill-payment',
  'booking',
  'grievance',
  'status-lookup',
  'application',
] as const;

export const FIELD_TYPES = [
  'name',
  'text',
  'aadhaar',
  'mobile',
  'pincode',
  'date',
  'choice',
  'number',
  'amount',
  /** One of Mitra's own application numbers (`AP-` and 12 characters), e.g. to follow a grievance. */
  'application-number',
  /** A photo or a PDF the citizen sends (a site plan, a medical certificate): kept for the officer, never printed. */
  'attachment',
] as const;

/** What an attachment question takes: a photo (JPEG or PNG) or a PDF document. */
export const ATTACHMENT_KINDS = ['image', 'pdf'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
