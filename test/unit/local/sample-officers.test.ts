import { describe, expect, it } from 'vitest';
import { officersToNotify } from '#core/applications/approval.ts';
import { catalog } from '#core/catalog/catalog.ts';
import { fields } from '#core/catalog/fields.ts';
import { fulfilmentOf, workflowOf } from '#core/fulfilment/registry.ts';
import { mayDecide, parseOfficer } from '#core/officers.ts';
import { sampleOfficers } from '../../../local/sample-officers.ts';

const services = catalog();
const needsAnOfficer = services.services.filter(
  (s) => workflowOf(s) !== undefined && fulfilmentOf(s.kind).officerDecides(s),
);

describe("the embedded runtime's sample officers", () => {
  it('are registrations the catalog accepts, one per number and officer id', () => {
    for (const officer of sampleOfficers) expect(parseOfficer(officer, services)).toEqual(officer);
    expect(new Set(sampleOfficers.map((o) => o.waId)).size).toBe(sampleOfficers.length);
    expect(new Set(sampleOfficers.map((o) => o.id)).size).toBe(sampleOfficers.length);
    for (const officer of sampleOfficers) expect(officer.waId).toMatch(/^9190000\d{5}$/);
  });

  it('let every application that needs an officer be decided, from any district, and when escalated', () => {
    const districts = fields.district.options.map((o) => o.id);
    for (const service of needsAnOfficer) {
      const asked = service.fields.some((f) => f.id === 'district') ? districts : [undefined];
      for (const district of asked)
        for (const escalated of [false, true]) {
          const told = officersToNotify(sampleOfficers, { department: service.department, district }, escalated);
          expect(told.length, `${service.id} in ${district ?? 'no district'}`).toBeGreaterThan(0);
          for (const officer of told) expect(mayDecide(officer, service.department, district).allowed).toBe(true);
        }
    }
  });
});
