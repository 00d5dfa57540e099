import { createServer, type Server } from 'node:http';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpCivilRegistration } from '#adapters/departments/civil-registration.ts';
import { DepartmentSystemError } from '#adapters/departments/department-system-error.ts';
import { HttpTrainingRecords } from '#adapters/departments/training-records.ts';
import { checkAgainstRegister, registerFor, registerQuery } from '#core/applications/register-checks.ts';
import { catalog } from '#core/catalog/catalog.ts';
import { validateField } from '#core/forms/validators.ts';
import { keys } from '#core/table-keys.ts';
import { sampleCitizens } from '../../local/sample-citizens.ts';
import { sampleOfficers } from '../../local/sample-officers.ts';
import {
  bodyOf,
  proveIdentity,
  rowIdOf,
  say,
  sentTo,
  startTestRuntime,
  tableClient,
  waitFor,
} from '../support/runtime.ts';

// A birth, death or training certificate is issued at once only when its register (the embedded runtime's Civil
// Registration System and training records, over HTTP) confirms every fact it states; otherwise an officer of the
// department decides, told what the register holds differently. Names typed in Telugu are compared with the records'
// Telugu names.

let env: Awaited<ReturnType<typeof startTestRuntime>>;

beforeAll(async () => {
  env = await startTestRuntime();
}, 120_000);
afterAll(async () => {
  await env?.stop();
});

const service = (id: string) => catalog().services.find((s) => s.id === id)!;
type Answer = { text?: string; option?: string };

/** Applies for a certificate with these answers (in the service's field order) and proves identity. */
async function apply(waId: string, serviceId: string, answers: Answer[], aadhaar: string): Promise<string> {
  await say(env.runtime, waId, { text: 'Hi' });
  await say(env.runtime, waId, { reply_id: 'lang:en' });
  await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'consent:yes') });
  await say(env.runtime, waId, { reply_id: `svc:${serviceId}` });
  for (const answer of answers) {
    if (answer.option) await say(env.runtime, waId, { reply_id: await optionId(waId, answer.option) });
    else await say(env.runtime, waId, { text: answer.text! });
  }
  await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'confirm') });
  await proveIdentity(env.runtime, waId, aadhaar);
  const submitted = (await sentTo(env.runtime, waId)).map(bodyOf).find((text) => /AP-[0-9A-Z]{12}/.test(text));
  return /AP-[0-9A-Z]{12}/.exec(submitted!)![0];
}

/** The row of a choice, paging through the list with "More" until it shows. */
async function optionId(waId: string, option: string): Promise<string> {
  for (let page = 0; page < 5; page++) {
    const id = await rowIdOf(env.runtime, waId, `opt:${option}`).catch(() => undefined);
    if (id) return id;
    await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'more') });
  }
  throw new Error(`no option ${option} offered`);
}

async function settled(applicationId: string, state: string) {
  return waitFor(`application ${applicationId} ${state}`, async () => {
    await env.runtime.drained();
    const { Item } = await tableClient(env.runtime).send(
      new GetCommand({ TableName: env.runtime.names.table, Key: keys.application(applicationId) }),
    );
    return Item?.state === state ? Item : undefined;
  });
}

async function documentSentTo(waId: string) {
  return waitFor('the certificate in the chat', async () => {
    await env.runtime.drained();
    return (await sentTo(env.runtime, waId)).find((m) => m.type === 'document');
  });
}

const RAVI = '234567890124';
const LAKSHMI = '345678901238';

describe('a certificate checked against its register', () => {
  it("issues Ravi's daughter's birth certificate at once, the birth register confirming every detail", async () => {
    const citizen = '919876530001';
    const applicationId = await apply(
      citizen,
      'municipal.birth-certificate',
      [
        { text: 'Ananya Reddy' },
        { text: '09-03-2016' },
        { option: 'female' },
        { text: 'Ravi Kumar Reddy' },
        { option: 'guntur' },
      ],
      RAVI,
    );
    const issued = await settled(applicationId, 'issued');
    expect(issued.decision).toBeUndefined();
    expect((await documentSentTo(citizen)).document?.caption).toContain('Birth certificate');
  });

  it('sends a birth whose father the register names otherwise to the officer, naming that detail', async () => {
    const citizen = '919876530002';
    // An officer of the municipal department who wrote to the bot today gets the notice with its buttons.
    const officer = sampleOfficers.find((o) => ['municipal', 'Municipal Department'].includes(o.department));
    if (officer) {
      await say(env.runtime, officer.waId, { text: 'Hi' });
      await say(env.runtime, officer.waId, { reply_id: 'lang:en' });
    }
    const applicationId = await apply(
      citizen,
      'municipal.birth-certificate',
      [
        { text: 'Ananya Reddy' },
        { text: '09-03-2016' },
        { option: 'female' },
        { text: 'Mohammed Rafi' },
        { option: 'guntur' },
      ],
      RAVI,
    );
    await settled(applicationId, 'awaiting-approval');
    const told = (await sentTo(env.runtime, citizen)).map(bodyOf).join('\n');
    expect(told).toContain("The department's records could not confirm every detail");
    expect((await sentTo(env.runtime, citizen)).some((m) => m.type === 'document')).toBe(false);
    if (officer) {
      const notice = await waitFor('the notice to the officer', async () => {
        await env.runtime.drained();
        return (await sentTo(env.runtime, officer.waId)).map(bodyOf).find((text) => text.includes(applicationId));
      });
      expect(notice).toContain('Records check: the birth register differs on: Father/husband name.');
    }
  });

  it('issues an income certificate at once to names typed in Telugu that the household records hold in Telugu', async () => {
    const citizen = '919876530003';
    const applicationId = await apply(
      citizen,
      'revenue.income-certificate',
      [
        { text: 'లక్ష్మీ దేవి నాయుడు' },
        { option: 'daughter-of' },
        { text: 'సూర్యనారాయణ నాయుడు' },
        { text: LAKSHMI },
        { text: '240000' },
        { text: 'మచిలీపట్నం' },
        { text: 'మచిలీపట్నం' },
        { option: 'krishna' },
        { option: 'education' },
      ],
      LAKSHMI,
    );
    await settled(applicationId, 'issued');
    expect((await documentSentTo(citizen)).document?.caption).toContain('Income certificate');
  });

  it("issues Lakshmi's training certificate at once, her name typed in Telugu, the training register confirming it", async () => {
    const citizen = '919876530004';
    const applicationId = await apply(
      citizen,
      'skill-development.training-certificate',
      [{ text: 'లక్ష్మీ దేవి నాయుడు' }, { text: '251104872' }],
      LAKSHMI,
    );
    await settled(applicationId, 'issued');
    expect((await documentSentTo(citizen)).document).toBeDefined();
  });
});

describe('the registers of the embedded runtime', () => {
  it('confirm every certificate the sample citizens list under registers, typed as the conversation keeps it', async () => {
    const civil = new HttpCivilRegistration(env.runtime.baseUrl);
    const training = new HttpTrainingRecords(env.runtime.baseUrl);
    let checked = 0;
    for (const citizen of sampleCitizens) {
      for (const { service: id, answers } of citizen.registers) {
        const certificate = service(id);
        const values: Record<string, string> = {};
        for (const field of certificate.fields) {
          const typed = (answers as Record<string, string>)[field.id];
          const result = validateField(field, typed ?? '', new Date(), 'en');
          if (!result.ok) throw new Error(`${id}: "${typed}" is not a valid ${field.id}`);
          values[field.id] = result.value;
        }
        const search = registerQuery(certificate, values)!;
        const entries =
          search.register === 'training' ? await training.search(search.query.number) : await civil.search(search);
        expect(checkAgainstRegister(certificate, values, registerFor(certificate)!, entries), id).toMatchObject({
          verified: true,
        });
        checked++;
      }
    }
    expect(checked).toBe(5);
  });

  it('are listed for each sample citizen at /sim/api/citizens, with what to type', async () => {
    const citizens = (await (await fetch(`${env.runtime.baseUrl}/sim/api/citizens`)).json()) as {
      aadhaar: string;
      registers: { service: string; answers: Record<string, string> }[];
    }[];
    const ravi = citizens.find((c) => c.aadhaar === RAVI)!;
    expect(ravi.registers).toContainEqual(
      expect.objectContaining({
        service: 'municipal.birth-certificate',
        answers: expect.objectContaining({ 'child-name': 'Ananya Reddy' }),
      }),
    );
  });

  it('find nothing for a date or number they do not hold', async () => {
    const civil = new HttpCivilRegistration(env.runtime.baseUrl);
    expect(await civil.search({ register: 'births', query: { date: '2016-03-10', district: 'guntur' } })).toEqual([]);
    expect(await civil.search({ register: 'deaths', query: { date: '2023-11-04', district: 'guntur' } })).toEqual([]);
    expect(await new HttpTrainingRecords(env.runtime.baseUrl).search('99999999')).toEqual([]);
  });

  it('are down for the documented number: the adapters throw a department-system error', async () => {
    const down = new HttpTrainingRecords(env.runtime.baseUrl).search('503503503');
    await expect(down).rejects.toBeInstanceOf(DepartmentSystemError);
    await expect(down).rejects.toThrow(/503/);
    const village = new HttpCivilRegistration(env.runtime.baseUrl).search({
      register: 'births',
      query: { date: '2019-07-22', village: '503503503' },
    });
    await expect(village).rejects.toThrow(/503/);
  });
});

describe('a register that is unreachable, slow or out of contract', () => {
  let server: Server;
  let base: string;
  const answers: Record<string, (res: import('node:http').ServerResponse) => void> = {
    '/slow': () => undefined,
    '/extra': (res) => res.end(JSON.stringify({ entries: [], note: 'partial' })),
    '/text': (res) => res.end('<html>maintenance</html>'),
  };

  beforeAll(async () => {
    server = createServer((req, res) => answers[`/${req.url?.split('/')[1]}`]?.(res));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  });

  it('is an error the workflow retries, never a guess', async () => {
    const ask = (endpoint: string, timeoutMs?: number) =>
      new HttpCivilRegistration(endpoint, timeoutMs).search({
        register: 'deaths',
        query: { date: '2023-11-04', district: 'krishna' },
      });
    await expect(ask(`${base}/slow`, 300)).rejects.toBeInstanceOf(DepartmentSystemError);
    await expect(ask(`${base}/extra`)).rejects.toThrow(/out of contract/);
    await expect(new HttpTrainingRecords(`${base}/text`).search('2026045871')).rejects.toBeInstanceOf(
      DepartmentSystemError,
    );
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as { port: number }).port;
    await new Promise((done) => closed.close(done));
    await expect(ask(`http://127.0.0.1:${port}`)).rejects.toThrow(/unreachable/);
  });
});
