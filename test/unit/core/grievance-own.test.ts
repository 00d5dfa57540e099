import { describe, expect, it } from 'vitest';
import { catalog } from '#core/catalog/catalog.ts';
import { type GrievanceSituation, planGrievanceAction } from '#core/grievances/perform.ts';
import { routeGrievance } from '#core/grievances/routing.ts';
import { isApplicant, type Officer } from '#core/officers.ts';

const services = catalog();
const powerComplaint = services.services.find((s) => s.id === 'energy.power-complaint')!;
const officer = (id: string, waId: string, role: Officer['role'], district?: string, mandal?: string): Officer => ({
  id,
  waId,
  name: id,
  department: 'energy',
  ...(district ? { district } : {}),
  ...(mandal ? { mandal } : {}),
  role,
});
const tadikondaAe = officer('ENG-1', '919000000001', 'section-officer', 'guntur', 'tadikonda');
const tadikondaAe2 = officer('ENG-2', '919000000002', 'section-officer', 'guntur', 'tadikonda');
const gunturEe = officer('ENG-3', '919000000003', 'section-officer', 'guntur');
const gunturSe = officer('ENG-4', '919000000004', 'district-collector', 'guntur');
const energyHead = officer('ENG-5', '919000000005', 'head-of-department');
const place = { district: 'guntur', mandal: 'tadikonda' };
const ids = (officers: Officer[]) => officers.map((o) => o.id);
/** The mandal officer filed it from their own number; the head of department proved the same Aadhaar from a second. */
const filer = { waId: tadikondaAe.waId, citizenHash: 'hash-of-the-filer' };
const identities = new Map([[energyHead.waId, { aadhaarHash: 'hash-of-the-filer' }]]);
const isFiler = (o: Officer) => isApplicant(o, identities.get(o.waId), filer);

describe('a grievance an officer filed', () => {
  it("goes to another officer of the mandal, else the district's, never to the one who filed it", () => {
    const withColleague = routeGrievance([tadikondaAe, tadikondaAe2, gunturEe], 'energy', place, false, isFiler);
    expect(ids(withColleague.officers)).toEqual([tadikondaAe2.id]);
    const alone = routeGrievance([tadikondaAe, gunturEe, gunturSe], 'energy', place, false, isFiler);
    expect(alone).toMatchObject({ level: 'district', fallback: false });
    expect(ids(alone.officers)).toEqual([gunturEe.id, gunturSe.id]);
  });

  it('escalates past a senior officer who filed it from a second number, to the next senior one', () => {
    const seniors = routeGrievance([tadikondaAe, gunturEe, energyHead], 'energy', place, true, isFiler);
    expect(ids(seniors.officers)).toEqual([gunturEe.id]);
    expect(routeGrievance([tadikondaAe, energyHead], 'energy', place, true, isFiler).officers).toEqual([]);
  });

  it('is never accepted, asked about, resolved or transferred by the officer who filed it', () => {
    const situation = (acting: Officer, action: GrievanceSituation['action']): GrievanceSituation => ({
      record: {
        applicationId: 'AP-000000000009',
        serviceId: powerComplaint.id,
        waId: filer.waId,
        language: 'en',
        state: 'accepted',
        submittedAt: '2026-12-04T08:00:00.000Z',
        values: { complaint: 'No power', district: 'guntur', mandal: 'tadikonda' },
        department: 'energy',
        district: 'guntur',
        taskToken: 'token',
        grievance: {},
      },
      service: powerComplaint,
      catalog: services,
      action,
      sender: { officer: acting },
      text: 'panchayat-raj: a panchayat road',
      registry: [tadikondaAe, gunturEe, energyHead],
      languageOf: () => 'en',
      isFiler,
      now: new Date('2026-12-04T09:00:00.000Z'),
      ref: 'task-1',
    });
    for (const acting of [tadikondaAe, energyHead])
      for (const action of ['accept', 'ask', 'resolve', 'transfer'] as const) {
        const plan = planGrievanceAction(situation(acting, action));
        expect(plan.transition, `${acting.id} ${action}`).toBeUndefined();
        expect(plan.resume).toBeUndefined();
        expect(plan.notices).toEqual([]);
        expect(plan.answer).toEqual({
          type: 'text',
          text: 'You cannot act on grievance AP-000000000009: you filed it. Another officer handles it.',
        });
      }
    expect(planGrievanceAction(situation(gunturEe, 'resolve')).resume?.decision.officerId).toBe(gunturEe.id);
  });
});
