import { describe, expect, it } from 'vitest';
import { worklistReply } from '#core/applications/approval.ts';
import { revocationReasonText } from '#core/certificate/revocation.ts';
import { revocationAnswer, scanAnswer } from '#core/certificate/tasks.ts';
import { renderVerificationPage } from '#core/certificate/verification-page.ts';
import { commandOf } from '#core/conversation/commands.ts';
import { isWorklistCommand, parseDecisionCommand } from '#core/conversation/officer-commands.ts';
import { strings, t } from '#core/i18n/strings.ts';
import { Citizen, services } from './citizen.ts';

const AADHAAR = '234567890124';

function submittedOneDayBill(language: 'en' | 'te'): Citizen {
  const citizen = new Citizen().ready(language);
  citizen.tap('svc:women-child.women-grievance');
  citizen.text('A neighbour shouts threats at my daughter every evening near the school gate.');
  citizen.text('Tenali, Tenali, Guntur');
  citizen.tap('photos-done');
  citizen.tap('confirm');
  citizen.text(AADHAAR, { otpRequest: { ok: true, txnId: 'txn-1' } });
  citizen.text('123456', { otpCheck: { ok: true, valid: true } });
  return citizen;
}

describe('counts in what people read', () => {
  it('says "1 working day" and "1 question" for a one-day, one-question service, in English and Telugu', () => {
    const english = submittedOneDayBill('en');
    expect(english.said).toContain('within 1 working day.');
    const telugu = submittedOneDayBill('te');
    expect(telugu.said).toContain('1 పని దినంలో');
    const asked = new Citizen().ready();
    asked.tap('svc:women-child.women-grievance');
    expect(asked.said).toContain('Women safety complaint: 1 question.');
  });

  it('says "7 working days" and "4 questions" when there are more', () => {
    const citizen = new Citizen().ready('te');
    citizen.tap('svc:municipal.trade-licence');
    const fields = services.services.find((s) => s.id === 'municipal.trade-licence')!.fields.length;
    expect(citizen.said).toContain(`${fields} ప్రశ్నలు`);
    expect(t('submitted', 'en', { sla: 7 })).toContain('within 7 working days.');
    expect(t('submitted', 'te', { sla: 7 })).toContain('7 పని దినాలలో');
  });

  it('counts OTP attempts left and idle minutes in the singular and the plural', () => {
    expect(t('otpWrong', 'en', { left: 1 })).toContain('1 attempt left');
    expect(t('otpWrong', 'en', { left: 2 })).toContain('2 attempts left');
    expect(t('otpWrong', 'te', { left: 1 })).toContain('1 ప్రయత్నం ఉంది');
    expect(t('otpWrong', 'te', { left: 2 })).toContain('2 ప్రయత్నాలు ఉన్నాయి');
    expect(t('sessionExpired', 'en', { minutes: 1 })).toContain('after 1 minute without');
    expect(t('invalidDigitsExact', 'en', { min: 1 })).toBe('Please type exactly 1 digit.');
  });

  it("tells an officer that 1 application waits, and that 2 wait, in the department's words", () => {
    const waiting = {
      applicationId: 'AP-0123456789AB',
      serviceId: 'revenue.income-certificate',
      submittedAt: '2026-11-20T04:30:00.000Z',
      values: {},
      department: 'revenue',
      district: 'guntur',
      dueAt: '2026-11-25T18:29:59.000Z',
      escalated: false,
    };
    const body = (total: number, language: 'en' | 'te') => {
      const reply = worklistReply(
        { waiting: [waiting], total },
        { department: 'revenue', district: 'guntur' },
        services,
        language,
      );
      return reply.type === 'list' ? reply.body : '';
    };
    expect(body(1, 'en')).toContain('Revenue (Guntur): 1 application waits for a decision');
    expect(body(2, 'en')).toContain('Revenue (Guntur): 2 applications wait for a decision');
    expect(body(1, 'te')).toContain('1 దరఖాస్తు నిర్ణయం కోసం వేచి ఉంది');
  });

  it('leaves no "(s)" or "(లు)" in any message', () => {
    for (const [id, text] of Object.entries(strings)) {
      expect(text.en, id).not.toMatch(/\(s\)/);
      expect(text.te, id).not.toMatch(/\((లు|ల)\)/);
    }
  });
});

describe('masked names in WhatsApp text', () => {
  const certificate = {
    title: 'Income Certificate',
    documentType: 'income',
    holder: 'R**** K**** R****',
    issuer: { department: 'Revenue Department', authority: 'Tahsildar' },
    issuedAt: '2026-11-28T10:00:00.000Z',
    issueDate: '2026-11-28',
  };

  it('never carries a "*" that WhatsApp would pair into bold, and still shows the mask', () => {
    for (const language of ['en', 'te'] as const) {
      const answer = scanAnswer({ status: 'valid', certId: 'AbCdEfGhIjKlMnOpQrStUw', certificate }, language);
      expect(answer).not.toContain('*');
      expect(answer).toContain('R∗∗∗∗ K∗∗∗∗ R∗∗∗∗');
    }
  });

  it('wraps no placeholder of any message in WhatsApp bold', () => {
    for (const [id, text] of Object.entries(strings))
      for (const language of ['en', 'te'] as const) expect(text[language], id).not.toMatch(/\*[^*\s]*\{\w+/);
  });
});

describe('Telugu messages name the commands in Telugu', () => {
  const quoted = (text: string) => [...text.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);

  it('puts no English command word in quotes in any Telugu message', () => {
    for (const [id, text] of Object.entries(strings))
      for (const word of quoted(text.te)) expect(word, `${id}: "${word}"`).not.toMatch(/^[A-Za-z]+\b/);
  });

  it('accepts every command word the Telugu help shows', () => {
    const help = quoted(strings.help.te);
    const commands = help.map((word) => commandOf(word)).filter(Boolean);
    expect(commands).toEqual(['greet', 'status', 'language', 'alerts', 'bills', 'back', 'cancel', 'stop']);
    expect(commandOf(quoted(strings.stopped.te)[0]!)).toBe('start');
    expect(commandOf(quoted(strings.consentDeclined.te)[0]!)).toBe('greet');
  });

  it("accepts the officer's Telugu words the notice shows", () => {
    const [approve = '', reject = '', pending = ''] = quoted(strings.officerDecisionHow.te);
    const id = 'AP-0123456789AB';
    expect(parseDecisionCommand(approve.replace('{applicationId}', id))).toMatchObject({ decision: 'approved' });
    expect(parseDecisionCommand(reject.replace('{applicationId}', id).replace('<కారణం>', 'పత్రం లేదు'))).toMatchObject({
      decision: 'rejected',
      reason: 'పత్రం లేదు',
    });
    expect(isWorklistCommand(pending)).toBe(true);
  });

  it('answers a Telugu citizen who types the help words', () => {
    const citizen = new Citizen().ready('te');
    citizen.text('సహాయం');
    for (const word of ['మెనూ', 'స్థితి', 'భాష', 'వెనుకకు', 'రద్దు', 'ఆపు']) expect(citizen.said).toContain(`"${word}"`);
    citizen.text('ఆపు');
    expect(citizen.session.stopped).toBe(true);
    citizen.text('ప్రారంభించు');
    expect(citizen.session.stopped).toBe(false);
  });
});

describe("times people read are India's", () => {
  // 20:00 UTC on 29 November is 01:30 on 30 November in India.
  const lateEvening = '2026-11-29T20:00:00.000Z';
  const certificate = {
    title: 'Income Certificate',
    documentType: 'income',
    holder: 'R**** K****',
    issuer: { department: 'Revenue Department', authority: 'Tahsildar' },
    issuedAt: '2026-11-28T10:00:00.000Z',
    issueDate: '2026-11-28',
    revokedAt: lateEvening,
    revocationReason: revocationReasonText('false-information'),
  };
  const certId = 'AbCdEfGhIjKlMnOpQrStUw';

  it('dates a revocation by the day in India, in the chat and on the verify page', () => {
    expect(scanAnswer({ status: 'revoked', certId, certificate }, 'en')).toContain('revoked on 2026-11-30');
    const answer = revocationAnswer(
      { outcome: 'revoked', certId, revokedAt: lateEvening, reason: 'forged', logIndex: 3 },
      'en',
    );
    expect(answer).toContain('as of 2026-11-30');
    expect(renderVerificationPage({ status: 'revoked', certId, certificate })).toContain('2026-11-30');
    expect(renderVerificationPage({ status: 'revoked', certId, certificate })).not.toContain('2026-11-29');
  });

  it("says until when wrong OTPs lock the check in India's time", () => {
    const citizen = new Citizen().ready();
    citizen.text('status');
    citizen.text(AADHAAR, { otpRequest: { ok: true, txnId: 'txn-1' } });
    for (const otp of ['111111', '222222', '333333']) citizen.text(otp, { otpCheck: { ok: true, valid: false } });
    // Locked at 10:00 UTC for 30 minutes: 16:00 in India.
    expect(citizen.said).toContain('until 16:00 (IST)');
  });
});
