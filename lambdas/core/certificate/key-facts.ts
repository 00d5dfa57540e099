import type { CertificateRecord } from './model.ts';

/**
 * The facts a QR code signs besides who and what: the ones a forger would change on a printout (an income, a social
 * category, an amount paid, the seats booked). Each has a one-byte tag in the QR code, fixed forever: printed codes
 * outlive every release, so tags are only ever added. A verifier shows them with these labels.
 */
export const KEY_FACTS = [
  { tag: 1, id: 'annual-income', kind: 'amount', label: { en: 'Annual income', te: 'వార్షిక ఆదాయం' } },
  { tag: 2, id: 'caste-category', kind: 'text', label: { en: 'Category', te: 'వర్గం' } },
  /** Any other amount the document states (a receipt's amount paid, a ticket's fare): the first one. */
  { tag: 3, id: 'amount', kind: 'amount', label: { en: 'Amount', te: 'మొత్తం' } },
  { tag: 4, id: 'seats', kind: 'text', label: { en: 'Seats', te: 'సీట్లు' } },
  /** A ticket's PNR, its bus (service, type, date and time) and how many travel on it. */
  { tag: 5, id: 'pnr', kind: 'text', label: { en: 'PNR', te: 'పీఎన్ఆర్' } },
  { tag: 6, id: 'journey', kind: 'text', label: { en: 'Bus or slot', te: 'బస్సు లేదా సమయం' } },
  { tag: 7, id: 'passengers', kind: 'amount', label: { en: 'Passengers', te: 'ప్రయాణికులు' } },
] as const;

export type KeyFactId = (typeof KEY_FACTS)[number]['id'];
export type KeyFacts = Partial<Record<KeyFactId, number | string>>;

/** Field ids that state a booking's seats, however a service names them. */
const SEAT_FIELDS = new Set(['seats', 'seat-numbers', 'berths']);

/**
 * The key facts a record states, from its printed facts: amounts as whole rupees (from "₹1,20,000 (…)"), texts in
 * English as printed. A function of the record alone, so an auditor recomputes them from the archived record.
 */
export function keyFactsOf(record: CertificateRecord): KeyFacts {
  if (record.version !== 2) return {};
  const facts: KeyFacts = {};
  for (const [id, fact] of Object.entries(record.document.facts)) {
    const amount = rupeesOf(fact.value.en);
    if (id === 'annual-income' && amount !== undefined) facts['annual-income'] = amount;
    else if (id === 'caste-category') facts['caste-category'] = fact.value.en;
    else if (SEAT_FIELDS.has(id)) facts.seats ??= fact.value.en;
    else if (id === 'pnr' || id === 'journey') facts[id] = fact.value.en;
    else if (id === 'passenger-count' && /^\d+$/.test(fact.value.en)) facts.passengers = Number(fact.value.en);
    else if (amount !== undefined) facts.amount ??= amount;
  }
  return facts;
}

/** "₹1,20,000 (One lakh twenty thousand rupees)" → 120000; undefined for anything that is not an amount. */
function rupeesOf(text: string): number | undefined {
  const figures = /^₹([\d,]+)(?:\s|$)/.exec(text)?.[1];
  if (!figures || !/^\d{1,3}(,\d{2})*(,\d{3})?$|^\d+$/.test(figures)) return undefined;
  const rupees = Number(figures.replaceAll(',', ''));
  return Number.isSafeInteger(rupees) ? rupees : undefined;
}
