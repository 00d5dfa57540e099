/** India Standard Time, UTC+05:30: dates citizens and officers read are India's. */
const IST_OFFSET_MS = 330 * 60_000;

/**
 * Seconds from `now` until the application's SLA is due: `slaDays` working days (Monday to Saturday, as in Andhra
 * Pradesh's government offices) after submission, at the end of that day in India. At least an hour, so an
 * application taken up late still reaches an officer before it is escalated.
 */
export function secondsUntilDue(submittedAt: string, slaDays: number, now: Date): number {
  const due = dueDate(submittedAt, slaDays);
  return Math.max(3600, Math.ceil((due.getTime() - now.getTime()) / 1000));
}

export function dueDate(submittedAt: string, slaDays: number): Date {
  const local = new Date(Date.parse(submittedAt) + IST_OFFSET_MS);
  let left = slaDays;
  while (left > 0) {
    local.setUTCDate(local.getUTCDate() + 1);
    if (local.getUTCDay() !== 0) left--;
  }
  local.setUTCHours(23, 59, 59, 0);
  return new Date(local.getTime() - IST_OFFSET_MS);
}

/** DD-MM-YYYY in India. */
export function istDate(iso: string): string {
  const date = new Date(Date.parse(iso) + IST_OFFSET_MS).toISOString();
  return `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}`;
}

/** HH:MM in India. */
export function istTime(iso: string): string {
  return new Date(Date.parse(iso) + IST_OFFSET_MS).toISOString().slice(11, 16);
}
