import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '#core/conversation/context.ts';
import { turnNeeds } from '#core/conversation/converse.ts';
import { classify } from '#core/conversation/intents/classify.ts';
import type { InboundContent } from '#core/conversation/messages.ts';
import type { Session } from '#core/conversation/session.ts';
import { Citizen } from './citizen.ts';

const APP = 'AP-0123456789AB';
const CERT_ID = 'AbCdEfGhIjKlMnOpQrStUw';
const AADHAAR = '234567890124';

/** The intent of this message from this citizen's conversation as it stands now. */
function meaning(citizen: Citizen, content: InboundContent | string) {
  const message = typeof content === 'string' ? ({ type: 'text', text: content } as const) : content;
  return classify(
    citizen.session,
    { messageId: 'wamid.probe', waId: citizen.waId, sentAt: citizen.now, content: message },
    { now: citizen.now, settings: DEFAULT_SETTINGS },
  );
}

const tapOn = (citizen: Citizen, action: string): InboundContent => ({
  type: 'choice',
  id: `${action}~${citizen.session.menu.token}`,
  title: action,
});

function inForm(serviceId = 'revenue.income-certificate'): Citizen {
  const citizen = new Citizen().ready();
  citizen.tap(`svc:${serviceId}`);
  return citizen;
}

function atSummary(): Citizen {
  const citizen = inForm('energy.electricity-bill');
  citizen.text('123456789');
  return citizen;
}

function atAadhaarPrompt(): Citizen {
  const citizen = new Citizen().ready();
  citizen.text('status');
  return citizen;
}

describe('what a message means before any language or consent', () => {
  it('asks a new number for its language, whatever it says, and takes a language however given', () => {
    const fresh = new Citizen();
    expect(meaning(fresh, 'income certificate')).toEqual({ kind: 'ask-language', request: 'income certificate' });
    expect(meaning(fresh, 'Hi')).toEqual({ kind: 'ask-language' });
    expect(meaning(fresh, 'Telugu')).toEqual({ kind: 'choose-language', language: 'te' });
    fresh.text('Hi');
    expect(meaning(fresh, '2')).toEqual({ kind: 'choose-language', language: 'te' });
    expect(meaning(fresh, tapOn(fresh, 'lang:en'))).toEqual({ kind: 'choose-language', language: 'en' });
  });

  it('asks for consent until it is given or declined', () => {
    const citizen = new Citizen();
    citizen.text('Hi');
    citizen.tap('lang:en');
    expect(meaning(citizen, 'status')).toEqual({ kind: 'ask-consent' });
    expect(meaning(citizen, tapOn(citizen, 'consent:yes'))).toEqual({ kind: 'consent', accepted: true });
    expect(meaning(citizen, '2')).toEqual({ kind: 'consent', accepted: false });
  });
});

describe('what a citizen means at the main menu', () => {
  const citizen = new Citizen().ready();

  it.each([
    ['Hi', { kind: 'greet' }],
    ['help', { kind: 'help' }],
    ['సహాయం', { kind: 'help' }],
    ['language', { kind: 'language-menu' }],
    ['status', { kind: 'status' }],
    ['back', { kind: 'back' }],
    ['cancel', { kind: 'cancel' }],
    ['STOP', { kind: 'stop' }],
    ['income certificate', { kind: 'search', text: 'income certificate' }],
    ['99', { kind: 'bad-number', number: 99 }],
  ] as const)('reads "%s" as %j', (typed, intent) => {
    expect(meaning(citizen, typed)).toEqual(intent);
  });

  it('reads taps and typed numbers of the menu shown as departments and pages', () => {
    expect(meaning(citizen, tapOn(citizen, 'dept:police'))).toEqual({ kind: 'department', departmentId: 'police' });
    expect(meaning(citizen, '1')).toMatchObject({ kind: 'department' });
    // From a citizen who filed a grievance, a bare 1 to 5 may also rate one resolved: with none waiting, the turn
    // reads it as the menu's option.
    const before = citizen.session;
    citizen.session = { ...before, grievanceFiledAt: citizen.now.toISOString() };
    expect(meaning(citizen, '1')).toMatchObject({ kind: 'grievance-rating-typed', otherwise: { kind: 'department' } });
    citizen.session = before;
    expect(meaning(citizen, tapOn(citizen, 'more'))).toEqual({ kind: 'page', step: 1 });
  });

  it('reads a service tapped on any menu, however old, as that service', () => {
    expect(meaning(citizen, { type: 'choice', id: 'svc:revenue.income-certificate~1', title: 'Income' })).toEqual({
      kind: 'service',
      serviceId: 'revenue.income-certificate',
    });
  });

  it('reads a context-bound tap of an old menu as stale, and a photo or a location apart from text', () => {
    expect(meaning(citizen, { type: 'choice', id: 'confirm~1', title: 'Confirm' })).toEqual({ kind: 'stale' });
    expect(meaning(citizen, { type: 'media', mediaType: 'image', mediaId: 'm-1' })).toEqual({
      kind: 'image',
      mediaId: 'm-1',
    });
    expect(meaning(citizen, { type: 'location', latitude: 16.5, longitude: 80.6 })).toEqual({ kind: 'unreadable' });
  });
});

describe('what a citizen means in a form', () => {
  it('reads typed text as the answer, even a language name or a number when no options are shown', () => {
    const citizen = inForm();
    expect(meaning(citizen, 'Telugu')).toEqual({ kind: 'answer', text: 'Telugu' });
    expect(meaning(citizen, '42')).toEqual({ kind: 'answer', text: '42' });
    expect(meaning(citizen, 'back')).toEqual({ kind: 'back' });
  });

  it('reads an option of a choice question by tap or number', () => {
    const citizen = inForm('revenue.family-member-certificate');
    citizen.text('Ravi Kumar');
    citizen.tap('opt:son-of');
    citizen.text('Rama Rao');
    citizen.text(AADHAAR);
    citizen.text('Tenali');
    citizen.text('Tenali');
    expect(meaning(citizen, '3')).toMatchObject({ kind: 'option' });
    expect(meaning(citizen, tapOn(citizen, 'more'))).toEqual({ kind: 'page', step: 1 });
  });

  it('reads the summary buttons as confirm, edit and cancel, and typed text there as not understood', () => {
    const citizen = atSummary();
    expect(meaning(citizen, '1')).toEqual({ kind: 'confirm' });
    expect(meaning(citizen, tapOn(citizen, 'edit'))).toEqual({ kind: 'edit' });
    expect(meaning(citizen, '3')).toEqual({ kind: 'cancel' });
    expect(meaning(citizen, 'yes please')).toEqual({ kind: 'not-understood' });
    citizen.tap('edit');
    expect(meaning(citizen, '1')).toMatchObject({ kind: 'edit-field' });
  });
});

describe('what a citizen means while proving who they are', () => {
  it('reads an Aadhaar number, an OTP, or neither, at their prompts', () => {
    const citizen = atAadhaarPrompt();
    expect(meaning(citizen, AADHAAR)).toEqual({ kind: 'aadhaar', aadhaar: AADHAAR });
    expect(meaning(citizen, '1234')).toEqual({ kind: 'aadhaar' });
    citizen.text(AADHAAR, { otpRequest: { ok: true, txnId: 'txn-1' } });
    expect(meaning(citizen, '౧౨౩౪౫౬')).toEqual({ kind: 'otp', otp: '123456' });
    expect(meaning(citizen, '12345')).toEqual({ kind: 'otp' });
  });

  it('reads anything typed at a locked prompt as locked, before reading the number', () => {
    const citizen = atAadhaarPrompt();
    const locked: Session = {
      ...citizen.session,
      identity: { failedAttempts: 0, lockedUntil: new Date(citizen.now.getTime() + 60_000).toISOString() },
    };
    citizen.session = locked;
    expect(meaning(citizen, AADHAAR)).toEqual({ kind: 'identity-locked' });
  });
});

describe('what an officer means', () => {
  it('reads decisions, the worklist and revocations, each with what it means from anyone else', () => {
    const desk = new Citizen('919000000042').ready();
    expect(meaning(desk, { type: 'choice', id: `decide:approve:${APP}`, title: 'Approve' })).toMatchObject({
      kind: 'decision',
      decision: 'approved',
      applicationId: APP,
      otherwise: { kind: 'stale' },
    });
    expect(meaning(desk, `reject ${APP} photo missing`)).toMatchObject({
      kind: 'decision',
      decision: 'rejected',
      reason: 'photo missing',
      otherwise: { kind: 'search' },
    });
    expect(meaning(desk, 'pending')).toEqual({ kind: 'worklist', otherwise: { kind: 'search', text: 'pending' } });
    expect(meaning(desk, { type: 'choice', id: `decide:open:${APP}`, title: APP })).toMatchObject({
      kind: 'worklist-open',
      applicationId: APP,
    });
    expect(meaning(desk, `revoke ${CERT_ID} forged`)).toMatchObject({
      kind: 'revoke',
      certId: CERT_ID,
      reason: 'forged',
    });
  });

  it('reads what follows a tap on Reject as its reason, or its withdrawal', () => {
    const desk = new Citizen('919000000042').ready();
    desk.send({ type: 'choice', id: `decide:reject:${APP}`, title: 'Reject' }, { officer: officer() });
    expect(meaning(desk, 'Telugu')).toEqual({ kind: 'rejection-reason', applicationId: APP, text: 'Telugu' });
    expect(meaning(desk, '2')).toEqual({ kind: 'rejection-reason', applicationId: APP, text: '2' });
    expect(meaning(desk, 'cancel')).toEqual({ kind: 'rejection-withdrawn', applicationId: APP });
    expect(meaning(desk, 'help')).toEqual({ kind: 'help' });
  });
});

describe('which meaning wins', () => {
  it('lets STOP silence everything, officer commands included, until START', () => {
    const citizen = new Citizen().ready();
    citizen.text('STOP');
    expect(meaning(citizen, `approve ${APP}`)).toEqual({ kind: 'silent' });
    expect(meaning(citizen, 'Hi')).toEqual({ kind: 'silent' });
    expect(meaning(citizen, 'START')).toEqual({ kind: 'resume' });
  });

  it("reads an officer's command before the language, the consent and an idle conversation", () => {
    const fresh = new Citizen('919000000042');
    expect(meaning(fresh, `revoke ${CERT_ID} forged`)).toMatchObject({
      kind: 'revoke',
      otherwise: { kind: 'ask-language' },
    });
    const idle = inForm();
    idle.advance(45);
    expect(meaning(idle, 'pending')).toEqual({ kind: 'worklist', otherwise: { kind: 'expired' } });
    expect(meaning(idle, 'Ravi Kumar')).toEqual({ kind: 'expired' });
  });

  it('lets a reason prompt left idle lapse, while a fresh decision still counts', () => {
    const desk = new Citizen('919000000042').ready();
    desk.send({ type: 'choice', id: `decide:reject:${APP}`, title: 'Reject' }, { officer: officer() });
    desk.advance(45);
    expect(meaning(desk, 'documents missing')).toEqual({ kind: 'expired' });
    expect(meaning(desk, `approve ${APP}`)).toMatchObject({ kind: 'decision', otherwise: { kind: 'expired' } });
  });

  it('reads commands before typed numbers, and a language name as a switch only outside a form', () => {
    const citizen = new Citizen().ready();
    expect(meaning(citizen, 'తెలుగు')).toEqual({ kind: 'choose-language', language: 'te' });
    expect(meaning(citizen, '?')).toEqual({ kind: 'help' });
    expect(meaning(atAadhaarPrompt(), 'Telugu')).toEqual({ kind: 'aadhaar' });
  });
});

describe('what the webhook looks up follows the same meaning', () => {
  const needs = (citizen: Citizen, text: string) =>
    turnNeeds(
      citizen.session,
      { messageId: 'wamid.probe', waId: citizen.waId, sentAt: citizen.now, content: { type: 'text', text } },
      citizen.now,
      DEFAULT_SETTINGS,
    );

  it('looks up nothing for a stopped conversation, not even an officer', () => {
    const citizen = new Citizen().ready();
    citizen.text('STOP');
    expect(needs(citizen, `revoke ${CERT_ID} forged`)).toEqual({ applications: false });
  });

  it('looks up the officer and the worklist for "pending" from an idle conversation', () => {
    const idle = inForm();
    idle.advance(45);
    expect(needs(idle, 'pending')).toEqual({ applications: false, officer: true, officerQueue: true });
  });

  it('sends no OTP for a number typed at a lapsed Aadhaar prompt', () => {
    const citizen = atAadhaarPrompt();
    citizen.advance(45);
    expect(needs(citizen, AADHAAR)).toEqual({ applications: false });
  });

  it('looks the officer and the application up for a decision typed at the OTP prompt, and checks no OTP for it', () => {
    const citizen = atAadhaarPrompt();
    citizen.text(AADHAAR, { otpRequest: { ok: true, txnId: 'txn-1' } });
    expect(needs(citizen, `approve ${APP}`)).toEqual({ applications: false, officer: true, decisionOn: APP });
  });
});

function officer() {
  return {
    id: 'REV-GNT-0042',
    waId: '919000000042',
    name: 'K. Srinivas',
    department: 'Revenue Department',
    role: 'tahsildar' as const,
  };
}
