import { describe, expect, it } from 'vitest';
import type { ApplicationSummary } from '#core/conversation/context.ts';
import { turnNeeds } from '#core/conversation/converse.ts';
import { protectAadhaar } from '#core/forms/aadhaar.ts';
import { Citizen } from './citizen.ts';

const AADHAAR = '234567890124';
const KEY = 'local-aadhaar-hash-key';
const sent = { otpRequest: { ok: true as const, txnId: 'txn-1' } };
const right = { otpCheck: { ok: true as const, valid: true } };
const wrong = { otpCheck: { ok: true as const, valid: false } };

function application(overrides: Partial<ApplicationSummary> = {}): ApplicationSummary {
  return {
    applicationId: 'AP-0000000000AA',
    serviceId: 'revenue.income-certificate',
    state: 'issued',
    submittedAt: '2026-11-27T05:00:00.000Z',
    slaDays: 1,
    citizenHash: protectAadhaar(AADHAAR, KEY).hash,
    ...overrides,
  };
}

function askingForOtp(): Citizen {
  const citizen = new Citizen().ready();
  citizen.text('status');
  citizen.text(AADHAAR, sent);
  return citizen;
}

describe('identity by Aadhaar OTP', () => {
  it('asks for Aadhaar and an OTP before showing applications, then lists them with their states', () => {
    const citizen = askingForOtp();
    expect(citizen.session.step).toMatchObject({ name: 'identity-otp', txnId: 'txn-1', last4: '0124' });
    // Submitted on a Saturday with two working days: Sunday is not one.
    const pending = application({
      applicationId: 'AP-0000000000BB',
      state: 'received',
      serviceId: 'apsrtc.bus-pass',
      submittedAt: '2026-11-28T05:00:00.000Z',
      slaDays: 2,
    });
    citizen.text('123456', { ...right, applications: [application(), pending] });
    expect(citizen.said).toContain('identity is confirmed');
    expect(citizen.said).toContain(
      'AP-0000000000AA: Income certificate, issued (submitted 27-11-2026, due by 28-11-2026)',
    );
    expect(citizen.said).toContain(
      'AP-0000000000BB: Bus pass, received, waiting for the department (submitted 28-11-2026, due by 01-12-2026)',
    );
    expect(citizen.said.indexOf('AP-0000000000BB')).toBeLessThan(citizen.said.indexOf('AP-0000000000AA'));
  });

  it('shows only applications of the Aadhaar verified, not those of an earlier holder of the number', () => {
    const citizen = askingForOtp();
    const someoneElse = application({ applicationId: 'AP-0000000000CC', citizenHash: 'another-hash' });
    const legacy = application({ applicationId: 'AP-0000000000DD', citizenHash: undefined });
    citizen.text('123456', { ...right, applications: [someoneElse, legacy] });
    expect(citizen.said).toContain('no applications yet');
  });

  it('needs no new OTP within 30 days, and asks again after', () => {
    const citizen = askingForOtp();
    citizen.text('123456', { ...right, applications: [] });
    citizen.advance(29 * 24 * 60);
    expect(turnNeeds(citizen.session, message(citizen, 'status'), citizen.now)).toEqual({ applications: true });
    citizen.text('status', { applications: [application()] });
    expect(citizen.said).toContain('AP-0000000000AA');
    citizen.advance(2 * 24 * 60);
    expect(turnNeeds(citizen.session, message(citizen, 'status'), citizen.now)).toEqual({ applications: false });
    citizen.text('status');
    expect(citizen.session.step).toMatchObject({ name: 'identity-aadhaar' });
  });

  it('tells the webhook what to look up: an OTP to send, an OTP to check, never anything stored', () => {
    const citizen = new Citizen().ready();
    citizen.text('status');
    expect(turnNeeds(citizen.session, message(citizen, AADHAAR), citizen.now)).toEqual({
      applications: false,
      otpRequest: { aadhaar: AADHAAR },
    });
    expect(turnNeeds(citizen.session, message(citizen, '1234'), citizen.now)).toEqual({ applications: false });
    citizen.text(AADHAAR, sent);
    expect(turnNeeds(citizen.session, message(citizen, '౧౨౩౪౫౬'), citizen.now)).toEqual({
      applications: true,
      otpCheck: { txnId: 'txn-1', otp: '123456' },
    });
    expect(JSON.stringify(citizen.session)).not.toContain(AADHAAR);
  });

  it('locks identity checks for 30 minutes after three wrong OTPs, then lets the citizen try again', () => {
    const citizen = askingForOtp();
    citizen.text('111111', wrong);
    expect(citizen.said).toContain('2 attempts left');
    citizen.text('222222', wrong);
    expect(citizen.said).toContain('1 attempt left');
    citizen.text('333333', wrong);
    expect(citizen.said).toContain('Too many wrong OTPs');
    expect(citizen.session.identity.lockedUntil).toBe(new Date(citizen.now.getTime() + 30 * 60_000).toISOString());

    citizen.advance(10);
    citizen.text('status');
    expect(citizen.said).toContain('Too many wrong OTPs');
    expect(turnNeeds(citizen.session, message(citizen, AADHAAR), citizen.now).otpRequest).toBeUndefined();

    citizen.advance(21);
    citizen.text('status');
    expect(citizen.session.step).toMatchObject({ name: 'identity-aadhaar' });
    citizen.text(AADHAAR, sent);
    citizen.text('123456', { ...right, applications: [] });
    expect(citizen.session.identity).toMatchObject({ failedAttempts: 0, last4: '0124' });
  });

  it('says the identity service is unavailable rather than failing, and lets the citizen retry', () => {
    const citizen = new Citizen().ready();
    citizen.text('status');
    citizen.text(AADHAAR, { otpRequest: { ok: false } });
    expect(citizen.said).toContain('not reachable');
    expect(citizen.session.step).toMatchObject({ name: 'identity-aadhaar' });
  });

  it('re-asks an Aadhaar number that fails the Verhoeff check', () => {
    const citizen = new Citizen().ready();
    citizen.text('status');
    citizen.text('234567890125', sent);
    expect(citizen.said).toContain('not a valid Aadhaar');
  });
});

function message(citizen: Citizen, text: string) {
  return {
    messageId: 'wamid.probe',
    waId: citizen.waId,
    sentAt: citizen.now,
    content: { type: 'text' as const, text },
  };
}
