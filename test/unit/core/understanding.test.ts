import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Field } from '#core/catalog/schema.ts';
import { maskAadhaarNumbers, validateField } from '#core/forms/validators.ts';
import { extractFields } from '#core/understanding/extract-fields.ts';
import { understand } from '#core/understanding/understand.ts';
import { services } from './citizen.ts';

const NOW = new Date('2026-12-05T06:00:00Z');
const read = (text: string, language: 'en' | 'te' = 'en') => understand(services, text, NOW, language);
const service = (id: string) => services.services.find((s) => s.id === id)!;

describe('picking the service from free text', () => {
  it.each([
    ['naaku income certificate kavali', 'revenue.income-certificate'],
    ['incum sertificate kaavali', 'revenue.income-certificate'],
    ['నా కరెంట్ బిల్లు కట్టాలి', 'energy.electricity-bill'],
    ['karent bil kattali', 'energy.electricity-bill'],
    ['I want to book a bus tiket to Hyderabad', 'apsrtc.bus-ticket'],
    ['కుల ధృవీకరణ పత్రం కావాలి', 'revenue.caste-certificate'],
    ['maa veedhi lo street light veligatledu', 'municipal.streetlight-complaint'],
    ['tirumala darshanam ticket kavali', 'endowments.darshan-ticket'],
    ['old age pension status chudali', 'social-welfare.pension-status'],
  ])('reads "%s" as %s', (text, serviceId) => {
    expect(read(text)).toMatchObject({ kind: 'service', serviceId });
  });

  it('offers the likeliest two or three when a request could mean several services', () => {
    const understood = read('pension kavali');
    expect(understood.kind).toBe('choices');
    if (understood.kind !== 'choices') return;
    expect(understood.serviceIds.length).toBeGreaterThanOrEqual(2);
    expect(understood.serviceIds.length).toBeLessThanOrEqual(3);
    expect(understood.serviceIds).toContain('social-welfare.pension');
  });

  it('finds nothing in words no service has', () => {
    expect(read('xyzzy plugh')).toEqual({ kind: 'none' });
  });
});

describe('reading the answers a message states', () => {
  it('fills the district and the income of "naaku Guntur lo income certificate kavali, income 1,20,000"', () => {
    expect(read('naaku Guntur lo income certificate kavali, income 1,20,000')).toMatchObject({
      serviceId: 'revenue.income-certificate',
      values: { district: 'guntur', 'annual-income': '120000' },
    });
  });

  it('fills the applicant and the father from Telugu in Latin letters', () => {
    expect(read('naaku income certificate kavali, na peru ravi kumar, nanna peru Venkata Reddy')).toMatchObject({
      values: { 'applicant-name': 'Ravi Kumar', 'father-name': 'Venkata Reddy' },
    });
  });

  it('fills a route, a date, a number of people and a consumer number', () => {
    expect(extractFields(service('apsrtc.bus-ticket'), 'Guntur nundi Tirupati ki repu mugguru', NOW, 'te')).toEqual({
      'from-place': 'Guntur',
      'to-place': 'Tirupati',
      'travel-date': '2026-12-06',
      persons: '3',
    });
    expect(extractFields(service('energy.electricity-bill'), 'కరెంట్ బిల్లు సర్వీస్ నంబర్ 1123456789', NOW, 'te')).toEqual({
      'consumer-number': '1123456789',
    });
  });

  it('reads amounts as people write them: lakhs, thousands, Indian commas', () => {
    const income = (text: string) =>
      extractFields(service('revenue.ews-certificate'), text, NOW, 'en')['annual-income'];
    expect(income('income 1,20,000')).toBe('120000');
    expect(income('income 1.5 lakh')).toBe('150000');
    expect(income('ఆదాయం 3 లక్షలు')).toBe('300000');
    expect(income('aadayam 80 velu')).toBe('80000');
  });

  it('keeps a date the form would refuse out: a birth date in the future is not filled', () => {
    expect(
      extractFields(service('municipal.birth-certificate'), 'birth certificate, born 01-01-2030', NOW, 'en'),
    ).not.toHaveProperty('date-of-birth');
  });

  it('never takes an Aadhaar number from free text: its question asks for it, where the OTP is sent', () => {
    const values = extractFields(
      service('civil-supplies.ration-card'),
      'rice card kavali aadhaar 234567890124',
      NOW,
      'en',
    );
    expect(Object.values(values).join(' ')).not.toContain('234567890124');
    expect(values).not.toHaveProperty('aadhaar');
  });

  it('leaves a period of more than 30 years to be asked again', () => {
    const values = extractFields(service('registration.encumbrance-certificate'), 'EC from 1980 to 2024', NOW, 'en');
    expect(values).not.toHaveProperty('from-year');
    expect(values).not.toHaveProperty('to-year');
  });
});

/** A value stands in the message: its words or digits are there, or it is the id of an option of its question. */
function statedIn(field: Field, value: string, text: string): boolean {
  const plain = text.toLowerCase().replace(/[\s,]/g, '');
  switch (field.type) {
    case 'choice':
      return field.options?.some((o) => o.id === value) ?? false;
    case 'amount':
    case 'date':
      return /\d/.test(text) || /[a-z\u0C00-\u0C7F]/i.test(text);
    case 'number':
    case 'mobile':
    case 'pincode':
      return plain.includes(value) || value.length === 1;
    default:
      // Free text keeps no Aadhaar number in full: the value states it masked, as the message does once masked.
      return maskAadhaarNumbers(text)
        .toLowerCase()
        .replace(/[\s,]/g, '')
        .includes(value.toLowerCase().replace(/[\s,]/g, ''));
  }
}

/** A stored value as a citizen would type it: a date as DD-MM-YYYY. */
function asTyped(field: Field, value: string): string {
  if (field.type !== 'date') return value;
  const [year, month, day] = value.split('-');
  return `${day}-${month}-${year}`;
}

describe('never inventing a service or a value', () => {
  const vocabulary = [
    ...services.services.slice(0, 60).flatMap((s) => s.synonyms.slice(0, 2)),
    'kavali',
    'naaku',
    'na peru',
    'my name is',
    'from',
    'to',
    'nundi',
    'Guntur',
    'Ravi',
    '1,20,000',
    '2 persons',
    'repu',
    '12-03-2025',
    '9876543210',
    '234567890124',
    'survey no 12/4',
    'AP39AB1234',
  ];
  const message = fc
    .array(
      fc.oneof(
        fc.constantFrom(...vocabulary),
        fc.string({ maxLength: 8 }),
        fc.integer({ max: 10_000_000 }).map(String),
      ),
      {
        maxLength: 12,
      },
    )
    .map((parts) => parts.join(' '));

  it('answers only services of the catalog, with values their questions accept and the message states', () => {
    fc.assert(
      fc.property(message, fc.constantFrom('en' as const, 'te' as const), (text, language) => {
        const understood = understand(services, text, NOW, language);
        if (understood.kind === 'none') return;
        const ids = understood.kind === 'service' ? [understood.serviceId] : understood.serviceIds;
        for (const id of ids) expect(services.services.some((s) => s.id === id)).toBe(true);
        if (understood.kind !== 'service') return;
        const chosen = service(understood.serviceId);
        for (const [id, value] of Object.entries(understood.values)) {
          const field = chosen.fields.find((f) => f.id === id);
          expect(field, `${id} is a question of ${chosen.id}`).toBeDefined();
          expect(field!.type).not.toBe('aadhaar');
          expect(validateField(field!, asTyped(field!, value), NOW, language)).toMatchObject({ ok: true, value });
          expect(statedIn(field!, value, text), `${id}=${value} in "${text}"`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
