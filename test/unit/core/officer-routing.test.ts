import { describe, expect, it } from 'vitest';
import { officersToNotify } from '#core/applications/approval.ts';
import { catalog } from '#core/catalog/catalog.ts';
import { ValidationError } from '#core/errors.ts';
import { coversApplication, districtOf, isApplicant, mayDecide, type Officer, parseOfficer } from '#core/officers.ts';

const services = catalog();

let next = 0;
const officer = (role: Officer['role'], department: string, district?: string): Officer => ({
  id: `OFF-${++next}`,
  waId: `9190000${String(next).padStart(5, '0')}`,
  name: `Officer ${next}`,
  department,
  ...(district ? { district } : {}),
  role,
});

const gunturTahsildar = officer('tahsildar', 'revenue', 'guntur');
const gunturClerk = officer('clerk', 'revenue', 'guntur');
const krishnaCollector = officer('district-collector', 'revenue', 'krishna');
const gunturRdo = officer('revenue-divisional-officer', 'revenue', 'guntur');
const stateSection = officer('section-officer', 'revenue');
const stateHead = officer('head-of-department', 'revenue');
const schoolOfficer = officer('section-officer', 'school-education', 'guntur');

const ids = (officers: Officer[]) => officers.map((o) => o.id);

describe('who hears of an application waiting for a decision', () => {
  const registry = [gunturTahsildar, gunturClerk, krishnaCollector, stateSection, stateHead, schoolOfficer];

  it("goes to the deciding officers of the application's district, not the clerk, not other districts", () => {
    expect(ids(officersToNotify(registry, { department: 'revenue', district: 'guntur' }, false))).toEqual([
      gunturTahsildar.id,
    ]);
    expect(ids(officersToNotify(registry, { department: 'revenue', district: 'krishna' }, false))).toEqual([
      krishnaCollector.id,
    ]);
  });

  it('goes to the state-level deciding officers when no officer is registered in that district, or none is named', () => {
    const stateLevel = [stateSection.id, stateHead.id];
    expect(ids(officersToNotify(registry, { department: 'revenue', district: 'kurnool' }, false))).toEqual(stateLevel);
    expect(ids(officersToNotify(registry, { department: 'revenue' }, false))).toEqual(stateLevel);
  });

  it("escalates to the district's senior officers, else the state-level senior ones", () => {
    const withRdo = [...registry, gunturRdo];
    expect(ids(officersToNotify(withRdo, { department: 'revenue', district: 'guntur' }, true))).toEqual([gunturRdo.id]);
    // Guntur has no senior officer without the RDO: the state-level head of department hears of it.
    expect(ids(officersToNotify(registry, { department: 'revenue', district: 'guntur' }, true))).toEqual([
      stateHead.id,
    ]);
    expect(ids(officersToNotify(registry, { department: 'revenue', district: 'krishna' }, true))).toEqual([
      krishnaCollector.id,
    ]);
  });

  it("passes over an officer's own application: to another officer of the district, else the state-level ones", () => {
    const withRdo = [...registry, gunturRdo];
    const guntur = { department: 'revenue', district: 'guntur' };
    const byTahsildar = (o: Officer) => o.id === gunturTahsildar.id;
    expect(ids(officersToNotify(withRdo, guntur, false, byTahsildar))).toEqual([gunturRdo.id]);
    expect(ids(officersToNotify(registry, guntur, false, byTahsildar))).toEqual([stateSection.id, stateHead.id]);
    // Escalated, the senior officer who applied is passed over too.
    const byRdo = (o: Officer) => o.id === gunturRdo.id;
    expect(ids(officersToNotify(withRdo, guntur, true, byRdo))).toEqual([stateHead.id]);
  });

  it('knows an officer as the applicant by their number, or by the Aadhaar hash or UID token they proved', () => {
    const applicant = { waId: '919876500001', citizenHash: 'hash-1', citizenToken: 'uid-1' };
    expect(isApplicant(gunturTahsildar, undefined, { waId: gunturTahsildar.waId })).toBe(true);
    expect(isApplicant(gunturTahsildar, { aadhaarHash: 'hash-1' }, applicant)).toBe(true);
    expect(isApplicant(gunturTahsildar, { uidToken: 'uid-1' }, applicant)).toBe(true);
    expect(isApplicant(gunturTahsildar, { aadhaarHash: 'hash-2', uidToken: 'uid-2' }, applicant)).toBe(false);
    expect(isApplicant(gunturTahsildar, {}, { waId: '919876500001' })).toBe(false);
  });

  it('never leaves an escalation unheard: with no senior officer anywhere, those who heard first hear again', () => {
    const noSeniors = [gunturTahsildar, stateSection];
    expect(ids(officersToNotify(noSeniors, { department: 'revenue', district: 'guntur' }, true))).toEqual([
      gunturTahsildar.id,
    ]);
    expect(ids(officersToNotify(noSeniors, { department: 'revenue', district: 'nellore' }, true))).toEqual([
      stateSection.id,
    ]);
  });

  it('tells nobody of another department, and only names officers who may decide what they are told of', () => {
    expect(
      officersToNotify([schoolOfficer, gunturClerk], { department: 'revenue', district: 'guntur' }, false),
    ).toEqual([]);
    for (const district of [undefined, 'guntur', 'krishna', 'kurnool'])
      for (const escalated of [false, true])
        for (const told of officersToNotify(registry, { department: 'revenue', district }, escalated))
          expect(mayDecide(told, 'revenue', district)).toEqual({ allowed: true });
  });
});

describe('who may decide an application', () => {
  it('lets a district officer decide only their own district of their own department', () => {
    expect(mayDecide(gunturTahsildar, 'revenue', 'guntur')).toEqual({ allowed: true });
    expect(mayDecide(gunturTahsildar, 'revenue', 'krishna')).toMatchObject({ allowed: false });
    // An application that names no district is for the state-level officers.
    expect(mayDecide(gunturTahsildar, 'revenue')).toMatchObject({ allowed: false });
  });

  it('lets a state-level officer decide any district of their department, and applications with none', () => {
    for (const district of ['guntur', 'krishna', 'srikakulam', undefined])
      expect(mayDecide(stateSection, 'revenue', district)).toEqual({ allowed: true });
  });

  it('refuses a clerk, and an officer of another department', () => {
    expect(mayDecide(gunturClerk, 'revenue', 'guntur')).toEqual({
      allowed: false,
      why: 'a clerk cannot decide applications',
    });
    expect(mayDecide(schoolOfficer, 'revenue', 'guntur')).toMatchObject({ allowed: false });
    expect(mayDecide(stateHead, 'school-education')).toMatchObject({ allowed: false });
  });

  it("shows a district officer's worklist their district's applications only; a clerk still sees them", () => {
    expect(coversApplication(gunturClerk, { department: 'revenue', district: 'guntur' })).toBe(true);
    expect(coversApplication(gunturClerk, { department: 'revenue', district: 'krishna' })).toBe(false);
    expect(coversApplication(stateHead, { department: 'revenue', district: 'krishna' })).toBe(true);
    expect(coversApplication(stateHead, { department: 'school-education' })).toBe(false);
  });

  it("reads the application's district from its form, only when it is one of the catalog's districts", () => {
    expect(districtOf({ district: 'guntur', 'applicant-name': 'Ravi' })).toBe('guntur');
    expect(districtOf({ 'applicant-name': 'Ravi' })).toBeUndefined();
    expect(districtOf({ district: 'atlantis' })).toBeUndefined();
  });
});

describe('registering an officer against the catalog', () => {
  const registration = {
    id: 'REV-NLR-0100',
    waId: '919000000100',
    name: 'A. Test',
    department: 'revenue',
    district: 'nellore',
    role: 'tahsildar',
  };

  it('accepts catalog department and district ids, and state-level officers with no district', () => {
    expect(parseOfficer(registration, services)).toEqual(registration);
    const { district: _district, ...stateLevel } = registration;
    expect(parseOfficer(stateLevel, services)).toEqual(stateLevel);
  });

  it('names an unknown department, district or role with the ids that would do', () => {
    const problem = (change: Record<string, string>) => {
      try {
        parseOfficer({ ...registration, ...change }, services);
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(problem({ department: 'Revenue Department' })).toContain('department');
    expect(problem({ department: 'revenu' })).toMatch(/unknown department "revenu"; one of .*\brevenue\b/);
    expect(problem({ district: 'gunturu' })).toMatch(/unknown district "gunturu"; one of .*\bguntur\b/);
    expect(problem({ role: 'collector' })).toContain('role must be one of clerk, section-officer');
    expect(problem({ waId: '+91 90000 00100' })).toContain('waId');
  });
});
