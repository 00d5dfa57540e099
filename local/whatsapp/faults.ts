export interface InjectedFault {
  /** A Meta error code (130429, 131056, 131047, 131026, 190, 1, 2…) or 500 for "Graph had an internal error". */
  code: number;
  /** How many sends answer with it; 1 by default. */
  times?: number;
  /** Only sends to this wa_id consume it. */
  waId?: string;
}

/**
 * Queued failures for the next sends. Kept behind an interface so the runtime (or a test harness route) can share
 * one injector between the simulator and whatever else needs to fail on cue.
 */
export interface FaultInjector {
  inject(fault: InjectedFault): void;
  /** The code the next send to waId must answer with, consuming one use; undefined when it should succeed. */
  take(waId: string): number | undefined;
  clear(): void;
}

export function createFaultInjector(): FaultInjector {
  const queue: Array<{ code: number; remaining: number; waId?: string }> = [];
  return {
    inject(fault) {
      const times = fault.times ?? 1;
      if (!Number.isInteger(fault.code) || fault.code <= 0)
        throw new RangeError('fault code must be a positive integer');
      if (!Number.isInteger(times) || times < 1) throw new RangeError('fault times must be a positive integer');
      queue.push({ code: fault.code, remaining: times, ...(fault.waId ? { waId: fault.waId } : {}) });
    },
    take(waId) {
      const index = queue.findIndex((fault) => fault.waId === undefined || fault.waId === waId);
      if (index < 0) return undefined;
      const fault = queue[index]!;
      fault.remaining -= 1;
      if (fault.remaining === 0) queue.splice(index, 1);
      return fault.code;
    },
    clear() {
      queue.length = 0;
    },
  };
}
