import { ValidationError } from '../errors.ts';
import * as z from '../validation.ts';
import { issueLine } from '../validation.ts';
import { ATTACHMENT_KINDS, FIELD_TYPES, LIMITS, SERVICE_KINDS } from './rules.ts';

const TELUGU = /[\u0C00-\u0C7F]/;

/** A text in English and Telugu, each within `max`; the Telugu one must be written in Telugu script. */
const bilingual = (max: number) =>
  z.strictObject({
    en: z.string().check(z.trim(), z.minLength(1), z.maxLength(max)),
    te: z
      .string()
      .check(z.trim(), z.minLength(1), z.maxLength(max), z.regex(TELUGU, 'the Telugu text must be in Telugu script')),
  });

/** Field types no document ever states: an Aadhaar number may not be printed, a mobile number is contact data. */
const NEVER_PRINTED: readonly (typeof FIELD_TYPES)[number][] = ['aadhaar', 'mobile', 'attachment'];

const slug = z.string().check(z.regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'));

export const FieldSchema = z
  .strictObject({
    id: slug,
    type: z.enum(FIELD_TYPES),
    /** Names the answer in the summary and in the list of answers to edit. */
    label: bilingual(LIMITS.rowTitle),
    prompt: bilingual(LIMITS.body - 200),
    /** Choices, shown as list rows (paged when more than fit). */
    options: z.optional(z.array(z.strictObject({ id: slug, label: bilingual(LIMITS.rowTitle) })).check(z.minLength(2))),
    /** `number`: how many digits; `amount`: rupees; `text`: characters. */
    min: z.optional(z.number().check(z.int(), z.nonnegative())),
    max: z.optional(z.number().check(z.int(), z.positive())),
    /** `date`: which dates make sense. */
    when: z.optional(z.enum(['past', 'future', 'any'])),
    /** `attachment`: what may be sent; a photo or a PDF when absent. */
    accepts: z.optional(z.array(z.enum(ATTACHMENT_KINDS)).check(z.minLength(1))),
    /**
     * Whether the issued document states this answer. Names and the facts a document certifies are printed;
     * identity numbers, contact details and anything secret never are.
     */
    printed: z._default(z.boolean(), false),
  })
  .check(
    z.superRefine((field, ctx) => {
      if (field.printed && NEVER_PRINTED.includes(field.type))
        ctx.addIssue({
          code: 'custom',
          path: ['printed'],
          message: `a ${field.type} field is never printed on a document`,
        });
      if ((field.type === 'choice') !== (field.options !== undefined))
        ctx.addIssue({ code: 'custom', path: ['options'], message: 'choice fields, and only they, have options' });
      if (field.accepts && field.type !== 'attachment')
        ctx.addIssue({ code: 'custom', path: ['accepts'], message: 'only attachment fields say what they accept' });
      if (field.options && new Set(field.options.map((o) => o.id)).size !== field.options.length)
        ctx.addIssue({ code: 'custom', path: ['options'], message: 'option ids must be unique' });
      if (field.min !== undefined && field.max !== undefined && field.min > field.max)
        ctx.addIssue({ code: 'custom', path: ['min'], message: 'min must not exceed max' });
    }),
  );

export const ServiceSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/, 'service ids are <department>.<service>')),
  department: slug,
  kind: z.enum(SERVICE_KINDS),
  /** Also the list row title. */
  name: bilingual(LIMITS.rowTitle),
  /** Also the list row description. */
  description: bilingual(LIMITS.rowDescription),
  /** Words people type for it: English, Telugu and Telugu in Latin letters. */
  synonyms: z.array(z.string().check(z.trim(), z.minLength(2))).check(z.minLength(1)),
  fields: z.array(FieldSchema).check(z.minLength(1), z.maxLength(12)),
  /** Fee in rupees (0: free; for bills and donations, the amount asked for). */
  fee: z.number().check(z.nonnegative()),
  /** Service level: working days to a decision. */
  slaDays: z.number().check(z.int(), z.positive(), z.lte(90)),
  authority: bilingual(120),
  officerApproval: z.boolean(),
  /** The document it issues: a document type of the catalog's `documents` (a certificate, order, receipt, ticket…). */
  document: slug,
});

/**
 * A kind of document the catalog's services issue, defined once: its title, the sentence it certifies (with
 * `{placeholders}` filled from the application), and how long it stays valid.
 */
export const DocumentTypeSchema = z
  .strictObject({
    title: bilingual(80),
    body: bilingual(600),
    /** Months from the date of issue; absent when the document does not lapse. */
    validMonths: z.optional(z.number().check(z.int(), z.positive(), z.lte(240))),
  })
  .check(
    z.superRefine((document, ctx) => {
      const en = new Set(placeholdersOf(document.body.en));
      const te = new Set(placeholdersOf(document.body.te));
      if (en.size !== te.size || [...en].some((name) => !te.has(name)))
        ctx.addIssue({
          code: 'custom',
          path: ['body'],
          message: 'the English and Telugu bodies must name the same values',
        });
    }),
  );

export const DepartmentSchema = z.strictObject({
  id: slug,
  name: bilingual(LIMITS.rowTitle),
});

export const CatalogSchema = z
  .strictObject({
    departments: z.array(DepartmentSchema).check(z.minLength(1)),
    services: z.array(ServiceSchema).check(z.minLength(1)),
    /** By type code: the QR code carries it, so it is short (see certificate/claims.ts). */
    documents: z.record(
      slug.check(z.maxLength(24, 'a document type code is at most 24 characters')),
      DocumentTypeSchema,
    ),
  })
  .check(
    z.superRefine((catalog, ctx) => {
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
        const document = catalog.documents[service.document];
        if (!document) {
          ctx.addIssue({
            code: 'custom',
            path: ['services', index, 'document'],
            message: `document type "${service.document}" is not defined in the catalog's documents`,
          });
          continue;
        }
        for (const problem of bodyProblems(document.body, service))
          ctx.addIssue({ code: 'custom', path: ['services', index, 'document'], message: problem });
      }
      for (const id of departments)
        if (!catalog.services.some((s) => s.department === id))
          ctx.addIssue({ code: 'custom', path: ['departments'], message: `department ${id} has no services` });
    }),
  );

/**
 * What stops a document type's body from reading whole for this service: a placeholder with no value. A body may
 * name `{holder}` (the service asks a name), `{guardian}` (it asks the father's or husband's name), `{service}`, and
 * any printed field of the service by id.
 */
function bodyProblems(body: { en: string; te: string }, service: z.infer<typeof ServiceSchema>): string[] {
  const available = new Set(['service']);
  if (service.fields.some((f) => f.type === 'name')) available.add('holder');
  if (service.fields.some((f) => f.id === 'father-name')) available.add('guardian');
  for (const field of service.fields) if (field.printed) available.add(field.id);
  const problems: string[] = [];
  for (const language of ['en', 'te'] as const)
    for (const name of placeholdersOf(body[language]))
      if (!available.has(name))
        problems.push(
          `the ${language} body of document type "${service.document}" names {${name}}, which ${service.id} does not print`,
        );
  return problems;
}

function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{([a-z][a-z0-9-]*)\}/g)].map((match) => match[1]!);
}

export type Catalog = z.infer<typeof CatalogSchema>;
export type Service = Catalog['services'][number];
export type Field = Service['fields'][number];
export type DocumentType = z.infer<typeof DocumentTypeSchema>;
export type Language = 'en' | 'te';

/** Parses catalog data against the closed schema; a bad file fails with every problem named. */
export function parseCatalog(data: unknown): Catalog {
  const result = CatalogSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => issueLine(issue));
    throw new ValidationError(`the service catalog is invalid:\n${problems.join('\n')}`);
  }
  return result.data;
}
