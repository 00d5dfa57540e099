import type { StringId } from '../i18n/strings.ts';

/** The form fields that ask a period of years to search (an encumbrance certificate's). */
export const PERIOD_FIELDS = { from: 'from-year', to: 'to-year' } as const;

/** The longest period a register search covers, in calendar years, both ends included. */
const MAX_SEARCH_YEARS = 30;

const IST_OFFSET_MS = 330 * 60_000;

/** A period searched, as ISO dates: from the first day of the first year to the last day searched. */
export interface SearchPeriod {
  from: string;
  to: string;
}

export interface PeriodProblem {
  error: StringId;
  values: Record<string, string | number>;
}

/** The citizen's date in India: a year ends at midnight IST, not at midnight UTC. */
function indianToday(now: Date): string {
  return new Date(now.getTime() + IST_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * What is wrong with the period answered so far, if anything: a year after this one, an end before the start, or
 * more than MAX_SEARCH_YEARS years. Checked as each year is answered, so the citizen types the year again at once.
 */
export function periodProblem(values: Record<string, string>, now: Date): PeriodProblem | undefined {
  const thisYear = Number(indianToday(now).slice(0, 4));
  const from = yearOf(values[PERIOD_FIELDS.from]);
  const to = yearOf(values[PERIOD_FIELDS.to]);
  for (const year of [from, to])
    if (year !== undefined && year > thisYear) return { error: 'invalidPeriodFuture', values: { year: thisYear } };
  if (from === undefined || to === undefined) return undefined;
  if (from > to) return { error: 'invalidPeriodOrder', values: { from, to } };
  if (to - from + 1 > MAX_SEARCH_YEARS)
    return { error: 'invalidPeriodLength', values: { years: MAX_SEARCH_YEARS, from, to } };
  return undefined;
}

/**
 * The period a search covers: 1 January of the first year to 31 December of the last, or to today when the last year
 * is this one. Undefined when the answers hold no valid period.
 */
export function searchPeriodOf(values: Record<string, string>, now: Date): SearchPeriod | undefined {
  const from = yearOf(values[PERIOD_FIELDS.from]);
  const to = yearOf(values[PERIOD_FIELDS.to]);
  if (from === undefined || to === undefined || periodProblem(values, now)) return undefined;
  const today = indianToday(now);
  const end = `${to}-12-31`;
  return { from: `${from}-01-01`, to: end < today ? end : today };
}

function yearOf(value: string | undefined): number | undefined {
  return value !== undefined && /^\d{4}$/.test(value) ? Number(value) : undefined;
}
