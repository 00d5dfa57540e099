import { z } from 'zod';

/**
 * An officer registered to act for one department: deciding its applications and revoking its certificates. `id` is
 * what the log and the application record name (an officer number, never a phone number). `department` is the
 * issuer's department exactly as certificates print it.
 */
export const OfficerSchema = z.strictObject({
  id: z.string().regex(/^[A-Z0-9-]{3,40}$/),
  waId: z.string().regex(/^\d{6,20}$/),
  name: z.string().min(1).max(120),
  department: z.string().min(1).max(80),
  role: z.enum([
    'clerk',
    'section-officer',
    'tahsildar',
    'revenue-divisional-officer',
    'district-collector',
    'head-of-department',
  ]),
});
export type Officer = z.infer<typeof OfficerSchema>;

/** Roles that decide applications (and revoke certificates): everyone but a clerk. */
const DECIDING_ROLES: readonly Officer['role'][] = [
  'section-officer',
  'tahsildar',
  'revenue-divisional-officer',
  'district-collector',
  'head-of-department',
];

/** Senior roles: an application past its SLA is escalated to them. */
export const SENIOR_ROLES: readonly Officer['role'][] = [
  'revenue-divisional-officer',
  'district-collector',
  'head-of-department',
];

export type DecisionRight = { allowed: true } | { allowed: false; why: string };

/** Whether this officer may approve or reject an application of `department`: a deciding role in that department. */
export function mayDecide(officer: Officer, department: string): DecisionRight {
  if (!DECIDING_ROLES.includes(officer.role))
    return { allowed: false, why: `a ${officer.role} cannot decide applications` };
  if (officer.department !== department) return { allowed: false, why: `only the ${department} decides this` };
  return { allowed: true };
}

export function mayRevokeAsRole(role: Officer['role']): boolean {
  return DECIDING_ROLES.includes(role);
}
