import * as z from 'zod';
import type { Service } from '../catalog/schema.ts';
import { ValidationError } from '../errors.ts';
import { PERIOD_FIELDS, type SearchPeriod, searchPeriodOf } from '../forms/search-period.ts';

/** What a registered document did to the property, as the Sub-Registrar's index of documents records it. */
const TRANSACTION_NATURES = [
  'sale',
  'mortgage',
  'release',
  'gift',
  'partition',
  'settlement',
  'lease',
  'agreement-of-sale',
] as const;
export type TransactionNature = (typeof TRANSACTION_NATURES)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const party = z.string().trim().min(1).max(120);

/** One registered document on the property (docs/department-systems.md, the encumbrance register). */
const EncumbranceTransactionSchema = z.strictObject({
  /** The document number within its year at the Sub-Registrar office, e.g. `1234`. */
  documentNumber: z.string().regex(/^[0-9A-Za-z/-]{1,20}$/),
  year: z.number().int().min(1900).max(2200),
  registeredOn: isoDate,
  nature: z.enum(TRANSACTION_NATURES),
  /** Who executed the document (the seller, the mortgagor, the donor…). */
  executants: z.array(party).min(1).max(10),
  /** In whose favour (the buyer, the mortgagee, the donee…). */
  claimants: z.array(party).min(1).max(10),
  /** Whole rupees; 0 when the document states none (a partition, a release). */
  consideration: z.number().int().nonnegative().max(1e12),
});
export type EncumbranceTransaction = z.infer<typeof EncumbranceTransactionSchema>;

/** The register's answer: every document registered on the property in the period, oldest first or not. */
export const EncumbranceAnswerSchema = z.strictObject({
  transactions: z.array(EncumbranceTransactionSchema).max(1000),
});

/** A search of the encumbrance register: the property and the period. */
export interface EncumbranceQuery {
  district: string;
  village: string;
  surveyNumber: string;
  from: string;
  to: string;
}

/**
 * How many transactions the workflow carries: a document prints fewer, the officer reads them, and the state of an
 * execution stays far below Step Functions' 256 KB.
 */
const MAX_CARRIED_TRANSACTIONS = 50;

/** What the workflow carries from "Look up records" to the document, in `plan.encumbrance`. */
export const EncumbranceSchema = z
  .strictObject({
    period: z.strictObject({ from: isoDate, to: isoDate }),
    /** The first transactions in the period, oldest first. */
    transactions: z.array(EncumbranceTransactionSchema).max(MAX_CARRIED_TRANSACTIONS),
    /** How many the register holds in the period, carried or not. */
    total: z.number().int().nonnegative(),
  })
  .refine((e) => e.total >= e.transactions.length, { message: 'total counts every transaction carried' });
export type Encumbrance = z.infer<typeof EncumbranceSchema>;

/** Whether a service's certificate states the transactions of the encumbrance register: it asks a property and a period. */
export function searchesEncumbrances(service: Service): boolean {
  const ids = new Set(service.fields.map((field) => field.id));
  return ['district', 'village', 'survey-number', PERIOD_FIELDS.from, PERIOD_FIELDS.to].every((id) => ids.has(id));
}

/**
 * The search an application asks for. The form checked the period as it was typed; a period that is no longer
 * valid (an application re-driven much later, or values from elsewhere) is refused here too.
 */
export function encumbranceQuery(values: Record<string, string>, now: Date): EncumbranceQuery {
  const period: SearchPeriod | undefined = searchPeriodOf(values, now);
  const { district, village } = values;
  const surveyNumber = values['survey-number'];
  if (!period || !district || !village || !surveyNumber)
    throw new ValidationError('an encumbrance search needs a district, village, survey number and a valid period');
  return { district, village, surveyNumber, ...period };
}

/** The register's transactions within the period, oldest first (a register may answer more, or in any order). */
export function encumbranceOf(query: EncumbranceQuery, transactions: EncumbranceTransaction[]): Encumbrance {
  const inPeriod = transactions
    .filter((t) => t.registeredOn >= query.from && t.registeredOn <= query.to)
    .sort((a, b) => a.registeredOn.localeCompare(b.registeredOn) || a.documentNumber.localeCompare(b.documentNumber));
  return {
    period: { from: query.from, to: query.to },
    transactions: inPeriod.slice(0, MAX_CARRIED_TRANSACTIONS),
    total: inPeriod.length,
  };
}
