import { isDecidingRole, type Officer, officerReason } from '../officers.ts';

/** Why a certificate is revoked, as the verify page and the log show it: short, printable, no line breaks. */
export const RevocationReasonSchema = officerReason(200);

/**
 * Why a certificate is revoked, as the public sees it: one of these codes, shown in both languages. Whatever else an
 * officer writes is a note kept with the certificate for the department, never in the log or on the verify page.
 */
const REVOCATION_REASONS = {
  'issued-in-error': { en: 'Issued in error', te: 'పొరపాటున జారీ చేయబడింది' },
  'false-information': { en: 'Issued on false information', te: 'తప్పుడు సమాచారంతో జారీ చేయబడింది' },
  superseded: { en: 'Replaced by a corrected certificate', te: 'సవరించిన ధృవీకరణ పత్రంతో భర్తీ చేయబడింది' },
  'facts-changed': { en: 'The facts it certifies have changed', te: 'ఇది ధృవీకరించిన వివరాలు మారాయి' },
  'holder-request': { en: "Withdrawn at the holder's request", te: 'పత్రదారుని అభ్యర్థనపై ఉపసంహరించబడింది' },
  'order-of-authority': {
    en: 'Cancelled by order of a court or authority',
    te: 'న్యాయస్థానం లేదా అధికారి ఉత్తర్వుతో రద్దు చేయబడింది',
  },
} as const;
export type RevocationCode = keyof typeof REVOCATION_REASONS;
const CODES = Object.keys(REVOCATION_REASONS) as RevocationCode[];

/** What reasons revoked before the codes were shown as: their free text was never meant for the public. */
const UNLISTED_REASON = { en: 'Revoked by the issuing department', te: 'జారీ చేసిన శాఖ రద్దు చేసింది' };

/**
 * Reads a reason as typed by an officer or given to `npm run revoke`: a code (or its number in the list, 1–6) first,
 * then an optional note (`false-information: forged salary slip`). Text without a code is a note on an error in
 * issuing, the commonest reason.
 */
export function revocationOf(text: string): { code: RevocationCode; note?: string } {
  const trimmed = text.trim();
  const first = /^(\d+|[A-Za-z]+(?:-[A-Za-z]+)*)(?=$|[\s:;,.)])/.exec(trimmed)?.[1] ?? '';
  const byNumber = /^\d+$/.test(first) ? CODES[Number(first) - 1] : undefined;
  const code = byNumber ?? CODES.find((c) => c === first.toLowerCase());
  if (!code) return { code: 'issued-in-error', note: trimmed };
  const note = trimmed.slice(first.length).replace(/^[\s:;,.)-]+/, '');
  return note ? { code, note } : { code };
}

/** The public reason in both languages, for a code or a reason recorded before codes. */
export function revocationReasonText(reason: string): { code?: RevocationCode; en: string; te: string } {
  const code = CODES.find((c) => c === reason);
  return code ? { code, ...REVOCATION_REASONS[code] } : { ...UNLISTED_REASON };
}

/** The list as `npm run revoke -- --help` and the officer's help show it. */
export function revocationCodeList(): string {
  return CODES.map((code, i) => `${i + 1}. ${code}: ${REVOCATION_REASONS[code].en}`).join('\n');
}

export type RevocationDecision = { allowed: true; revokedBy: string } | { allowed: false; why: string };

/**
 * Whether this officer may revoke a certificate of `serviceId`: a revoking role in the department that issued it (the
 * catalog id before the dot of `<department>.<service>`), whatever their district.
 */
export function mayRevoke(officer: Officer, certificate: { serviceId: string }): RevocationDecision {
  // The roles that decide applications; a clerk may look certificates up but not revoke them.
  if (!isDecidingRole(officer.role)) return { allowed: false, why: `a ${officer.role} cannot revoke certificates` };
  const department = certificate.serviceId.split('.')[0];
  if (officer.department !== department)
    return { allowed: false, why: `only an officer of ${department} can revoke this certificate` };
  return { allowed: true, revokedBy: `officer:${officer.id}` };
}
