import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '#core/conversation/context.ts';
import { applicationIdFor, converse } from '#core/conversation/converse.ts';
import { newSession } from '#core/conversation/session.ts';
import { strings } from '#core/i18n/strings.ts';
import { mediaKey } from '#core/media-keys.ts';
import { Citizen, START, services } from './citizen.ts';

const AADHAAR = '234567890124';
const verified = { otpRequest: { ok: true as const, txnId: 'txn-1' } };
const otpOk = { otpCheck: { ok: true as const, valid: true } };

describe('first contact', () => {
  it('greets a new citizen in both languages with a language choice and marks the message read', () => {
    const citizen = new Citizen();
    const turn = citizen.text('Hi');
    expect(turn.replies[0]).toMatchObject({ type: 'read-receipt' });
    expect(citizen.replies[0]).toMatchObject({ type: 'buttons', buttons: [{ id: 'lang:en~1' }, { id: 'lang:te~1' }] });
    expect(citizen.said).toContain('Namaste');
    expect(citizen.said).toContain('నమస్తే');
  });

  it.each(['Hi', 'hello', 'HELLO!', 'menu', 'namaste', 'నమస్తే', 'నమస్కారం', 'హాయ్', 'anything at all'])(
    'answers "%s" from a new number with the language choice',
    (greeting) => {
      const citizen = new Citizen();
      citizen.text(greeting);
      expect(citizen.session.step).toMatchObject({ name: 'choose-language' });
    },
  );

  it('carries out a first request once the citizen has chosen a language and agreed', () => {
    const citizen = new Citizen();
    citizen.text('naaku Guntur lo income certificate kavali, income 1,20,000');
    expect(citizen.said).toContain('Namaste');
    citizen.tap('lang:te');
    expect(citizen.said).toContain('డిజిటల్ వ్యక్తిగత డేటా రక్షణ చట్టం');
    citizen.tap('consent:yes');
    expect(citizen.session.step).toMatchObject({
      name: 'form',
      serviceId: 'revenue.income-certificate',
      values: { 'annual-income': '120000', district: 'guntur' },
    });
    expect(citizen.said).toContain('ఆదాయ ధృవీకరణ పత్రం');
    expect(citizen.said).toContain('1,20,000');
  });

  it('goes to the main menu after consent when the first message asked for nothing', () => {
    const citizen = new Citizen();
    citizen.text('good morning');
    citizen.tap('lang:en');
    citizen.tap('consent:yes');
    expect(citizen.session.step).toMatchObject({ name: 'menu' });
  });

  it('never keeps an Aadhaar number typed before consent, and forgets the request when consent is declined', () => {
    const citizen = new Citizen();
    citizen.text('income certificate, my aadhaar 2345 6789 0124');
    expect(JSON.stringify(citizen.session)).not.toMatch(/2345 ?6789 ?0124/);
    expect(citizen.session.step).toMatchObject({ request: 'income certificate, my aadhaar' });
    citizen.tap('lang:en');
    citizen.tap('consent:no');
    expect(JSON.stringify(citizen.session)).not.toContain('income certificate');
  });

  it('asks for consent under the data protection law in the chosen language before any service', () => {
    const citizen = new Citizen();
    citizen.text('Hi');
    citizen.tap('lang:te');
    expect(citizen.session.step).toEqual({ name: 'consent' });
    expect(citizen.said).toContain('డిజిటల్ వ్యక్తిగత డేటా రక్షణ చట్టం');
    citizen.tap('dept:revenue');
    expect(citizen.session.step).toEqual({ name: 'consent' });
    citizen.tap('consent:yes');
    expect(citizen.session.consentedAt).toBe(START.toISOString());
    expect(citizen.session.step).toMatchObject({ name: 'menu' });
  });

  it('keeps nothing when consent is declined', () => {
    const citizen = new Citizen();
    citizen.text('Hi');
    citizen.tap('lang:en');
    citizen.tap('consent:no');
    expect(citizen.session.consentedAt).toBeUndefined();
    expect(citizen.session.step).toEqual({ name: 'new' });
    expect(citizen.said).toContain('Without your consent');
  });

  it('remembers the language and the consent: the next "Hi" goes straight to the main menu', () => {
    const citizen = new Citizen().ready('te');
    citizen.text('Hi');
    expect(citizen.session.step).toMatchObject({ name: 'menu' });
    expect(citizen.list.button).toBe(strings.departmentsButton.te);
  });
});

describe('STOP and START', () => {
  it('sends only the confirmation after STOP, nothing at all until START, then resumes', () => {
    const citizen = new Citizen().ready();
    citizen.text('STOP');
    expect(citizen.said).toContain('no more messages');
    for (const message of ['Hi', 'status', '1', 'help']) {
      const turn = citizen.text(message);
      expect(turn.replies).toEqual([]);
    }
    citizen.text('START');
    expect(citizen.said).toContain('Welcome back');
    expect(citizen.session.stopped).toBe(false);
    expect(citizen.session.step).toMatchObject({ name: 'menu' });
  });
});

describe('menus', () => {
  it('numbers every option in the text as well as in the list, at most 10 rows with a "More" row', () => {
    const citizen = new Citizen().ready();
    const rows = citizen.list.sections[0]!.rows;
    expect(rows).toHaveLength(10);
    expect(rows.at(-1)!.id).toMatch(/^more~/);
    for (const [i, row] of rows.entries()) expect(citizen.list.body).toContain(`${i + 1}. ${row.title}`);
  });

  it.each([
    ['1', '౧'],
    ['2', '౨'],
    ['9', '౯'],
    ['10', '౧౦'],
  ])('takes typed %s and Telugu %s as the same option as a tap', (latin, telugu) => {
    const byLatin = new Citizen().ready();
    byLatin.text(latin);
    const byTelugu = new Citizen().ready();
    byTelugu.text(telugu);
    const byTap = new Citizen().ready();
    byTap.tap(byTap.session.menu.options[Number(latin) - 1]!);
    expect(byLatin.session.step).toEqual(byTap.session.step);
    expect(byTelugu.session.step).toEqual(byTap.session.step);
  });

  it('says which numbers exist when a typed number is out of range, and stays put', () => {
    const citizen = new Citizen().ready();
    const before = citizen.session.step;
    citizen.text('42');
    expect(citizen.said).toContain('1 to 10');
    expect(citizen.session.step).toEqual(before);
  });

  it('understands a department or service tapped on an old menu', () => {
    const citizen = new Citizen().ready();
    const oldToken = citizen.session.menu.token;
    citizen.text('help');
    citizen.tap('lang:te');
    citizen.tapOld('dept:police', oldToken);
    expect(citizen.session.step).toEqual({ name: 'services', departmentId: 'police', page: 0 });
  });

  it('refuses a context-bound tap of an old menu (confirm, more, an option) without acting on it', () => {
    const citizen = new Citizen().ready();
    citizen.tap('svc:energy.electricity-bill');
    citizen.text('123456789');
    const summaryToken = citizen.session.menu.token;
    citizen.tap('edit');
    citizen.tapOld('confirm', summaryToken);
    expect(citizen.turn.effects).toEqual([]);
    expect(citizen.said).toContain('earlier message');
    expect(citizen.session.step).toMatchObject({ name: 'edit' });
  });

  it('refuses a tap with no menu token at all', () => {
    const citizen = new Citizen().ready();
    citizen.tap('svc:energy.electricity-bill');
    citizen.text('123456789');
    citizen.send({ type: 'choice', id: 'confirm', title: 'Confirm' });
    expect(citizen.turn.effects).toEqual([]);
    expect(citizen.session.step).toMatchObject({ name: 'confirm' });
  });

  it('switches language with "language" and shows the same step again in the new one', () => {
    const citizen = new Citizen().ready();
    citizen.tap('dept:revenue');
    citizen.text('language');
    citizen.tap('lang:te');
    expect(citizen.session.language).toBe('te');
    expect(citizen.session.step).toEqual({ name: 'services', departmentId: 'revenue', page: 0 });
    expect(citizen.list.button).toBe(strings.servicesButton.te);
  });

  it('explains on "help" and keeps the menu, so a typed number still works', () => {
    const citizen = new Citizen().ready();
    citizen.text('help');
    expect(citizen.said).toContain('"status"');
    citizen.text('1');
    expect(citizen.session.step).toMatchObject({ name: 'services', departmentId: 'revenue' });
  });
});

describe('search', () => {
  it.each([
    ['income certificate', 'revenue.income-certificate'],
    ['aadaya', 'revenue.income-certificate'],
    ['ఆదాయ', 'revenue.income-certificate'],
    ['ఇన్‌కమ్ సర్టిఫికెట్', 'revenue.income-certificate'],
    ['caste', 'revenue.caste-certificate'],
    ['కుల', 'revenue.caste-certificate'],
    ['bus ticket', 'apsrtc.bus-ticket'],
    ['current bill', 'energy.electricity-bill'],
    ['darshan', 'endowments.darshan-ticket'],
    ['ration card', 'civil-supplies.ration-card'],
    ['fir', 'police.fir-status'],
    ['EC', 'registration.encumbrance-certificate'],
  ])('offers "%s" → %s first', (query, serviceId) => {
    const citizen = new Citizen().ready();
    citizen.text(query);
    expect(citizen.session.step).toEqual({ name: 'search', query });
    expect(citizen.session.menu.options[0]).toBe(`svc:${serviceId}`);
  });

  it.each([
    ['Police', 'police'],
    ['పోలీస్', 'police'],
    ['agriculture', 'agriculture'],
  ])('takes a department name "%s" to its services', (typed, departmentId) => {
    const citizen = new Citizen().ready();
    citizen.text(typed);
    expect(citizen.session.step).toEqual({ name: 'services', departmentId, page: 0 });
  });

  it('says so when nothing matches', () => {
    const citizen = new Citizen().ready();
    citizen.text('xyzzy plugh');
    expect(citizen.said).toContain('found no service');
  });
});

describe('forms', () => {
  const start = (serviceId: string) => {
    const citizen = new Citizen().ready();
    citizen.tap(`svc:${serviceId}`);
    return citizen;
  };

  it.each([
    ['aadhaar', 'civil-supplies.ration-card', 1, '123412341234', 'not a valid Aadhaar'],
    ['mobile', 'municipal.trade-licence', 3, '12345', '10-digit mobile'],
    ['date', 'municipal.birth-certificate', 1, '31-02-2020', 'real date'],
    ['future date', 'municipal.birth-certificate', 1, '01-01-2030', 'today or earlier'],
    ['amount', 'civil-supplies.ration-card', 2, 'a lot', 'whole rupees'],
    ['digits', 'energy.electricity-bill', 0, '12', 'digits'],
  ])('re-asks a bad %s saying what is expected', (_kind, serviceId, index, bad, expected) => {
    const citizen = start(serviceId);
    const service = services.services.find((s) => s.id === serviceId)!;
    for (let i = 0; i < index; i++) answerWell(citizen, service.fields[i]!.type);
    citizen.text(bad);
    expect(citizen.said).toContain(expected);
    expect(citizen.session.step).toMatchObject({ name: 'form', fieldIndex: index });
  });

  it('asks choices as a list, by tap or number, and pages long ones', () => {
    const citizen = start('revenue.pattadar-passbook');
    citizen.text('Ravi Kumar');
    // A short choice fits one list: son, daughter or wife, tapped by its number.
    expect(citizen.list.sections[0]!.rows.map((r) => r.title)).toEqual(['S/o', 'D/o', 'W/o']);
    citizen.text('1');
    citizen.text('Rama Rao');
    citizen.text(AADHAAR);
    expect(citizen.list.sections[0]!.rows).toHaveLength(10);
    citizen.tap('more');
    citizen.tap('more');
    const titles = citizen.list.sections[0]!.rows.map((r) => r.title);
    expect(titles.at(-1)).toBe('Previous page');
    citizen.text(String(titles.indexOf('Parvathipuram Manyam') + 1));
    expect(citizen.session.step).toMatchObject({ name: 'form', fieldIndex: 5 });
    expect(citizen.session.step).toMatchObject({ values: { relation: 'son-of' } });
    expect(citizen.session.step).toMatchObject({ values: { district: 'parvathipuram' } });
  });

  it('goes back one field with "back" and abandons with "cancel"', () => {
    const citizen = start('municipal.trade-licence');
    citizen.text('Ravi Kumar');
    citizen.text('Sri Lakshmi Stores');
    citizen.text('back');
    expect(citizen.session.step).toMatchObject({ name: 'form', fieldIndex: 1 });
    citizen.text('వెనుకకు');
    citizen.text('back');
    expect(citizen.session.step).toMatchObject({ name: 'services', departmentId: 'municipal' });
    citizen.tap('svc:municipal.trade-licence');
    citizen.text('Ravi Kumar');
    citizen.text('cancel');
    expect(citizen.said).toContain('Nothing was submitted');
    expect(citizen.turn.effects).toEqual([]);
  });

  it('goes back from the summary to the last question, and from an answer being edited to the summary', () => {
    const citizen = start('energy.electricity-bill');
    citizen.text('123456789');
    citizen.text('back');
    expect(citizen.session.step).toMatchObject({
      name: 'form',
      fieldIndex: 0,
      values: { 'consumer-number': '123456789' },
    });
    citizen.text('123456789');
    citizen.tap('edit');
    citizen.tap('field:consumer-number');
    citizen.text('back');
    expect(citizen.session.step).toMatchObject({ name: 'confirm', values: { 'consumer-number': '123456789' } });
  });

  it('never keeps an Aadhaar number in full: a keyed hash and the last four only', () => {
    const citizen = start('civil-supplies.ration-card');
    citizen.text('Ravi Kumar');
    citizen.text('2345 6789 0124');
    expect(JSON.stringify(citizen.session)).not.toContain(AADHAAR);
    expect(citizen.session.step).toMatchObject({ values: { aadhaar: 'XXXX XXXX 0124' } });
  });

  it('summarises, lets one answer be edited, then asks who the citizen is before submitting', () => {
    const citizen = start('municipal.trade-licence');
    citizen.text('Ravi Kumar');
    citizen.text('Sri Lakshmi Stores');
    citizen.text('12-4-56, Main Road, Guntur');
    citizen.text('+91 98765 43210');
    expect(citizen.session.step).toMatchObject({ name: 'confirm' });
    expect(citizen.said).toContain('Mobile: 9876543210');
    citizen.tap('edit');
    citizen.tap('field:business-name');
    citizen.text('Lakshmi Stores');
    expect(citizen.session.step).toMatchObject({ name: 'confirm', values: { 'business-name': 'Lakshmi Stores' } });
    citizen.tap('confirm');
    expect(citizen.session.step).toMatchObject({ name: 'identity-aadhaar' });
    citizen.text(AADHAAR, verified);
    expect(citizen.said).toContain('XXXX XXXX 0124');
    const confirm = citizen.text('123456', otpOk);
    const application = confirm.effects[0];
    expect(application).toMatchObject({
      type: 'start-application',
      application: {
        serviceId: 'municipal.trade-licence',
        serviceKind: 'application',
        submittedAt: citizen.now.toISOString(),
      },
    });
    expect(citizen.said).toMatch(/AP-[0-9A-Z]{12}/);
    // Who decides and by when: 7 working days (Monday to Saturday) after Saturday 28 November.
    expect(citizen.said).toMatch(/will decide by 07-12-2026; you will hear from us here/);
    expect(citizen.said).not.toContain('received');
    expect(citizen.said).toContain('7 working days');
  });

  it('numbers the summary buttons too: a typed ౨ edits, a typed 1 confirms', () => {
    const citizen = start('employment.registration-renewal');
    citizen.text('123456789');
    expect(citizen.said).toContain('1. Confirm\n2. Edit\n3. Cancel');
    citizen.text('౨');
    expect(citizen.session.step).toMatchObject({ name: 'edit' });
    citizen.text('1');
    citizen.text('987654321');
    citizen.text('1');
    expect(citizen.session.step).toMatchObject({ name: 'identity-aadhaar' });
  });

  it('submits a certificate with an id derived from the confirming message, saying what happens next', () => {
    const citizen = start('revenue.income-certificate');
    citizen.text('Ravi Kumar Reddy');
    citizen.tap('opt:son-of');
    citizen.text('Rama Rao');
    citizen.text(AADHAAR);
    citizen.text('1,20,000');
    citizen.text('Kothapeta');
    citizen.text('Tenali');
    citizen.tap('opt:guntur');
    citizen.tap('opt:education');
    expect(citizen.said).toContain('Annual income (₹): 1,20,000');
    expect(citizen.said).toContain('District: Guntur');
    citizen.tap('confirm');
    citizen.text(AADHAAR, verified);
    const turn = citizen.text('654321', otpOk);
    const effect = turn.effects[0];
    if (effect?.type !== 'start-application') throw new Error('expected an application');
    expect(citizen.said).toContain(effect.application.applicationId);
    // Instant only if the household records confirm it; the citizen is told who decides otherwise, and by when.
    expect(citizen.said).toContain('If the household records confirm your details');
    expect(citizen.said).toContain('few minutes');
    expect(citizen.said).toContain('decides by 30-11-2026');
    expect(effect.application.values).toMatchObject({
      'applicant-name': 'Ravi Kumar Reddy',
      aadhaar: 'XXXX XXXX 0124',
      district: 'guntur',
    });
    expect(effect.application.values['aadhaar:hash']).toMatch(/^[\w-]{43}$/);
  });
});

describe('certificates that need an officer', () => {
  it('go to the certificate workflow, which waits for the officer, and the citizen is told so', () => {
    const citizen = new Citizen().ready();
    citizen.tap('svc:revenue.no-property-certificate');
    citizen.text('Ravi Kumar');
    citizen.tap('opt:son-of');
    citizen.text('Rama Rao');
    citizen.text(AADHAAR);
    citizen.text('Kothapeta');
    citizen.text('Tenali');
    citizen.tap('opt:guntur');
    citizen.tap('confirm');
    citizen.text(AADHAAR, verified);
    const effect = citizen.text('123456', otpOk).effects[0];
    expect(effect).toMatchObject({ application: { serviceKind: 'certificate' } });
    expect(citizen.said).toContain('The Tahsildar, Revenue Department will decide by');
    expect(citizen.said).not.toContain('fee');
  });

  it('with a fee, tell the citizen a payment link comes first', () => {
    const citizen = new Citizen().ready();
    citizen.tap('svc:registration.encumbrance-certificate');
    citizen.text('Ravi Kumar');
    citizen.tap('opt:guntur');
    citizen.text('Tenali');
    citizen.text('123/4A');
    citizen.text('2000');
    citizen.text('2020');
    citizen.tap('confirm');
    citizen.text(AADHAAR, verified);
    citizen.text('123456', otpOk);
    expect(citizen.said).toContain('First pay the fee of ₹100');
  });

  it('asks a year of the search again when the period runs backwards or past this year', () => {
    const citizen = new Citizen().ready();
    citizen.tap('svc:registration.encumbrance-certificate');
    citizen.text('Ravi Kumar');
    citizen.tap('opt:guntur');
    citizen.text('Tadikonda');
    citizen.text('212/3A');
    citizen.text('2010');
    citizen.text('2005');
    expect(citizen.said).toContain('2010 to 2005 is not a period');
    expect(citizen.session.step).toMatchObject({ name: 'form', fieldIndex: 5 });
    citizen.text('2045');
    expect(citizen.said).toContain('cannot run past this year');
    citizen.text('2020');
    expect(citizen.session.step).toMatchObject({ name: 'confirm', values: { 'from-year': '2010', 'to-year': '2020' } });
  });
});

describe('inactivity', () => {
  it('starts over after 30 idle minutes in a form, kindly, submitting nothing', () => {
    const citizen = start('revenue.income-certificate');
    citizen.advance(31);
    citizen.text('Ravi Kumar');
    expect(citizen.said).toContain('30 minutes');
    expect(citizen.session.step).toMatchObject({ name: 'menu' });
    expect(citizen.turn.effects).toEqual([]);
  });

  it('keeps the form within the 30 minutes', () => {
    const citizen = start('revenue.income-certificate');
    citizen.advance(29);
    citizen.text('Ravi Kumar');
    expect(citizen.session.step).toMatchObject({ name: 'form', fieldIndex: 1 });
  });

  function start(serviceId: string) {
    const citizen = new Citizen().ready();
    citizen.tap(`svc:${serviceId}`);
    return citizen;
  }
});

describe('media', () => {
  it('hands a photo to the certificate check and answers honestly', () => {
    const citizen = new Citizen().ready();
    const turn = citizen.send({ type: 'media', mediaType: 'image', mediaId: 'media-1' });
    expect(turn.effects).toEqual([
      {
        type: 'scan-certificate',
        waId: citizen.waId,
        mediaKey: mediaKey({ waId: citizen.waId, mediaId: 'media-1' }, DEFAULT_SETTINGS.aadhaarHashKey),
        language: 'en',
      },
    ]);
    expect(citizen.replies).toEqual([
      { type: 'text', text: expect.stringContaining('Checking the certificate QR code') },
    ]);
  });

  it('looks at no photo before the citizen has consented', () => {
    const citizen = new Citizen();
    citizen.text('Hi');
    citizen.tap('lang:en');
    const turn = citizen.send({ type: 'media', mediaType: 'image', mediaId: 'media-1' });
    expect(turn.effects).toEqual([]);
    expect(citizen.session.step).toEqual({ name: 'consent' });
  });

  it('answers other media politely and keeps the session where it was', () => {
    const citizen = new Citizen().ready();
    const before = citizen.session.step;
    citizen.send({ type: 'media', mediaType: 'sticker', mediaId: 'm1' });
    expect(citizen.said).toContain('only read text');
    expect(citizen.session.step).toEqual(before);
  });
});

describe('determinism', () => {
  it('gives the same turn for the same session, message, catalog and time', () => {
    const citizen = new Citizen().ready();
    const message = {
      messageId: 'wamid.same',
      waId: citizen.waId,
      sentAt: START,
      content: { type: 'text' as const, text: '1' },
    };
    expect(converse(citizen.session, message, services, START)).toEqual(
      converse(citizen.session, message, services, START),
    );
    expect(converse(newSession('1'), message, services, START).session.version).toBe(1);
  });
});

describe('applicationIdFor', () => {
  it('gives a stable, well-formed id per message and different ids for different messages', () => {
    expect(applicationIdFor('wamid.A')).toBe(applicationIdFor('wamid.A'));
    expect(applicationIdFor('wamid.A')).toMatch(/^AP-[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(applicationIdFor('wamid.A')).not.toBe(applicationIdFor('wamid.B'));
  });
});

/** A valid answer for a field of this type. */
function answerWell(citizen: Citizen, type: string): void {
  const answers: Record<string, string> = {
    name: 'Ravi Kumar',
    text: 'Some text long enough',
    aadhaar: AADHAAR,
    mobile: '9876543210',
    pincode: '522001',
    date: '15-08-1990',
    number: '123456789',
    amount: '50000',
  };
  if (type === 'choice') citizen.text('1');
  else citizen.text(answers[type]!);
}

describe('back while booking a bus', () => {
  it('goes to the question before, and from the first question to the service list it was chosen from', () => {
    const citizen = new Citizen().ready();
    citizen.tap('svc:apsrtc.bus-ticket');
    expect(citizen.said).toContain(strings.busAskFrom.en);
    citizen.text('Vijayawada');
    expect(citizen.session.step).toMatchObject({ name: 'bus', stage: 'to', from: expect.any(String) });
    citizen.text('back');
    expect(citizen.said).toContain(strings.busAskFrom.en);
    expect(citizen.session.step).toMatchObject({ name: 'bus', stage: 'from' });
    citizen.text('back');
    expect(citizen.session.step).toMatchObject({ name: 'services', departmentId: 'apsrtc' });
    expect(citizen.list.sections.flatMap((s) => s.rows.map((r) => r.id.split('~')[0]))).toContain(
      'svc:apsrtc.bus-ticket',
    );
  });
});
