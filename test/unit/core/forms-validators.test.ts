import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Field } from '#core/catalog/schema.ts';
import { maskedAadhaar, parseAadhaar, protectAadhaar } from '#core/forms/aadhaar.ts';
import { latinDigits, typedNumber } from '#core/forms/digits.ts';
import { maskAadhaarNumbers, validateField } from '#core/forms/validators.ts';
import { verhoeffCheckDigit, verhoeffValid } from '#core/forms/verhoeff.ts';

const now = new Date('2026-11-28T10:00:00Z');
const field = (type: Field['type'], extra: Partial<Field> = {}): Field =>
  ({ id: 'f', type, label: { en: 'F', te: 'ఫ' }, prompt: { en: 'F?', te: 'ఫ?' }, ...extra }) as Field;
const valid = (f: Field, text: string) => validateField(f, text, now, 'en');

describe('Verhoeff', () => {
  it('accepts the sample citizens and rejects a changed digit', () => {
    expect(verhoeffValid('234567890124')).toBe(true);
    expect(verhoeffValid('234567890125')).toBe(false);
  });

  it('detects every single-digit error and every adjacent transposition', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[2-9]\d{10}$/), fc.nat(11), fc.integer({ min: 1, max: 9 }), (body, at, delta) => {
        const number = body + verhoeffCheckDigit(body);
        expect(verhoeffValid(number)).toBe(true);
        const changed = number.slice(0, at) + ((Number(number[at]) + delta) % 10) + number.slice(at + 1);
        expect(verhoeffValid(changed)).toBe(false);
        if (at < 11 && number[at] !== number[at + 1]) {
          const swapped = number.slice(0, at) + number[at + 1] + number[at] + number.slice(at + 2);
          expect(verhoeffValid(swapped)).toBe(false);
        }
      }),
    );
  });
});

describe('Aadhaar', () => {
  it('reads 12 digits with spaces, dashes or Telugu digits; refuses numbers starting with 0 or 1', () => {
    expect(parseAadhaar('2345 6789 0124')).toBe('234567890124');
    expect(parseAadhaar('2345-6789-0124')).toBe('234567890124');
    expect(parseAadhaar('౨౩౪౫౬౭౮౯౦౧౨౪')).toBe('234567890124');
    expect(parseAadhaar('134567890124')).toBeUndefined();
    expect(parseAadhaar('23456789012')).toBeUndefined();
  });

  it('keeps a keyed hash and the last four digits only; the hash depends on the key', () => {
    const a = protectAadhaar('234567890124', 'key-one');
    expect(a.last4).toBe('0124');
    expect(a.hash).not.toContain('234567890124');
    expect(protectAadhaar('234567890124', 'key-two').hash).not.toBe(a.hash);
    expect(maskedAadhaar(a.last4)).toBe('XXXX XXXX 0124');
  });

  it('masks Aadhaar numbers inside free text, leaving other numbers alone', () => {
    expect(maskAadhaarNumbers('my aadhaar 2345 6789 0124 and phone 9876543210')).toBe(
      'my aadhaar XXXX XXXX 0124 and phone 9876543210',
    );
  });
});

describe('digits', () => {
  it('reads Telugu digits as Latin ones', () => {
    fc.assert(
      fc.property(fc.nat(999), (n) => {
        const telugu = [...String(n)].map((d) => String.fromCharCode(0x0c66 + Number(d))).join('');
        expect(latinDigits(telugu)).toBe(String(n));
        expect(typedNumber(telugu)).toBe(n);
      }),
    );
    expect(typedNumber('3.')).toBe(3);
    expect(typedNumber('3 apples')).toBeUndefined();
  });
});

describe('field validators', () => {
  it.each([
    ['name', 'Ravi Kumar Reddy', 'Ravi Kumar Reddy'],
    ['name', 'రవి కుమార్', 'రవి కుమార్'],
    ['mobile', '+91 98765 43210', '9876543210'],
    ['mobile', '09876543210', '9876543210'],
    ['pincode', '522 001', '522001'],
    ['date', '15-08-1990', '1990-08-15'],
    ['date', '1/2/2000', '2000-02-01'],
    ['amount', '₹ 1,20,000', '120000'],
    ['number', '౧౨౩౪౫౬', '123456'],
  ] as const)('accepts a %s typed as "%s"', (type, text, value) => {
    expect(valid(field(type, type === 'number' ? { min: 6, max: 12 } : {}), text)).toEqual(
      expect.objectContaining({ ok: true, value }),
    );
  });

  it.each([
    ['name', '12345', 'invalidName'],
    ['name', 'R', 'invalidName'],
    ['mobile', '5876543210', 'invalidMobile'],
    ['pincode', '022001', 'invalidPincode'],
    ['date', '30-02-2000', 'invalidDate'],
    ['date', 'yesterday', 'invalidDate'],
    ['amount', '-5', 'invalidAmount'],
    ['aadhaar', '234567890125', 'invalidAadhaar'],
  ] as const)('refuses a %s typed as "%s", saying what is expected', (type, text, error) => {
    expect(valid(field(type), text)).toEqual(expect.objectContaining({ ok: false, error }));
  });

  it('keeps the zero-width joiner and non-joiner of a Telugu name, and refuses one that joins nothing', () => {
    for (const name of ['శ్రీ\u200cనివాస్ రెడ్డి', 'లక్\u200dష్మి', 'Lak\u200dshmi Devi']) {
      expect(valid(field('name'), name)).toEqual({ ok: true, value: name });
    }
    for (const name of ['\u200dలక్ష్మి', 'రవి \u200c కుమార్', '\u200c\u200d']) {
      expect(valid(field('name'), name)).toMatchObject({ ok: false, error: 'invalidName' });
    }
  });

  it('checks dates against the past or the future as the field says', () => {
    expect(valid(field('date', { when: 'past' }), '01-01-2027')).toMatchObject({ error: 'invalidDatePast' });
    expect(valid(field('date', { when: 'future' }), '01-01-2026')).toMatchObject({ error: 'invalidDateFuture' });
    expect(valid(field('date', { when: 'future' }), '01-12-2026')).toMatchObject({ ok: true });
  });

  it('takes a choice by id or label, in either language', () => {
    const choice = field('choice', { options: [{ id: 'male', label: { en: 'Male', te: 'పురుషుడు' } }] });
    expect(valid(choice, 'Male')).toMatchObject({ ok: true, value: 'male' });
    expect(validateField(choice, 'పురుషుడు', now, 'te')).toMatchObject({ ok: true, value: 'male' });
    expect(valid(choice, 'other')).toMatchObject({ ok: false, error: 'invalidChoice' });
  });

  it('never accepts text outside its length bounds', () => {
    const text = field('text', { min: 10, max: 20 });
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const result = valid(text, s);
        if (result.ok) expect(result.value.length).toBeGreaterThanOrEqual(10);
        if (result.ok) expect(result.value.length).toBeLessThanOrEqual(20);
      }),
    );
  });
});
