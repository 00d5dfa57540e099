import { z } from 'zod';

/** Why a certificate is revoked, as the verify page and the log show it: short, printable, no line breaks. */
export const RevocationReasonSchema = z
  .string()
  .transform((text) => text.normalize('NFC').replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(3, 'give a reason of at least 3 characters').max(200, 'keep the reason under 200 characters'));

/**
 * An officer registered to act on certificates of one department. `id` is what the log records as the revoker (an
 * officer number, never a phone number).
 */
export const OfficerSchema = z.strictObject({
  id: z.string().regex(/^[A-Z0-9-]{3,40}$/),
  waId: z.string().regex(/^\d{6,20}$/),
  name: z.string().min(1).max(120),
  department: z.string().min(1).max(80),
  role: z.enum(['tahsildar', 'revenue-divisional-officer', 'district-collector', 'clerk']),
});
export type Officer = z.infer<typeof OfficerSchema>;

/** Roles that may revoke; a clerk may look certificates up but not revoke them. */
const REVOKING_ROLES: readonly Officer['role'][] = ['tahsildar', 'revenue-divisional-officer', 'district-collector'];

export type RevocationDecision = { allowed: true; revokedBy: string } | { allowed: false; why: string };

/** Whether this officer may revoke a certificate issued by `issuer`: a revoking role in the issuing department. */
export function mayRevoke(officer: Officer, issuer: { department: string }): RevocationDecision {
  if (!REVOKING_ROLES.includes(officer.role))
    return { allowed: false, why: `a ${officer.role} cannot revoke certificates` };
  if (officer.department !== issuer.department) {
    return { allowed: false, why: `only the ${issuer.department} can revoke this certificate` };
  }
  return { allowed: true, revokedBy: `officer:${officer.id}` };
}
