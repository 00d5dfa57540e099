import type { Field, Language, Service } from '../catalog/schema.ts';
import { parseAadhaar } from '../forms/aadhaar.ts';
import { PERIOD_FIELDS, periodProblem } from '../forms/search-period.ts';
import { validateField } from '../forms/validators.ts';
import { ONLY_BY_ALIAS, OPTION_WORDS } from './choices.ts';
import { likeness } from './match-service.ts';
import { MessageText, words } from './message-text.ts';
import { canonicalWord, FILLER_WORDS } from './vocabulary.ts';

/**
 * The answers a message states for a service's questions, each one checked by the question's own validator: a value
 * is only ever a stretch of what was typed (a name, a number, a date, an option named), never a guess. An Aadhaar
 * number is never taken from free text: its question asks for it, which is where its OTP is sent.
 */
export function extractFields(service: Service, typed: string, now: Date, language: Language): Record<string, string> {
  const text = new MessageText(typed);
  const found = new Fields(service, now, language);
  readNumbers(text, found, now);
  readNames(text, found);
  readPlaces(text, found);
  readChoices(text, found);
  readDescription(typed, found);
  // A period of years is checked as a whole, as the form checks it when the years are typed.
  if (periodProblem(found.values, now)) {
    delete found.values[PERIOD_FIELDS.from];
    delete found.values[PERIOD_FIELDS.to];
  }
  return found.values;
}

/** The service's questions as they are filled: a value is kept only when the question's validator accepts it. */
class Fields {
  readonly values: Record<string, string> = {};

  constructor(
    readonly service: Service,
    readonly now: Date,
    readonly language: Language,
  ) {}

  field(id: string): Field | undefined {
    return this.service.fields.find((f) => f.id === id);
  }

  open(field: Field): boolean {
    return this.values[field.id] === undefined;
  }

  /** Fills the field with the text when its validator accepts it; says whether it did. */
  fill(field: Field | undefined, value: string): boolean {
    if (!field || !this.open(field)) return false;
    const result = validateField(field, value, this.now, this.language);
    if (!result.ok || result.aadhaar) return false;
    this.values[field.id] = result.value;
    return true;
  }

  ofType(type: Field['type']): Field[] {
    return this.service.fields.filter((f) => f.type === type && this.open(f));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Numbers: dates, years, vehicle and survey numbers, amounts, head counts, phone and PIN codes, reference numbers.

const MONTHS = [
  ['jan', 'జనవరి'],
  ['feb', 'ఫిబ్రవరి'],
  ['mar', 'మార్చి'],
  ['apr', 'ఏప్రిల్'],
  ['may', 'మే'],
  ['jun', 'జూన్'],
  ['jul', 'జూలై'],
  ['aug', 'ఆగస్టు'],
  ['sep', 'సెప్టెంబర్'],
  ['oct', 'అక్టోబర్'],
  ['nov', 'నవంబర్'],
  ['dec', 'డిసెంబర్'],
] as const;
const MONTH_WORD = `${MONTHS.map(([en]) => `${en}[a-z]*\\.?`).join('|')}|${MONTHS.map(([, te]) => te).join('|')}`;

const RELATIVE_DAYS: [string, number][] = [
  ['day after tomorrow|ellundi|ఎల్లుండి', 2],
  ['tomorrow|tmrw|repu|రేపు', 1],
  ['today|ivala|eeroju|ee roju|ఈరోజు|ఈ రోజు|నేడు', 0],
  ['yesterday|ninna|నిన్న', -1],
];

const IST_OFFSET_MS = 330 * 60_000;

function monthOf(word: string): number {
  return MONTHS.findIndex(([en, te]) => word.startsWith(en) || word === te) + 1;
}

const ddmmyyyy = (day: number, month: number, year: number) =>
  `${String(day).padStart(2, '0')}-${String(month).padStart(2, '0')}-${year}`;

function readDates(text: MessageText, found: Fields, now: Date): void {
  const dates = found.ofType('date');
  if (dates.length === 0) return;
  const india = new Date(now.getTime() + IST_OFFSET_MS);
  const seen: { value: string; start: number; end: number }[] = [];
  const add = (match: RegExpExecArray, value: string) =>
    seen.push({ value, start: match.index, end: match.index + match[0].length });
  for (const m of text.find(/(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?!\d)/g)) {
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    add(m, ddmmyyyy(Number(m[1]), Number(m[2]), year));
  }
  const dayFirst = words(`(\\d{1,2})(?:st|nd|rd|th)?\\s*(${MONTH_WORD})\\s*,?\\s*(\\d{4})?`);
  for (const m of text.find(dayFirst)) add(m, withYear(Number(m[1]), monthOf(m[2]!), m[3], india));
  const monthFirst = words(`(${MONTH_WORD})\\s*(\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s*(\\d{4})?`);
  for (const m of text.find(monthFirst)) add(m, withYear(Number(m[2]), monthOf(m[1]!), m[3], india));
  for (const [pattern, days] of RELATIVE_DAYS)
    for (const m of text.find(words(pattern))) {
      const day = new Date(india.getTime() + days * 86_400_000);
      add(m, ddmmyyyy(day.getUTCDate(), day.getUTCMonth() + 1, day.getUTCFullYear()));
    }
  for (const date of seen.sort((a, b) => a.start - b.start)) {
    if (!text.free(date.start, date.end)) continue;
    // A birth date, a past event and a day to travel are told apart by their validators (past or future).
    const born = /born|dob|birth|puttina|పుట్టిన/.test(text.lower.slice(Math.max(0, date.start - 25), date.start));
    const order = born ? [...dates].sort((a) => (a.id === 'date-of-birth' ? -1 : 1)) : dates;
    if (order.some((field) => found.fill(field, date.value))) text.take(date.start, date.end);
  }
}

/** A day and month typed without a year: this year's, or next year's once this year's has passed (for bookings). */
function withYear(day: number, month: number, year: string | undefined, india: Date): string {
  if (year) return ddmmyyyy(day, month, Number(year));
  const thisYear = india.getUTCFullYear();
  const today = Date.UTC(thisYear, india.getUTCMonth(), india.getUTCDate());
  return ddmmyyyy(day, month, Date.UTC(thisYear, month - 1, day) < today ? thisYear + 1 : thisYear);
}

const MULTIPLIERS: [RegExp, number][] = [
  [/^(crores?|కోట్లు|కోటి)$/, 10_000_000],
  [/^(lakhs?|lacs?|laksha|lakshalu|lakshala|l|లక్షలు|లక్ష|లక్షల)$/, 100_000],
  [/^(thousand|k|velu|vela|వేలు|వేల)$/, 1_000],
];
const AMOUNT_CUE =
  /(?<![a-z])(income|aadayam|adayam|aadaya|ఆదాయం|ఆదాయ|salary|jeetham|amount|donation|viralam|విరాళం|loan|runam|రుణం|pay|fee)(?![a-z])[^\d]{0,15}$/;

function readAmounts(text: MessageText, found: Fields): void {
  const amount = words(
    String.raw`(₹|rs\.?|inr|rupees)?\s*(\d{1,3}(?:,\d{2,3})+|\d+(?:\.\d+)?)\s*(crores?|lakhs?|lacs?|lakshalu|lakshala|laksha|లక్షలు|లక్షల|లక్ష|కోట్లు|కోటి|thousand|velu|vela|వేలు|వేల|k|l)?\s*(₹|rs\.?|rupees|rupayalu|రూపాయలు|/-)?`,
  );
  for (const m of text.find(amount)) {
    const [, before, digits, unit, after] = m;
    const start = m.index + m[0].indexOf(digits!);
    const cued = AMOUNT_CUE.test(text.lower.slice(Math.max(0, start - 30), start));
    if (!(before || unit || after || digits!.includes(',') || cued)) continue;
    if (/^\d{10,}$/.test(digits!)) continue;
    const multiplier = MULTIPLIERS.find(([pattern]) => pattern.test(unit ?? ''))?.[1] ?? 1;
    const value = Math.round(Number(digits!.replace(/,/g, '')) * multiplier);
    if (!Number.isFinite(value)) continue;
    text.take(m.index, m.index + m[0].length);
    const field = found.ofType('amount')[0];
    found.fill(field, String(value));
  }
}

const ENGLISH_COUNTS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
/** Telugu words that say "so many persons" by themselves ("ఇద్దరు", "iddaru"), for 1 to 9. */
const TELUGU_COUNTS = [
  'okkaru|okaru|ఒక్కరు|ఒకరు',
  'iddaru|iddariki|ఇద్దరు|ఇద్దరికి',
  'mugguru|mugguriki|ముగ్గురు|ముగ్గురికి',
  'naluguru|nalugguru|naluguriki|నలుగురు|నలుగురికి',
  'aiduguru|aidhuguru|aiduguriki|ఐదుగురు|ఐదుగురికి',
  'aruguru|ఆరుగురు',
  'eduguru|ఏడుగురు',
  'enimidimandi|ఎనిమిదిమంది',
  'tommidimandi|తొమ్మిదిమంది',
];
const PEOPLE = '(?:people|persons?|members?|adults?|tickets?|mandi|మంది|pax|seats?|of us)';

function readPersons(text: MessageText, found: Fields): void {
  const persons = found.field('persons');
  if (!persons) return;
  const counts: [RegExp, (m: RegExpExecArray) => number][] = [
    [words(`(\\d)\\s*${PEOPLE}`), (m) => Number(m[1])],
    [words(`(${ENGLISH_COUNTS.join('|')})\\s+${PEOPLE}`), (m) => ENGLISH_COUNTS.indexOf(m[1]!) + 1],
    ...TELUGU_COUNTS.map((pattern, i): [RegExp, (m: RegExpExecArray) => number] => [words(pattern), () => i + 1]),
  ];
  for (const [pattern, count] of counts)
    for (const m of text.find(pattern))
      if (found.fill(persons, String(count(m)))) {
        text.take(m.index, m.index + m[0].length);
        return;
      }
}

/** Words that name a number as a consumer, account or reference number, never a phone number. */
const ID_CUE =
  /(?<![a-z])(consumer|service|usc|account|assessment|ref|reference|application|card|hall ?ticket|roll|receipt|pnr|ticket|సర్వీస్|వినియోగదారు)(?![a-z])[^\d]{0,12}$/;
const NUMBER_CUE =
  /(?<![a-z])(consumer|service|usc|sc no|account|assessment|ref|reference|application|card|hall ?ticket|roll|receipt|pnr|number|num|no|nem?bar|నంబర్|నెంబర్|సంఖ్య)(?![a-z])[^\d]{0,12}$/;

/** Consumer, assessment and reference numbers: digits the service asks for, once the other numbers are read. */
function readReferenceNumbers(text: MessageText, found: Fields): void {
  for (const m of text.find(/(?<!\d|\d,)\d{4,20}(?!\d|,\d)/g)) {
    const cued = NUMBER_CUE.test(text.lower.slice(Math.max(0, m.index - 25), m.index));
    if (!cued && /^(19|20)\d{2}$/.test(m[0])) continue;
    const fields = found.ofType('number').filter((f) => f.id !== 'persons' && !f.id.endsWith('-year'));
    if (fields.some((field) => found.fill(field, m[0]))) text.take(m.index, m.index + m[0].length);
  }
}

function readNumbers(text: MessageText, found: Fields, now: Date): void {
  for (const m of text.find(/(?<![a-z\d])([a-z]{2})\s?-?\s?(\d{1,2})\s?-?\s?([a-z]{1,3})\s?-?\s?(\d{3,4})(?![a-z\d])/g))
    if (found.fill(found.field('vehicle-number'), `${m[1]}${m[2]}${m[3]}${m[4]}`.toUpperCase()))
      text.take(m.index, m.index + m[0].length);
  for (const m of text.find(/(?<![a-z\d])ap-?[0-9a-z]{12}(?![a-z\d])/g))
    if (found.fill(found.field('application-number'), m[0])) text.take(m.index, m.index + m[0].length);
  const survey = words(
    String.raw`(?:survey|sy|s\.?\s?no|సర్వే)\s*(?:no\.?|number|nem?bar|నంబర్|నెంబర్)?\s*[:\-]?\s*(\d+[0-9a-z/\-]*)`,
  );
  for (const m of text.find(survey)) {
    const value = text.group(m, 1)!;
    if (found.fill(found.field('survey-number'), value.text.toUpperCase())) text.take(m.index, m.index + m[0].length);
  }
  readDates(text, found, now);
  const years = words(
    String.raw`(?:from\s+)?((?:19|20)\d{2})\s*(?:to|-|–|nundi|nunchi|నుండి|నుంచి|till|until)\s*((?:19|20)\d{2})`,
  );
  for (const m of text.find(years))
    if (found.fill(found.field('from-year'), m[1]!) && found.fill(found.field('to-year'), m[2]!))
      text.take(m.index, m.index + m[0].length);
  // An Aadhaar number is set aside, never filled (see extractFields); a phone number fills the mobile question.
  for (const m of text.find(/(?<!\d)\d{4}\s?\d{4}\s?\d{4}(?!\d)/g))
    if (parseAadhaar(m[0])) text.take(m.index, m.index + m[0].length);
  // A ten-digit number is a phone number where the service asks one or the message says so; else maybe a reference.
  for (const m of text.find(/(?<!\d)(?:\+?91[\s-]?)?([6-9]\d{4}\s?\d{5})(?!\d)/g)) {
    const before = text.lower.slice(Math.max(0, m.index - 20), m.index);
    const said = /(mobile|phone|cell|ph|ఫోన్|మొబైల్)[^\d]{0,12}$/.test(before);
    if (!said && ID_CUE.test(before)) continue;
    if (found.fill(found.field('mobile'), m[1]!) || said) text.take(m.index, m.index + m[0].length);
  }
  readAmounts(text, found);
  readPersons(text, found);
  for (const m of text.find(/(?<!\d)([1-9]\d{2}\s?\d{3})(?!\d)/g))
    if (found.fill(found.field('pincode'), m[1]!)) text.take(m.index, m.index + m[0].length);
  readReferenceNumbers(text, found);
}

// ---------------------------------------------------------------------------------------------------------------
// Names: after the words that introduce them ("na peru", "my father", "నా పేరు"), up to four words.

const DISTRICT_WORDS = new Set(
  Object.values(OPTION_WORDS.district ?? {})
    .flat()
    .concat(['guntur', 'kurnool', 'nellore', 'prakasam', 'chittoor', 'kakinada', 'eluru', 'tirupati', 'bapatla']),
);
const NAME_STOPS = new Set([
  ...'who which that whose marpu maarpu change transfer from to and lo ki ku nundi nunchi income village gramam mandal district jilla father nanna husband s/o d/o w/o age born date dob died expired chanipoyaru chanipoyadu on with for is was in at of the kavali certificate'.split(
    ' ',
  ),
  ...'మా నాన్న తండ్రి భర్త గ్రామం జిల్లా మండలం ఆదాయం పుట్టిన తేదీ చనిపోయారు మరణించారు కావాలి'.split(' '),
]);

function nameWordEnds(word: string): boolean {
  const bare = word.toLowerCase().replace(/[.,;:!?]+$/, '');
  return (
    bare.length === 0 ||
    NAME_STOPS.has(bare) ||
    FILLER_WORDS.has(bare) ||
    DISTRICT_WORDS.has(bare) ||
    canonicalWord(bare) !== bare ||
    !/^[\p{L}\p{M}][\p{L}\p{M}.']*$/u.test(bare)
  );
}

/** Up to four name words from a position: stops at punctuation, a number or a word that is no name. */
function nameAt(text: MessageText, from: number): { value: string; start: number; end: number } | undefined {
  const tail = text.plain.slice(from);
  const parts: string[] = [];
  let end = from;
  for (const m of tail.matchAll(/\S+/g)) {
    const raw = m[0];
    if (parts.length === 4 || nameWordEnds(raw)) break;
    const clean = raw.replace(/[,;:!?]+$/, '').replace(/(?<=\p{L}{2})\.$/u, '');
    parts.push(clean);
    end = from + m.index + raw.length;
    if (clean !== raw) break;
  }
  if (parts.length === 0 || !text.free(from, end)) return undefined;
  const joined = parts.join(' ');
  const value = joined === joined.toLowerCase() ? joined.replace(/(^|\s)\p{Ll}/gu, (c) => c.toUpperCase()) : joined;
  return { value, start: from, end };
}

/** Which name questions each kind of introduction answers, in order of preference. */
const NAME_CUES: [string, string[]][] = [
  [
    "father'?s? name(?: is)?|fathers name(?: is)?|father|husband'?s? name(?: is)?|husband|s/o|d/o|w/o|son of|daughter of|wife of|(?:maa |naa |na )?(?:nanna|naanna|thandri|bharta|bhartha)(?:gari)? peru|(?:maa |naa |na )?(?:nanna|naanna|thandri|bharta|bhartha)|(?:మా |నా )?(?:నాన్న|తండ్రి|భర్త)(?:గారి)? పేరు|(?:మా |నా )?(?:నాన్న|తండ్రి|భర్త)",
    ['father-name'],
  ],
  ['(?:late|deceased|death of|died person|చనిపోయిన|మరణించిన|స్వర్గీయ)', ['deceased-name']],
  [
    "(?:my |maa |naa |na )?(?:son|daughter|child|baby|kid|babu|papa|bidda|abbayi|ammayi|koduku|kuthuru|kooturu)(?:'s)?(?: name)?(?: is)?(?: peru)?|child'?s? name(?: is)?|student name(?: is)?|student|(?:మా |నా )?(?:అబ్బాయి|అమ్మాయి|బాబు|పాప|బిడ్డ|కొడుకు|కూతురు)(?: పేరు)?|విద్యార్థి(?: పేరు)?",
    ['child-name', 'student-name', 'deceased-name'],
  ],
  [
    'my name is|my name|name is|name|i am|this is|naa peru|na peru|naperu|naa pery|నా పేరు|నాపేరు|నేను',
    ['applicant-name', 'student-name'],
  ],
];

/** "My father Venkata Rao died": on a death's form, the relative named is the one who died. */
const DEATH = /died|expired|passed away|chanipoy|చనిపోయ|మరణించ|death|marana|మరణ/;
const RELATIVE_WHO_DIED =
  '(?:my |maa |naa |na |మా |నా )?(?:father|mother|husband|wife|grandfather|grandmother|brother|nanna|naanna|amma|thatha|ammamma|nainamma|bharta|nannagaru|నాన్న|అమ్మ|తాత|భర్త|భార్య|అన్న|నాన్నగారు)';

function readNames(text: MessageText, found: Fields): void {
  const cues: [string, string[]][] =
    found.field('deceased-name') && DEATH.test(text.lower)
      ? [[`${RELATIVE_WHO_DIED}(?:'s)?(?: name)?(?: is)?(?: peru| పేరు)?`, ['deceased-name']], ...NAME_CUES]
      : NAME_CUES;
  for (const [cue, ids] of cues) {
    const field = ids.map((id) => found.field(id)).find((f) => f && f.type === 'name' && found.open(f));
    if (!field) continue;
    for (const m of text.find(words(`(?:${cue})\\s*[:\\-]?`))) {
      const start = m.index + m[0].length;
      const name = nameAt(text, start + (text.plain.slice(start).length - text.plain.slice(start).trimStart().length));
      if (name && found.fill(field, name.value)) {
        text.take(name.start, name.end);
        break;
      }
    }
  }
  // "Ravi Kumar died", "రామారావు చనిపోయారు": the name before the words that say so.
  const deceased = found.field('deceased-name');
  if (deceased && found.open(deceased))
    for (const m of text.find(
      /((?:\p{Lu}[\p{L}.]*\s+){0,3}\p{Lu}[\p{L}.]*|(?:[\u0C00-\u0C7F]+\s+){0,2}[\u0C00-\u0C7F]+)\s+(?:died|expired|passed away|chanipoyaru|chanipoyadu|చనిపోయారు|మరణించారు)/gu,
    ))
      if (found.fill(deceased, m[1]!.trim())) text.take(m.index, m.index + m[0].length);
}

// ---------------------------------------------------------------------------------------------------------------
// Places: from and to, the village and the mandal.

const PLACE = String.raw`([\p{L}][\p{L}\p{M}.]*)`;

function placeValue(word: string): string | undefined {
  const bare = word
    .replace(/[.,]+$/, '')
    .replace(/(కి|కు|వరకు)$/, '')
    .trim();
  const lower = bare.toLowerCase();
  if (bare.length < 2 || FILLER_WORDS.has(lower) || NAME_STOPS.has(lower) || canonicalWord(lower) !== lower)
    return undefined;
  return bare === lower && /^[a-z]/.test(bare) ? bare[0]!.toUpperCase() + bare.slice(1) : bare;
}

function readPlaces(text: MessageText, found: Fields): void {
  const from = found.field('from-place');
  const to = found.field('to-place');
  if (from && to) {
    const routes = [
      `from\\s+${PLACE}\\s+to\\s+${PLACE}`,
      `${PLACE}\\s+(?:nundi|nunchi|నుండి|నుంచి)\\s+${PLACE}`,
      `${PLACE}\\s+to\\s+${PLACE}`,
    ];
    for (const route of routes)
      for (const m of text.find(words(route))) {
        const a = placeValue(text.group(m, 1)!.text);
        const b = placeValue(text.group(m, 2)!.text);
        if (a && b && found.fill(from, a) && found.fill(to, b)) {
          text.take(m.index, m.index + m[0].length);
          break;
        }
      }
  } else if (from) {
    for (const m of text.find(words(`(?:from\\s+${PLACE})|(?:${PLACE}\\s+(?:nundi|nunchi|నుండి|నుంచి))`))) {
      const place = placeValue((text.group(m, 1) ?? text.group(m, 2))!.text);
      if (place && found.fill(from, place)) text.take(m.index, m.index + m[0].length);
    }
  }
  const places: [string | undefined, string][] = [
    [
      found.field('village')?.id,
      `${PLACE}\\s+(?:village|gramam|grama|గ్రామం|గ్రామము)|(?:village|gramam)\\s*[:\\-]?\\s*${PLACE}`,
    ],
    [found.field('mandal')?.id, `${PLACE}\\s+(?:mandal|mandalam|మండలం)|mandal\\s*[:\\-]?\\s*${PLACE}`],
  ];
  for (const [id, pattern] of places) {
    if (!id) continue;
    for (const m of text.find(words(pattern))) {
      const place = placeValue((text.group(m, 1) ?? text.group(m, 2))!.text);
      if (place && found.fill(found.field(id), place)) text.take(m.index, m.index + m[0].length);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Choices: an option named by its label, in either language, or by another word people use for it.

function readChoices(text: MessageText, found: Fields): void {
  const tokens = [...text.lower.matchAll(/[\p{L}\p{M}]+/gu)];
  for (const field of found.ofType('choice')) {
    const hits: { option: string; start: number; end: number }[] = [];
    for (const option of field.options ?? []) {
      const names = [
        ...(ONLY_BY_ALIAS.has(field.id) ? [] : [option.id.replace(/-/g, ' '), option.label.en.toLowerCase()]),
        option.label.te,
        ...(OPTION_WORDS[field.id]?.[option.id] ?? []),
      ];
      for (const name of names) {
        const escaped = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
        // A Telugu name may carry a case ending ("గుంటూరులో"); a Latin one may be misspelt by a letter.
        const suffix = /[\u0C00-\u0C7F]/.test(name) ? '[\\u0C00-\\u0C7F]{0,4}' : '';
        for (const m of text.find(words(`${escaped}${suffix}`)))
          hits.push({ option: option.id, start: m.index, end: m.index + m[0].length });
        if (/^[a-z]{6,}$/.test(name))
          for (const token of tokens)
            if (likeness(token[0], name) >= 0.75 && text.free(token.index, token.index + token[0].length))
              hits.push({ option: option.id, start: token.index, end: token.index + token[0].length });
      }
    }
    const longest = Math.max(0, ...hits.map((h) => h.end - h.start));
    const best = hits.filter((h) => h.end - h.start === longest);
    // Two options named equally: the message does not say which.
    if (best.length === 0 || new Set(best.map((h) => h.option)).size > 1) continue;
    if (found.fill(field, best[0]!.option)) for (const hit of best) text.take(hit.start, hit.end);
  }
}

/** A grievance's complaint is what the citizen wrote, when they wrote more than the service's name. */
function readDescription(typed: string, found: Fields): void {
  const complaint = found.field('complaint');
  if (complaint && typed.trim().split(/\s+/).length >= 5) found.fill(complaint, typed);
}
