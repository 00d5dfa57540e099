import { describe, expect, it } from 'vitest';
import type { Language } from '#core/catalog/schema.ts';
import type { ApplicationSummary, HeldDocument } from '#core/conversation/context.ts';
import { turnNeeds } from '#core/conversation/converse.ts';
import type { InboundContent } from '#core/conversation/messages.ts';
import { protectAadhaar } from '#core/forms/aadhaar.ts';
import { Citizen } from './citizen.ts';

const AADHAAR = '234567890124';
const HASH = protectAadhaar(AADHAAR, 'local-aadhaar-hash-key').hash;
const HELD = 'AP-0000000000AA';
const CERT_ID = 'AbCdEfGhIjKlMnOpQrStUw';
const INCOME = 'revenue.income-certificate';

function application(overrides: Partial<ApplicationSummary> = {}): ApplicationSummary {
  return {
    applicationId: HELD,
    serviceId: INCOME,
    state: 'issued',
    submittedAt: '2026-11-20T05:00:00.000Z',
    slaDays: 1,
    citizenHash: HASH,
    ...overrides,
  };
}

const document = (overrides: Partial<HeldDocument> = {}): HeldDocument => ({
  applicationId: HELD,
  serviceId: INCOME,
  waId: '919876543210',
  citizenHash: HASH,
  certId: CERT_ID,
  archiveKey: `certificates/2026/11/20/${CERT_ID}.pdf`,
  valid: true,
  ...overrides,
});

/** A citizen who confirmed their Aadhaar with an OTP (for "status") earlier in the chat. */
function verified(language: Language = 'en'): Citizen {
  const citizen = new Citizen().ready(language);
  citizen.text('status');
  citizen.text(AADHAAR, { otpRequest: { ok: true, txnId: 'txn-1' } });
  citizen.text('123456', { otpCheck: { ok: true, valid: true }, applications: [] });
  return citizen;
}

const needsOf = (citizen: Citizen, content: InboundContent) =>
  turnNeeds(citizen.session, { messageId: 'wamid.x', waId: citizen.waId, sentAt: citizen.now, content }, citizen.now);
const tapOf = (citizen: Citizen, action: string): InboundContent => ({
  type: 'choice',
  id: `${action}~${citizen.session.menu.token}`,
  title: action,
});

describe('one valid certificate of a kind per citizen', () => {
  it("reads the citizen's applications on choosing a certificate only when their Aadhaar is verified", () => {
    const citizen = verified();
    expect(needsOf(citizen, tapOf(citizen, `svc:${INCOME}`))).toEqual({ applications: true });
    expect(needsOf(citizen, tapOf(citizen, 'svc:apsrtc.bus-pass'))).toEqual({ applications: false });
    const stranger = new Citizen().ready();
    expect(needsOf(stranger, tapOf(stranger, `svc:${INCOME}`))).toEqual({ applications: false });
  });

  it('tells a verified citizen at once that they hold it, before any question, and offers to send it again', () => {
    const citizen = verified();
    citizen.tap(`svc:${INCOME}`, { applications: [application()] });
    expect(citizen.said).toContain(`You already hold a valid Income certificate (application ${HELD})`);
    expect(citizen.said).not.toContain('applicant');
    expect(citizen.replies).toMatchObject([
      { type: 'buttons', buttons: [{ id: `resend:${HELD}~${citizen.session.menu.token}` }, { title: 'Main menu' }] },
    ]);
    expect(citizen.turn.effects).toEqual([]);
  });

  it('says so in Telugu', () => {
    const citizen = verified('te');
    citizen.tap(`svc:${INCOME}`, { applications: [application()] });
    expect(citizen.said).toContain(`మీ వద్ద ఇప్పటికే చెల్లుబాటు అయ్యే ఆదాయ ధృవీకరణ పత్రం ఉంది (దరఖాస్తు ${HELD})`);
    expect(citizen.replies).toMatchObject([{ buttons: [{ title: 'మళ్లీ పంపండి' }, { title: 'ప్రధాన మెనూ' }] }]);
  });

  it("sends the document again on a tap, as an effect for the webhook, captioned in the citizen's language", () => {
    const citizen = verified();
    citizen.tap(`svc:${INCOME}`, { applications: [application()] });
    expect(needsOf(citizen, tapOf(citizen, `resend:${HELD}`))).toEqual({ applications: false, heldDocument: HELD });
    const turn = citizen.tap(`resend:${HELD}`, { heldDocument: document() });
    expect(turn.effects).toEqual([
      {
        type: 'resend-document',
        waId: citizen.waId,
        applicationId: HELD,
        certId: CERT_ID,
        archiveKey: `certificates/2026/11/20/${CERT_ID}.pdf`,
        caption: `Your Income certificate (application ${HELD}), sent again. Document number ${CERT_ID}. Scan its QR code to verify it.`,
        title: 'Income Certificate',
      },
    ]);

    const telugu = verified('te');
    telugu.tap(`svc:${INCOME}`, { applications: [application()] });
    const again = telugu.tap(`resend:${HELD}`, { heldDocument: document() });
    expect(again.effects).toMatchObject([{ caption: expect.stringContaining('మళ్లీ పంపాము') }]);
  });

  it('sends nothing when the certificate was revoked since, or is not of this citizen', () => {
    for (const held of [document({ valid: false }), document({ citizenHash: 'another' }), null]) {
      const citizen = verified();
      citizen.tap(`svc:${INCOME}`, { applications: [application()] });
      const turn = citizen.tap(`resend:${HELD}`, { heldDocument: held });
      expect(turn.effects).toEqual([]);
      expect(citizen.said).toContain('That document cannot be sent again now');
    }
  });

  it('goes back to the main menu on the other button', () => {
    const citizen = verified();
    citizen.tap(`svc:${INCOME}`, { applications: [application()] });
    citizen.tap('home');
    expect(citizen.list.button).toBe('Departments');
  });

  it("lets the citizen apply when what they hold was revoked, is another certificate, or another Aadhaar's", () => {
    const others = [
      application({ state: 'revoked' }),
      application({ state: 'rejected' }),
      application({ serviceId: 'revenue.caste-certificate' }),
      application({ citizenHash: 'someone-else' }),
    ];
    const citizen = verified();
    citizen.tap(`svc:${INCOME}`, { applications: others });
    expect(citizen.session.step).toMatchObject({ name: 'form', serviceId: INCOME });
  });

  it('checks again after the OTP, before submitting, when the Aadhaar was verified only then', () => {
    const citizen = new Citizen().ready();
    citizen.tap(`svc:${INCOME}`);
    citizen.text('Ravi Kumar Reddy');
    citizen.tap('opt:son-of');
    citizen.text('Venkata Reddy');
    citizen.text(AADHAAR, { otpRequest: { ok: true, txnId: 'txn-form' } });
    citizen.text('120000');
    citizen.text('Tadikonda');
    citizen.text('Tadikonda');
    citizen.tap('opt:guntur');
    citizen.tap('opt:education');
    citizen.tap('confirm');
    expect(needsOf(citizen, { type: 'text', text: '123456' })).toEqual({
      applications: true,
      otpCheck: { txnId: 'txn-form', otp: '123456' },
    });
    const turn = citizen.text('123456', { otpCheck: { ok: true, valid: true }, applications: [application()] });
    expect(turn.effects).toEqual([]);
    expect(citizen.said).toContain('Thank you, your identity is confirmed.');
    expect(citizen.said).toContain(`You already hold a valid Income certificate (application ${HELD})`);
  });

  it('checks a verified citizen once more on confirming, and submits when nothing is held', () => {
    const citizen = verified();
    citizen.tap(`svc:${INCOME}`, { applications: [] });
    citizen.text('Ravi Kumar Reddy');
    citizen.tap('opt:son-of');
    citizen.text('Venkata Reddy');
    citizen.text(AADHAAR);
    citizen.text('120000');
    citizen.text('Tadikonda');
    citizen.text('Tadikonda');
    citizen.tap('opt:guntur');
    citizen.tap('opt:education');
    expect(needsOf(citizen, tapOf(citizen, 'confirm'))).toEqual({ applications: true });
    const turn = citizen.tap('confirm', { applications: [application({ state: 'revoked' })] });
    expect(turn.effects).toMatchObject([{ type: 'start-application' }]);
  });
});
