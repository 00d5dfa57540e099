import { describe, expect, it } from 'vitest';
import { approvalRequest } from '#core/applications/approval.ts';
import { sameName } from '#core/applications/fact-matching.ts';
import type { RecordCheck } from '#core/applications/record-check.ts';
import {
  type CivilRegistrationEntry,
  checkAgainstRegister,
  registerFor,
  registerQuery,
  type TrainingEntry,
} from '#core/applications/register-checks.ts';
import { services } from './citizen.ts';

const service = (id: string) => services.services.find((s) => s.id === id)!;
const townBirth = service('municipal.birth-certificate');
const villageBirth = service('panchayat-raj.birth-certificate');
const townDeath = service('municipal.death-certificate');
const training = service('skill-development.training-certificate');

const ananya: CivilRegistrationEntry = {
  registrationNumber: 'B-2016-GNT-004512',
  name: 'Ananya Reddy',
  nameTe: 'అనన్య రెడ్డి',
  date: '2016-03-09',
  gender: 'female',
  district: 'guntur',
  place: 'Guntur',
  placeTe: 'గుంటూరు',
  fatherName: 'Ravi Kumar Reddy',
  fatherNameTe: 'రవి కుమార్ రెడ్డి',
  registeredOn: '2016-03-15',
};
const sameDay: CivilRegistrationEntry = {
  ...ananya,
  registrationNumber: 'B-2016-GNT-004513',
  name: 'Mohammed Sameer',
  nameTe: 'మహమ్మద్ సమీర్',
  gender: 'male',
  fatherName: 'Mohammed Rafi',
  fatherNameTe: 'మహమ్మద్ రఫీ',
};
const declaredBirth = {
  'child-name': 'Ananya Reddy',
  'date-of-birth': '2016-03-09',
  gender: 'female',
  'father-name': 'Ravi Kumar Reddy',
  district: 'guntur',
};
const course: TrainingEntry = {
  certificateNumber: '2026045871',
  enrolmentNumber: '251104872',
  name: 'Lakshmi Devi Naidu',
  nameTe: 'లక్ష్మీ దేవి నాయుడు',
  course: { en: 'Tailoring', te: 'దర్జీ పని' },
  completedOn: '2026-03-31',
};

describe('confirming a birth, death or training certificate from its register', () => {
  it('is asked of births, deaths and courses, by date and place or by number, and of nothing else', () => {
    expect(registerFor(townBirth)).toBe('births');
    expect(registerFor(villageBirth)).toBe('births');
    expect(registerFor(townDeath)).toBe('deaths');
    expect(registerFor(training)).toBe('training');
    expect(registerFor(service('revenue.income-certificate'))).toBeUndefined();
    expect(registerQuery(townBirth, declaredBirth)).toEqual({
      register: 'births',
      query: { date: '2016-03-09', district: 'guntur' },
    });
    expect(registerQuery(villageBirth, { 'date-of-birth': '2019-07-22', village: 'Kodumur' })).toEqual({
      register: 'births',
      query: { date: '2019-07-22', village: 'Kodumur' },
    });
    expect(registerQuery(townDeath, { 'event-date': '2023-11-04', district: 'krishna' })).toEqual({
      register: 'deaths',
      query: { date: '2023-11-04', district: 'krishna' },
    });
    expect(registerQuery(training, { 'reference-number': '2026045871' })).toEqual({
      register: 'training',
      query: { number: '2026045871' },
    });
  });

  it('confirms a birth whose every stated fact the entry of that name holds, among the births of that day', () => {
    expect(checkAgainstRegister(townBirth, declaredBirth, 'births', [sameDay, ananya])).toEqual({
      verified: true,
      mismatches: [],
      register: 'births',
    });
  });

  it('names the details in which the entry of that name differs', () => {
    const claimed = { ...declaredBirth, gender: 'male', 'father-name': 'Someone Else' };
    expect(checkAgainstRegister(townBirth, claimed, 'births', [sameDay, ananya])).toEqual({
      verified: false,
      mismatches: ['gender', 'father-name'],
      register: 'births',
    });
  });

  it("names the name when the only entry of that day and place is someone else's, and finds nothing among several", () => {
    const misspelt = { ...declaredBirth, 'child-name': 'Anaya Reddy' };
    expect(checkAgainstRegister(townBirth, misspelt, 'births', [ananya]).mismatches).toEqual(['child-name']);
    expect(checkAgainstRegister(townBirth, misspelt, 'births', [ananya, sameDay])).toEqual({
      verified: false,
      noRecord: true,
      mismatches: [],
      register: 'births',
    });
  });

  it('finds nothing when the register has no entry, or none could be asked', () => {
    const notFound = { verified: false, noRecord: true, mismatches: [], register: 'births' };
    expect(checkAgainstRegister(townBirth, declaredBirth, 'births', [])).toEqual(notFound);
    expect(checkAgainstRegister(townBirth, declaredBirth, 'births', undefined)).toEqual(notFound);
  });

  it('compares a name typed in Telugu with the Telugu name, and cannot confirm it where the register has none', () => {
    const inTelugu = { ...declaredBirth, 'child-name': 'అనన్య రెడ్డి', 'father-name': 'రవి కుమార్ రెడ్డి' };
    expect(checkAgainstRegister(townBirth, inTelugu, 'births', [sameDay, ananya]).verified).toBe(true);
    const { nameTe: _nameTe, ...latinOnly } = ananya;
    expect(checkAgainstRegister(townBirth, inTelugu, 'births', [latinOnly])).toEqual({
      verified: false,
      mismatches: [],
      register: 'births',
    });
  });

  it('matches a village by its name in either script, whatever the case', () => {
    const kodumur = { ...ananya, place: 'Kodumur', placeTe: 'కోడుమూరు', district: 'kurnool' };
    const typed = { 'child-name': 'Ananya Reddy', 'date-of-birth': '2016-03-09', gender: 'female' };
    expect(checkAgainstRegister(villageBirth, { ...typed, village: 'KODUMUR' }, 'births', [kodumur]).verified).toBe(
      true,
    );
    expect(checkAgainstRegister(villageBirth, { ...typed, village: 'కోడుమూరు' }, 'births', [kodumur]).verified).toBe(
      true,
    );
  });

  it('confirms a course by its certificate or enrolment number and the trainee name', () => {
    const byCertificate = { 'applicant-name': 'Lakshmi Devi Naidu', 'reference-number': '2026045871' };
    expect(checkAgainstRegister(training, byCertificate, 'training', [course]).verified).toBe(true);
    const byEnrolment = { 'applicant-name': 'లక్ష్మీ దేవి నాయుడు', 'reference-number': '251104872' };
    expect(checkAgainstRegister(training, byEnrolment, 'training', [course]).verified).toBe(true);
    const someoneElse = { ...byCertificate, 'applicant-name': 'Ravi Kumar Reddy' };
    expect(checkAgainstRegister(training, someoneElse, 'training', [course]).mismatches).toEqual(['applicant-name']);
  });

  it('tells the deciding officer which register differs, and on which details, in their language', () => {
    const check: RecordCheck = { verified: false, mismatches: ['gender', 'father-name'], register: 'births' };
    const notice = (language: 'en' | 'te') => {
      const reply = approvalRequest(
        townBirth,
        { applicationId: 'AP-ABCDEFGH2345', submittedAt: '2026-11-27T09:30:00.000Z', values: declaredBirth },
        new Date('2026-12-01T18:29:59.000Z'),
        false,
        language,
        check,
      );
      return reply.type === 'buttons' ? reply.body : '';
    };
    expect(notice('en')).toContain('Records check: the birth register differs on: Gender, Father/husband name.');
    expect(notice('te')).toContain('జనన రిజిస్టర్');
    expect(notice('te')).toContain('లింగం, తండ్రి/భర్త పేరు');
  });
});

describe('comparing names', () => {
  it.each([
    ['Ravi Kumar Reddy', 'ravi  kumar reddy'],
    ['K. Srinivas', 'K.Srinivas'],
    ['K. Srinivas', 'K Srinivas'],
    ['Ravi Kumar Reddy', 'Ravikumar Reddy'],
    ['Reddy Ravi Kumar', 'Ravi Kumar Reddy'],
    ['లక్ష్మీ దేవి నాయుడు', 'లక్ష్మీ  దేవి  నాయుడు'],
    ['రవి కుమార్ రెడ్డి', 'రవి\u200c కుమార్ రెడ్డి'],
  ])('takes "%s" and "%s" for one name', (a, b) => {
    expect(sameName(a, b)).toBe(true);
  });

  it.each([
    ['Ravi Kumar Reddy', 'Ravi Reddy'],
    ['R. K. Reddy', 'Ravi Kumar Reddy'],
    ['Ananya Reddy', 'Anaya Reddy'],
    ['రవి కుమార్ రెడ్డి', 'Ravi Kumar Reddy'],
    ['', ''],
  ])('tells "%s" and "%s" apart', (a, b) => {
    expect(sameName(a, b)).toBe(false);
  });
});
