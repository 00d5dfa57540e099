import type * as z from '../validation.ts';
import type { SERVICE_KINDS } from './rules.ts';
import type { DepartmentSchema, FieldSchema, ServiceSchema } from './schema.ts';

/** English first, then Telugu. */
export type Pair = readonly [en: string, te: string];
type FieldInput = z.input<typeof FieldSchema>;

export interface ServiceSpec {
  /** The part after `<department>.`; with the department's id it must never change once published. */
  id: string;
  kind: (typeof SERVICE_KINDS)[number];
  name: Pair;
  about: Pair;
  synonyms: string[];
  fields: FieldInput[];
  fee?: number;
  slaDays: number;
  officerApproval?: boolean;
  /** The document type it issues, defined in documents.ts. */
  document: string;
  /** Defaults to the department's authority. */
  authority?: Pair;
}

export interface DepartmentData {
  department: z.input<typeof DepartmentSchema>;
  services: z.input<typeof ServiceSchema>[];
}

const pair = ([en, te]: Pair) => ({ en, te });

/** A department file's content, written compactly; the closed schema checks the result when the catalog loads. */
export function department(id: string, name: Pair, authority: Pair, services: ServiceSpec[]): DepartmentData {
  return {
    department: { id, name: pair(name) },
    services: services.map((s) => ({
      id: `${id}.${s.id}`,
      department: id,
      kind: s.kind,
      name: pair(s.name),
      description: pair(s.about),
      synonyms: s.synonyms,
      fields: s.fields,
      fee: s.fee ?? 0,
      slaDays: s.slaDays,
      authority: pair(s.authority ?? authority),
      officerApproval: s.officerApproval ?? false,
      document: s.document,
    })),
  };
}
