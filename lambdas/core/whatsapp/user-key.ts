import * as z from '../validation.ts';

/**
 * The key Mitra keeps a person under (session, outbox, applications, officers): their phone number (`wa_id`) when
 * Meta shares it, else their business-scoped user id (BSUID). A BSUID is a two-letter country code, a dot and
 * letters and digits (`IN.1648738043044942`); Meta omits the phone number of users who adopt a username.
 */
const PHONE_NUMBER = /^\d{6,20}$/;
const BUSINESS_SCOPED_USER_ID = /^[A-Z]{2}\.[A-Za-z0-9]{1,128}$/;

const RULE =
  'a WhatsApp user is a phone number (6 to 20 digits with the country code, no +) or a business-scoped user id ' +
  '(a two-letter country code, a dot, letters and digits, like IN.1648738043044942)';

/** Either form, nothing else: the key ends up in table keys, so `91700#SESSION` must never pass. */
export const UserKeySchema = z
  .string()
  .check(z.refine((key) => PHONE_NUMBER.test(key) || BUSINESS_SCOPED_USER_ID.test(key), { message: RULE }));

function isPhoneNumber(key: string): boolean {
  return PHONE_NUMBER.test(key);
}

export function isBusinessScopedUserId(key: string): boolean {
  return BUSINESS_SCOPED_USER_ID.test(key);
}

/**
 * One identity per person: the phone number when the webhook carries it, else the BSUID; undefined when neither is
 * well formed. The phone number wins so that people Mitra already knew by number keep their sessions, applications
 * and officer registrations.
 */
export function userKeyOf(phoneNumber: string | undefined, userId: string | undefined): string | undefined {
  if (phoneNumber !== undefined && isPhoneNumber(phoneNumber)) return phoneNumber;
  if (userId !== undefined && isBusinessScopedUserId(userId)) return userId;
  return undefined;
}
