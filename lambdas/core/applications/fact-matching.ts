/**
 * How one declared fact compares with a record: it matches, it differs, or the record does not hold it (so it cannot
 * be confirmed either way).
 */
export type FactOutcome = 'match' | 'mismatch' | 'unrecorded';

const TELUGU = /\p{Script=Telugu}/u;

/**
 * A declared name against a recorded one, in the script it was typed in: a name typed in Telugu is compared with the
 * record's Telugu name, any other with its Latin name. A record that does not hold the name in that script cannot
 * confirm it (Mitra does not transliterate: two spellings of one Telugu name are both right).
 */
export function compareName(declared: string, recorded: string | undefined, recordedTe?: string): FactOutcome {
  const inRecord = TELUGU.test(declared) ? recordedTe : recorded;
  if (inRecord === undefined) return 'unrecorded';
  return sameName(declared, inRecord) ? 'match' : 'mismatch';
}

/** A declared value (a catalog option id, an ISO date, a number) against the recorded one, exactly. */
export function compareValue(declared: string, recorded: string | number | undefined): FactOutcome {
  if (recorded === undefined) return 'unrecorded';
  return declared === String(recorded) ? 'match' : 'mismatch';
}

/**
 * Names match regardless of case, dots, initials' spacing ("K.Srinivas", "K. Srinivas"), words run together or apart
 * ("Ravikumar", "Ravi Kumar") and the order of the words (a surname written first or last).
 */
export function sameName(a: string, b: string): boolean {
  const words = (name: string) =>
    name
      .normalize('NFC')
      // Telugu keyboards differ in the zero-width joiners they put between letters; they change nothing of the name.
      .replace(/[\u200c\u200d]/g, '')
      .toLowerCase()
      .split(/[\s.,'-]+/)
      .filter((word) => word.length > 0);
  const [x, y] = [words(a), words(b)];
  if (x.length === 0 || y.length === 0) return false;
  if (x.join('') === y.join('')) return true;
  return x.length === y.length && [...x].sort().join(' ') === [...y].sort().join(' ');
}

/**
 * The verdict on a record's outcomes, field by field: confirmed when at least one fact was compared, every one
 * matched and none is missing from the record; the fields that differ, in the order given.
 */
export function verdictOf(outcomes: readonly (readonly [fieldId: string, outcome: FactOutcome])[]): {
  verified: boolean;
  mismatches: string[];
} {
  const mismatches = outcomes.filter(([, outcome]) => outcome === 'mismatch').map(([fieldId]) => fieldId);
  const unrecorded = outcomes.some(([, outcome]) => outcome === 'unrecorded');
  return { verified: outcomes.length > 0 && !unrecorded && mismatches.length === 0, mismatches };
}
