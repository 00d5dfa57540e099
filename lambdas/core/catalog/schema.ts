import { z } from 'zod';

const bilingual = z.strictObject({ en: z.string().min(1), te: z.string().min(1) });

export const SERVICE_KINDS = [
  'certificate',
  'bill-payment',
  'booking',
  'grievance',
  'status-lookup',
  'application',
] as const;

export const FieldSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  type: z.enum(['name', 'text', 'aadhaar', 'mobile', 'pincode', 'date', 'choice']),
  prompt: bilingual,
  options: z.array(z.strictObject({ id: z.string().regex(/^[a-z0-9-]+$/), label: bilingual })).optional(),
});

export const ServiceSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/, 'service ids are <department>.<service>'),
  department: z.string(),
  kind: z.enum(SERVICE_KINDS),
  name: bilingual,
  description: bilingual,
  synonyms: z.array(z.string()).default([]),
  fields: z.array(FieldSchema).min(1),
  /** Fee in rupees. */
  fee: z.number().nonnegative(),
  /** Service level: working days to a decision. */
  slaDays: z.number().int().positive(),
  authority: bilingual,
  officerApproval: z.boolean(),
  /** The document type a certificate service issues, e.g. `income-certificate`. */
  issues: z.string().optional(),
});

export const DepartmentSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: bilingual,
});

export const CatalogSchema = z
  .strictObject({ departments: z.array(DepartmentSchema).min(1), services: z.array(ServiceSchema).min(1) })
  .superRefine((catalog, ctx) => {
    const departments = new Set(catalog.departments.map((d) => d.id));
    const seen = new Set<string>();
    for (const [index, service] of catalog.services.entries()) {
      if (seen.has(service.id))
        ctx.addIssue({
          code: 'custom',
          path: ['services', index, 'id'],
          message: `duplicate service id ${service.id}`,
        });
      seen.add(service.id);
      if (!departments.has(service.department)) {
        ctx.addIssue({
          code: 'custom',
          path: ['services', index, 'department'],
          message: `unknown department ${service.department}`,
        });
      }
      if (service.kind === 'certificate' && !service.issues) {
        ctx.addIssue({
          code: 'custom',
          path: ['services', index, 'issues'],
          message: 'a certificate service names the document it issues',
        });
      }
    }
  });

export type Catalog = z.infer<typeof CatalogSchema>;
export type Service = Catalog['services'][number];
export type Department = Catalog['departments'][number];
export type Field = Service['fields'][number];
export type Language = 'en' | 'te';
