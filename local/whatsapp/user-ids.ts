/**
 * How WhatsApp names a user to a business: a phone number (`wa_id`), and a business-scoped user id (BSUID: a
 * two-letter country code, a dot and letters and digits, `IN.1648738043044942`) that Meta sends for everyone and
 * that is all it sends for a user who adopted a username. The simulator's own reading, independent of the product's.
 */
const BSUID = /^[A-Z]{2}\.[A-Za-z0-9]{1,128}$/;
const PHONE_NUMBER = /^\d{7,15}$/;

export function isBsuid(value: string): boolean {
  return BSUID.test(value);
}

export const BSUID_PATTERN = BSUID;

/**
 * A user as a caller names them (`+91 98765 43210`, `919876543210` or `IN.1648…`), in the form messages are kept
 * under: the BSUID as given, a phone number as its digits; undefined for anything else.
 */
export function userKey(raw: string): string | undefined {
  const trimmed = raw.trim();
  if (isBsuid(trimmed)) return trimmed;
  const digits = trimmed.replace(/\D/g, '');
  return PHONE_NUMBER.test(digits) ? digits : undefined;
}
