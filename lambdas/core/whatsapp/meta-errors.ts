/**
 * What the sender does about an error the Graph API answered, keyed on Meta's code (titles change, codes do not).
 *
 * - `throttled` (130429, 80007, 4): the number's throughput is exceeded; back off with jitter and retry.
 * - `pair-rate` (131056): too many messages to this citizen too quickly; slow down for that citizen, then retry.
 * - `window-closed` (131047): the 24-hour customer service window is closed; send the approved template instead.
 * - `undeliverable` (131026): Meta cannot deliver to this number; record it, never retry.
 * - `needs-phone-number` (131062): this message cannot go to a business-scoped user id (authentication templates,
 *   for one), and a person known only by that id has no phone number to send it to; record it, never retry.
 * - `auth` (190, 0, 10, 200…): our token or permissions are wrong; every send will fail until an operator acts.
 * - `transient` (HTTP 5xx, 1, 2, 131000): Meta's own failure; retry.
 * - `rejected`: anything else will fail the same way again (a bad parameter); record it, never retry.
 */
export type ErrorAction =
  | 'throttled'
  | 'pair-rate'
  | 'window-closed'
  | 'undeliverable'
  | 'needs-phone-number'
  | 'auth'
  | 'transient'
  | 'rejected';

const AUTH_CODES = new Set([0, 3, 10, 190, 200, 131005]);
const TRANSIENT_CODES = new Set([1, 2, 131000, 131016]);
const THROTTLE_CODES = new Set([4, 80007, 130429]);

export function errorAction(httpStatus: number, code: number | undefined): ErrorAction {
  if (code !== undefined) {
    if (THROTTLE_CODES.has(code)) return 'throttled';
    if (code === 131056) return 'pair-rate';
    if (code === 131047) return 'window-closed';
    if (code === 131026) return 'undeliverable';
    if (code === 131062) return 'needs-phone-number';
    if (AUTH_CODES.has(code)) return 'auth';
    if (TRANSIENT_CODES.has(code)) return 'transient';
  }
  if (httpStatus === 401 || httpStatus === 403) return 'auth';
  if (httpStatus === 429) return 'throttled';
  if (httpStatus >= 500 || httpStatus === 0) return 'transient';
  return 'rejected';
}

/** Jittered exponential backoff ("full jitter"): a random wait up to base·2^attempt, capped. */
export function backoffMs(attempt: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** attempt));
}
