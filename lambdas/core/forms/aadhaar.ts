import { createHmac } from 'node:crypto';
import { latinDigits } from './digits.ts';
import { verhoeffValid } from './verhoeff.ts';

/** The 12 digits of a typed Aadhaar number ("2345 6789 0124", Telugu digits too), or undefined if it is not one. */
export function parseAadhaar(text: string): string | undefined {
  const digits = latinDigits(text).replace(/[\s-]/g, '');
  // UIDAI never issues numbers starting with 0 or 1.
  if (!/^[2-9]\d{11}$/.test(digits) || !verhoeffValid(digits)) return undefined;
  return digits;
}

/** The text with every valid Aadhaar number in it (Latin or Telugu digits, spaced or not) taken out. */
export function withoutAadhaar(text: string): string {
  return text.replace(/[0-9౦-౯](?:[\s-]?[0-9౦-౯]){11}/g, (found) => (parseAadhaar(found) ? '' : found));
}

/**
 * What may be kept of an Aadhaar number: a keyed hash (HMAC-SHA256 with a secret key from configuration, so the
 * 10^11 possible numbers cannot be hashed and compared by anyone without the key) and the last four digits.
 */
export function protectAadhaar(aadhaar: string, key: string): { hash: string; last4: string } {
  return { hash: createHmac('sha256', key).update(aadhaar).digest('base64url'), last4: aadhaar.slice(-4) };
}

export const maskedAadhaar = (last4: string) => `XXXX XXXX ${last4}`;
