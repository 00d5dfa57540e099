import * as z from 'zod';
import type { Service } from '../catalog/schema.ts';
import { compareName, compareValue, type FactOutcome, verdictOf } from './fact-matching.ts';
import type { RecordCheck } from './record-check.ts';

/**
 * A household's entry in the state's records (the household survey that revenue certificates draw on), found by
 * the citizen's UID token: the pseudonymous token the Aadhaar authentication returns, never the Aadhaar number.
 */
export const HouseholdRecordSchema = z.strictObject({
  name: z.string().min(1),
  /** The name in Telugu script, where the records hold it: a name typed in Telugu is compared with this one. */
  nameTe: z.string().min(1).optional(),
  fatherName: z.string().min(1).optional(),
  fatherNameTe: z.string().min(1).optional(),
  /** A district option id of the catalog, e.g. `guntur`. */
  district: z.string().min(1).optional(),
  annualIncome: z.number().nonnegative().optional(),
  /** A caste-category option id of the catalog, e.g. `bc-b`. */
  casteCategory: z.string().min(1).optional(),
});
export type HouseholdRecord = z.infer<typeof HouseholdRecordSchema>;

/** An application field the household records can confirm, and how its declared value compares with the record. */
const CHECKS: Partial<Record<string, (declared: string, record: HouseholdRecord) => FactOutcome>> = {
  'applicant-name': (d, r) => compareName(d, r.name, r.nameTe),
  'father-name': (d, r) => compareName(d, r.fatherName, r.fatherNameTe),
  district: (d, r) => compareValue(d, r.district),
  'caste-category': (d, r) => compareValue(d, r.casteCategory),
  // An income certificate states the income the records hold; a declaration within a tenth of it is the same.
  'annual-income': (d, r) =>
    r.annualIncome === undefined
      ? 'unrecorded'
      : Math.abs(Number(d) - r.annualIncome) <= r.annualIncome / 10
        ? 'match'
        : 'mismatch',
};

/**
 * Whether the household records speak to this service: a certificate about the applicant themself (it asks the
 * applicant's name). A birth or death certificate is about someone else, and its facts are not the applicant's
 * household's; the registers that hold them are other records (register-checks.ts).
 */
export function recordsCanConfirm(service: Service): boolean {
  return service.fields.some((field) => field.id === 'applicant-name');
}

/**
 * Checks the declared values against the household record. A fact the certificate would state and the records do not
 * hold (a caste category, or a name typed in Telugu where the records have it in English only) is not confirmed.
 */
export function checkAgainstRecords(
  service: Service,
  values: Record<string, string>,
  record: HouseholdRecord | undefined,
): RecordCheck {
  if (!record) return { verified: false, noRecord: true, mismatches: [] };
  const outcomes = service.fields.flatMap((field) => {
    const check = CHECKS[field.id];
    const declared = values[field.id];
    return check && declared !== undefined ? [[field.id, check(declared, record)] as const] : [];
  });
  return verdictOf(outcomes);
}
