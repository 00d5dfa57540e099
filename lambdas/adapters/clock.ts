/**
 * The one clock. In AWS it is the system clock. The embedded runtime moves time forward for tests (session expiry,
 * the 24-hour window, SLA timers) by setting MITRA_CLOCK_OFFSET_MS, read on every call so every loaded handler
 * sees the same time.
 */
export function now(): Date {
  const offset = Number(process.env.MITRA_CLOCK_OFFSET_MS ?? '0');
  return new Date(Date.now() + (Number.isFinite(offset) ? offset : 0));
}
