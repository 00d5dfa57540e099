import { describe, expect, it } from 'vitest';
import { checkAgainstRecords, type HouseholdRecord, recordsCanConfirm } from '#core/applications/records.ts';
import { services } from './citizen.ts';

const service = (id: string) => services.services.find((s) => s.id === id)!;
const income = service('revenue.income-certificate');
const caste = service('revenue.caste-certificate');
const ravi: HouseholdRecord = {
  name: 'Ravi Kumar Reddy',
  fatherName: 'Venkata Reddy',
  district: 'guntur',
  annualIncome: 120000,
};
const declared = {
  'applicant-name': 'Ravi Kumar Reddy',
  'father-name': 'Venkata Reddy',
  aadhaar: 'XXXX XXXX 0124',
  'annual-income': '120000',
  district: 'guntur',
};

describe('confirming a certificate from the household records', () => {
  it('confirms what the records hold, whatever the case, dots or spacing of the names', () => {
    expect(checkAgainstRecords(income, declared, ravi)).toEqual({ verified: true, mismatches: [] });
    const spelled = { ...declared, 'applicant-name': 'ravi  kumar reddy', 'father-name': 'Venkata. Reddy' };
    expect(checkAgainstRecords(income, spelled, ravi).verified).toBe(true);
    // An income within a tenth of the recorded one is the same income.
    expect(checkAgainstRecords(income, { ...declared, 'annual-income': '130000' }, ravi).verified).toBe(true);
  });

  it('names every declared fact the records contradict', () => {
    const claimed = { ...declared, 'annual-income': '500000', district: 'krishna' };
    expect(checkAgainstRecords(income, claimed, ravi)).toEqual({
      verified: false,
      mismatches: ['annual-income', 'district'],
    });
    expect(checkAgainstRecords(income, { ...declared, 'applicant-name': 'Someone Else' }, ravi).mismatches).toEqual([
      'applicant-name',
    ]);
  });

  it('confirms nothing without a record, or when the records do not hold a fact the certificate states', () => {
    expect(checkAgainstRecords(income, declared, undefined)).toEqual({
      verified: false,
      noRecord: true,
      mismatches: [],
    });
    // Ravi's household has no caste category on record: a caste certificate for him needs an officer.
    const casteClaim = { ...declared, 'caste-category': 'bc-b' };
    expect(checkAgainstRecords(caste, casteClaim, ravi)).toEqual({ verified: false, mismatches: [] });
    expect(checkAgainstRecords(caste, casteClaim, { ...ravi, casteCategory: 'bc-b' }).verified).toBe(true);
    expect(checkAgainstRecords(caste, casteClaim, { ...ravi, casteCategory: 'sc' }).mismatches).toEqual([
      'caste-category',
    ]);
  });

  it("compares names typed in Telugu with the records' Telugu names, and cannot confirm them where there are none", () => {
    const inTelugu = { ...declared, 'applicant-name': 'రవి కుమార్ రెడ్డి', 'father-name': 'వెంకట రెడ్డి' };
    const bilingual = { ...ravi, nameTe: 'రవి కుమార్ రెడ్డి', fatherNameTe: 'వెంకట రెడ్డి' };
    expect(checkAgainstRecords(income, inTelugu, bilingual)).toEqual({ verified: true, mismatches: [] });
    // English and Telugu in one application: each name is compared in its own script.
    expect(checkAgainstRecords(income, { ...inTelugu, 'father-name': 'Venkata Reddy' }, bilingual).verified).toBe(true);
    expect(checkAgainstRecords(income, { ...inTelugu, 'father-name': 'సూర్యనారాయణ నాయుడు' }, bilingual).mismatches).toEqual(
      ['father-name'],
    );
    // Records in English only cannot say a Telugu name is right, nor that it is wrong.
    expect(checkAgainstRecords(income, inTelugu, ravi)).toEqual({ verified: false, mismatches: [] });
  });

  it("is asked only for certificates about the applicant, whose household's facts they state", () => {
    expect(recordsCanConfirm(income)).toBe(true);
    expect(recordsCanConfirm(caste)).toBe(true);
    // A child's birth certificate names the child's father, not the applicant's: the household record cannot judge it.
    expect(recordsCanConfirm(service('municipal.birth-certificate'))).toBe(false);
    expect(recordsCanConfirm(service('municipal.death-certificate'))).toBe(false);
  });
});
