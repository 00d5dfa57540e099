import { istDate, istTime } from '../applications/dates.ts';
import { LIMITS } from '../catalog/rules.ts';
import type { Field, Language, Service } from '../catalog/schema.ts';
import { maskHolderName } from '../certificate/verification.ts';
import { inert, t } from '../i18n/strings.ts';
import * as z from '../validation.ts';

/** One line of a department system's answer: no line breaks or control characters, which would break the layout. */
const Line = z
  .string()
  .check(z.trim(), z.minLength(1), z.maxLength(300), z.regex(/^[^\p{Cc}]+$/u, 'one line, without control characters'));
const Bilingual = z.strictObject({ en: Line, te: Line });

const FactSchema = z.strictObject({
  label: Bilingual,
  value: Bilingual,
  /** The value is a person's name: Mitra shows it masked, never in full. */
  personName: z.optional(z.boolean()),
});

export const StatusRecordSchema = z.strictObject({
  /** What the record is, e.g. "Adangal / 1-B: survey no. 212/3A, Tadikonda"; never a person's name. */
  title: Bilingual,
  facts: z.array(FactSchema).check(z.minLength(1), z.maxLength(40)),
  /** When the department system last changed the record (ISO 8601 with an offset). */
  updatedAt: z.optional(z.iso.datetime({ offset: true })),
  /** A signed extract of this record can be offered (land records: Adangal / 1-B). */
  extract: z.optional(z.boolean()),
});

/** A department system's answer to a status lookup: the record it holds for the query, or none. */
export const StatusLookupResultSchema = z.discriminatedUnion('found', [
  z.strictObject({ found: z.literal(true), record: StatusRecordSchema }),
  z.strictObject({ found: z.literal(false) }),
]);
export type StatusLookupResult = z.infer<typeof StatusLookupResultSchema>;

export type StatusRecord = z.infer<typeof StatusRecordSchema>;

/** What the conversation can answer: the department's result, its system down, or a lookup refused for privacy. */
export type StatusLookupOutcome = StatusLookupResult | { unavailable: true } | { ownAadhaarOnly: true };

/**
 * Status lookups of Mitra's own application numbers (`AP-` and 12 characters): the caller reads its own table,
 * no department system is asked.
 */
const ANSWERED_FROM_MITRA = new Set(['village-secretariat.grievance-status']);

export function answeredFromMitra(service: Service): boolean {
  return service.kind === 'status-lookup' && ANSWERED_FROM_MITRA.has(service.id);
}

/**
 * Whether the answer offers a signed extract of the record found: the department's system says the record has one
 * (land records: Adangal / 1-B). It is issued as the catalog's document of the lookup service.
 */
export function offersExtract(outcome: StatusLookupOutcome | undefined): boolean {
  return outcome !== undefined && 'found' in outcome && outcome.found && outcome.record.extract === true;
}

/** The query key that stands for an Aadhaar field: registers are asked by UID token, never by Aadhaar number. */
const UID_TOKEN_KEY = 'uidToken';

/** Who proved their identity in this conversation (the session's identity). */
export interface VerifiedIdentity {
  aadhaarHash?: string;
  uidToken?: string;
}

/** Lookups keyed by Aadhaar show a person's own benefits: only after that Aadhaar is confirmed by OTP. */
export function lookupNeedsIdentity(service: Service): boolean {
  return service.fields.some((field) => field.type === 'aadhaar');
}

/** Identifiers that registers compare exactly: written the one way they are printed. */
const CANONICAL: Record<string, (value: string) => string> = {
  'vehicle-number': (value) => value.replace(/[\s-]/g, '').toUpperCase(),
  'survey-number': (value) => value.replace(/\s/g, '').toUpperCase(),
};

/** Registers find records by numbers, districts and dates; they are not told who asks. */
const NOT_SENT: ReadonlySet<Field['type']> = new Set(['name', 'mobile']);

/**
 * The answers the department system needs (field id → value), from the form's answers. Aadhaar fields go as the
 * UID token of the identity confirmed by OTP, and only when the Aadhaar typed is that one: undefined otherwise (the
 * answer is then `{ ownAadhaarOnly: true }`). Names, mobile numbers and anything that is not an answer stay out.
 */
export function lookupQuery(
  service: Service,
  values: Record<string, string>,
  identity: VerifiedIdentity = {},
): Record<string, string> | undefined {
  const query: Record<string, string> = {};
  for (const field of service.fields) {
    const value = values[field.id];
    if (value === undefined || NOT_SENT.has(field.type)) continue;
    if (field.type === 'aadhaar') {
      const typedHash = values[`${field.id}:hash`];
      if (!identity.uidToken || !typedHash || typedHash !== identity.aadhaarHash) return undefined;
      query[UID_TOKEN_KEY] = identity.uidToken;
      continue;
    }
    query[field.id] = CANONICAL[field.id]?.(value) ?? value;
  }
  return query;
}

/**
 * The chat text for a lookup's outcome, in the citizen's language, within WhatsApp's text limit. `values` (the
 * form's answers) lets a "not found" answer repeat what was looked for.
 */
export function lookupAnswer(
  service: Service,
  outcome: StatusLookupOutcome,
  language: Language,
  values?: Record<string, string>,
): string {
  const name = service.name[language];
  if ('unavailable' in outcome) return t('lookupUnavailable', language, { service: name });
  if ('ownAadhaarOnly' in outcome) {
    const typed = service.fields.find((f) => f.type === 'aadhaar');
    return t('lookupOwnAadhaarOnly', language, { service: name, aadhaar: (typed && values?.[typed.id]) ?? '' });
  }
  if (!outcome.found) return notFound(service, language, values);
  return found(outcome.record, language);
}

function found(record: StatusRecord, language: Language): string {
  const title = record.title[language];
  // WhatsApp reads *…* as bold; a title that already holds formatting characters is left as it is.
  const heading = /[*_~`]/.test(title) ? title : `*${title}*`;
  const facts = record.facts.map(
    (fact) =>
      // The department's values are data, never formatting: a masked name's stars must not turn into bold.
      `${fact.label[language]}: ${inert(fact.personName ? maskHolderName(fact.value[language]) : fact.value[language])}`,
  );
  const footer = record.updatedAt
    ? [t('lookupAsOf', language, { date: istDate(record.updatedAt), time: istTime(record.updatedAt) })]
    : [];
  const compose = (shown: number) => {
    const left = facts.length - shown;
    const more = left > 0 ? [t('lookupMoreFacts', language, { count: left })] : [];
    return [heading, ...facts.slice(0, shown), ...more, ...footer].join('\n');
  };
  let shown = facts.length;
  let text = compose(shown);
  while (text.length > LIMITS.text && shown > 0) text = compose(--shown);
  return text;
}

function notFound(service: Service, language: Language, values: Record<string, string> | undefined): string {
  const asked = service.fields.filter((field) => values?.[field.id] !== undefined);
  const check = (asked.length > 0 ? asked : service.fields).map((field) => field.label[language]).join(', ');
  if (!values || asked.length === 0)
    return t('lookupNotFoundPlain', language, { service: service.name[language], check });
  const looked = asked.map((field) => `${field.label[language]} ${shownValue(field, values[field.id]!, language)}`);
  return t('lookupNotFound', language, { service: service.name[language], looked: looked.join(', '), check });
}

/** An answer as the citizen recognises it: the option's label, the date as typed, a name masked. */
function shownValue(field: Field, value: string, language: Language): string {
  switch (field.type) {
    case 'choice':
      return field.options?.find((option) => option.id === value)?.label[language] ?? value;
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value.split('-').reverse().join('-') : value;
    case 'name':
      return maskHolderName(value);
    default:
      return value;
  }
}
