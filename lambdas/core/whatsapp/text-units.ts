/**
 * Meta counts characters; we count UTF-16 code units, which is never less (an emoji is one character and two
 * units), so a text that fits our count fits Meta's. Cutting happens only between graphemes, so a Telugu conjunct
 * or an emoji with its modifiers is never split into pieces a phone would render as boxes.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export const ELLIPSIS = '…';

export function utf16Length(text: string): number {
  return text.length;
}

/**
 * The longest prefix of whole graphemes that, with the ellipsis appended when anything was cut, is at most `max`
 * UTF-16 code units. A text that already fits comes back unchanged.
 */
export function fitText(text: string, max: number, ellipsis = ELLIPSIS): string {
  if (text.length <= max) return text;
  const room = max - ellipsis.length;
  if (room <= 0) return ellipsis.slice(0, Math.max(0, max));
  let end = 0;
  for (const { index, segment } of segmenter.segment(text)) {
    if (index + segment.length > room) break;
    end = index + segment.length;
  }
  return `${text.slice(0, end).trimEnd()}${ellipsis}`;
}

/** Whether `cut` ends at a grapheme boundary of `text` (for tests and assertions). */
export function isGraphemePrefix(text: string, cut: number): boolean {
  if (cut === 0 || cut === text.length) return true;
  for (const { index } of segmenter.segment(text)) if (index === cut) return true;
  return false;
}
