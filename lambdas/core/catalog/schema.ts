import { z } from 'zod';

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

const TELUGU = /[\u0C00-\u0C7F]/;

/** A text in English and Telugu, each within `max`; the Telugu one must be written in Telugu script. */
const bilingual = (max: number) =>
  z.strictObject({
    en: z.string().trim().min(1).max(max),
    te: z.string().trim().min(1).max(max).regex(TELUGU, 'the Telugu text must be in Telugu script'),
  });

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
] as const;

const slug = z.string().regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and hyphens');

export const FieldSchema = z
  .strictObject({
    id: slug,
    type: z.enum(FIELD_TYPES),
    /** Names the answer in the summary and in the list of answers to edit. */
    label: bilingual(LIMITS.rowTitle),
    prompt: bilingual(LIMITS.body - 200),
    /** Choices, shown as list rows (paged when more than fit). */
    options: z
      .array(z.strictObject({ id: slug, label: bilingual(LIMITS.rowTitle) }))
      .min(2)
      .optional(),
    /** `number`: how many digits; `amount`: rupees; `text`: characters. */
    min: z.number().int().nonnegative().optional(),
    max: z.number().int().positive().optional(),
    /** `date`: which dates make sense. */
    when: z.enum(['past', 'future', 'any']).optional(),
  })
  .superRefine((field, ctx) => {
    if ((field.type === 'choice') !== (field.options !== undefined))
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'choice fields, and only they, have options' });
    if (field.options && new Set(field.options.map((o) => o.id)).size !== field.options.length)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'option ids must be unique' });
    if (field.min !== undefined && field.max !== undefined && field.min > field.max)
      ctx.addIssue({ code: 'custom', path: ['min'], message: 'min must not exceed max' });
  });

export const ServiceSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/, 'service ids are <department>.<service>'),
  department: slug,
  kind: z.enum(SERVICE_KINDS),
  /** Also the list row title. */
  name: bilingual(LIMITS.rowTitle),
  /** Also the list row description. */
  description: bilingual(LIMITS.rowDescription),
  /** Words people type for it: English, Telugu and Telugu in Latin letters. */
  synonyms: z.array(z.string().trim().min(2)).min(1),
  fields: z.array(FieldSchema).min(1).max(12),
  /** Fee in rupees (0: free; for bills and donations, the amount asked for). */
  fee: z.number().nonnegative(),
  /** Service level: working days to a decision. */
  slaDays: z.number().int().positive().max(90),
  authority: bilingual(120),
  officerApproval: z.boolean(),
  /** The document it issues: a certificate's document type, or a receipt, ticket or acknowledgement. */
  issues: slug,
});

export const DepartmentSchema = z.strictObject({
  id: slug,
  name: bilingual(LIMITS.rowTitle),
});

export const CatalogSchema = z
  .strictObject({ departments: z.array(DepartmentSchema).min(1), services: z.array(ServiceSchema).min(1) })
  .superRefine((catalog, ctx) => {
    const departments = new Set<string>();
    for (const [index, department] of catalog.departments.entries()) {
      if (departments.has(department.id))
        ctx.addIssue({ code: 'custom', path: ['departments', index, 'id'], message: `duplicate ${department.id}` });
      departments.add(department.id);
    }
    const seen = new Set<string>();
    for (const [index, service] of catalog.services.entries()) {
      if (seen.has(service.id))
        ctx.addIssue({
          code: 'custom',
          path: ['services', index, 'id'],
          message: `duplicate service id ${service.id}`,
        });
      seen.add(service.id);
      if (!departments.has(service.department) || !service.id.startsWith(`${service.department}.`))
        ctx.addIssue({
          code: 'custom',
          path: ['services', index, 'department'],
          message: `unknown department ${service.department}, or an id outside it`,
        });
      const fieldIds = service.fields.map((f) => f.id);
      if (new Set(fieldIds).size !== fieldIds.length)
        ctx.addIssue({ code: 'custom', path: ['services', index, 'fields'], message: 'field ids must be unique' });
    }
    for (const id of departments)
      if (!catalog.services.some((s) => s.department === id))
        ctx.addIssue({ code: 'custom', path: ['departments'], message: `department ${id} has no services` });
  });

export type Catalog = z.infer<typeof CatalogSchema>;
export type Service = Catalog['services'][number];
export type Field = Service['fields'][number];
export type Language = 'en' | 'te';
