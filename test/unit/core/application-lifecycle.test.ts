import { describe, expect, it } from 'vitest';
import {
  APPLICATION_STATES,
  canTransition,
  historyEntry,
  isSettled,
  LifecycleError,
  OPEN_STATES,
  ruleOf,
  TRANSITIONS,
} from '../../../lambdas/core/applications/lifecycle.ts';

describe('the application lifecycle', () => {
  it('leads every transition to a known state, from known states', () => {
    for (const rule of Object.values(TRANSITIONS)) {
      expect(APPLICATION_STATES).toContain(rule.to);
      for (const from of rule.from) expect(APPLICATION_STATES).toContain(from);
    }
  });

  it('reaches every state from the submission', () => {
    const reached = new Set<string>([TRANSITIONS.submit.to]);
    for (let round = 0; round < APPLICATION_STATES.length; round++)
      for (const rule of Object.values(TRANSITIONS))
        if (rule.from.some((state) => reached.has(state))) reached.add(rule.to);
    expect([...reached].sort()).toEqual([...APPLICATION_STATES].sort());
  });

  it('ends every open application in an outcome: issued, rejected, failed or unpaid', () => {
    for (const state of OPEN_STATES) {
      expect(canTransition(state, 'fail')).toBe(true);
      expect(isSettled(state)).toBe(false);
    }
    for (const state of ['issued', 'rejected', 'failed', 'payment-expired', 'revoked'] as const)
      expect(isSettled(state)).toBe(true);
  });

  it('never moves a settled application again, except an issued document revoked or its ticket cancelled, and a resolved grievance', () => {
    const settled = APPLICATION_STATES.filter(isSettled);
    const allowed: Record<string, string[]> = {
      revoke: ['issued'],
      cancel: ['issued'],
      reopen: ['resolved', 'closed'],
      close: ['resolved'],
    };
    for (const [name, rule] of Object.entries(TRANSITIONS)) {
      const fromSettled = rule.from.filter((state) => settled.includes(state));
      expect(fromSettled, name).toEqual(allowed[name] ?? []);
    }
  });

  it('lets only an officer reject, and only the workflow issue', () => {
    expect(() => ruleOf('reject', { type: 'workflow' })).toThrow(LifecycleError);
    expect(() => ruleOf('issue', { type: 'officer', id: 'REV-GNT-0042' })).toThrow(LifecycleError);
    expect(() => ruleOf('pay', { type: 'citizen' })).toThrow(LifecycleError);
    expect(ruleOf('reject', { type: 'officer', id: 'REV-GNT-0042' }).to).toBe('rejected');
  });

  it('names the officer who moved it by id, and refuses an officer without one', () => {
    expect(() => ruleOf('reject', { type: 'officer' })).toThrow(/by id/);
    const at = new Date('2026-12-04T10:00:00.000Z');
    expect(historyEntry('reject', { type: 'officer', id: 'REV-GNT-0042' }, at)).toEqual({
      transition: 'reject',
      to: 'rejected',
      at: '2026-12-04T10:00:00.000Z',
      actor: { type: 'officer', id: 'REV-GNT-0042' },
    });
  });

  it('tells the citizen of every outcome and the officers of every wait for them', () => {
    for (const name of ['issue', 'reject', 'fail', 'expire-payment', 'revoke'] as const)
      expect(TRANSITIONS[name].tells).toContain('citizen');
    expect(TRANSITIONS['await-decision'].tells).toEqual(['officers', 'citizen']);
  });

  it('lets a wait for a decision or a payment be asked again (a retried or escalated step), nothing else', () => {
    const again = Object.entries(TRANSITIONS)
      .filter(([, rule]) => (rule.from as readonly string[]).includes(rule.to))
      .map(([name]) => name);
    expect(again.sort()).toEqual(['await-decision', 'request-payment']);
  });
});
