import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '#core/conversation/context.ts';
import { turnNeeds } from '#core/conversation/converse.ts';
import type { Officer } from '#core/officers.ts';
import { Citizen } from './citizen.ts';

const APP = 'AP-0123456789AB';
const tahsildar: Officer = {
  id: 'REV-GNT-0042',
  waId: '919000000042',
  name: 'K. Srinivas',
  department: 'revenue',
  district: 'guntur',
  role: 'tahsildar',
};
const reject = { type: 'choice' as const, id: `decide:reject:${APP}`, title: 'Reject' };
const approve = { type: 'choice' as const, id: `decide:approve:${APP}`, title: 'Approve' };

describe('a decision on an application that no longer waits for one', () => {
  it('asks the webhook whether the application named by a decision still waits', () => {
    const desk = new Citizen(tahsildar.waId).ready();
    const needs = turnNeeds(
      desk.session,
      { messageId: 'wamid.1', waId: desk.waId, sentAt: desk.now, content: reject },
      desk.now,
      DEFAULT_SETTINGS,
    );
    expect(needs).toMatchObject({ officer: true, decisionOn: APP });
  });

  it('tells the officer at once that a tapped Reject is on an application already decided, and how, asking no reason', () => {
    const desk = new Citizen(tahsildar.waId).ready();
    const turn = desk.send(reject, { officer: tahsildar, decisionTarget: { waiting: false, decided: 'issued' } });
    expect(desk.said).toBe(`Application ${APP} was already decided; its status now: issued. Nothing new was recorded.`);
    expect(desk.said).not.toContain('Why is');
    expect(turn.effects).toEqual([]);
    expect(desk.session.step).toMatchObject({ name: 'menu' });
  });

  it('says so in Telugu, for a rejection decided before', () => {
    const desk = new Citizen(tahsildar.waId).ready('te');
    desk.send(approve, { officer: tahsildar, decisionTarget: { waiting: false, decided: 'rejected' } });
    expect(desk.said).toBe(`దరఖాస్తు ${APP} పై ఇప్పటికే నిర్ణయం జరిగింది; ప్రస్తుత స్థితి: తిరస్కరించబడింది. కొత్తగా ఏదీ నమోదు చేయలేదు.`);
    expect(desk.turn.effects).toEqual([]);
  });

  it('says only "not waiting" when how it ended is not known to this officer', () => {
    const desk = new Citizen(tahsildar.waId).ready();
    const turn = desk.text(`approve ${APP}`, { officer: tahsildar, decisionTarget: { waiting: false } });
    expect(desk.said).toContain(`Application ${APP} is not waiting for a decision`);
    expect(turn.effects).toEqual([]);
  });

  it('still asks for the reason when the application waits', () => {
    const desk = new Citizen(tahsildar.waId).ready();
    desk.send(reject, { officer: tahsildar, decisionTarget: { waiting: true } });
    expect(desk.session.step).toEqual({ name: 'officer-reason', applicationId: APP });
    expect(desk.said).toContain(`Why is application ${APP} rejected?`);
  });
});
