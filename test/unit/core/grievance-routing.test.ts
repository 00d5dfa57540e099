import { describe, expect, it } from 'vitest';
import { catalog } from '#core/catalog/catalog.ts';
import { ValidationError } from '#core/errors.ts';
import { citizenAsOfficerSeesThem, officerButtons } from '#core/grievances/actions.ts';
import { placeId, placeOf, routeGrievance } from '#core/grievances/routing.ts';
import { similarGrievance } from '#core/grievances/similar.ts';
import { type Officer, parseOfficer } from '#core/officers.ts';

let next = 0;
const officer = (role: Officer['role'], department: string, district?: string, mandal?: string): Officer => ({
  id: `OFF-${++next}`,
  waId: `9190000${String(next).padStart(5, '0')}`,
  name: `Officer ${next}`,
  department,
  ...(district ? { district } : {}),
  ...(mandal ? { mandal } : {}),
  role,
});

const tadikondaAe = officer('section-officer', 'energy', 'guntur', 'tadikonda');
const gunturEe = officer('section-officer', 'energy', 'guntur');
const gunturSe = officer('district-collector', 'energy', 'guntur');
const energyHead = officer('head-of-department', 'energy');
const energyClerk = officer('clerk', 'energy', 'guntur', 'tadikonda');
const gunturPanchayat = officer('section-officer', 'panchayat-raj', 'guntur');
const registry = [tadikondaAe, gunturEe, gunturSe, energyHead, energyClerk, gunturPanchayat];
const ids = (officers: Officer[]) => officers.map((o) => o.id);

describe("routing a grievance by the officer registry's jurisdictions", () => {
  it("reaches the officer of the grievance's mandal where the department works by mandal", () => {
    const route = routeGrievance(registry, 'energy', { district: 'guntur', mandal: 'tadikonda' });
    expect(route).toMatchObject({ level: 'mandal', fallback: false });
    expect(ids(route.officers)).toEqual([tadikondaAe.id]);
  });

  it("falls back to the department's district officers for a mandal with no officer, and says so", () => {
    const route = routeGrievance(registry, 'energy', { district: 'guntur', mandal: 'pedakurapadu' });
    expect(route).toMatchObject({ level: 'district', fallback: true });
    expect(ids(route.officers)).toEqual([gunturEe.id, gunturSe.id]);
  });

  it('reaches the district officers of a department that does not work by mandal, as no fallback', () => {
    const route = routeGrievance(registry, 'panchayat-raj', { district: 'guntur', mandal: 'tadikonda' });
    expect(route).toMatchObject({ level: 'district', fallback: false });
    expect(ids(route.officers)).toEqual([gunturPanchayat.id]);
  });

  it('goes to the state-level officers of a district with none, as a fallback, never to another district', () => {
    const route = routeGrievance(registry, 'energy', { district: 'krishna', mandal: 'gudivada' });
    expect(route).toMatchObject({ level: 'state', fallback: true });
    expect(ids(route.officers)).toEqual([energyHead.id]);
    expect(routeGrievance(registry, 'transport', { district: 'guntur' })).toEqual({
      officers: [],
      level: 'none',
      fallback: true,
    });
  });

  it('escalates to the senior officers of the district, else of the state', () => {
    const place = { district: 'guntur', mandal: 'tadikonda' };
    expect(ids(routeGrievance(registry, 'energy', place, true).officers)).toEqual([gunturSe.id]);
    const noDistrictSenior = registry.filter((o) => o !== gunturSe);
    expect(ids(routeGrievance(noDistrictSenior, 'energy', place, true).officers)).toEqual([energyHead.id]);
  });

  it('reads the place from the form: the district option, the typed mandal and village as ids, a shared location', () => {
    expect(placeId('  Pedda Kakani ')).toBe('pedda-kakani');
    expect(
      placeOf({ district: 'guntur', mandal: 'Tadikonda', village: 'Lam', latitude: '16.41', longitude: '80.45' }),
    ).toEqual({
      district: 'guntur',
      mandal: 'tadikonda',
      village: 'lam',
      location: { latitude: 16.41, longitude: 80.45 },
    });
    expect(placeOf({ district: 'atlantis' })).toEqual({});
  });

  it('registers a mandal officer only with the district of the mandal', () => {
    const services = catalog();
    const base = {
      id: 'ENG-GNT-0701',
      waId: '919000000701',
      name: 'A. Prasad',
      department: 'energy',
      role: 'section-officer',
    };
    expect(parseOfficer({ ...base, district: 'guntur', mandal: 'tadikonda' }, services).mandal).toBe('tadikonda');
    expect(() => parseOfficer({ ...base, mandal: 'tadikonda' }, services)).toThrow(ValidationError);
  });
});

describe('a similar grievance within 24 hours', () => {
  const earlier = [
    {
      applicationId: 'AP-000000000001',
      serviceId: 'energy.power-complaint',
      submittedAt: '2026-12-04T08:00:00.000Z',
      place: { district: 'guntur', mandal: 'tadikonda', village: 'lam' },
    },
    {
      applicationId: 'AP-000000000002',
      serviceId: 'energy.power-complaint',
      submittedAt: '2026-12-04T09:00:00.000Z',
      place: { location: { latitude: 16.4167, longitude: 80.4542 } },
    },
  ];
  const now = new Date('2026-12-04T20:00:00.000Z');

  it('is found for the same category and place, typed or shared within a few hundred metres', () => {
    const typed = { district: 'guntur', mandal: 'tadikonda', village: 'lam' };
    expect(similarGrievance(earlier, 'energy.power-complaint', typed, now)?.applicationId).toBe('AP-000000000001');
    const nearby = { location: { latitude: 16.4175, longitude: 80.4549 } };
    expect(similarGrievance(earlier, 'energy.power-complaint', nearby, now)?.applicationId).toBe('AP-000000000002');
  });

  it('is not found for another category, another place, or after 24 hours', () => {
    const typed = { district: 'guntur', mandal: 'tadikonda', village: 'lam' };
    expect(similarGrievance(earlier, 'energy.meter-complaint', typed, now)).toBeUndefined();
    expect(
      similarGrievance(earlier, 'energy.power-complaint', { ...typed, mandal: 'mangalagiri' }, now),
    ).toBeUndefined();
    const far = { location: { latitude: 16.43, longitude: 80.47 } };
    expect(similarGrievance(earlier, 'energy.power-complaint', far, now)).toBeUndefined();
    expect(
      similarGrievance(earlier, 'energy.power-complaint', typed, new Date('2026-12-05T08:00:01.000Z')),
    ).toBeUndefined();
  });
});

describe('what an officer sees of a grievance', () => {
  it('shows the citizen by a masked number only', () => {
    expect(citizenAsOfficerSeesThem('919876543210')).toBe('********3210');
  });

  it('offers Accept and Transfer on arrival, then Ask, Resolve and Transfer, each naming the grievance', () => {
    const arriving = officerButtons('awaiting-approval', 'AP-000000000001', 'en');
    expect(arriving.map((b) => b.title)).toEqual(['Accept', 'Transfer']);
    const accepted = officerButtons('accepted', 'AP-000000000001', 'te');
    expect(accepted.map((b) => b.id)).toEqual([
      'grievance:ask:AP-000000000001',
      'grievance:resolve:AP-000000000001',
      'grievance:transfer:AP-000000000001',
    ]);
  });
});
