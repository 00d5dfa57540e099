import { istDate } from '../applications/dates.ts';
import type { Language, Service } from '../catalog/schema.ts';
import { maskHolderName } from '../certificate/verification.ts';
import { latinDigits } from '../forms/digits.ts';
import { inert, t } from '../i18n/strings.ts';
import { formatPaise } from '../payments/amount.ts';
import * as z from '../validation.ts';

/**
 * The biller families behind one HTTP contract (docs/department-systems.md, "Billers"). Each bill-payment service that
 * a biller answers names its family here; the power distribution company is chosen from the consumer number.
 */
export const BILLERS = [
  'apspdcl',
  'apcpdcl',
  'apepdcl',
  'municipal',
  'panchayat',
  'traffic',
  'professional-tax',
  'irrigation',
] as const;
export type Biller = (typeof BILLERS)[number];

/** The service's biller family, or none (a donation or stamp duty: the citizen states the amount). */
const BILLED_SERVICES: Record<string, (values: Record<string, string>) => Biller | undefined> = {
  'energy.electricity-bill': (values) => powerCompany(values['consumer-number'] ?? ''),
  'municipal.property-tax': () => 'municipal',
  'municipal.water-tax': () => 'municipal',
  'municipal.vacant-land-tax': () => 'municipal',
  'panchayat-raj.house-tax': () => 'panchayat',
  'transport.challan-payment': () => 'traffic',
  'commercial-taxes.professional-tax': () => 'professional-tax',
  'water-resources.water-cess': () => 'irrigation',
};

/**
 * The three power distribution companies number their service connections from disjoint ranges: Southern (1–3),
 * Central (4–6), Eastern (7–9) by the first digit.
 */
function powerCompany(consumerNumber: string): Biller | undefined {
  const first = Number(latinDigits(consumerNumber).trim()[0]);
  if (first >= 1 && first <= 3) return 'apspdcl';
  if (first >= 4 && first <= 6) return 'apcpdcl';
  if (first >= 7 && first <= 9) return 'apepdcl';
  return undefined;
}

/** Whether a biller answers this service's bills (fetched in the turn, paid, posted to the biller). */
export function isBilled(service: Service): boolean {
  return BILLED_SERVICES[service.id] !== undefined;
}

export function billerOf(service: Service, values: Record<string, string>): Biller | undefined {
  return BILLED_SERVICES[service.id]?.(values);
}

export const BILLER_NAMES: Record<Biller, { en: string; te: string }> = {
  apspdcl: { en: 'APSPDCL (Southern Power)', te: 'ఏపీఎస్పీడీసీఎల్ (దక్షిణ విద్యుత్)' },
  apcpdcl: { en: 'APCPDCL (Central Power)', te: 'ఏపీసీపీడీసీఎల్ (మధ్య విద్యుత్)' },
  apepdcl: { en: 'APEPDCL (Eastern Power)', te: 'ఏపీఈపీడీసీఎల్ (తూర్పు విద్యుత్)' },
  municipal: { en: 'Municipal corporation', te: 'పురపాలక సంస్థ' },
  panchayat: { en: 'Gram panchayat', te: 'గ్రామ పంచాయతీ' },
  traffic: { en: 'Traffic police (e-challan)', te: 'ట్రాఫిక్ పోలీస్ (ఈ-చలాన్)' },
  'professional-tax': { en: 'Commercial taxes (professional tax)', te: 'వాణిజ్య పన్నులు (వృత్తి పన్ను)' },
  irrigation: { en: 'Water resources (irrigation cess)', te: 'జల వనరులు (నీటి తీరువా)' },
};

const Paise = z.number().check(z.int(), z.nonnegative(), z.lte(100_000_000_00));
const Day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

const BillSchema = z.strictObject({
  /** The biller's id of this bill: what a payment is posted against. */
  billId: z.string().check(z.regex(/^[A-Za-z0-9._-]{1,64}$/)),
  /** As the biller holds it; Mitra shows it masked. */
  consumerName: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
  periodFrom: Day,
  periodTo: Day,
  /** Everything due now, arrears and late fee included. */
  amountPaise: Paise,
  dueDate: Day,
  arrearsPaise: z.optional(Paise),
  lateFeePaise: z.optional(Paise),
  /** A disconnection notice: the supply is cut on this day unless paid, or is cut already. */
  disconnection: z.optional(z.strictObject({ status: z.enum(['notice', 'disconnected']), date: Day })),
});
export type Bill = z.infer<typeof BillSchema>;

/** The biller's answer to a fetch: the current bill for the number, or none. */
export const BillFetchResultSchema = z.discriminatedUnion('found', [
  z.strictObject({ found: z.literal(true), bill: BillSchema }),
  z.strictObject({ found: z.literal(false) }),
]);
export type BillFetchResult = z.infer<typeof BillFetchResultSchema>;

/** What the conversation can answer: the biller's result, or the biller down (or not configured). */
export type BillOutcome = BillFetchResult | { unavailable: true };

/** The biller's answer to a payment posted against a bill; the same idempotency key always answers the same. */
export const BillPostingSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('posted'),
    billerReference: z.string().check(z.minLength(1), z.maxLength(64)),
    postedAt: z.string(),
  }),
  z.strictObject({ status: z.literal('refused'), reason: z.string().check(z.minLength(1), z.maxLength(300)) }),
]);
export type BillPosting = z.infer<typeof BillPostingSchema>;

/** A bill that can be paid now: found, with something due. */
export function payableBill(outcome: BillOutcome | undefined): Bill | undefined {
  return outcome && 'found' in outcome && outcome.found && outcome.bill.amountPaise > 0 ? outcome.bill : undefined;
}

const BILL_NUMBER_FIELDS = new Set([
  'consumer-number',
  'assessment-number',
  'vehicle-number',
  'reference-number',
  'survey-number',
]);

/** The identifier the biller knows the bill by: the service's first answer (consumer, assessment, vehicle number…). */
export function billNumber(service: Service, values: Record<string, string>): string {
  const field = service.fields.find((f) => BILL_NUMBER_FIELDS.has(f.id)) ?? service.fields[0];
  const value = (field && values[field.id]) ?? '';
  return field?.id === 'vehicle-number' || field?.id === 'survey-number'
    ? value.replace(/[\s-]/g, '').toUpperCase()
    : latinDigits(value).trim();
}

/** The chat text for a fetched bill, or the plain answer when there is nothing to pay or nothing to show. */
export function billAnswer(service: Service, outcome: BillOutcome, language: Language, number: string): string {
  const name = service.name[language];
  if ('unavailable' in outcome) return t('billUnavailable', language, { service: name });
  if (!outcome.found) return t('billUnknown', language, { service: name, number: inert(number) });
  const { bill } = outcome;
  const lines = [
    `*${t('billTitle', language, { service: name })}*`,
    `${t('billConsumer', language)}: ${inert(maskHolderName(bill.consumerName))} (${inert(number)})`,
    `${t('billPeriod', language)}: ${istDate(bill.periodFrom)} – ${istDate(bill.periodTo)}`,
    ...(bill.arrearsPaise ? [`${t('billArrears', language)}: ${formatPaise(bill.arrearsPaise)}`] : []),
    ...(bill.lateFeePaise ? [`${t('billLateFee', language)}: ${formatPaise(bill.lateFeePaise)}`] : []),
    `${t('billAmountDue', language)}: *${bill.amountPaise > 0 ? formatPaise(bill.amountPaise) : '₹0'}*`,
    `${t('billDueDate', language)}: ${istDate(bill.dueDate)}`,
  ];
  if (bill.disconnection)
    lines.push(
      t(bill.disconnection.status === 'disconnected' ? 'billDisconnected' : 'billDisconnectionNotice', language, {
        date: istDate(bill.disconnection.date),
      }),
    );
  if (bill.amountPaise === 0) lines.push(t('billNothingDue', language));
  return lines.join('\n');
}
