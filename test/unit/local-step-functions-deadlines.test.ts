import { describe, expect, it, vi } from 'vitest';
import { Deadlines } from '../../local/step-functions/deadlines.ts';

describe('Deadlines', () => {
  it('fires once the advanced clock reaches a deadline, and only once', () => {
    let offset = 0;
    const deadlines = new Deadlines(() => new Date(Date.now() + offset));
    const fire = vi.fn();
    deadlines.after(3_600_000, fire);

    deadlines.check();
    expect(fire).not.toHaveBeenCalled();
    offset = 7_200_000;
    deadlines.check();
    deadlines.check();
    expect(fire).toHaveBeenCalledTimes(1);
  });

  it('fires on the wall clock when the injected clock stands still', async () => {
    const frozen = new Date('2026-01-01T00:00:00Z');
    const deadlines = new Deadlines(() => frozen);
    const fired = new Promise((resolve) => deadlines.after(30, () => resolve('fired')));
    await expect(fired).resolves.toBe('fired');
  });

  it('never fires a cancelled deadline', async () => {
    let offset = 0;
    const deadlines = new Deadlines(() => new Date(Date.now() + offset));
    const fire = vi.fn();
    const cancel = deadlines.after(20, fire);
    cancel();
    offset = 1_000;
    deadlines.check();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(fire).not.toHaveBeenCalled();
  });
});
