const TELUGU_ZERO = 0x0c66;
const DEVANAGARI_ZERO = 0x0966;

/** Telugu (౦–౯) and Devanagari digits as Latin ones, so "౩" and "3" mean the same everywhere. */
export function latinDigits(text: string): string {
  return text.replace(/[\u0C66-\u0C6F\u0966-\u096F]/g, (digit) => {
    const code = digit.charCodeAt(0);
    return String(code - (code >= TELUGU_ZERO ? TELUGU_ZERO : DEVANAGARI_ZERO));
  });
}

/** A typed option number ("3", "౩", "3.", " 3 "), or undefined when the text is not just a number. */
export function typedNumber(text: string): number | undefined {
  const match = /^\s*(\d{1,3})\s*[.)]?\s*$/.exec(latinDigits(text));
  return match ? Number(match[1]) : undefined;
}
