import { describe, expect, it } from 'vitest';
import type { Officer } from '#core/officers.ts';
import { Citizen } from './citizen.ts';

const CERT_ID = 'AbCdEfGhIjKlMnOpQrStUw';
const APP = 'AP-0123456789AB';
const tahsildar: Officer = {
  id: 'REV-GNT-0042',
  waId: '919000000042',
  name: 'K. Srinivas',
  department: 'revenue',
  district: 'guntur',
  role: 'tahsildar',
};
const revocation = {
  type: 'revoke-certificate',
  waId: tahsildar.waId,
  certId: CERT_ID,
  reason: 'issued on a forged statement',
  language: 'en',
};

/** An officer's own conversation in each state that shows a screen of its own before anything else. */
const states: [string, () => Citizen][] = [
  ['who never chatted', () => new Citizen(tahsildar.waId)],
  [
    'at the language prompt',
    () => {
      const desk = new Citizen(tahsildar.waId);
      desk.text('Hi');
      return desk;
    },
  ],
  [
    'at the consent prompt',
    () => {
      const desk = new Citizen(tahsildar.waId);
      desk.text('Hi');
      desk.tap('lang:en');
      return desk;
    },
  ],
  [
    'whose conversation lapsed mid-form',
    () => {
      const desk = new Citizen(tahsildar.waId).ready();
      desk.tap('svc:revenue.income-certificate');
      desk.advance(45);
      return desk;
    },
  ],
];

describe("an officer's commands, whatever their own conversation is doing", () => {
  it.each(states)('revokes a certificate for an officer %s', (_state, desk) => {
    const officer = desk();
    const before = officer.session.step;
    const turn = officer.text(`revoke ${CERT_ID} issued on a forged statement`, { officer: tahsildar });
    expect(turn.effects).toEqual([revocation]);
    expect(officer.said).toBe(`Revoking certificate ${CERT_ID}…`);
    expect(officer.session.step).toEqual(before);
  });

  it.each(states)('shows the worklist to an officer %s', (_state, desk) => {
    const officer = desk();
    officer.text('pending', { officer: tahsildar, officerQueue: { waiting: [], total: 0 } });
    expect(officer.said).toContain('Revenue (Guntur): no application is waiting for a decision');
  });

  it.each(states)('takes a typed approval from an officer %s', (_state, desk) => {
    const officer = desk();
    const turn = officer.text(`approve ${APP}`, { officer: tahsildar });
    expect(turn.effects).toMatchObject([{ type: 'decide-application', applicationId: APP, decision: 'approved' }]);
  });

  it('asks an officer who never chatted for the reason of a typed rejection, then takes it', () => {
    const officer = new Citizen(tahsildar.waId);
    officer.text(`reject ${APP}`, { officer: tahsildar });
    expect(officer.said).toContain(APP);
    const turn = officer.text('Income proof is missing');
    expect(turn.effects).toMatchObject([{ type: 'decide-application', decision: 'rejected' }]);
  });
});

describe('the same words from anyone who is not an officer', () => {
  it('are answered with the language prompt on a new number, revoking nothing', () => {
    const stranger = new Citizen('919111111111');
    const turn = stranger.text(`revoke ${CERT_ID} issued on a forged statement`);
    expect(turn.effects).toEqual([]);
    expect(stranger.session.step).toMatchObject({ name: 'choose-language' });
  });

  it('are answered with the consent notice at the consent prompt', () => {
    const stranger = new Citizen('919111111111');
    stranger.text('Hi');
    stranger.tap('lang:en');
    const turn = stranger.text('pending');
    expect(turn.effects).toEqual([]);
    expect(stranger.session.step).toMatchObject({ name: 'consent' });
  });

  it('are answered with a fresh start after an idle form', () => {
    const stranger = new Citizen('919111111111').ready();
    stranger.tap('svc:revenue.income-certificate');
    stranger.advance(45);
    stranger.text(`approve ${APP}`);
    expect(stranger.turn.effects).toEqual([]);
    expect(stranger.said).toContain('30 minutes');
  });
});
