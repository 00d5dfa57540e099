import { istDate } from '../applications/dates.ts';
import type { StatusRecord } from '../fulfilment/status-lookup.ts';
import type { Bilingual } from './printed-values.ts';

type Fact = { label: Bilingual; value: Bilingual };

/**
 * How many of the record's entries one A4 page prints besides the statement and the QR code; the rest are counted,
 * and the office that keeps the record gives it in full.
 */
const MAX_PRINTED_ENTRIES = 12;

/** What a record's label may print as: the record's schema allows more than a document's label line holds. */
const LABEL_LENGTH = 80;

const shortLabel = (label: Bilingual): Bilingual => ({
  en: [...label.en].slice(0, LABEL_LENGTH).join('').trim(),
  te: [...label.te].slice(0, LABEL_LENGTH).join('').trim(),
});

/**
 * The facts a signed extract of a department's record prints, in English and Telugu: which record it is, every entry
 * the department's system holds, in its order and in full (an extract names the pattadar; the chat masks names), and
 * the date the system last changed it.
 */
export function extractFacts(record: StatusRecord): Record<string, Fact> {
  const facts: Record<string, Fact> = {
    record: { label: { en: 'Record', te: 'రికార్డు' }, value: record.title },
  };
  record.facts.slice(0, MAX_PRINTED_ENTRIES).forEach((fact, index) => {
    facts[`entry-${index + 1}`] = { label: shortLabel(fact.label), value: fact.value };
  });
  const more = record.facts.length - MAX_PRINTED_ENTRIES;
  if (more > 0)
    facts['further-entries'] = {
      label: { en: 'Further entries', te: 'మరిన్ని నమోదులు' },
      value: {
        en: `${more} more in the record, given in full by the office that keeps it`,
        te: `రికార్డులో మరో ${more}, దానిని నిర్వహించే కార్యాలయం పూర్తిగా ఇస్తుంది`,
      },
    };
  if (record.updatedAt) {
    const date = istDate(record.updatedAt);
    facts['record-updated'] = {
      label: { en: 'Record last updated', te: 'రికార్డు చివరి మార్పు' },
      value: { en: date, te: date },
    };
  }
  return facts;
}
