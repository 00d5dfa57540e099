import jsQRModule from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '#core/catalog/catalog.ts';
import { inventoryOf } from '#core/catalog/inventories.ts';
import type { Field, Language, Service } from '#core/catalog/schema.ts';
import { sampleCitizens } from '../../local/sample-citizens.ts';
import { downloadDocument, pdfText, rasterize } from '../support/certificates.ts';
import {
  bodyOf,
  documentOf,
  otpFor,
  rowIdOf,
  type SentMessage,
  say,
  sentTo,
  startTestRuntime,
  waitFor,
} from '../support/runtime.ts';

// One service of every kind, from "Hi" to its end, through the simulator's API exactly as a phone would go: the
// answers, the Aadhaar OTP, the fee paid on the gateway's page, the deciding officer's tap, and the signed document
// that arrives and verifies; a status lookup answered at once from the department's register.

// jsqr is CommonJS whose types say `export default`; the function is its exports object's `default`.
const jsQR = jsQRModule.default;
const services = catalog().services;
const ravi = sampleCitizens[0];
let env: Awaited<ReturnType<typeof startTestRuntime>>;
let officers: { waId: string; department: string; district?: string; role: string }[];

beforeAll(async () => {
  env = await startTestRuntime();
  officers = (await (await fetch(`${env.runtime.baseUrl}/sim/api/officers`)).json()) as typeof officers;
}, 120_000);
afterAll(async () => {
  await env?.stop();
});

/** What a citizen types (or taps) for a question, by its type: the sample citizen's own details where asked. */
function answerFor(field: Field): { text?: string; option?: string } {
  switch (field.type) {
    case 'choice':
      return { option: field.options!.some((o) => o.id === 'guntur') ? 'guntur' : field.options![0]!.id };
    case 'name':
      return { text: field.id === 'applicant-name' ? ravi.name : 'Venkata Reddy' };
    case 'aadhaar':
      return { text: ravi.aadhaar };
    case 'mobile':
      return { text: '9876543210' };
    case 'pincode':
      return { text: '522201' };
    case 'date':
      return { text: field.when === 'past' ? '15-08-1990' : tomorrowPlus(3) };
    case 'amount':
      return { text: '1116' };
    case 'number':
      // Two persons or rooms where a booking asks how many.
      return { text: field.id === 'persons' || field.id === 'rooms' ? '2' : '9'.repeat(field.min ?? 6) };
    case 'application-number':
      return { text: 'AP-0000000000AB' };
    case 'attachment':
      throw new Error(
        `${field.id}: the services walked here ask for no photo or PDF (see attachment-approval.test.ts)`,
      );
    case 'text':
      return {
        text:
          field.id === 'complaint'
            ? 'The streetlight on Gandhi Road has been off for two weeks.'
            : 'Tenali, 4-12 Gandhi Nagar'.slice(0, field.max ?? 60),
      };
  }
}

function tomorrowPlus(days: number): string {
  const date = new Date(env.runtime.clock.get().getTime() + (days + 1) * 86_400_000);
  return `${String(date.getUTCDate()).padStart(2, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${date.getUTCFullYear()}`;
}

async function texts(waId: string): Promise<string[]> {
  await env.runtime.drained();
  return (await sentTo(env.runtime, waId)).map(bodyOf);
}

/** From "Hi" to the submitted form, in the citizen's language; answers what the chat said last. */
async function fillIn(waId: string, service: Service, language: Language): Promise<void> {
  await say(env.runtime, waId, { text: 'Hi' });
  await say(env.runtime, waId, { reply_id: `lang:${language}` });
  await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'consent:yes') });
  await say(env.runtime, waId, { reply_id: `svc:${service.id}` });
  for (const field of service.fields) {
    const answer = answerFor(field);
    if (answer.option)
      await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, `opt:${answer.option}`) });
    else await say(env.runtime, waId, { text: answer.text! });
  }
  // A grievance asks its place, then photos (none here).
  if (service.kind === 'grievance') {
    await say(env.runtime, waId, { text: 'Tenali, Tenali' });
    await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'photos-done') });
  }
  await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'confirm') });
}

/** Proves the citizen's identity by Aadhaar OTP when the chat asks for it. */
async function proveIdentity(waId: string): Promise<void> {
  await say(env.runtime, waId, { text: ravi.aadhaar });
  await say(env.runtime, waId, { text: await otpFor(env.runtime, ravi.aadhaar) });
}

async function payIfAsked(waId: string, applicationId: string): Promise<void> {
  const link = (await texts(waId)).find((text) => text.includes('/pay/') && text.includes(applicationId));
  if (!link) return;
  const url = /(http\S+\/pay\/[A-Za-z0-9_-]+)/.exec(link)![1]!;
  const paid = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ outcome: 'captured' }),
  });
  expect(paid.status).toBe(200);
}

/** The officer who gets the notice: a deciding officer of the department in Guntur, else a state-level one. */
function decidingOfficer(service: Service) {
  const deciding = officers.filter((o) => o.department === service.department && o.role !== 'clerk');
  return deciding.find((o) => o.district === 'guntur') ?? deciding.find((o) => o.district === undefined)!;
}

async function approveAsOfficer(service: Service, applicationId: string): Promise<string> {
  const officer = decidingOfficer(service);
  expect(officer, `a deciding officer of ${service.department}`).toBeDefined();
  const notice = await waitFor(`the notice to the ${service.department} officer`, async () =>
    (await texts(officer.waId)).find((text) => text.includes(applicationId)),
  );
  if (service.kind === 'grievance') {
    // A grievance is accepted, then resolved with the note the citizen reads.
    await say(env.runtime, officer.waId, { reply_id: `grievance:accept:${applicationId}` });
    await say(env.runtime, officer.waId, { reply_id: `grievance:resolve:${applicationId}` });
    await say(env.runtime, officer.waId, { text: 'Visited the place and recorded the complaint.' });
  } else await say(env.runtime, officer.waId, { reply_id: `decide:approve:${applicationId}` });
  return notice;
}

async function documentFor(waId: string, applicationId: string): Promise<SentMessage> {
  return waitFor(
    `the document of ${applicationId}`,
    async () => {
      await env.runtime.drained();
      // A ticket comes as a document with its Cancel button under it.
      return (await sentTo(env.runtime, waId)).find((m) => documentOf(m) && bodyOf(m).includes(applicationId));
    },
    90_000,
  );
}

/** The QR printed on the document's page, read back from a rendering of it, verifies as valid. */
async function verifies(document: SentMessage): Promise<{ status: string; certificate?: { title?: string } }> {
  const png = rasterize(await downloadDocument(env.runtime, document));
  const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(qr?.data).toBeDefined();
  const url = new URL(qr!.data);
  return (await (
    await fetch(`${env.runtime.baseUrl}${url.pathname}${url.search}`, { headers: { accept: 'application/json' } })
  ).json()) as { status: string };
}

describe('every kind of service reaches its end', () => {
  it.each([
    ['application', 'civil-supplies.ration-card', 'en', 'will decide by'],
    ['grievance', 'police.complaint', 'te', 'లోగా చర్య తీసుకుంటారు'],
    // A choice registration number is allotted by the RTA officer, after its fee; every booking is sold from an
    // inventory, with no officer (below, and test/integration/*-booking.test.ts).
    ['application', 'transport.fancy-number', 'en', 'will decide by'],
    ['bill-payment', 'endowments.donation', 'te', 'నిర్ధారిస్తారు'],
    ['certificate', 'revenue.no-property-certificate', 'en', 'will decide by'],
  ] as const)(
    'kind %s (%s, in %s): submitted saying who decides and by when, decided by the officer, its signed document verifies',
    async (kind, serviceId, language, next) => {
      const service = services.find((s) => s.id === serviceId)!;
      expect(service.kind).toBe(kind);
      const waId = `9198110${String(services.indexOf(service)).padStart(5, '0')}`;
      await fillIn(waId, service, language);
      await proveIdentity(waId);
      const submitted = (await texts(waId)).find((text) => /AP-[0-9A-Z]{12}/.test(text))!;
      expect(submitted).toContain(next);
      expect(submitted).not.toMatch(/received|స్వీకరించబడింది/);
      const applicationId = /AP-[0-9A-Z]{12}/.exec(submitted)![0];

      await payIfAsked(waId, applicationId);
      const notice = await approveAsOfficer(service, applicationId);
      expect(notice).toContain(service.name.en);

      const document = await documentFor(waId, applicationId);
      expect((await verifies(document)).status).toBe('valid');
    },
    180_000,
  );

  it.each([
    ['tourism.tour-package', 'en', 'Araku Valley day tour from Visakhapatnam', '2 tickets, ₹2,400', true],
    ['health.hospital-appointment', 'te', 'జిల్లా ఆసుపత్రి, గుంటూరు', '1 అపాయింట్‌మెంట్, ఉచితం', false],
  ] as const)(
    'kind booking sold from an inventory (%s, in %s): a slot chosen and held, paid where it costs, its ticket verifies, no officer asked',
    async (serviceId, language, place, price, costs) => {
      const service = services.find((s) => s.id === serviceId)!;
      const waId = `9198111${String(services.indexOf(service)).padStart(5, '0')}`;
      await fillIn(waId, service, language);
      await proveIdentity(waId);
      const slots = (await texts(waId)).at(-1)!;
      expect(slots).toContain(place);
      expect(slots).toContain(price);
      const first = inventoryOf(serviceId)!.resources[0]!.times[0]!;
      await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, `slot:${first}`) });
      const held = (await texts(waId)).find((text) => /AP-[0-9A-Z]{12}/.test(text))!;
      const applicationId = /AP-[0-9A-Z]{12}/.exec(held)![0];

      // The payment request follows the hold from the workflow; a free place is never asked to be paid for.
      if (costs) await waitFor('the payment link', async () => (await texts(waId)).find((t) => t.includes('/pay/')));
      await payIfAsked(waId, applicationId);
      const document = await documentFor(waId, applicationId);
      expect((await texts(waId)).some((t) => t.includes('/pay/'))).toBe(costs);
      expect((await verifies(document)).status).toBe('valid');
      const text = pdfText(await downloadDocument(env.runtime, document));
      expect(text).toContain(first);
      const officer = decidingOfficer(service);
      if (officer) expect((await texts(officer.waId)).some((t) => t.includes(applicationId))).toBe(false);
    },
    180_000,
  );

  it('a status lookup (rice card status) is answered at once from the department register, nothing stored', async () => {
    const waId = '919811099001';
    const service = services.find((s) => s.id === 'civil-supplies.ration-card-status')!;
    const account = ravi.accounts.find((a) => a.service === service.id)!;
    await say(env.runtime, waId, { text: 'Hi' });
    await say(env.runtime, waId, { reply_id: 'lang:en' });
    await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'consent:yes') });
    await say(env.runtime, waId, { reply_id: `svc:${service.id}` });
    await say(env.runtime, waId, { text: account.number });
    await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'confirm') });
    const answer = (await texts(waId)).at(-1)!;
    expect(answer).toContain(account.number);
    expect(answer).toMatch(/As of \d{2}-\d{2}-\d{4}/);
    expect(answer).not.toMatch(/AP-[0-9A-Z]{12}/);
  });

  it('a land record found (Adangal / 1-B) offers a signed extract, which arrives stating the record and verifies', async () => {
    const waId = '919811099002';
    const service = services.find((s) => s.id === 'revenue.land-records')!;
    await say(env.runtime, waId, { text: 'Hi' });
    await say(env.runtime, waId, { reply_id: 'lang:te' });
    await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'consent:yes') });
    await say(env.runtime, waId, { reply_id: `svc:${service.id}` });
    await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'opt:guntur') });
    await say(env.runtime, waId, { text: 'Tadikonda' });
    await say(env.runtime, waId, { text: '212/3a' });
    await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'confirm') });
    const [answer, offer] = (await texts(waId)).slice(-2);
    expect(answer).toContain('అడంగల్ / 1-బి');
    expect(offer).toContain('సంతకం చేసిన ప్రతి');

    await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'extract') });
    // The document may already have followed it: the pipeline is quick.
    const requested = (await texts(waId)).find((text) => text.includes('సిద్ధమవుతోంది'))!;
    expect(requested).toContain('భూ రికార్డు సారాంశం');
    const applicationId = /AP-[0-9A-Z]{12}/.exec(requested)![0];

    const document = await documentFor(waId, applicationId);
    const verdict = await verifies(document);
    expect(verdict.status).toBe('valid');
    const text = pdfText(await downloadDocument(env.runtime, document));
    expect(text).toContain('212/3A');
    expect(text).toContain('Ravi Kumar Reddy');
    expect(text).toMatch(/Khata number\s*:?\s*1047/);
  });

  it('a grievance number looked up in "Grievance status" answers where the grievance stands', async () => {
    const waId = `9198110${String(services.findIndex((s) => s.id === 'police.complaint')).padStart(5, '0')}`;
    const applicationId = /AP-[0-9A-Z]{12}/.exec((await texts(waId)).find((text) => /AP-[0-9A-Z]{12}/.test(text))!)![0];
    await say(env.runtime, waId, { reply_id: 'svc:village-secretariat.grievance-status' });
    await say(env.runtime, waId, { text: applicationId.toLowerCase() });
    await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'confirm') });
    const answer = (await texts(waId)).at(-1)!;
    expect(answer).toContain(applicationId);
    expect(answer).toContain('పరిష్కరించబడింది');
  });
});
