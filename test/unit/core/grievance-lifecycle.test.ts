import { describe, expect, it } from 'vitest';
import { canTransition, isSettled, LifecycleError, ruleOf, TRANSITIONS } from '#core/applications/lifecycle.ts';
import { mayReopen, ratingOf } from '#core/grievances/actions.ts';

const officer = { type: 'officer', id: 'ENG-GNT-0701' } as const;

describe('the life of a grievance', () => {
  it("goes from the officers' hands through accepted, a question and its answer, to resolved and closed", () => {
    const path = [
      ['accept', 'awaiting-approval'],
      ['ask-citizen', 'accepted'],
      ['answer-officer', 'awaiting-citizen'],
      ['resolve', 'accepted'],
      ['close', 'resolved'],
    ] as const;
    for (const [transition, from] of path) expect(canTransition(from, transition), transition).toBe(true);
    expect(TRANSITIONS.close.to).toBe('closed');
  });

  it('is transferred with a reason and accepted by the other department, never transferred once resolved', () => {
    expect(canTransition('accepted', 'transfer')).toBe(true);
    expect(canTransition('transferred', 'accept')).toBe(true);
    expect(canTransition('resolved', 'transfer')).toBe(false);
    expect(TRANSITIONS.transfer.tells).toEqual(['citizen', 'officers']);
  });

  it("reopens only once resolved (rated or not), back into the officers' hands, and escalates from wherever it stands", () => {
    expect(canTransition('resolved', 'reopen')).toBe(true);
    expect(canTransition('closed', 'reopen')).toBe(true);
    expect(canTransition('processing', 'reopen')).toBe(false);
    expect(isSettled('reopened')).toBe(false);
    for (const state of ['accepted', 'awaiting-citizen', 'transferred', 'reopened'] as const)
      expect(canTransition(state, 'await-decision'), state).toBe(true);
  });

  it('tells the citizen of every change an officer makes', () => {
    for (const name of ['accept', 'ask-citizen', 'transfer', 'resolve'] as const)
      expect(TRANSITIONS[name].tells, name).toContain('citizen');
    expect(TRANSITIONS['answer-officer'].tells).toEqual(['officers']);
  });

  it('lets only officers act on it, named by id, and only the citizen reopen it', () => {
    expect(ruleOf('accept', officer).to).toBe('accepted');
    expect(() => ruleOf('accept', { type: 'officer' })).toThrow(/by id/);
    expect(() => ruleOf('resolve', { type: 'citizen' })).toThrow(LifecycleError);
    expect(() => ruleOf('reopen', officer)).toThrow(LifecycleError);
    expect(ruleOf('reopen', { type: 'citizen' }).to).toBe('reopened');
  });

  it('reads a rating of 1 to 5, in English or Telugu digits, and nothing else', () => {
    expect(ratingOf(' 4 ')).toBe(4);
    expect(ratingOf('౫')).toBe(5);
    for (const text of ['0', '6', '45', 'four', '']) expect(ratingOf(text), text).toBeUndefined();
  });

  it('may be reopened for 7 days after its resolution', () => {
    const resolvedAt = '2026-12-01T10:00:00.000Z';
    expect(mayReopen(resolvedAt, new Date('2026-12-08T09:59:00.000Z'))).toBe(true);
    expect(mayReopen(resolvedAt, new Date('2026-12-08T10:01:00.000Z'))).toBe(false);
  });
});
