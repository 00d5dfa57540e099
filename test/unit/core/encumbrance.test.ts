import { describe, expect, it } from 'vitest';
import {
  type Encumbrance,
  type EncumbranceTransaction,
  encumbranceOf,
  encumbranceQuery,
  searchesEncumbrances,
} from '#core/applications/encumbrance.ts';
import { encumbranceFacts, encumbranceLines, MAX_PRINTED_TRANSACTIONS } from '#core/certificate/encumbrance-facts.ts';
import { ValidationError } from '#core/errors.ts';
import { periodProblem, searchPeriodOf } from '#core/forms/search-period.ts';
import { services } from './citizen.ts';

// 16 May 2026, 10:00 IST.
const NOW = new Date('2026-05-16T04:30:00Z');
const years = (from: string, to?: string) => ({ 'from-year': from, ...(to ? { 'to-year': to } : {}) });

describe('the period an encumbrance search covers', () => {
  it('takes a period of past years, from 1 January to 31 December', () => {
    expect(periodProblem(years('1996', '2020'), NOW)).toBeUndefined();
    expect(searchPeriodOf(years('1996', '2020'), NOW)).toEqual({ from: '1996-01-01', to: '2020-12-31' });
  });

  it('searches this year up to today (in India)', () => {
    expect(searchPeriodOf(years('2000', '2026'), NOW)).toEqual({ from: '2000-01-01', to: '2026-05-16' });
    // 31 December 2025, 20:00 UTC is already 1 January 2026 in India.
    expect(searchPeriodOf(years('2000', '2026'), new Date('2025-12-31T20:00:00Z'))?.to).toBe('2026-01-01');
  });

  it('refuses a year in the future, as soon as it is typed', () => {
    expect(periodProblem(years('2027'), NOW)).toEqual({ error: 'invalidPeriodFuture', values: { year: 2026 } });
    expect(periodProblem(years('2000', '2027'), NOW)?.error).toBe('invalidPeriodFuture');
  });

  it('refuses a period that ends before it starts', () => {
    expect(periodProblem(years('2010', '2005'), NOW)).toEqual({
      error: 'invalidPeriodOrder',
      values: { from: 2010, to: 2005 },
    });
  });

  it('covers at most 30 years, both ends included', () => {
    expect(periodProblem(years('1997', '2026'), NOW)).toBeUndefined();
    expect(periodProblem(years('1996', '2026'), NOW)).toEqual({
      error: 'invalidPeriodLength',
      values: { years: 30, from: 1996, to: 2026 },
    });
    expect(searchPeriodOf(years('1996', '2026'), NOW)).toBeUndefined();
  });

  it('lets a single year be a period', () => {
    expect(searchPeriodOf(years('2015', '2015'), NOW)).toEqual({ from: '2015-01-01', to: '2015-12-31' });
  });
});

const sale: EncumbranceTransaction = {
  documentNumber: '1874',
  year: 2009,
  registeredOn: '2009-03-14',
  nature: 'sale',
  executants: ['Kondaveeti Venkata Rao'],
  claimants: ['Ravi Kumar Reddy'],
  consideration: 650_000,
};
const mortgage: EncumbranceTransaction = {
  documentNumber: '2231',
  year: 2015,
  registeredOn: '2015-07-22',
  nature: 'mortgage',
  executants: ['Ravi Kumar Reddy'],
  claimants: ['State Bank of India'],
  consideration: 1_200_000,
};
const release: EncumbranceTransaction = {
  ...mortgage,
  documentNumber: '982',
  year: 2021,
  registeredOn: '2021-02-10',
  nature: 'release',
  executants: ['State Bank of India'],
  claimants: ['Ravi Kumar Reddy'],
  consideration: 0,
};
const period = { from: '1997-01-01', to: '2026-05-16' };

describe('the search an encumbrance certificate asks for', () => {
  const ec = services.services.find((s) => s.id === 'registration.encumbrance-certificate')!;
  const values = { district: 'guntur', village: 'Tadikonda', 'survey-number': '212/3A', ...years('1997', '2026') };

  it('is the Registration Department’s, searched by property and period', () => {
    expect(searchesEncumbrances(ec)).toBe(true);
    expect(ec.department).toBe('registration');
    expect(ec.authority.en).toContain('Sub-Registrar');
    expect(encumbranceQuery(values, NOW)).toEqual({
      district: 'guntur',
      village: 'Tadikonda',
      surveyNumber: '212/3A',
      ...period,
    });
  });

  it('is refused when the period is no longer valid', () => {
    expect(() => encumbranceQuery({ ...values, 'to-year': '2030' }, NOW)).toThrow(ValidationError);
  });

  it('keeps the transactions of the period only, oldest first', () => {
    const found = encumbranceOf({ ...encumbranceQuery(values, NOW), from: '2010-01-01' }, [release, sale, mortgage]);
    expect(found.transactions.map((t) => t.documentNumber)).toEqual(['2231', '982']);
    expect(found.total).toBe(2);
  });
});

describe('the facts an encumbrance certificate prints', () => {
  const found: Encumbrance = { period, transactions: [sale, mortgage, release], total: 3 };

  it('states the period searched and each transaction in English, with rupees in Indian grouping', () => {
    const facts = encumbranceFacts(found);
    expect(facts['period-searched']?.value.en).toBe('01-01-1997 to 16-05-2026');
    expect(facts['transaction-1']?.value.en).toBe(
      'Doc. 1874/2009 of 14-03-2009: Sale deed by Kondaveeti Venkata Rao in favour of Ravi Kumar Reddy; consideration ₹6,50,000',
    );
    expect(facts['transaction-2']?.value.en).toContain('Mortgage by Ravi Kumar Reddy in favour of State Bank of India');
    expect(facts['transaction-2']?.value.en).toContain('₹12,00,000');
    // A release states no consideration.
    expect(facts['transaction-3']?.value.en).toBe(
      'Doc. 982/2021 of 10-02-2021: Release of mortgage by State Bank of India in favour of Ravi Kumar Reddy',
    );
    expect(facts.encumbrance).toBeUndefined();
  });

  it('states them in Telugu too', () => {
    const facts = encumbranceFacts(found);
    expect(facts['period-searched']).toEqual({
      label: { en: 'Period searched', te: 'పరిశీలించిన కాలం' },
      value: { en: '01-01-1997 to 16-05-2026', te: '01-01-1997 నుండి 16-05-2026 వరకు' },
    });
    expect(facts['transaction-1']?.label.te).toBe('లావాదేవీ 1');
    expect(facts['transaction-1']?.value.te).toBe(
      'దస్తావేజు 1874/2009, 14-03-2009: Kondaveeti Venkata Rao ద్వారా Ravi Kumar Reddy పేరిట విక్రయ దస్తావేజు; ప్రతిఫలం ₹6,50,000',
    );
    expect(facts['transaction-2']?.value.te).toContain('తనఖా');
    expect(facts['transaction-3']?.value.te).toContain('తనఖా విడుదల');
  });

  it('states nil encumbrance in both languages when the register holds nothing in the period', () => {
    const facts = encumbranceFacts({ period, transactions: [], total: 0 });
    expect(Object.keys(facts)).toEqual(['period-searched', 'encumbrance']);
    expect(facts.encumbrance?.value.en).toMatch(/^Nil encumbrance/);
    expect(facts.encumbrance?.value.te).toMatch(/^ఋణభారం లేదు/);
  });

  it('prints at most a page of transactions and says how many more the register holds', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ ...sale, documentNumber: String(100 + i) }));
    const facts = encumbranceFacts({ period, transactions: many.slice(0, 10), total: 12 });
    expect(Object.keys(facts).filter((id) => id.startsWith('transaction-'))).toHaveLength(MAX_PRINTED_TRANSACTIONS);
    expect(facts['more-transactions']?.value.en).toContain(`${12 - MAX_PRINTED_TRANSACTIONS} more`);
    expect(facts['more-transactions']?.value.en).toContain('12 in all');
    expect(facts['more-transactions']?.value.te).toContain('మొత్తం 12');
  });

  it('gives the officer the period and every transaction carried, as lines', () => {
    expect(encumbranceLines(found, 'en')).toEqual([
      'Period searched: 01-01-1997 to 16-05-2026',
      expect.stringMatching(/^1\. Doc\. 1874\/2009/),
      expect.stringMatching(/^2\. Doc\. 2231\/2015/),
      expect.stringMatching(/^3\. Doc\. 982\/2021/),
    ]);
    expect(encumbranceLines({ period, transactions: [], total: 0 }, 'te')[1]).toMatch(/^ఋణభారం లేదు/);
  });
});
