import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DepartmentSystemError } from '#adapters/departments/department-system-error.ts';
import { HttpStatusRegisters } from '#adapters/departments/status-registers.ts';
import { catalog } from '#core/catalog/catalog.ts';
import { LIMITS } from '#core/catalog/rules.ts';
import type { Service } from '#core/catalog/schema.ts';
import { protectAadhaar } from '#core/forms/aadhaar.ts';
import { validateField } from '#core/forms/validators.ts';
import { answeredFromMitra, lookupAnswer, lookupQuery } from '#core/fulfilment/status-lookup.ts';
import { REGISTERS_DOWN_NUMBER } from '../../local/back-ends/status-registers.ts';
import { sampleCitizens } from '../../local/sample-citizens.ts';
import { localUidToken } from '../../local/uid-token.ts';
import { startTestRuntime } from '../support/runtime.ts';

// The status registers adapter asks the embedded runtime's department registers over HTTP, with the queries the
// conversation builds from what a citizen types: every sample citizen's account is found, an unknown number is not,
// and a register that is down, slow or out of contract is an error the caller answers with "try again later".

const HASH_KEY = 'test-aadhaar-hash-key';
let env: Awaited<ReturnType<typeof startTestRuntime>>;
let registers: HttpStatusRegisters;

beforeAll(async () => {
  env = await startTestRuntime();
  registers = new HttpStatusRegisters(env.runtime.baseUrl);
}, 120_000);
afterAll(async () => {
  await env?.stop();
});

const service = (id: string) => catalog().services.find((s) => s.id === id)!;
type Account = { service: string; number: string; answers?: Record<string, string> };
type Citizen = (typeof sampleCitizens)[number];

/** The form's values and the verified identity, as the conversation keeps them after the citizen typed these answers. */
function typed(lookup: Service, account: Account, citizen: Citizen) {
  const values: Record<string, string> = {};
  for (const field of lookup.fields) {
    const text = account.answers?.[field.id] ?? account.number;
    const result = validateField(field, text, new Date(), 'en');
    if (!result.ok) throw new Error(`${lookup.id}: "${text}" is not a valid ${field.id}`);
    values[field.id] = result.value;
    if (result.aadhaar) {
      const { hash, last4 } = protectAadhaar(result.aadhaar, HASH_KEY);
      values[field.id] = `XXXX XXXX ${last4}`;
      values[`${field.id}:hash`] = hash;
    }
  }
  const identity = {
    aadhaarHash: protectAadhaar(citizen.aadhaar, HASH_KEY).hash,
    uidToken: localUidToken(citizen.aadhaar),
  };
  return { values, identity };
}

/** The accounts of status lookups (the others are bills, answered by the billers). */
const lookupAccounts = (accounts: readonly Account[]) =>
  accounts.filter((account) => service(account.service).kind === 'status-lookup');

describe('the status registers of the embedded runtime', () => {
  it("find every sample citizen's account, and the answer masks names and fits one message", async () => {
    for (const citizen of sampleCitizens) {
      for (const account of lookupAccounts(citizen.accounts)) {
        const lookup = service(account.service);
        const { values, identity } = typed(lookup, account, citizen);
        const query = lookupQuery(lookup, values, identity);
        expect(query, account.service).toBeDefined();
        expect(JSON.stringify(query)).not.toContain(citizen.aadhaar);
        const result = await registers.lookup(lookup.id, query!);
        expect(result.found, `${account.service} ${account.number}`).toBe(true);
        for (const language of ['en', 'te'] as const) {
          const text = lookupAnswer(lookup, result, language, values);
          expect(text.length).toBeLessThanOrEqual(LIMITS.text);
          expect(text).not.toContain(citizen.name.split(' ')[0]);
          expect(text).not.toContain(citizen.nameTe.split(' ')[0]);
        }
      }
    }
  });

  it('answer every status lookup of the catalog that Mitra does not answer itself', async () => {
    const found = new Set<string>();
    for (const citizen of sampleCitizens)
      for (const account of lookupAccounts(citizen.accounts)) {
        const lookup = service(account.service);
        const { values, identity } = typed(lookup, account, citizen);
        if ((await registers.lookup(lookup.id, lookupQuery(lookup, values, identity)!)).found) found.add(lookup.id);
      }
    const lookups = catalog().services.filter((s) => s.kind === 'status-lookup' && !answeredFromMitra(s));
    expect(lookups.length).toBe(22);
    for (const lookup of lookups) expect(found, lookup.id).toContain(lookup.id);
  });

  it('shows the land records of a survey number, with the pattadar masked and an extract on offer', async () => {
    const lookup = service('revenue.land-records');
    const result = await registers.lookup(lookup.id, {
      district: 'guntur',
      village: 'tadikonda',
      'survey-number': '212/3A',
    });
    expect(result.found && result.record.extract).toBe(true);
    const text = lookupAnswer(lookup, result, 'en');
    expect(text).toContain('Pattadar: R∗∗∗∗ K∗∗∗∗ R∗∗∗∗');
    expect(text).toContain('Extent: 2.35 acres (2 acres 35 cents)');
    expect(text).toContain('Land classification: Wet (Magani), patta land');
  });

  it('answer "not found" for a number they do not hold, and for a district that does not match', async () => {
    expect(await registers.lookup('civil-supplies.ration-card-status', { 'reference-number': '2899999999' })).toEqual({
      found: false,
    });
    expect(
      await registers.lookup('police.fir-status', { 'reference-number': '0412202600245', district: 'krishna' }),
    ).toEqual({ found: false });
    expect(
      await registers.lookup('social-welfare.pension-status', { uidToken: localUidToken('234567890124') }),
    ).toEqual({ found: false });
  });

  it('are down for the documented number: the adapter throws a department-system error', async () => {
    const down = registers.lookup('transport.vehicle-registration-status', { 'vehicle-number': REGISTERS_DOWN_NUMBER });
    await expect(down).rejects.toBeInstanceOf(DepartmentSystemError);
    await expect(down).rejects.toThrow(/503/);
  });

  it('refuse a query that lacks what the service needs, and a service they do not serve', async () => {
    await expect(registers.lookup('revenue.land-records', { district: 'guntur' })).rejects.toThrow(/400/);
    await expect(registers.lookup('revenue.income-certificate', { x: '1' })).rejects.toThrow(/404/);
  });

  it('list the accounts of each sample citizen at /sim/api/citizens', async () => {
    const citizens = (await (await fetch(`${env.runtime.baseUrl}/sim/api/citizens`)).json()) as {
      aadhaar: string;
      accounts: Account[];
    }[];
    const ravi = citizens.find((c) => c.aadhaar === '234567890124')!;
    expect(ravi.accounts).toContainEqual({
      service: 'revenue.land-records',
      number: '212/3A',
      answers: { district: 'Guntur', village: 'Tadikonda' },
    });
  });
});

describe('a department system that is unreachable, slow or out of contract', () => {
  let server: Server;
  let base: string;
  const answers: Record<string, (res: import('node:http').ServerResponse) => void> = {
    '/slow': () => undefined,
    '/extra': (res) => res.end(JSON.stringify({ found: false, reason: 'not in this register' })),
    '/text': (res) => res.end('<html>maintenance</html>'),
  };

  beforeAll(async () => {
    server = createServer((req, res) => answers[`/${req.url?.split('/')[1]}`]?.(res));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const address = server.address() as { port: number };
    base = `http://127.0.0.1:${address.port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  });

  it('is an error, never a guess', async () => {
    const ask = (endpoint: string, timeoutMs?: number) =>
      new HttpStatusRegisters(endpoint, timeoutMs).lookup('housing.housing-status', {
        'reference-number': '2813150123',
      });
    await expect(ask(`${base}/slow`, 300)).rejects.toBeInstanceOf(DepartmentSystemError);
    await expect(ask(`${base}/extra`)).rejects.toThrow(/out of contract/);
    await expect(ask(`${base}/text`)).rejects.toBeInstanceOf(DepartmentSystemError);
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as { port: number }).port;
    await new Promise((done) => closed.close(done));
    await expect(ask(`http://127.0.0.1:${port}`)).rejects.toThrow(/unreachable/);
  });
});
