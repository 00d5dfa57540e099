import * as z from '../validation.ts';

/** The registers a certificate about someone else (or about a course) is checked against, besides the households. */
const REGISTERS = ['births', 'deaths', 'training'] as const;
export type RegisterName = (typeof REGISTERS)[number];

/**
 * The outcome of a records check, as the workflow carries it in `plan.recordCheck` and an application's wait for an
 * officer keeps it. Built with zod's mini build: the webhook reads it back for the officers' worklist.
 */
export const RecordCheckSchema = z.strictObject({
  /** True when the records hold every checkable fact the service states, and each matched. */
  verified: z.boolean(),
  /** No record was found (or none could be asked for). */
  noRecord: z.optional(z.literal(true)),
  /** The fields whose declared value the records contradict. */
  mismatches: z.array(z.string()),
  /** The register that was asked; absent for the household records. */
  register: z.optional(z.enum(REGISTERS)),
});
export type RecordCheck = z.infer<typeof RecordCheckSchema>;
