// setTimeout clamps anything longer (about 24.8 days) to 1 ms; longer deadlines re-arm in steps of this size.
const MAX_TIMER_MS = 2 ** 31 - 1;

interface Deadline {
  clockDue: number;
  realDue: number;
  timer?: NodeJS.Timeout;
  fire: () => void;
}

/**
 * Timers that honour the embedded runtime's advanceable clock. A deadline fires when its duration has passed on the
 * wall clock or on the injected clock, whichever comes first: real timers keep `npm start` moving on their own,
 * and check() lets a test that moves the clock two hours ahead see a one-hour heartbeat expire at once.
 */
export class Deadlines {
  private readonly pending = new Set<Deadline>();

  constructor(private readonly now: () => Date) {}

  /** Fires `fire` once, `ms` from now. Returns a cancel function (harmless after firing). */
  after(ms: number, fire: () => void): () => void {
    return this.add(this.now().getTime() + ms, ms, fire);
  }

  /** Fires `fire` once the injected clock reaches `dueAt` (for Wait states with a Timestamp). */
  at(dueAt: Date, fire: () => void): () => void {
    const ms = dueAt.getTime() - this.now().getTime();
    return this.add(dueAt.getTime(), ms, fire);
  }

  /** Fires every deadline that the injected clock has reached. */
  check(): void {
    const clock = this.now().getTime();
    for (const deadline of [...this.pending]) {
      if (deadline.clockDue <= clock) this.trigger(deadline);
    }
  }

  clear(): void {
    for (const deadline of this.pending) clearTimeout(deadline.timer);
    this.pending.clear();
  }

  private add(clockDue: number, ms: number, fire: () => void): () => void {
    const deadline: Deadline = { clockDue, realDue: performance.now() + Math.max(0, ms), fire };
    this.pending.add(deadline);
    if (ms <= 0) {
      // Never synchronously: callers finish their own bookkeeping before the deadline runs.
      queueMicrotask(() => this.trigger(deadline));
    } else {
      this.arm(deadline);
    }
    return () => {
      clearTimeout(deadline.timer);
      this.pending.delete(deadline);
    };
  }

  private arm(deadline: Deadline): void {
    const remaining = deadline.realDue - performance.now();
    if (remaining <= 0) {
      this.trigger(deadline);
      return;
    }
    deadline.timer = setTimeout(() => this.arm(deadline), Math.min(Math.ceil(remaining), MAX_TIMER_MS));
    // The HTTP server keeps the process alive; a pending deadline alone must not (tests, close()).
    deadline.timer.unref();
  }

  private trigger(deadline: Deadline): void {
    if (!this.pending.delete(deadline)) return;
    clearTimeout(deadline.timer);
    deadline.fire();
  }
}
