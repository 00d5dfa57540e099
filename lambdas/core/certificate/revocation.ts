import { z } from 'zod';
import { mayRevokeAsRole, type Officer } from '../officers.ts';
import { officerDepartmentOf } from './officer-department.ts';

/** Why a certificate is revoked, as the verify page and the log show it: short, printable, no line breaks. */
export const RevocationReasonSchema = z
  .string()
  .transform((text) => text.normalize('NFC').replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(3, 'give a reason of at least 3 characters').max(200, 'keep the reason under 200 characters'));

export type RevocationDecision = { allowed: true; revokedBy: string } | { allowed: false; why: string };

/**
 * Whether this officer may revoke a certificate of this service: a revoking role in the department of the service
 * (never decided by the department name printed on the certificate, which is text, not an authorisation key).
 */
export function mayRevoke(officer: Officer, certificate: { serviceId: string }): RevocationDecision {
  // The roles that decide applications; a clerk may look certificates up but not revoke them.
  if (!mayRevokeAsRole(officer.role)) return { allowed: false, why: `a ${officer.role} cannot revoke certificates` };
  const department = officerDepartmentOf(certificate.serviceId);
  if (officer.department !== department) {
    return { allowed: false, why: `only the ${department} can revoke this certificate` };
  }
  return { allowed: true, revokedBy: `officer:${officer.id}` };
}
