import { describe, expect, it } from 'vitest';
import { checkModelAnswer, modelPrompt } from '#core/understanding/model-answer.ts';
import { services } from './citizen.ts';

const NOW = new Date('2026-12-05T06:00:00Z');
const TEXT = 'naaku Guntur lo income certificate kavali, na peru Ravi Kumar';
const prompt = modelPrompt(services, TEXT, NOW)!;
const check = (answer: unknown, text = TEXT) =>
  checkModelAnswer(services, prompt, text, typeof answer === 'string' ? answer : JSON.stringify(answer), NOW, 'en');

describe("a language model's reading of a request", () => {
  it('is asked only about the likeliest services of the catalog, with their questions but never the Aadhaar', () => {
    expect(prompt.candidates[0]).toBe('revenue.income-certificate');
    expect(prompt.candidates.length).toBeLessThanOrEqual(8);
    expect(prompt.user).toContain('"annual-income"');
    expect(prompt.user).not.toContain('"aadhaar"');
    expect(prompt.system).toContain('Never guess');
  });

  it('is taken when it names an offered service and values the message states', () => {
    expect(
      check({ service: 'revenue.income-certificate', confidence: 0.9, fields: { 'applicant-name': 'Ravi Kumar' } }),
    ).toMatchObject({
      kind: 'service',
      serviceId: 'revenue.income-certificate',
      values: { 'applicant-name': 'Ravi Kumar', district: 'guntur' },
    });
  });

  it('may not invent a service: one not offered, or not in the catalog, is no answer', () => {
    expect(check({ service: 'revenue.passport', confidence: 1, fields: {} })).toBeUndefined();
    expect(check({ service: 'tourism.boating', confidence: 1, fields: {} })).toBeUndefined();
  });

  it('may not invent a value: one the message does not state, or its question refuses, is dropped', () => {
    const understood = check({
      service: 'revenue.income-certificate',
      confidence: 0.95,
      fields: {
        'father-name': 'Venkata Reddy',
        'annual-income': 'about a lakh',
        aadhaar: '234567890124',
        'no-such-field': 'x',
        district: 'krishna',
      },
    });
    expect(understood).toMatchObject({ kind: 'service' });
    if (understood?.kind !== 'service') return;
    expect(understood.values).not.toHaveProperty('father-name');
    expect(understood.values).not.toHaveProperty('annual-income');
    expect(understood.values).not.toHaveProperty('aadhaar');
    expect(understood.values).not.toHaveProperty('no-such-field');
    // The message says Guntur: the rules' reading stands.
    expect(understood.values.district).toBe('guntur');
  });

  it('is no answer when it is not the JSON asked for', () => {
    expect(check('I think you want an income certificate.')).toBeUndefined();
    expect(
      check({ service: 'revenue.income-certificate', confidence: 0.9, fields: {}, note: 'extra' }),
    ).toBeUndefined();
    expect(check({ service: 'revenue.income-certificate', confidence: 7, fields: {} })).toBeUndefined();
  });

  it('offers its service first among the likeliest when it is unsure', () => {
    expect(check({ service: 'revenue.agricultural-income-certificate', confidence: 0.4, fields: {} })).toMatchObject({
      kind: 'choices',
      serviceIds: ['revenue.agricultural-income-certificate', expect.any(String), expect.any(String)],
    });
  });
});
