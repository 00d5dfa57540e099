import { DISTRICTS } from './catalog/districts.ts';
import type { Catalog, Language } from './catalog/schema.ts';
import { ValidationError } from './errors.ts';
import * as z from './validation.ts';
import { issueLine } from './validation.ts';
import { UserKeySchema } from './whatsapp/user-key.ts';

export const OFFICER_ROLES = [
  'clerk',
  'section-officer',
  'tahsildar',
  'revenue-divisional-officer',
  'district-collector',
  'head-of-department',
] as const;

const catalogId = z
  .string()
  .check(z.regex(/^[a-z][a-z0-9-]*$/, 'a catalog id: lower-case letters, digits and hyphens'));

/**
 * An officer registered to act for one department, in one district or (with no district) for the whole state:
 * deciding its applications and revoking its certificates. `id` is what the log and the application record name (an
 * officer number, never a phone number). `department` is the catalog's department id (`revenue`), `district` the
 * catalog's district option id (`guntur`).
 */
export const OfficerSchema = z.strictObject({
  id: z.string().check(z.regex(/^[A-Z0-9-]{3,40}$/, 'an officer id is 3 to 40 capital letters, digits and hyphens')),
  waId: UserKeySchema,
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
  department: catalogId,
  district: z.optional(catalogId),
  /**
   * For a department that works at mandal level (its grievances go to the mandal's officer): the mandal's name as an
   * id (`tadikonda`; `placeId`). Only with a district.
   */
  mandal: z.optional(catalogId),
  role: z.enum(OFFICER_ROLES),
});
export type Officer = z.infer<typeof OfficerSchema>;
export type OfficerRole = Officer['role'];

/** Where an application is decided: its department and, when the form asked one, its district. */
export interface Jurisdiction {
  department: string;
  district?: string;
}

/** Roles that decide applications (and revoke certificates): everyone but a clerk. */
const DECIDING_ROLES: readonly OfficerRole[] = [
  'section-officer',
  'tahsildar',
  'revenue-divisional-officer',
  'district-collector',
  'head-of-department',
];

/** Senior roles: an application past its SLA is escalated to them. */
export const SENIOR_ROLES: readonly OfficerRole[] = [
  'revenue-divisional-officer',
  'district-collector',
  'head-of-department',
];

export function isDecidingRole(role: OfficerRole): boolean {
  return DECIDING_ROLES.includes(role);
}

/** The application's district, when its form asked one (values['district'] is one of the catalog's options). */
export function districtOf(values: Readonly<Record<string, string>>): string | undefined {
  const district = values['district'];
  return district !== undefined && DISTRICTS.some((d) => d.id === district) ? district : undefined;
}

/**
 * Whether the application falls under this officer: their department and, for a district officer, their district (a
 * state-level officer, with no district, covers every district of the department and applications that name none).
 */
export function coversApplication(officer: Officer, application: Jurisdiction): boolean {
  if (officer.department !== application.department) return false;
  return officer.district === undefined || officer.district === application.district;
}

/** Who applied, as the application records them: the number they wrote from and the identity they proved by OTP. */
export interface Applicant {
  waId: string;
  /** Keyed hash of the Aadhaar number verified by OTP. */
  citizenHash?: string;
  /** The UID token that verification returned. */
  citizenToken?: string;
}

/** The identity proved by Aadhaar OTP from an officer's number, if it ever was. */
export interface ProvenIdentity {
  aadhaarHash?: string;
  uidToken?: string;
}

/**
 * Whether the officer is the applicant: the same number, or (from a second number) the same Aadhaar hash or UID
 * token as the officer once proved from theirs. Officers never decide their own applications.
 */
export function isApplicant(officer: Officer, identity: ProvenIdentity | undefined, applicant: Applicant): boolean {
  if (officer.waId === applicant.waId) return true;
  if (identity?.aadhaarHash && identity.aadhaarHash === applicant.citizenHash) return true;
  return Boolean(identity?.uidToken && identity.uidToken === applicant.citizenToken);
}

export type DecisionRight = { allowed: true } | { allowed: false; why: string };

/**
 * Whether this officer may approve or reject an application of `department` (and `district`, when its form named
 * one): a deciding role, in that department, for that district or for the whole state.
 */
export function mayDecide(officer: Officer, department: string, district?: string): DecisionRight {
  if (!isDecidingRole(officer.role)) return { allowed: false, why: `a ${officer.role} cannot decide applications` };
  if (officer.department !== department) return { allowed: false, why: `only ${department} officers decide this` };
  if (!coversApplication(officer, { department, ...(district ? { district } : {}) }))
    return { allowed: false, why: `a ${officer.district} officer decides only that district's applications` };
  return { allowed: true };
}

/** "Revenue" or "Revenue (Guntur)": a jurisdiction by the catalog's names, in the reader's language. */
export function jurisdictionName(catalog: Catalog, jurisdiction: Jurisdiction, language: Language): string {
  const department =
    catalog.departments.find((d) => d.id === jurisdiction.department)?.name[language] ?? jurisdiction.department;
  const { district } = jurisdiction;
  if (!district) return department;
  const place = DISTRICTS.find((d) => d.id === district)?.label[language] ?? district;
  return `${department} (${place})`;
}

/** A reason an officer writes for others to read (a rejection, a revocation): one line, between 3 and `max` characters. */
export function officerReason(max: number) {
  return z.pipe(
    z.pipe(
      z.string(),
      z.transform((text) => text.normalize('NFC').replace(/\s+/g, ' ').trim()),
    ),
    z
      .string()
      .check(
        z.minLength(3, 'give a reason of at least 3 characters'),
        z.maxLength(max, `keep the reason under ${max} characters`),
      ),
  );
}

/**
 * An officer's registration checked against the closed schema and the catalog: a department that exists and has
 * services, a district among the catalog's districts. Every problem is named, with the ids that would do.
 */
export function parseOfficer(input: unknown, catalog: Catalog): Officer {
  const parsed = OfficerSchema.safeParse(input);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) =>
        issue.path[0] === 'role' ? `role must be one of ${OFFICER_ROLES.join(', ')}` : issueLine(issue, 'officer'),
      );
  if (parsed.success) {
    const { department, district } = parsed.data;
    if (!catalog.departments.some((d) => d.id === department))
      problems.push(`unknown department "${department}"; one of ${catalog.departments.map((d) => d.id).join(', ')}`);
    if (district !== undefined && !DISTRICTS.some((d) => d.id === district))
      problems.push(`unknown district "${district}"; one of ${DISTRICTS.map((d) => d.id).join(', ')}`);
    if (parsed.data.mandal !== undefined && district === undefined)
      problems.push('a mandal officer is registered with the district of their mandal');
  }
  if (!parsed.success || problems.length > 0) throw new ValidationError(problems.join('\n'));
  return parsed.data;
}
