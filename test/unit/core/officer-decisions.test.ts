import { describe, expect, it } from 'vitest';
import { approvalRequest, decisionAnswer } from '#core/applications/approval.ts';
import { dueDate, secondsUntilDue } from '#core/applications/dates.ts';
import { DEFAULT_SETTINGS } from '#core/conversation/context.ts';
import { turnNeeds } from '#core/conversation/converse.ts';
import { parseDecisionCommand } from '#core/conversation/officer-commands.ts';
import type { Officer } from '#core/officers.ts';
import { LIMITS } from '#core/whatsapp/limits.ts';
import { Citizen, services } from './citizen.ts';

const APP = 'AP-0123456789AB';
const officer = (role: Officer['role'], waId = '919000000042'): Officer => ({
  id: `OFF-${role.toUpperCase()}`,
  waId,
  name: 'Test Officer',
  department: 'revenue',
  district: 'guntur',
  role,
});
const tahsildar = officer('tahsildar');

describe('reading an officer\'s "approve" and "reject"', () => {
  it('takes the application id, in any case, and the rest as the reason, in English or Telugu', () => {
    expect(parseDecisionCommand(`approve ${APP}`)).toEqual({ decision: 'approved', applicationId: APP, reason: '' });
    expect(parseDecisionCommand(`Reject ${APP.toLowerCase()}: photo does not match`)).toEqual({
      decision: 'rejected',
      applicationId: APP,
      reason: 'photo does not match',
    });
    expect(parseDecisionCommand(`తిరస్కరించు ${APP} చిరునామా తప్పు`)).toMatchObject({
      decision: 'rejected',
      reason: 'చిరునామా తప్పు',
    });
    expect(parseDecisionCommand(`ఆమోదించు ${APP}`)).toMatchObject({ decision: 'approved' });
  });

  it('reads an application id typed with Telugu digits, without the dash or without AP-', () => {
    const telugu = APP.replace(/\d/g, (d) => String.fromCharCode(0x0c66 + Number(d)));
    expect(telugu).not.toBe(APP);
    for (const typed of [telugu, 'AP0123456789AB', '0123456789ab', 'ap-O123456789AB']) {
      expect(parseDecisionCommand(`approve ${typed}`), typed).toEqual({
        decision: 'approved',
        applicationId: APP,
        reason: '',
      });
    }
    expect(parseDecisionCommand(`తిరస్కరించు ${telugu} పత్రం లేదు`)).toEqual({
      decision: 'rejected',
      applicationId: APP,
      reason: 'పత్రం లేదు',
    });
  });

  it('is no command without the word or a well-formed application id', () => {
    expect(parseDecisionCommand(`approve AP-123`)).toBeUndefined();
    expect(parseDecisionCommand(`status ${APP}`)).toBeUndefined();
    expect(parseDecisionCommand('approve my application')).toBeUndefined();
  });
});

describe('officer decisions in the conversation', () => {
  it('looks the sender up for a decision, typed or tapped, even before any language or consent', () => {
    const fresh = new Citizen(tahsildar.waId);
    const message = (content: { type: 'text'; text: string } | { type: 'choice'; id: string; title: string }) => ({
      messageId: 'wamid.1',
      waId: tahsildar.waId,
      sentAt: fresh.now,
      content,
    });
    const needs = (content: Parameters<typeof message>[0]) =>
      turnNeeds(fresh.session, message(content), fresh.now, DEFAULT_SETTINGS).officer;
    expect(needs({ type: 'text', text: `approve ${APP}` })).toBe(true);
    expect(needs({ type: 'choice', id: `decide:reject:${APP}`, title: 'Reject' })).toBe(true);
    expect(needs({ type: 'text', text: 'income certificate' })).toBeUndefined();
  });

  it('turns a tap on Approve into a decision, without asking for a language first', () => {
    const fresh = new Citizen(tahsildar.waId);
    const turn = fresh.send({ type: 'choice', id: `decide:approve:${APP}`, title: 'Approve' }, { officer: tahsildar });
    expect(turn.effects).toEqual([
      { type: 'decide-application', waId: tahsildar.waId, applicationId: APP, decision: 'approved', language: 'en' },
    ]);
    expect(fresh.said).toContain(`Recording your decision on ${APP}`);
  });

  it('asks for the reason after a tap on Reject, and sends the typed reason as the rejection', () => {
    const desk = new Citizen(tahsildar.waId).ready('te');
    desk.send({ type: 'choice', id: `decide:reject:${APP}`, title: 'Reject' }, { officer: tahsildar });
    expect(desk.turn.effects).toEqual([]);
    expect(desk.session.step).toEqual({ name: 'officer-reason', applicationId: APP });
    // A number is a (too short) reason here, never an option of an old menu.
    desk.text('2');
    expect(desk.turn.effects).toEqual([]);
    expect(desk.session.step).toMatchObject({ name: 'officer-reason' });
    const turn = desk.text('  Income   proof is\nmissing ');
    expect(turn.effects).toEqual([
      {
        type: 'decide-application',
        waId: tahsildar.waId,
        applicationId: APP,
        decision: 'rejected',
        reason: 'Income proof is missing',
        language: 'te',
      },
    ]);
    expect(desk.session.step).toMatchObject({ name: 'menu' });
  });

  it('takes a decision from an officer whose own conversation was left idle mid-form, without a restart first', () => {
    const desk = new Citizen(tahsildar.waId).ready();
    desk.tap('svc:revenue.income-certificate');
    desk.advance(45);
    const message = {
      messageId: 'wamid.idle',
      waId: tahsildar.waId,
      sentAt: desk.now,
      content: { type: 'text' as const, text: `approve ${APP}` },
    };
    expect(turnNeeds(desk.session, message, desk.now, DEFAULT_SETTINGS).officer).toBe(true);
    const turn = desk.text(`approve ${APP}`, { officer: tahsildar });
    expect(turn.effects).toMatchObject([{ type: 'decide-application', applicationId: APP, decision: 'approved' }]);
    expect(desk.said).not.toContain('30 minutes');
  });

  it('lets a reason prompt left idle lapse: the late text is no rejection', () => {
    const desk = new Citizen(tahsildar.waId).ready();
    desk.send({ type: 'choice', id: `decide:reject:${APP}`, title: 'Reject' }, { officer: tahsildar });
    desk.advance(45);
    const turn = desk.text('wrong documents attached', { officer: tahsildar });
    expect(turn.effects).toEqual([]);
    expect(desk.said).toContain('30 minutes');
  });

  it('lets the officer cancel a rejection before giving the reason', () => {
    const desk = new Citizen(tahsildar.waId).ready();
    desk.send({ type: 'choice', id: `decide:reject:${APP}`, title: 'Reject' }, { officer: tahsildar });
    const turn = desk.text('cancel');
    expect(turn.effects).toEqual([]);
    expect(desk.said).toContain(`Nothing was recorded for ${APP}`);
  });

  it('reads the same words and taps from anyone who is not an officer as nothing official', () => {
    const citizen = new Citizen().ready();
    expect(citizen.text(`approve ${APP}`).effects).toEqual([]);
    expect(citizen.send({ type: 'choice', id: `decide:approve:${APP}`, title: 'Approve' }).effects).toEqual([]);
    expect(citizen.said).not.toContain('Recording your decision');
  });
});

describe("an officer's worklist", () => {
  const waiting = (id: string, dueAt: string) => ({
    applicationId: id,
    serviceId: 'revenue.family-member-certificate',
    submittedAt: '2026-11-20T04:30:00.000Z',
    values: { 'applicant-name': 'Lakshmi Devi Kota', district: 'guntur' },
    department: 'revenue',
    district: 'guntur',
    dueAt,
    escalated: false,
  });

  it('looks the worklist up only for "pending" (in English or Telugu) and a tap on a worklist row', () => {
    const desk = new Citizen(tahsildar.waId);
    const needs = (content: { type: 'text'; text: string } | { type: 'choice'; id: string; title: string }) =>
      turnNeeds(
        desk.session,
        { messageId: 'wamid.1', waId: tahsildar.waId, sentAt: desk.now, content },
        desk.now,
        DEFAULT_SETTINGS,
      );
    expect(needs({ type: 'text', text: 'Pending' })).toMatchObject({ officer: true, officerQueue: true });
    expect(needs({ type: 'text', text: 'పెండింగ్' })).toMatchObject({ officerQueue: true });
    expect(needs({ type: 'choice', id: `decide:open:${APP}`, title: APP })).toMatchObject({ openApplication: APP });
    expect(needs({ type: 'text', text: 'pending applications for me' }).officerQueue).toBeUndefined();
  });

  it('lists the waiting applications, soonest due first, with the count, as rows that open each', () => {
    const desk = new Citizen(tahsildar.waId).ready();
    const queue = {
      waiting: [waiting(APP, '2026-11-25T18:29:59.000Z'), waiting('AP-ZYXWVTSRQPNM', '2026-12-01T18:29:59.000Z')],
      total: 14,
    };
    desk.text('pending', { officer: tahsildar, officerQueue: queue });
    expect(desk.list.sections[0]!.rows.map((r) => [r.id, r.title])).toEqual([
      [`decide:open:${APP}`, APP],
      ['decide:open:AP-ZYXWVTSRQPNM', 'AP-ZYXWVTSRQPNM'],
    ]);
    expect(desk.list.sections[0]!.rows[0]!.description).toBe('Family member cert., due 25-11-2026');
    // The department and district by the catalog's names, never the ids.
    expect(desk.said).toContain('Revenue (Guntur): 14 applications wait for a decision');
    desk.text('pending', { officer: tahsildar, officerQueue: { waiting: [], total: 0 } });
    expect(desk.said).toContain('Revenue (Guntur): no application is waiting');
    const stateLevel: Officer = { ...tahsildar, district: undefined, role: 'head-of-department' };
    const telugu = new Citizen(tahsildar.waId).ready('te');
    telugu.text('పెండింగ్', { officer: stateLevel, officerQueue: { waiting: [], total: 0 } });
    expect(telugu.said).toContain('రెవెన్యూ: ');
    expect(telugu.said).not.toContain('revenue');
  });

  it("opens an application's notice again from the worklist, or says it no longer waits", () => {
    const desk = new Citizen(tahsildar.waId).ready();
    desk.send(
      { type: 'choice', id: `decide:open:${APP}`, title: APP },
      { officer: tahsildar, openedApplication: waiting(APP, '2026-11-25T18:29:59.000Z') },
    );
    expect(desk.replies[0]).toMatchObject({
      type: 'buttons',
      buttons: [{ id: `decide:approve:${APP}` }, { id: `decide:reject:${APP}` }],
    });
    expect(desk.said).toContain('Lakshmi Devi Kota');
    desk.send(
      { type: 'choice', id: `decide:open:${APP}`, title: APP },
      { officer: tahsildar, openedApplication: null },
    );
    expect(desk.said).toContain(`Application ${APP} is not waiting for a decision`);
  });
});

describe('by when, and what the officer reads', () => {
  it('counts the SLA in working days (Monday to Saturday) to the end of the day in India', () => {
    // Friday 27 November 2026, 15:00 in India; 3 working days: Saturday, Monday, Tuesday.
    const submitted = '2026-11-27T09:30:00.000Z';
    expect(dueDate(submitted, 3).toISOString()).toBe('2026-12-01T18:29:59.000Z');
    expect(secondsUntilDue(submitted, 3, new Date(submitted))).toBe(
      (Date.parse('2026-12-01T18:29:59.000Z') - Date.parse(submitted)) / 1000,
    );
    // Taken up after its due date: still an hour for the officer before it is escalated.
    expect(secondsUntilDue(submitted, 3, new Date('2026-12-10T00:00:00Z'))).toBe(3600);
  });

  it("builds the officer's notice within WhatsApp's limits, with buttons that name the application", () => {
    const service = services.services.find((s) => s.id === 'revenue.family-member-certificate')!;
    const long = 'x'.repeat(300);
    for (const language of ['en', 'te'] as const) {
      const reply = approvalRequest(
        service,
        {
          applicationId: APP,
          submittedAt: '2026-11-27T09:30:00.000Z',
          values: { 'applicant-name': long, address: long },
        },
        dueDate('2026-11-27T09:30:00.000Z', 7),
        false,
        language,
      );
      if (reply.type !== 'buttons') throw new Error('expected buttons');
      expect(reply.body.length).toBeLessThanOrEqual(LIMITS.interactiveBody);
      expect(reply.body).toContain(APP);
      expect(reply.buttons.map((b) => b.id)).toEqual([`decide:approve:${APP}`, `decide:reject:${APP}`]);
      for (const button of reply.buttons) expect(button.title.length).toBeLessThanOrEqual(LIMITS.buttonTitle);
    }
  });

  it("tells the officer the decision's outcome, or why they may not decide", () => {
    expect(decisionAnswer({ outcome: 'approved', applicationId: APP }, services, 'en')).toContain('Approved');
    expect(decisionAnswer({ outcome: 'not-waiting', applicationId: APP }, services, 'en')).toContain('not waiting');
    const refused = {
      outcome: 'not-allowed' as const,
      applicationId: APP,
      jurisdiction: { department: 'revenue', district: 'guntur' },
      why: 'a krishna officer decides only that district',
    };
    expect(decisionAnswer(refused, services, 'en')).toContain('only deciding officers of Revenue (Guntur) can');
    expect(decisionAnswer(refused, services, 'te')).toContain('రెవెన్యూ (గుంటూరు)');
  });
});
