import type { Catalog, Service } from '../catalog/schema.ts';
import { normalizeText } from '../conversation/commands.ts';
import { canonicalWord, FILLER_WORDS } from './vocabulary.ts';

/** How much a word counts where it is found: a service's names and synonyms, or its description and department. */
const STRONG = 1;
const WEAK = 0.25;
/** What a word only one service has adds: it names that service. */
const UNIQUE = 1;

export interface ScoredService {
  service: Service;
  score: number;
}

interface Term {
  words: string[];
  weight: number;
}

interface ServiceIndex {
  service: Service;
  terms: Term[];
  /** Each word of the service's vocabulary, with the most it counts for. */
  words: Map<string, number>;
}

/** The catalog as matching reads it, built once per catalog object. */
interface Index {
  services: ServiceIndex[];
  /** How rare each word is across services: a word every bill has says less than "challan". */
  rarity: Map<string, number>;
  vocabulary: string[];
}

const STATUS_WORDS = new Set([
  'status',
  'check',
  'result',
  'results',
  'track',
  'tracking',
  'eligibility',
  'ela',
  'enti',
  'ఫలితాలు',
  'తెలుసుకోవాలి',
  'చూడాలి',
  'chudali',
  'telusukovali',
  'levels',
  'availability',
  'list',
  'value',
  'vacancies',
  'vacancy',
  'camps',
  'records',
  'adangal',
  'pahani',
  'undi',
  'ఉంది',
]);

const indexes = new WeakMap<Catalog, Index>();

/** The words of a text as matching compares them: normalized, filler dropped, one spelling for each known word. */
export function wordsOf(text: string): string[] {
  return normalizeText(text)
    .replace(/[/\\\-_+&?*#@₹]/g, ' ')
    .split(' ')
    .filter((w) => w.length > 0 && !FILLER_WORDS.has(w) && !/^\d+$/.test(w))
    .map(canonicalWord);
}

function indexOf(catalog: Catalog): Index {
  const cached = indexes.get(catalog);
  if (cached) return cached;
  const departments = new Map(catalog.departments.map((d) => [d.id, d]));
  const services = catalog.services.map((service) => {
    const department = departments.get(service.department);
    const strong = [service.name.en, service.name.te, ...service.synonyms];
    const weak = [service.description.en, service.description.te, department?.name.en ?? '', department?.name.te ?? ''];
    const seen = new Set<string>();
    const terms: Term[] = [
      ...strong.map((text) => ({ words: wordsOf(text), weight: STRONG })),
      ...weak.map((text) => ({ words: wordsOf(text), weight: WEAK })),
    ].filter((term) => {
      // Names that read the same once spelt alike ("income certificate", "ఇన్‌కమ్ సర్టిఫికెట్") count once.
      const key = `${term.weight}:${term.words.join(' ')}`;
      if (term.words.length === 0 || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const words = new Map<string, number>();
    for (const term of terms)
      for (const word of term.words) words.set(word, Math.max(words.get(word) ?? 0, term.weight));
    return { service, terms, words };
  });
  const counts = new Map<string, number>();
  for (const entry of services)
    for (const [word, weight] of entry.words) if (weight === STRONG) counts.set(word, (counts.get(word) ?? 0) + 1);
  const rarity = new Map<string, number>();
  for (const entry of services)
    for (const word of entry.words.keys())
      rarity.set(
        word,
        Math.log(1 + services.length / Math.max(1, counts.get(word) ?? services.length / 4)) +
          (counts.get(word) === 1 ? UNIQUE : 0),
      );
  const index = { services, rarity, vocabulary: [...rarity.keys()] };
  indexes.set(catalog, index);
  return index;
}

const TELUGU = /[\u0C00-\u0C7F]/;

/**
 * How well a typed word stands for a word of the catalog, from 0 to 1: the same word; one with a suffix (Telugu
 * "ఆదాయం" for "ఆదాయ", "gunturu"); or a misspelling one or two letters away, for words long enough to tell apart.
 */
export function likeness(typed: string, known: string): number {
  if (typed === known) return 1;
  const telugu = TELUGU.test(known);
  // A case ending or a plural ("ఆదాయం", "bills"), not a longer word that begins alike ("passengers").
  if (typed.startsWith(known) && known.length >= (telugu ? 2 : 3) && typed.length - known.length <= 4) return 0.9;
  if (known.startsWith(typed) && typed.length >= (telugu ? 3 : 4)) return 0.8;
  const shorter = Math.min(typed.length, known.length);
  // A misspelling rarely changes the first letter; not comparing those keeps matching fast.
  if (shorter < 4 || typed[0] !== known[0]) return 0;
  const allowed = shorter >= 8 ? 2 : 1;
  if (Math.abs(typed.length - known.length) > allowed) return 0;
  return editDistance(typed, known) <= allowed ? 0.75 : 0;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost one each. */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++)
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  return d[a.length]![b.length]!;
}

/**
 * Every service that the words of a text point to, best first, with its score: each typed word counts once per
 * service, by how well it matches the service's best word and how rare that word is across services; a name or
 * synonym of several words typed whole counts again. Ties keep catalog order.
 */
export function scoreServices(catalog: Catalog, text: string): ScoredService[] {
  const index = indexOf(catalog);
  const typed = [...new Set(wordsOf(text))];
  // What each typed word may stand for, across the whole vocabulary, computed once.
  const readings = typed.map((word) => {
    const matches = new Map<string, number>();
    for (const known of index.vocabulary) {
      const like = likeness(word, known);
      if (like > 0) matches.set(known, like);
    }
    return matches;
  });
  const scored = index.services.map((entry, order) => {
    let score = 0;
    for (const matches of readings) {
      let best = 0;
      for (const [known, like] of matches) {
        const weight = entry.words.get(known);
        if (weight !== undefined) best = Math.max(best, like * weight * (index.rarity.get(known) ?? 0));
      }
      score += best;
    }
    let phrase = 0;
    for (const term of entry.terms) {
      if (term.weight !== STRONG || term.words.length < 2) continue;
      const whole = term.words.every((word) => readings.some((matches) => (matches.get(word) ?? 0) >= 0.75));
      if (whole)
        phrase = Math.max(phrase, 0.5 * term.words.reduce((sum, word) => sum + (index.rarity.get(word) ?? 0), 0));
    }
    score += phrase;
    // A look-up is what is asked for only when the message says so ("status", "sthiti", "check").
    if (entry.service.kind === 'status-lookup' && !typed.some((word) => STATUS_WORDS.has(word))) score *= 0.6;
    return { service: entry.service, score, order };
  });
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ service, score }) => ({ service, score }));
}
