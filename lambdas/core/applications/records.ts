import { z } from 'zod';
import type { Service } from '../catalog/schema.ts';

/**
 * A household's entry in the state's records (the household survey that revenue certificates draw on), found by
 * the citizen's UID token: the pseudonymous token the Aadhaar authentication returns, never the Aadhaar number.
 */
export const HouseholdRecordSchema = z.strictObject({
  name: z.string().min(1),
  fatherName: z.string().min(1).optional(),
  /** A district option id of the catalog, e.g. `guntur`. */
  district: z.string().min(1).optional(),
  annualIncome: z.number().nonnegative().optional(),
  /** A caste-category option id of the catalog, e.g. `bc-b`. */
  casteCategory: z.string().min(1).optional(),
});
export type HouseholdRecord = z.infer<typeof HouseholdRecordSchema>;

/** An application field the records can confirm, and how a declared value matches the recorded one. */
const CHECKS: Record<
  string,
  { recorded: keyof HouseholdRecord; matches: (declared: string, recorded: string | number) => boolean }
> = {
  'applicant-name': { recorded: 'name', matches: (d, r) => sameName(d, String(r)) },
  'father-name': { recorded: 'fatherName', matches: (d, r) => sameName(d, String(r)) },
  district: { recorded: 'district', matches: (d, r) => d === r },
  'caste-category': { recorded: 'casteCategory', matches: (d, r) => d === r },
  // An income certificate states the income the records hold; a declaration within a tenth of it is the same.
  'annual-income': { recorded: 'annualIncome', matches: (d, r) => Math.abs(Number(d) - Number(r)) <= Number(r) / 10 },
};

export interface RecordCheck {
  /** True when the records hold every checkable field the service asks, and each matched. */
  verified: boolean;
  /** No record was found for the citizen, or none could be asked for. */
  noRecord?: true;
  /** The fields whose declared value the records contradict. */
  mismatches: string[];
}

/**
 * Whether the household records speak to this service: a certificate about the applicant themself (it asks the
 * applicant's name). A birth or death certificate is about someone else, and its facts are not the applicant's
 * household's; the registers that hold them are other records.
 */
export function recordsCanConfirm(service: Service): boolean {
  return service.fields.some((field) => field.id === 'applicant-name');
}

/** Checks the declared values against the household record. */
export function checkAgainstRecords(
  service: Service,
  values: Record<string, string>,
  record: HouseholdRecord | undefined,
): RecordCheck {
  if (!record) return { verified: false, noRecord: true, mismatches: [] };
  const mismatches: string[] = [];
  let checked = 0;
  let unconfirmed = 0;
  for (const field of service.fields) {
    const check = CHECKS[field.id];
    const declared = values[field.id];
    if (!check || declared === undefined) continue;
    const recorded = record[check.recorded];
    // A fact the certificate would state and the records do not hold (a caste category, say) is not confirmed.
    if (recorded === undefined) unconfirmed++;
    else if (!check.matches(declared, recorded)) mismatches.push(field.id);
    else checked++;
  }
  return { verified: checked > 0 && unconfirmed === 0 && mismatches.length === 0, mismatches };
}

/** Names match regardless of case, dots, initials' spacing and repeated spaces. */
function sameName(a: string, b: string): boolean {
  const normal = (name: string) =>
    name
      .normalize('NFC')
      .toLowerCase()
      .replace(/[.\s]+/g, ' ')
      .trim();
  return normal(a) === normal(b);
}
