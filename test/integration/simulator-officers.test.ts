import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleOfficers } from '../../local/sample-officers.ts';
import { startTestRuntime } from '../support/runtime.ts';

// The simulator knows the officers the runtime registers, so a tester can see who may decide what and chat as them.

let env: Awaited<ReturnType<typeof startTestRuntime>>;

beforeAll(async () => {
  env = await startTestRuntime();
});
afterAll(() => env?.stop());

describe('GET /sim/api/officers', () => {
  it('lists every sample officer with their number, id, name, department, district when known, and role', async () => {
    const response = await fetch(`${env.runtime.baseUrl}/sim/api/officers`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const officers = (await response.json()) as Record<string, unknown>[];

    expect(officers).toHaveLength(sampleOfficers.length);
    officers.forEach((officer, index) => {
      const sample: Record<string, unknown> = { ...sampleOfficers[index] };
      const expected = ['waId', 'id', 'name', 'department', ...('district' in sample ? ['district'] : []), 'role'];
      expect(Object.keys(officer).sort()).toEqual(expected.sort());
      // Passed on as registered: the department is the officer record's own value, never re-labelled.
      for (const key of expected) expect(officer[key]).toBe(sample[key]);
      expect(officer.waId).toMatch(/^\d{10,15}$/);
      expect(officer.id).toMatch(/^[A-Z0-9-]{3,40}$/);
      for (const key of ['name', 'department', 'role']) expect(officer[key]).toEqual(expect.stringMatching(/\S/));
    });
    expect(new Set(officers.map((o) => o.waId)).size).toBe(officers.length);
  });

  it('offers the same officers in the /sim page’s person picker', async () => {
    const page = await (await fetch(`${env.runtime.baseUrl}/sim`)).text();
    const config = JSON.parse(/<script type="application\/json" id="sim-config">(.*?)<\/script>/s.exec(page)![1]!) as {
      people: { kind: string; waId: string; name: string }[];
    };
    expect(config.people.filter((p) => p.kind === 'officer').map((p) => [p.waId, p.name])).toEqual(
      sampleOfficers.map((o) => [o.waId, o.name]),
    );
    expect(config.people.filter((p) => p.kind === 'citizen').length).toBeGreaterThan(0);
  });
});
