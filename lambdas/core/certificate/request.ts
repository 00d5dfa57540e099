import { istDate } from '../applications/dates.ts';
import { EncumbranceSchema } from '../applications/encumbrance.ts';
import { catalog as shippedCatalog } from '../catalog/catalog.ts';
import type { Catalog } from '../catalog/schema.ts';
import { section80GOf } from '../catalog/temples.ts';
import { ValidationError } from '../errors.ts';
import { PERIOD_FIELDS } from '../forms/search-period.ts';
import { BILLER_NAMES, type Biller } from '../fulfilment/bills.ts';
import { StatusRecordSchema } from '../fulfilment/status-lookup.ts';
import { type StringId, t } from '../i18n/strings.ts';
import { formatPaise, rupeesToPaise } from '../payments/amount.ts';
import * as z from '../validation.ts';
import { issueDateOf } from './claims.ts';
import { DESIGNATIONS, ISSUED_ON_RECORDS } from './designations.ts';
import { type IssuedDocument, issuedDocumentOf } from './document-types.ts';
import { encumbranceFacts } from './encumbrance-facts.ts';
import { extractFacts } from './extract-facts.ts';
import {
  ApplicationIdSchema,
  type CertificateRecordV2,
  CertificateRecordV2Schema,
  HIDDEN_CHARACTERS,
  ServiceIdSchema,
} from './model.ts';
import { type Bilingual, printedValue } from './printed-values.ts';

const personName = z.pipe(z.pipe(z.string(), z.transform(tidy)), z.string().check(z.minLength(1), z.maxLength(200)));
const ROLES = Object.keys(DESIGNATIONS) as [keyof typeof DESIGNATIONS, ...(keyof typeof DESIGNATIONS)[]];

/**
 * The certificate Lambda's input: the workflow's execution state. The outer object is the workflow's and grows
 * (language, waId, …), so unknown keys pass; what this function reads is closed where it is ours.
 */
export const CertificateRequestSchema = z.looseObject({
  applicationId: ApplicationIdSchema,
  serviceId: ServiceIdSchema,
  applicant: z.strictObject({
    /** Empty when the form asks no applicant's name (a birth certificate is the child's): the holder is then the
     * form's first name field. */
    name: z.pipe(z.pipe(z.string(), z.transform(tidy)), z.string().check(z.maxLength(200))),
    nameLatin: z.optional(personName),
    guardianName: z.optional(personName),
  }),
  /** The form's answers by field id; the catalog says which a document prints. */
  values: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
  /**
   * The workflow's plan: whether the household records confirmed every fact the document states, and the registered
   * transactions an encumbrance certificate states, and the department's record a signed extract states.
   */
  plan: z.optional(
    z.looseObject({
      recordCheck: z.optional(z.looseObject({ verified: z.boolean() })),
      encumbrance: z.optional(EncumbranceSchema),
      extract: z.optional(StatusRecordSchema),
    }),
  ),
  /** A bill's payment, as the gateway captured it, and the biller's answer to its posting. */
  payment: z.optional(z.looseObject({ paymentId: z.string(), amount: z.number().check(z.positive()) })),
  posting: z.optional(z.looseObject({ answer: z.looseObject({ billerReference: z.optional(z.string()) }) })),
  /** The deciding officer, when one approved it. */
  decision: z.optional(z.looseObject({ officerName: z.optional(personName), officerRole: z.optional(z.enum(ROLES)) })),
});
export type CertificateRequest = z.infer<typeof CertificateRequestSchema>;

/**
 * The signed record of the document an application gets: everything it prints, in English and Telugu, from the
 * catalog and the application's answers. A pure function of its inputs, so a retry rebuilds the same record.
 */
export function buildCertificateRecord(
  request: CertificateRequest,
  issue: { certId: string; issuedAt: string },
  source: Catalog = shippedCatalog(),
): CertificateRecordV2 {
  const document = issuedDocumentOf(source, request.serviceId);
  const answers = answersOf(request.values);
  const facts: Record<string, { label: Bilingual; value: Bilingual }> = {};
  for (const field of document.service.fields) {
    const raw = answers[field.id];
    if (!field.printed || raw === undefined) continue;
    facts[field.id] = { label: { ...field.label }, value: printedValue(field, cut(raw, 500)) };
  }
  const holderName = request.applicant.name || firstName(document, answers);
  const guardianName = request.applicant.guardianName ?? answers['father-name'];
  const relation = facts.relation?.value;
  const { nameLatin } = request.applicant;
  const statement = fill(document, {
    ...Object.fromEntries(Object.entries(facts).map(([id, fact]) => [id, fact.value])),
    service: document.service.name,
    holder: { en: holderName, te: holderName },
    ...(guardianName ? { guardian: { en: guardianName, te: guardianName } } : {}),
  });
  const encumbrance = request.plan?.encumbrance;
  if (encumbrance) {
    // The statement names the years; the facts state the exact period searched and what the register holds.
    delete facts[PERIOD_FIELDS.from];
    delete facts[PERIOD_FIELDS.to];
    Object.assign(facts, encumbranceFacts(encumbrance));
  }
  const extract = request.plan?.extract;
  if (extract) {
    // An extract states the department's record, which names its own district and village: the answers it was
    // found by are in the statement already and are not printed twice.
    for (const id of Object.keys(facts)) delete facts[id];
    Object.assign(facts, extractFacts(extract));
  }
  const billerReference = request.posting?.answer.billerReference;
  // A booking may be free (a hospital or a registration slot): its ticket states no payment.
  if (billerReference && answers['hold-id'])
    Object.assign(facts, bookingFacts(answers, request.payment, billerReference));
  else if (billerReference && request.payment)
    Object.assign(facts, billFacts(answers, request.payment, billerReference));
  if (document.code === 'donation-receipt') Object.assign(facts, section80GFact(answers.temple));
  const decidedBy = decidedByOf(request);
  return CertificateRecordV2Schema.parse({
    version: 2,
    certId: issue.certId,
    applicationId: request.applicationId,
    serviceId: request.serviceId,
    documentType: document.code,
    title: document.title.en,
    issuedAt: issue.issuedAt,
    holder: {
      name: holderName,
      ...(nameLatin && nameLatin !== holderName ? { nameLatin } : {}),
      ...(guardianName ? { guardianName } : {}),
      ...(relation ? { relation } : {}),
    },
    issuer: { department: document.issuer.department.en, authority: document.issuer.authority.en },
    document: {
      title: { ...document.title },
      issuer: document.issuer,
      statement,
      facts,
      ...(document.validMonths ? { validUntil: validUntil(issue.issuedAt, document.validMonths) } : {}),
      ...(decidedBy ? { decidedBy } : {}),
    },
  });
}

/** What a bill's receipt states besides the number it was paid for: the biller, the period, the amount, both references. */
function billFacts(
  answers: Record<string, string>,
  payment: { paymentId: string; amount: number },
  billerReference: string,
): Record<string, { label: Bilingual; value: Bilingual }> {
  const same = (text: string) => ({ en: text, te: text });
  const biller = BILLER_NAMES[answers.biller as Biller];
  const [from, to] = (answers['bill-period'] ?? '').split('/');
  return {
    ...(biller ? { biller: { label: { en: 'Biller', te: 'బిల్లర్' }, value: { ...biller } } } : {}),
    ...(from && to
      ? {
          'bill-period': {
            label: { en: 'Bill period', te: 'బిల్లు కాలం' },
            value: same(`${istDate(from)} – ${istDate(to)}`),
          },
        }
      : {}),
    ...paymentFacts(payment),
    'biller-reference': { label: { en: 'Biller reference', te: 'బిల్లర్ సూచిక' }, value: same(billerReference) },
  };
}

/**
 * What a ticket states besides the journey's places and date: its PNR, the bus, the seats, each passenger, and the
 * fare paid (none for a free appointment). The QR code signs the PNR, the bus, the seats and the passenger count (key-facts.ts).
 */
function bookingFacts(
  answers: Record<string, string>,
  payment: { paymentId: string; amount: number } | undefined,
  pnr: string,
): Record<string, { label: Bilingual; value: Bilingual }> {
  const same = (text: string) => ({ en: text, te: text });
  const slot = answers['slot-time'];
  const when = `${istDate(answers['travel-date'] ?? '')} ${slot ?? answers.departs ?? ''}`;
  const journey = [answers['service-code'], answers['bus-type'], when].filter(Boolean).join(' · ');
  const fact = (id: StringId, value: string) => ({ label: { en: t(id, 'en'), te: t(id, 'te') }, value: same(value) });
  return {
    pnr: fact('factPnr', pnr),
    journey: fact(slot ? 'factSlot' : 'factJourney', journey),
    ...(answers.seats ? { seats: fact('factSeats', answers.seats) } : {}),
    // Rooms are printed as the form's own answer; a booking of one place states one person.
    ...(answers.rooms ? {} : { 'passenger-count': fact('factPassengerCount', answers.persons ?? '1') }),
    ...(answers.passengers ? { passengers: fact('factPassengers', answers.passengers) } : {}),
    ...(payment ? paymentFacts(payment) : {}),
  };
}

/**
 * Whether a donation qualifies for the deduction under section 80G, from the catalog's data for the temple: with its
 * registration number when it does. Printed and signed like every other fact, in both languages.
 */
function section80GFact(temple: string | undefined): Record<string, { label: Bilingual; value: Bilingual }> {
  const registration = temple ? section80GOf(temple) : undefined;
  const said = (language: 'en' | 'te') =>
    registration ? t('donation80G', language, { registration }) : t('donationNot80G', language);
  return {
    'section-80g': {
      label: { en: t('fact80G', 'en'), te: t('fact80G', 'te') },
      value: { en: said('en'), te: said('te') },
    },
  };
}

/** The amount paid and the gateway's payment id, as a receipt and a ticket state them. */
function paymentFacts(payment: { paymentId: string; amount: number }) {
  const same = (text: string) => ({ en: text, te: text });
  return {
    'amount-paid': {
      label: { en: 'Amount paid', te: 'చెల్లించిన మొత్తం' },
      value: same(formatPaise(rupeesToPaise(payment.amount))),
    },
    'payment-id': { label: { en: 'Payment id', te: 'చెల్లింపు సంఖ్య' }, value: same(payment.paymentId) },
  };
}

/** The answers as printable text; a value that tidies to nothing was not given. */
function answersOf(values: CertificateRequest['values']): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const [id, value] of Object.entries(values ?? {})) {
    const text = tidy(String(value));
    if (text) answers[id] = text;
  }
  return answers;
}

function firstName(document: IssuedDocument, answers: Record<string, string>): string {
  const field = document.service.fields.find((f) => f.type === 'name' && answers[f.id]);
  if (!field) throw new ValidationError(`the application for ${document.service.id} names no one to issue it to`);
  return answers[field.id]!;
}

/** The certifying sentence with its values; the catalog guarantees each exists for the service, the answers may not. */
function fill(document: IssuedDocument, values: Record<string, Bilingual>): Bilingual {
  const inLanguage = (language: 'en' | 'te') =>
    document.body[language].replace(/\{([a-z][a-z0-9-]*)\}/g, (_, name: string) => {
      const value = values[name];
      if (!value) throw new ValidationError(`the application has no answer for ${name}, which its document states`);
      return value[language];
    });
  return { en: inLanguage('en'), te: inLanguage('te') };
}

/** The officer who approved it, or the household records when they confirmed everything and no officer was asked. */
function decidedByOf(request: CertificateRequest) {
  const { decision, plan } = request;
  if (decision?.officerName && decision.officerRole)
    return { by: 'officer' as const, name: decision.officerName, designation: DESIGNATIONS[decision.officerRole] };
  if (!decision && plan?.recordCheck?.verified)
    return { by: 'household-records' as const, statement: ISSUED_ON_RECORDS };
  return undefined;
}

/** The last valid day: the date of issue in India, `months` later, less a day (issued 01-06-2025 → 31-05-2026). */
export function validUntil(issuedAt: string, months: number): string {
  const [year, month, day] = issueDateOf(issuedAt).split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay) - 1);
  return target.toISOString().slice(0, 10);
}

/** NFC, no control or format characters, single spaces: what the record schema accepts. */
function tidy(text: string): string {
  return text.normalize('NFC').replace(HIDDEN_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
}

function cut(text: string, maxLength: number): string {
  const characters = [...text];
  while (characters.join('').length > maxLength) characters.pop();
  return characters.join('').trim();
}
