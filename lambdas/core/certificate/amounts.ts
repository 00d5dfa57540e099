import type { Language } from '../catalog/schema.ts';

/** "₹1,20,000": whole rupees in Indian digit grouping. */
export function formatRupees(rupees: number): string {
  return `₹${groupedRupees(rupees)}`;
}

/** "1,20,000": Indian digit grouping (the last three digits, then pairs), whole rupees, for a label that says ₹. */
export function groupedRupees(rupees: number): string {
  assertWholeRupees(rupees);
  const digits = String(rupees);
  const last = digits.slice(-3);
  const rest = digits.slice(0, -3).replace(/\B(?=(\d{2})+$)/g, ',');
  return rest ? `${rest},${last}` : last;
}

/**
 * A whole number in words as documents write it, in lakhs and crores: 120000 → "One lakh twenty thousand",
 * "ఒక లక్ష ఇరవై వేలు".
 */
export function numberInWords(value: number, language: Language): string {
  assertWholeRupees(value);
  return language === 'en' ? capitalise(english(value)) : telugu(value, 'whole');
}

/** An amount in words with its currency: "One lakh twenty thousand rupees", "ఒక లక్ష ఇరవై వేల రూపాయలు". */
export function rupeesInWords(rupees: number, language: Language): string {
  assertWholeRupees(rupees);
  if (language === 'en') return `${capitalise(english(rupees))} ${rupees === 1 ? 'rupee' : 'rupees'}`;
  return rupees === 1 ? 'ఒక రూపాయి' : `${telugu(rupees, 'before-noun')} రూపాయలు`;
}

function assertWholeRupees(value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a whole amount of rupees: ${value}`);
}

const capitalise = (text: string) => text[0]!.toUpperCase() + text.slice(1);

const EN_ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** Crores, lakhs, thousands and hundreds, as Indian documents count. */
const SCALES = [
  { size: 10_000_000, en: 'crore' },
  { size: 100_000, en: 'lakh' },
  { size: 1000, en: 'thousand' },
  { size: 100, en: 'hundred' },
] as const;

function english(value: number): string {
  if (value < 20) return EN_ONES[value]!;
  if (value < 100) {
    const ones = value % 10;
    return EN_TENS[Math.floor(value / 10)]! + (ones ? `-${EN_ONES[ones]}` : '');
  }
  for (const scale of SCALES) {
    if (value < scale.size) continue;
    const count = Math.floor(value / scale.size);
    const rest = value % scale.size;
    return `${english(count)} ${scale.en}${rest ? ` ${english(rest)}` : ''}`;
  }
  throw new RangeError(`no words for ${value}`);
}

const TE_ONES = [
  'సున్నా',
  'ఒకటి',
  'రెండు',
  'మూడు',
  'నాలుగు',
  'ఐదు',
  'ఆరు',
  'ఏడు',
  'ఎనిమిది',
  'తొమ్మిది',
  'పది',
  'పదకొండు',
  'పన్నెండు',
  'పదమూడు',
  'పద్నాలుగు',
  'పదిహేను',
  'పదహారు',
  'పదిహేడు',
  'పద్దెనిమిది',
  'పందొమ్మిది',
];
const TE_TENS = ['', '', 'ఇరవై', 'ముప్పై', 'నలభై', 'యాభై', 'అరవై', 'డెబ్బై', 'ఎనభై', 'తొంభై'];

/**
 * Telugu counts a unit with the plural when it ends the number ("రెండు వేలు") and the oblique form before what
 * follows ("రెండు వేల ఐదు వందలు", "ఇరవై వేల రూపాయలు"); one hundred is "వంద", or "నూట" before more; one thousand
 * "వెయ్యి"; a count before a unit says one as "ఒక".
 */
const TE_SCALES = [
  { size: 10_000_000, one: 'ఒక కోటి', oneOblique: 'ఒక కోటి', plural: 'కోట్లు', oblique: 'కోట్ల' },
  { size: 100_000, one: 'ఒక లక్ష', oneOblique: 'ఒక లక్ష', plural: 'లక్షలు', oblique: 'లక్షల' },
  { size: 1000, one: 'వెయ్యి', oneOblique: 'వెయ్యి', plural: 'వేలు', oblique: 'వేల' },
  { size: 100, one: 'వంద', oneOblique: 'నూట', plural: 'వందలు', oblique: 'వందల' },
] as const;

type TeluguForm = 'whole' | 'before-noun';

function telugu(value: number, form: TeluguForm): string {
  if (value < 20) return form === 'before-noun' && value === 1 ? 'ఒక' : TE_ONES[value]!;
  if (value < 100) {
    const ones = value % 10;
    return TE_TENS[Math.floor(value / 10)]! + (ones ? ` ${telugu(ones, form)}` : '');
  }
  for (const scale of TE_SCALES) {
    if (value < scale.size) continue;
    const count = Math.floor(value / scale.size);
    const rest = value % scale.size;
    if (rest === 0)
      return count === 1
        ? scale.one
        : `${telugu(count, 'before-noun')} ${form === 'whole' ? scale.plural : scale.oblique}`;
    const unit = count === 1 ? scale.oneOblique : `${telugu(count, 'before-noun')} ${scale.oblique}`;
    return `${unit} ${telugu(rest, form)}`;
  }
  throw new RangeError(`no words for ${value}`);
}
