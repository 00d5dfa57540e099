import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRupees, numberInWords, rupeesInWords } from '#core/certificate/amounts.ts';

describe('amounts as documents print them', () => {
  it.each([
    [0, '₹0'],
    [1, '₹1'],
    [99, '₹99'],
    [1000, '₹1,000'],
    [100000, '₹1,00,000'],
    [120000, '₹1,20,000'],
    [10000000, '₹1,00,00,000'],
    [123456789, '₹12,34,56,789'],
  ])('groups %i the Indian way: %s', (rupees, expected) => expect(formatRupees(rupees)).toBe(expected));

  it.each([
    [0, 'Zero', 'సున్నా'],
    [1, 'One', 'ఒకటి'],
    [21, 'Twenty-one', 'ఇరవై ఒకటి'],
    [99, 'Ninety-nine', 'తొంభై తొమ్మిది'],
    [100, 'One hundred', 'వంద'],
    [150, 'One hundred fifty', 'నూట యాభై'],
    [2500, 'Two thousand five hundred', 'రెండు వేల ఐదు వందలు'],
    [100000, 'One lakh', 'ఒక లక్ష'],
    [120000, 'One lakh twenty thousand', 'ఒక లక్ష ఇరవై వేలు'],
    [250000, 'Two lakh fifty thousand', 'రెండు లక్షల యాభై వేలు'],
    [10000000, 'One crore', 'ఒక కోటి'],
    [
      12345678,
      'One crore twenty-three lakh forty-five thousand six hundred seventy-eight',
      'ఒక కోటి ఇరవై మూడు లక్షల నలభై ఐదు వేల ఆరు వందల డెబ్బై ఎనిమిది',
    ],
  ])('writes %i in words: %s / %s', (value, en, te) => {
    expect(numberInWords(value, 'en')).toBe(en);
    expect(numberInWords(value, 'te')).toBe(te);
  });

  it('says rupees after the words, in the form each language puts before a noun', () => {
    expect(rupeesInWords(120000, 'en')).toBe('One lakh twenty thousand rupees');
    expect(rupeesInWords(120000, 'te')).toBe('ఒక లక్ష ఇరవై వేల రూపాయలు');
    expect(rupeesInWords(1, 'en')).toBe('One rupee');
    expect(rupeesInWords(1, 'te')).toBe('ఒక రూపాయి');
    expect(rupeesInWords(0, 'te')).toBe('సున్నా రూపాయలు');
    expect(rupeesInWords(100, 'te')).toBe('వంద రూపాయలు');
    expect(rupeesInWords(200, 'te')).toBe('రెండు వందల రూపాయలు');
  });

  it('refuses what is not a whole number of rupees', () => {
    expect(() => formatRupees(1.5)).toThrow(RangeError);
    expect(() => numberInWords(-1, 'en')).toThrow(RangeError);
  });

  it('writes every amount up to ₹100 crore in words, without gaps or doubled spaces', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (value) => {
        for (const language of ['en', 'te'] as const) {
          const words = numberInWords(value, language);
          expect(words).not.toMatch(/\s{2}|^\s|\s$|undefined/);
        }
        expect(formatRupees(value).replace(/[₹,]/g, '')).toBe(String(value));
      }),
    );
  });
});
