import { describe, expect, it } from 'vitest';
import type { Language } from '#core/catalog/schema.ts';
import type { TurnContext } from '#core/conversation/context.ts';
import { turnNeeds } from '#core/conversation/converse.ts';
import { protectAadhaar } from '#core/forms/aadhaar.ts';
import { Citizen } from './citizen.ts';

const AADHAAR = '234567890124';
const KEY = 'local-aadhaar-hash-key';
const sent = { otpRequest: { ok: true as const, txnId: 'txn-form' } };
const right = { otpCheck: { ok: true as const, valid: true } };

/** A citizen answers the income certificate's questions up to its Aadhaar question. */
function atAadhaarQuestion(language: Language = 'en'): Citizen {
  const citizen = new Citizen().ready(language);
  citizen.tap('svc:revenue.income-certificate');
  citizen.text('Ravi Kumar Reddy');
  citizen.tap('opt:son-of');
  citizen.text('Venkata Reddy');
  return citizen;
}

/** …answers it (the webhook sending the OTP in that turn) and the rest, and arrives at the summary. */
function atSummary(language: Language = 'en', otp: Partial<TurnContext> = sent): Citizen {
  const citizen = atAadhaarQuestion(language);
  citizen.text(AADHAAR, otp);
  citizen.text('120000');
  citizen.text('Tadikonda');
  citizen.text('Tadikonda');
  citizen.tap('opt:guntur');
  citizen.tap('opt:education');
  expect(citizen.session.step).toMatchObject({ name: 'confirm' });
  return citizen;
}

const message = (citizen: Citizen, text: string) => ({
  messageId: 'wamid.next',
  waId: citizen.waId,
  sentAt: citizen.now,
  content: { type: 'text' as const, text },
});

describe('the Aadhaar number is asked once per application', () => {
  it("asks the webhook to send the OTP in the turn that answers the form's Aadhaar question, and for nothing else", () => {
    const citizen = atAadhaarQuestion();
    expect(turnNeeds(citizen.session, message(citizen, AADHAAR), citizen.now)).toEqual({
      applications: false,
      otpRequest: { aadhaar: AADHAAR },
    });
    expect(turnNeeds(citizen.session, message(citizen, '1234'), citizen.now)).toEqual({ applications: false });
    citizen.text(AADHAAR, sent);
    expect(turnNeeds(citizen.session, message(citizen, '120000'), citizen.now)).toEqual({ applications: false });
  });

  it('sends the OTP to the Aadhaar of the form on confirming, and says so without asking for the number again', () => {
    const citizen = atSummary();
    // The form shows nothing of the OTP yet: it is asked for only after the summary is confirmed.
    expect(citizen.said).not.toContain('OTP');
    citizen.tap('confirm');
    expect(citizen.said).toBe(
      'We sent a one-time password (OTP) to the mobile number linked with Aadhaar XXXX XXXX 0124. Please type the 6-digit OTP.',
    );
    expect(citizen.said).not.toContain('Type your 12-digit Aadhaar');
    expect(citizen.session.step).toMatchObject({
      name: 'identity-otp',
      txnId: 'txn-form',
      last4: '0124',
      aadhaarHash: protectAadhaar(AADHAAR, KEY).hash,
      purpose: { name: 'submit', serviceId: 'revenue.income-certificate' },
    });
    const turn = citizen.text('123456', right);
    expect(citizen.said).toContain('Thank you, your identity is confirmed.');
    expect(turn.effects).toMatchObject([
      { type: 'start-application', application: { citizenHash: protectAadhaar(AADHAAR, KEY).hash } },
    ]);
  });

  it('says it in Telugu for a Telugu citizen', () => {
    const citizen = atSummary('te');
    citizen.tap('confirm');
    expect(citizen.said).toBe('ఆధార్ XXXX XXXX 0124 కు అనుసంధానమైన మొబైల్‌కు ఓటీపీ పంపాము. దయచేసి 6 అంకెల ఓటీపీ టైప్ చేయండి.');
    expect(citizen.said).not.toContain('12 అంకెల ఆధార్');
  });

  it('never keeps the full number: the form holds the transaction, the keyed hash and the last four digits', () => {
    const citizen = atSummary();
    expect(JSON.stringify(citizen.session)).not.toContain(AADHAAR);
    expect(citizen.session.step).toMatchObject({
      otp: { fieldId: 'aadhaar', txnId: 'txn-form', last4: '0124', sentAt: citizen.now.toISOString() },
    });
  });

  it('keeps the OTP through an edit of another answer, and sends a new one for a new Aadhaar number', () => {
    const citizen = atSummary();
    citizen.tap('edit');
    citizen.tap('field:annual-income');
    citizen.text('150000');
    citizen.tap('confirm');
    expect(citizen.session.step).toMatchObject({ name: 'identity-otp', txnId: 'txn-form' });

    const again = atSummary();
    again.tap('edit');
    again.tap('field:aadhaar');
    again.text('987654321012', { otpRequest: { ok: true, txnId: 'txn-new' } });
    again.tap('confirm');
    expect(again.session.step).toMatchObject({ name: 'identity-otp', txnId: 'txn-new', last4: '1012' });
  });

  it('asks for the Aadhaar as before when the OTP sent with the answer is too old to type', () => {
    const citizen = atSummary();
    citizen.advance(9);
    citizen.tap('confirm');
    expect(citizen.said).toContain('Type your 12-digit Aadhaar number');
    expect(citizen.session.step).toMatchObject({ name: 'identity-aadhaar' });
  });

  it('asks for the Aadhaar as before when the identity service did not answer with the form', () => {
    const citizen = atSummary('en', { otpRequest: { ok: false } });
    citizen.tap('confirm');
    expect(citizen.session.step).toMatchObject({ name: 'identity-aadhaar' });
  });

  it('sends no OTP with the form for a citizen whose identity is already confirmed, and submits on confirming', () => {
    const citizen = atSummary();
    citizen.tap('confirm');
    citizen.text('123456', right);
    const next = atAadhaarQuestion();
    next.session = { ...next.session, identity: citizen.session.identity };
    expect(turnNeeds(next.session, message(next, AADHAAR), next.now)).toEqual({ applications: false });
    next.text(AADHAAR);
    next.text('120000');
    next.text('Tadikonda');
    next.text('Tadikonda');
    next.tap('opt:guntur');
    next.tap('opt:education');
    const turn = next.tap('confirm', { applications: [] });
    expect(turn.effects).toMatchObject([{ type: 'start-application' }]);
  });
});
