import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '#core/conversation/context.ts';
import { turnNeeds } from '#core/conversation/converse.ts';
import type { StatusLookupOutcome } from '#core/fulfilment/status-lookup.ts';
import { Citizen, services } from './citizen.ts';

const AADHAAR = '234567890124';
const riceCard: StatusLookupOutcome = {
  found: true,
  record: {
    title: { en: 'Rice card 2810123456', te: 'బియ్యం కార్డు 2810123456' },
    facts: [
      {
        label: { en: 'Card holder', te: 'కార్డుదారు' },
        value: { en: 'Ravi Kumar Reddy', te: 'రవి కుమార్ రెడ్డి' },
        personName: true,
      },
      { label: { en: 'Status', te: 'స్థితి' }, value: { en: 'Active', te: 'చెల్లుబాటులో ఉంది' } },
    ],
  },
};

const needsOf = (citizen: Citizen, text: string) =>
  turnNeeds(
    citizen.session,
    { messageId: 'wamid.probe', waId: citizen.waId, sentAt: citizen.now, content: { type: 'text', text } },
    citizen.now,
    DEFAULT_SETTINGS,
    services,
  );

describe('status lookups are answered in the turn', () => {
  it("asks the department's register when the citizen confirms, and answers from it at once", () => {
    const citizen = new Citizen().ready();
    citizen.tap('svc:civil-supplies.ration-card-status');
    citizen.text('2810123456');
    expect(citizen.session.step).toMatchObject({ name: 'confirm' });
    expect(needsOf(citizen, '1')).toEqual({
      applications: false,
      lookup: { serviceId: 'civil-supplies.ration-card-status', values: { 'reference-number': '2810123456' } },
    });
    const turn = citizen.text('1', { lookup: riceCard });
    expect(turn.effects).toEqual([]);
    expect(citizen.said).toContain('Rice card 2810123456');
    expect(citizen.said).toContain('Status: Active');
    expect(citizen.said).not.toContain('Ravi Kumar Reddy');
    expect(citizen.session.step).toMatchObject({ name: 'menu' });
  });

  it("says plainly when the department's system does not answer, and stores nothing", () => {
    const citizen = new Citizen().ready('te');
    citizen.tap('svc:civil-supplies.ration-card-status');
    citizen.text('2810123456');
    const turn = citizen.tap('confirm', { lookup: { unavailable: true } });
    expect(turn.effects).toEqual([]);
    expect(citizen.said).toContain('శాఖ వ్యవస్థ ప్రస్తుతం స్పందించడం లేదు');
  });

  it('takes a Mitra application number for a grievance, typed however the citizen types it', () => {
    const citizen = new Citizen().ready();
    citizen.tap('svc:village-secretariat.grievance-status');
    citizen.text('ap 7k2m 9qx4 b1tz');
    expect(citizen.session.step).toMatchObject({
      name: 'confirm',
      values: { 'application-number': 'AP-7K2M9QX4B1TZ' },
    });
    citizen.text('12345');
    expect(citizen.session.step).toMatchObject({ name: 'confirm' });
  });

  it("waits for the OTP before looking up a person's own benefits by Aadhaar, then looks up in the OTP's turn", () => {
    const service = services.services.find(
      (s) => s.kind === 'status-lookup' && s.fields.some((f) => f.type === 'aadhaar'),
    )!;
    const citizen = new Citizen().ready();
    citizen.tap(`svc:${service.id}`);
    for (const field of service.fields) {
      if (field.type === 'aadhaar') citizen.text(AADHAAR);
      else if (field.type === 'choice') citizen.tap(`opt:${field.options![0]!.id}`);
      else citizen.text(field.type === 'date' ? '01-01-2000' : '123456');
    }
    expect(citizen.session.step).toMatchObject({ name: 'confirm' });
    expect(needsOf(citizen, '1').lookup).toBeUndefined();
    citizen.text('1');
    expect(citizen.session.step).toMatchObject({ name: 'identity-aadhaar' });
    citizen.text(AADHAAR, { otpRequest: { ok: true, txnId: 'txn-1' } });
    expect(needsOf(citizen, '123456')).toMatchObject({
      otpCheck: { txnId: 'txn-1', otp: '123456' },
      lookup: { serviceId: service.id },
    });
    const turn = citizen.text('123456', { otpCheck: { ok: true, valid: true }, lookup: riceCard });
    expect(turn.effects).toEqual([]);
    expect(citizen.said).toContain('Status: Active');
  });
});

describe('a land record found offers its signed extract', () => {
  const adangal: StatusLookupOutcome = {
    found: true,
    record: {
      title: { en: 'Adangal / 1-B: survey no. 212/3A, Tadikonda', te: 'అడంగల్ / 1-బి: సర్వే నం. 212/3A, తాడికొండ' },
      facts: [{ label: { en: 'Khata number', te: 'ఖాతా నంబర్' }, value: { en: '1047', te: '1047' } }],
      extract: true,
    },
  };

  function lookUp(citizen: Citizen, outcome: StatusLookupOutcome) {
    citizen.tap('svc:revenue.land-records');
    citizen.tap('opt:guntur');
    citizen.text('Tadikonda');
    citizen.text('212/3A');
    return citizen.tap('confirm', { lookup: outcome });
  }

  it('answers with the record, then offers the extract; the tap starts it in the certificate workflow', () => {
    const citizen = new Citizen().ready();
    lookUp(citizen, adangal);
    expect(citizen.said).toContain('Khata number: 1047');
    expect(citizen.said).toContain('Signed extract');
    const turn = citizen.tap('extract');
    expect(turn.effects).toMatchObject([
      {
        type: 'start-application',
        application: {
          serviceId: 'revenue.land-records',
          workflow: 'certificate',
          values: { district: 'guntur', village: 'Tadikonda', 'survey-number': '212/3A' },
        },
      },
    ]);
    expect(citizen.said).toMatch(/Your signed Land Record Extract is being prepared \(number AP-[0-9A-Z]{12}\)/);
  });

  it('offers no extract of a record the department does not offer one of, nor of "not found"', () => {
    const citizen = new Citizen().ready();
    lookUp(citizen, { found: true, record: { ...adangal.record, extract: false } });
    expect(citizen.said).not.toContain('Signed extract');
    expect(citizen.session.step).toMatchObject({ name: 'menu' });
    lookUp(citizen, { found: false });
    expect(citizen.said).not.toContain('Signed extract');
  });

  it('a stale extract button, once the citizen has moved on, starts nothing', () => {
    const citizen = new Citizen().ready();
    lookUp(citizen, adangal);
    const offered = citizen.session.menu.token;
    citizen.text('menu');
    expect(citizen.tapOld('extract', offered).effects).toEqual([]);
  });
});
