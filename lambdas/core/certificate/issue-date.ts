/** India has one time zone and no daylight saving: the date on a certificate is the date in IST (UTC+05:30). */
const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000;

export function issueDateOf(issuedAt: string): string {
  return new Date(Date.parse(issuedAt) + IST_OFFSET_MS).toISOString().slice(0, 10);
}
