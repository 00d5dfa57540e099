import { latinDigits } from '../forms/digits.ts';

const LETTER = String.raw`[\p{L}\p{M}]`;

/**
 * A message as the field readers see it: the text (Latin digits, no zero-width joiners), its lower-case twin of the
 * same length, and which characters an earlier reader has already taken, so one stretch of text fills one field.
 */
export class MessageText {
  readonly plain: string;
  readonly lower: string;
  private readonly taken: boolean[];

  constructor(text: string) {
    const plain = latinDigits(text.normalize('NFC')).replace(/[\u200c\u200d]/g, '');
    const lower = plain.toLowerCase();
    // Lower-casing keeps the length for the scripts read here; where it would not, the text is read as typed.
    this.plain = plain;
    this.lower = lower.length === plain.length ? lower : plain;
    this.taken = Array.from({ length: plain.length }, () => false);
  }

  /** Every match of a pattern (with flag `g`) over the lower-case text that touches nothing taken. */
  *find(pattern: RegExp): Generator<RegExpExecArray> {
    for (const match of this.lower.matchAll(pattern))
      if (this.free(match.index, match.index + match[0].length)) yield match;
  }

  free(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.taken[i]) return false;
    return true;
  }

  take(start: number, end: number): void {
    for (let i = start; i < end; i++) this.taken[i] = true;
  }

  /** The text as typed (case kept) of a group of a match, with where it starts. */
  group(match: RegExpExecArray, group: number): { text: string; start: number; end: number } | undefined {
    const value = match[group];
    if (value === undefined) return undefined;
    const start = match.index + match[0].indexOf(value);
    return { text: this.plain.slice(start, start + value.length), start, end: start + value.length };
  }
}

/** A pattern where `\bW` and `W\b` hold for Telugu letters too (JavaScript's \b knows only ASCII word characters). */
export function words(source: string, flags = 'gu'): RegExp {
  return new RegExp(`(?<!${LETTER})(?:${source})(?!${LETTER})`, flags);
}
