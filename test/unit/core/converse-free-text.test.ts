import { describe, expect, it } from 'vitest';
import { Citizen } from './citizen.ts';

describe('a request typed in free text', () => {
  it('starts the income certificate with the name filled, says what it understood, and asks only the rest', () => {
    const citizen = new Citizen().ready();
    citizen.text('naaku income certificate kavali, na peru Ravi Kumar');
    expect(citizen.session.step).toMatchObject({
      name: 'form',
      serviceId: 'revenue.income-certificate',
      values: { 'applicant-name': 'Ravi Kumar' },
      fieldIndex: 1,
    });
    expect(citizen.said).toContain('You asked for: Income certificate');
    expect(citizen.said).toContain("Applicant's name: Ravi Kumar");
    expect(citizen.said).toContain('8 questions');
  });

  it('skips every question the message answered, then confirms as usual', () => {
    const citizen = new Citizen().ready();
    citizen.text('naaku Guntur lo income certificate kavali, income 1,20,000');
    expect(citizen.session.step).toMatchObject({ values: { district: 'guntur', 'annual-income': '120000' } });
    citizen.text('Ravi Kumar Reddy');
    citizen.tap('opt:son-of');
    citizen.text('Venkata Reddy');
    citizen.text('234567890124');
    // Income was stated: the next question is the village.
    expect(citizen.session.step).toMatchObject({ name: 'form', fieldIndex: 5 });
    citizen.text('Tadikonda');
    citizen.text('Tadikonda');
    // The district was stated too: straight to the purpose.
    expect(citizen.session.step).toMatchObject({ name: 'form', fieldIndex: 8 });
    citizen.tap('opt:education');
    expect(citizen.session.step).toMatchObject({ name: 'confirm' });
    expect(citizen.said).toContain('Guntur');
    expect(citizen.said).toContain('1,20,000');
  });

  it('speaks Telugu to a citizen who chose Telugu', () => {
    const citizen = new Citizen().ready('te');
    citizen.text('కరెంట్ బిల్లు కట్టాలి సర్వీస్ నంబర్ 1123456789');
    expect(citizen.said).toContain('మీరు అడిగినది: విద్యుత్ బిల్లు');
    expect(citizen.session.step).toMatchObject({ name: 'confirm', values: { 'consumer-number': '1123456789' } });
  });

  it('offers the likeliest services when unsure, and fills the form from the message once one is chosen', () => {
    const citizen = new Citizen().ready();
    citizen.text('pension kavali, na peru Sarojini');
    expect(citizen.session.step).toMatchObject({ name: 'search' });
    const offered = citizen.session.menu.options;
    expect(offered.length).toBeGreaterThanOrEqual(2);
    expect(offered.length).toBeLessThanOrEqual(3);
    citizen.tap('svc:social-welfare.pension');
    expect(citizen.session.step).toMatchObject({
      name: 'form',
      serviceId: 'social-welfare.pension',
      values: { 'applicant-name': 'Sarojini' },
    });
  });

  it('still lists the matches of a service name typed alone', () => {
    const citizen = new Citizen().ready();
    citizen.text('income');
    expect(citizen.session.step).toEqual({ name: 'search', query: 'income' });
  });

  it('finds a service despite a misspelling that plain search misses', () => {
    const citizen = new Citizen().ready();
    citizen.text('incme certficate');
    expect(citizen.session.menu.options[0]).toBe('svc:revenue.income-certificate');
  });
});

describe('a voice note', () => {
  it('is the turn of what it said, with what was heard shown first so the citizen can correct it', () => {
    const citizen = new Citizen().ready('te');
    citizen.send({ type: 'voice', mediaId: 'audio-1', transcript: 'నా కరెంట్ బిల్లు కట్టాలి సర్వీస్ నంబర్ 1123456789' });
    expect(citizen.replies[0]).toMatchObject({ type: 'text', text: expect.stringContaining('నేను విన్నది: "నా కరెంట్') });
    expect(citizen.session.step).toMatchObject({
      name: 'confirm',
      serviceId: 'energy.electricity-bill',
      values: { 'consumer-number': '1123456789' },
    });
  });

  it('that could not be made out asks the citizen to say it again or type it', () => {
    const citizen = new Citizen().ready();
    citizen.send({ type: 'voice', mediaId: 'audio-2' });
    expect(citizen.said).toContain('could not make out that voice note');
    expect(citizen.session.step).toMatchObject({ name: 'menu' });
  });
});
