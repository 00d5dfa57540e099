import type { Encumbrance, EncumbranceTransaction, TransactionNature } from '../applications/encumbrance.ts';
import type { Language } from '../catalog/schema.ts';
import { formatRupees } from './amounts.ts';
import { type Bilingual, printedDate } from './printed-values.ts';

/**
 * How many transactions one A4 page prints besides the certifying sentence and the QR code; the rest are counted, and
 * the Sub-Registrar gives the full statement.
 */
export const MAX_PRINTED_TRANSACTIONS = 4;

type Fact = { label: Bilingual; value: Bilingual };

const NATURES: Record<TransactionNature, Bilingual> = {
  sale: { en: 'Sale deed', te: 'విక్రయ దస్తావేజు' },
  mortgage: { en: 'Mortgage', te: 'తనఖా' },
  release: { en: 'Release of mortgage', te: 'తనఖా విడుదల' },
  gift: { en: 'Gift deed', te: 'దాన పత్రం' },
  partition: { en: 'Partition deed', te: 'భాగ పంపక దస్తావేజు' },
  settlement: { en: 'Settlement deed', te: 'సెటిల్‌మెంట్ దస్తావేజు' },
  lease: { en: 'Lease deed', te: 'కౌలు దస్తావేజు' },
  'agreement-of-sale': { en: 'Agreement of sale', te: 'విక్రయ ఒప్పందం' },
};

/** "01-01-1996 to 16-05-2025", "01-01-1996 నుండి 16-05-2025 వరకు". */
function periodText(period: Encumbrance['period'], language: Language): string {
  const from = printedDate(period.from) ?? period.from;
  const to = printedDate(period.to) ?? period.to;
  return language === 'en' ? `${from} to ${to}` : `${from} నుండి ${to} వరకు`;
}

/**
 * One registered document as an encumbrance certificate states it: number/year, date, nature, the parties by name,
 * and the consideration in rupees (Indian grouping) when the document states one.
 */
function transactionText(transaction: EncumbranceTransaction, language: Language): string {
  const { documentNumber, year, registeredOn, nature, executants, claimants, consideration } = transaction;
  const date = printedDate(registeredOn) ?? registeredOn;
  const by = executants.join(', ');
  const to = claimants.join(', ');
  const amount = consideration > 0 ? formatRupees(consideration) : undefined;
  if (language === 'en')
    return `Doc. ${documentNumber}/${year} of ${date}: ${NATURES[nature].en} by ${by} in favour of ${to}${amount ? `; consideration ${amount}` : ''}`;
  return `దస్తావేజు ${documentNumber}/${year}, ${date}: ${by} ద్వారా ${to} పేరిట ${NATURES[nature].te}${amount ? `; ప్రతిఫలం ${amount}` : ''}`;
}

const NIL: Bilingual = {
  en: 'Nil encumbrance: no document was registered on this property in the period',
  te: 'ఋణభారం లేదు (నిల్): ఈ కాలంలో ఈ ఆస్తిపై ఏ దస్తావేజూ నమోదు కాలేదు',
};

/**
 * The facts an encumbrance certificate prints, in English and Telugu: the period searched, then one line per
 * registered transaction (at most MAX_PRINTED_TRANSACTIONS, and how many more the register holds), or nil
 * encumbrance.
 */
export function encumbranceFacts(encumbrance: Encumbrance): Record<string, Fact> {
  const facts: Record<string, Fact> = {
    'period-searched': {
      label: { en: 'Period searched', te: 'పరిశీలించిన కాలం' },
      value: { en: periodText(encumbrance.period, 'en'), te: periodText(encumbrance.period, 'te') },
    },
  };
  const { transactions, total } = encumbrance;
  if (total === 0) {
    facts.encumbrance = { label: { en: 'Encumbrance', te: 'ఋణభారం' }, value: NIL };
    return facts;
  }
  transactions.slice(0, MAX_PRINTED_TRANSACTIONS).forEach((transaction, index) => {
    facts[`transaction-${index + 1}`] = {
      label: { en: `Transaction ${index + 1}`, te: `లావాదేవీ ${index + 1}` },
      value: { en: transactionText(transaction, 'en'), te: transactionText(transaction, 'te') },
    };
  });
  const printed = Math.min(transactions.length, MAX_PRINTED_TRANSACTIONS);
  const more = total - printed;
  if (more > 0)
    facts['more-transactions'] = {
      label: { en: 'Further transactions', te: 'మరిన్ని లావాదేవీలు' },
      value: {
        en: `${more} more registered in the period (${total} in all); the Sub-Registrar gives the full statement`,
        te: `ఈ కాలంలో మరో ${more} నమోదయ్యాయి (మొత్తం ${total}); పూర్తి వివరాలు సబ్ రిజిస్ట్రార్ ఇస్తారు`,
      },
    };
  return facts;
}

/** The transactions as lines of text for the officer's notice, or the nil line. */
export function encumbranceLines(encumbrance: Encumbrance, language: Language): string[] {
  const period = `${language === 'en' ? 'Period searched' : 'పరిశీలించిన కాలం'}: ${periodText(encumbrance.period, language)}`;
  if (encumbrance.total === 0) return [period, NIL[language]];
  const lines = encumbrance.transactions.map((t, i) => `${i + 1}. ${transactionText(t, language)}`);
  const more = encumbrance.total - encumbrance.transactions.length;
  if (more > 0) lines.push(language === 'en' ? `…and ${more} more` : `…మరో ${more}`);
  return [period, ...lines];
}
