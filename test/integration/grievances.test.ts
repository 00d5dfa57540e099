import { GetCommand } from '@aws-sdk/lib-dynamodb';
import jpeg from 'jpeg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '#core/table-keys.ts';
import {
  bodyOf,
  otpFor,
  rowIdOf,
  type SentMessage,
  say,
  sentTo,
  startTestRuntime,
  tableClient,
  waitFor,
} from '../support/runtime.ts';

// Grievances from "Hi" in the simulator to their end, as phones would go: a power-supply complaint with a shared
// location and a photo reaches the Energy officer of its district (local/sample-officers.ts), who accepts it, asks
// the citizen a question through Mitra, gets the answer and resolves it with a note; the citizen rates it. Another is
// reopened and reaches the senior officer; one is transferred to another department; the last passes its SLA.

const gunturEnergy = '919000000631';
const stateEnergy = '919000000602';
const energyHead = '919000000632';
const panchayatRaj = '919000000608';
const aadhaar = '234567890124';
const transformer = { latitude: 16.3066, longitude: 80.4365 };

let env: Awaited<ReturnType<typeof startTestRuntime>>;

beforeAll(async () => {
  env = await startTestRuntime();
  // The officers wrote to the bot today: notices come with their buttons, and photos may follow them.
  for (const officer of [gunturEnergy, stateEnergy, energyHead, panchayatRaj]) {
    await say(env.runtime, officer, { text: 'Hi' });
    await say(env.runtime, officer, { reply_id: 'lang:en' });
  }
}, 120_000);
afterAll(async () => {
  await env?.stop();
});

const photo = Buffer.from(
  jpeg.encode({ data: Buffer.alloc(64 * 48 * 4, 0x88), width: 64, height: 48 }, 80).data,
).toString('base64');

async function texts(waId: string): Promise<string[]> {
  await env.runtime.drained();
  return (await sentTo(env.runtime, waId)).map(bodyOf);
}

async function lastSaid(waId: string): Promise<string> {
  return (await texts(waId)).at(-1)!;
}

async function applicationItem(applicationId: string) {
  const { Item } = await tableClient(env.runtime).send(
    new GetCommand({ TableName: env.runtime.names.table, Key: keys.application(applicationId) }),
  );
  return Item;
}

async function stateOf(applicationId: string, state: string) {
  // A resolution goes through the workflow, which issues the signed acknowledgement first.
  return waitFor(
    `grievance ${applicationId} ${state}`,
    async () => {
      await env.runtime.drained();
      const item = await applicationItem(applicationId);
      return item?.state === state ? item : undefined;
    },
    120_000,
  );
}

/** The first message to `waId` that names the grievance and satisfies `test`, once it has arrived. */
async function messageTo(waId: string, applicationId: string, test: (m: SentMessage) => boolean = () => true) {
  return waitFor(
    `a message about ${applicationId} to ${waId}`,
    async () => {
      await env.runtime.drained();
      return (await sentTo(env.runtime, waId)).find((m) => JSON.stringify(m).includes(applicationId) && test(m));
    },
    120_000,
  );
}

/** The bytes of media the system sent, fetched as a phone would: the media id's URL, then the URL. */
async function photoBytes(media: { id: string }): Promise<Buffer> {
  const graph = `${env.runtime.baseUrl}/graph/v23.0`;
  const auth = { authorization: 'Bearer local-access-token' };
  const { url } = (await (await fetch(`${graph}/${media.id}`, { headers: auth })).json()) as { url: string };
  return Buffer.from(await (await fetch(url, { headers: auth })).arrayBuffer());
}

/** Moves the embedded runtime's clock past everyone's 24-hour customer-service window. */
async function aDayLater(): Promise<void> {
  await fetch(`${env.runtime.baseUrl}/sim/api/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advance_seconds: 24 * 3600 + 60 }),
  });
}

type TemplateMessage = {
  name: string;
  components: {
    type: string;
    parameters: { type: string; text?: string; payload?: string; image?: { id: string } }[];
  }[];
};
const templateOf = (m: SentMessage) => m.template as TemplateMessage;
const isTemplate = (name: string) => (m: SentMessage) => m.type === 'template' && templateOf(m).name === name;
const parameters = (m: SentMessage, type: string) =>
  templateOf(m)
    .components.filter((c) => c.type === type)
    .flatMap((c) => c.parameters);

const isNotice = (m: SentMessage) => m.type === 'interactive' && bodyOf(m).startsWith('Grievance');
const noticeBody = (m: SentMessage) => bodyOf(m);

/** From "Hi" (the first time) to a registered power-supply complaint; answers the place as given. */
async function complain(
  citizen: string,
  place: { location: { latitude: number; longitude: number } } | { text: string },
  options: { first?: boolean; district?: string; photo?: boolean; similar?: 'new' | 'same'; service?: string } = {},
): Promise<string | undefined> {
  if (options.first !== false) {
    await say(env.runtime, citizen, { text: 'Hi' });
    await say(env.runtime, citizen, { reply_id: 'lang:en' });
    await say(env.runtime, citizen, { reply_id: await rowIdOf(env.runtime, citizen, 'consent:yes') });
  }
  await say(env.runtime, citizen, { reply_id: `svc:energy.${options.service ?? 'power-complaint'}` });
  await say(env.runtime, citizen, { text: '1123456789' });
  await say(env.runtime, citizen, { text: 'No power in our street since last night; the transformer sparked.' });
  await say(env.runtime, citizen, {
    reply_id: await rowIdOf(env.runtime, citizen, `opt:${options.district ?? 'guntur'}`),
  });
  const request = (await sentTo(env.runtime, citizen)).at(-1)!;
  expect(request.interactive?.type).toBe('location_request_message');
  await say(env.runtime, citizen, place);
  if (options.photo) {
    await say(env.runtime, citizen, { image_base64: photo });
    expect(await lastSaid(citizen)).toContain('Photo 1 of 3 received');
  }
  await say(env.runtime, citizen, { reply_id: await rowIdOf(env.runtime, citizen, 'photos-done') });
  const before = (await texts(citizen)).length;
  await say(env.runtime, citizen, { reply_id: await rowIdOf(env.runtime, citizen, 'confirm') });
  if (options.similar) {
    expect(await lastSaid(citizen)).toContain('You registered a similar grievance');
    await say(env.runtime, citizen, { reply_id: await rowIdOf(env.runtime, citizen, `similar-${options.similar}`) });
    if (options.similar === 'same') return undefined;
  }
  if (/Aadhaar number/.test(await lastSaid(citizen))) {
    await say(env.runtime, citizen, { text: aadhaar });
    await say(env.runtime, citizen, { text: await otpFor(env.runtime, aadhaar) });
  }
  // The last message naming one: a similar grievance's question names the earlier one.
  const submitted = (await texts(citizen)).slice(before).findLast((text) => /AP-[0-9A-Z]{12}/.test(text));
  expect(submitted, 'the grievance number, given at once').toBeDefined();
  return /AP-[0-9A-Z]{12}/.exec(submitted!)![0];
}

/** An officer taps one of a grievance's buttons and, for Ask, Resolve and Transfer, types the text asked for. */
async function act(officer: string, action: string, applicationId: string, text?: string): Promise<string> {
  await say(env.runtime, officer, { reply_id: `grievance:${action}:${applicationId}` });
  if (text) await say(env.runtime, officer, { text });
  const before = (await texts(officer)).findLastIndex((said) => said.includes('Working on'));
  // "Working on it…" at once, then the answer once the task is carried out.
  return waitFor(`the answer to ${action}`, async () => (await texts(officer)).slice(before + 1).at(-1));
}

describe('a grievance in the chat', () => {
  it("reaches the district's Energy officer with its place and photo; question relayed; resolved, rated, closed", {
    timeout: 240_000,
  }, async () => {
    const citizen = '919876530001';
    const applicationId = (await complain(citizen, { location: transformer }, { photo: true }))!;

    const notice = await messageTo(gunturEnergy, applicationId, isNotice);
    expect(noticeBody(notice)).toContain('Power supply complaint');
    expect(noticeBody(notice)).toContain('https://maps.google.com/?q=16.3066,80.4365');
    expect(noticeBody(notice)).toContain('the transformer sparked');
    const buttons = (notice.interactive!.action as { buttons: { reply: { title: string } }[] }).buttons;
    expect(buttons.map((b) => b.reply.title)).toEqual(['Accept', 'Transfer']);
    const image = await messageTo(gunturEnergy, applicationId, (m) => m.type === 'image');
    expect(image.image).toMatchObject({ caption: `Grievance ${applicationId}: Photo 1` });
    // Only the officer of the place: not the state-level one, nor the head.
    for (const other of [stateEnergy, energyHead])
      expect((await texts(other)).some((text) => text.includes(applicationId))).toBe(false);
    expect(await texts(citizen)).toContainEqual(expect.stringContaining('is now with the'));

    expect(await act(gunturEnergy, 'accept', applicationId)).toContain(`You accepted grievance ${applicationId}`);
    expect(await lastSaid(citizen)).toContain('has been accepted by the Electricity officer');
    await stateOf(applicationId, 'accepted');

    const question = 'Is it the transformer near the school or the one near the temple?';
    expect(await act(gunturEnergy, 'ask', applicationId, question)).toContain('sent to the citizen');
    const asked = (await sentTo(env.runtime, citizen)).at(-1)!;
    expect(bodyOf(asked)).toContain(question);
    await stateOf(applicationId, 'awaiting-citizen');
    await say(env.runtime, citizen, {
      reply_id: await rowIdOf(env.runtime, citizen, `grievance:reply:${applicationId}`),
    });
    await say(env.runtime, citizen, { text: 'Near the temple, pole number 14.' });
    const relayed = await messageTo(gunturEnergy, applicationId, (m) => bodyOf(m).includes('pole number 14'));
    expect(bodyOf(relayed)).toMatch(/Citizen \u2217+0001 answers/);
    await stateOf(applicationId, 'accepted');

    const note = 'Fuse of the transformer near the temple replaced; supply restored at 6 pm.';
    expect(await act(gunturEnergy, 'resolve', applicationId, note)).toContain('is resolved');
    const resolved = await stateOf(applicationId, 'resolved');
    expect(resolved.grievance).toMatchObject({ note });
    const rating = await messageTo(citizen, applicationId, (m) => m.interactive?.type === 'list');
    expect(bodyOf(rating)).toContain(note);
    const rows = (rating.interactive!.action as { sections: { rows: { id: string; title: string }[] }[] }).sections[0]!
      .rows;
    expect(rows.map((r) => r.title)).toEqual(['1 ★', '2 ★★', '3 ★★★', '4 ★★★★', '5 ★★★★★', 'Reopen']);
    expect((await sentTo(env.runtime, citizen)).some((m) => m.type === 'document')).toBe(true);

    // Typed rather than tapped, in Telugu digits: the grievance resolved since the citizen last wrote is rated.
    await say(env.runtime, citizen, { text: '౫' });
    const closed = await stateOf(applicationId, 'closed');
    expect(closed.grievance).toMatchObject({ rating: 5 });
    expect(await lastSaid(citizen)).toContain('5 of 5');
    // The history names the officer by id, and no one by number.
    const history = closed.history as { transition: string; actor: { type: string; id?: string } }[];
    expect(history.map((h) => h.transition)).toEqual(
      expect.arrayContaining(['accept', 'ask-citizen', 'answer-officer', 'resolve', 'close']),
    );
    expect(history.find((h) => h.transition === 'resolve')?.actor).toEqual({ type: 'officer', id: 'EN-GNT-0631' });
    expect(JSON.stringify(history)).not.toMatch(/91\d{10}/);
  });

  it('keeps both numbers private: the officer sees the citizen masked, the citizen never sees the officer', async () => {
    const citizen = '919876530001';
    const officerSaw = (await texts(gunturEnergy)).join('\n');
    expect(officerSaw).not.toContain(citizen);
    expect(officerSaw).toMatch(/\u2217+0001/);
    const citizenSaw = JSON.stringify(await sentTo(env.runtime, citizen));
    for (const officer of [gunturEnergy, stateEnergy, energyHead]) expect(citizenSaw).not.toContain(officer);
  });

  it('asks about a second complaint of the same place within 24 hours, registers none if it is the same one', async () => {
    const citizen = '919876530001';
    const none = await complain(citizen, { location: transformer }, { first: false, similar: 'same' });
    expect(none).toBeUndefined();
    expect(await lastSaid(citizen)).toContain('nothing new is registered');
  });

  it('is reopened by the citizen after its resolution and goes to the senior officer', {
    timeout: 240_000,
  }, async () => {
    const citizen = '919876530001';
    const applicationId = (await complain(citizen, { location: transformer }, { first: false, similar: 'new' }))!;
    await messageTo(gunturEnergy, applicationId, isNotice);
    await act(gunturEnergy, 'accept', applicationId);
    // A photo of the work first, then the note: both reach the citizen, the photo first.
    await say(env.runtime, gunturEnergy, { reply_id: `grievance:resolve:${applicationId}` });
    await say(env.runtime, gunturEnergy, { image_base64: photo });
    expect(await lastSaid(gunturEnergy)).toContain('Photo kept for grievance');
    await say(env.runtime, gunturEnergy, { text: 'Line repaired at pole 14.' });
    const rating = await messageTo(citizen, applicationId, (m) => m.interactive?.type === 'list');
    const told = await sentTo(env.runtime, citizen);
    const pictured = told.findIndex((m) => m.type === 'image' && JSON.stringify(m).includes(applicationId));
    expect(pictured, "the officer's photo before the rating list").toBeGreaterThan(-1);
    expect(pictured).toBeLessThan(told.findIndex((m) => m.id === rating.id));
    expect(await photoBytes(told[pictured]!.image as { id: string })).toEqual(Buffer.from(photo, 'base64'));
    expect((await stateOf(applicationId, 'resolved')).grievance).toMatchObject({
      photo: `applications/${applicationId}/resolution-photo`,
    });
    const rows = (rating.interactive!.action as { sections: { rows: { id: string; title: string }[] }[] }).sections[0]!
      .rows;
    await stateOf(applicationId, 'resolved');

    await say(env.runtime, citizen, { reply_id: rows.find((r) => r.title === 'Reopen')!.id });
    await stateOf(applicationId, 'reopened');
    expect(await lastSaid(citizen)).toContain('reopened and has gone to the senior officer');
    const notice = await messageTo(energyHead, applicationId, isNotice);
    expect(noticeBody(notice)).toContain('Power supply complaint');
  });

  it('is transferred with a reason to another department, whose officer gets it and the citizen is told', async () => {
    const citizen = '919876530002';
    const applicationId = (await complain(citizen, { text: 'Tadikonda, Tadikonda' }))!;
    const notice = await messageTo(gunturEnergy, applicationId, isNotice);
    expect(noticeBody(notice)).toContain('Place: Tadikonda, Tadikonda, Guntur');
    expect(
      await act(gunturEnergy, 'transfer', applicationId, 'Panchayat Raj: the pole is on a panchayat road'),
    ).toContain('transferred to Panchayat Raj');
    const moved = await stateOf(applicationId, 'transferred');
    expect(moved.approval).toMatchObject({ department: 'panchayat-raj' });
    expect(await lastSaid(citizen)).toContain('transferred to Panchayat Raj. Reason: the pole is on a panchayat road');
    const theirs = await messageTo(panchayatRaj, applicationId, isNotice);
    expect(bodyOf(theirs)).not.toContain(citizen);
    // The Energy officer no longer holds it; Panchayat Raj's takes it up.
    expect(await act(gunturEnergy, 'accept', applicationId)).toContain('only deciding officers of Panchayat Raj');
    expect(await act(panchayatRaj, 'accept', applicationId)).toContain(`You accepted grievance ${applicationId}`);
  });

  it('goes, from a district with no Energy officer, to the state-level one; past its SLA, to the senior officer', async () => {
    const citizen = '919876530003';
    const applicationId = (await complain(citizen, { text: 'Pamarru, Pamarru' }, { district: 'krishna' }))!;
    const notice = await messageTo(stateEnergy, applicationId, isNotice);
    expect(noticeBody(notice)).toContain('No Electricity officer is registered for Pamarru, Pamarru, Krishna');
    const waiting = await stateOf(applicationId, 'awaiting-approval');

    const now = Date.parse(
      ((await (await fetch(`${env.runtime.baseUrl}/sim/api/clock`)).json()) as { now: string }).now,
    );
    await fetch(`${env.runtime.baseUrl}/sim/api/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advance_seconds: Math.ceil((Date.parse(waiting.approval.dueAt) - now) / 1000) + 60 }),
    });
    const escalated = await messageTo(energyHead, applicationId, (m) => bodyOf(m).includes('Escalated to you'));
    expect(bodyOf(escalated)).toContain('Power supply complaint');
    expect(await waitFor('the citizen told', async () => (await lastSaid(citizen)).match(/senior officer/)?.[0])).toBe(
      'senior officer',
    );
    expect((await applicationItem(applicationId))?.approval).toMatchObject({ escalated: true });
  });
});

describe('a grievance after the 24-hour window has closed', () => {
  it("reaches the citizen and the officer as approved templates: question, answer, and the resolution with the officer's photo", {
    timeout: 300_000,
  }, async () => {
    const citizen = '919876530004';
    // The officer has not written for a day: a new grievance reaches them as its template, Accept / Transfer to tap.
    await aDayLater();
    const applicationId = (await complain(citizen, { location: transformer }, { service: 'meter-complaint' }))!;
    const notice = await messageTo(gunturEnergy, applicationId, isTemplate('mitra_grievance_officer'));
    expect(parameters(notice, 'body')[0]?.text).toContain('Meter complaint');
    expect(parameters(notice, 'button').map((p) => p.payload)).toEqual([
      `grievance:accept:${applicationId}`,
      `grievance:transfer:${applicationId}`,
    ]);
    expect(await act(gunturEnergy, 'accept', applicationId)).toContain(`You accepted grievance ${applicationId}`);

    // A day on, the officer asks: the citizen has not written since, so the question goes as its template.
    await aDayLater();
    const question = 'Which meter: the one outside the house or the one in the shop?';
    expect(await act(gunturEnergy, 'ask', applicationId, question)).toContain('sent to the citizen');
    const asked = await messageTo(citizen, applicationId, isTemplate('mitra_grievance_question'));
    expect(parameters(asked, 'body').map((p) => p.text)).toEqual([applicationId, 'Electricity', question]);
    expect(parameters(asked, 'button').map((p) => p.payload)).toEqual([`grievance:reply:${applicationId}`]);

    // Another day on, the citizen taps Reply on the template and answers: the officer, silent since, gets the answer
    // as its template, with the citizen's number masked.
    await aDayLater();
    await say(env.runtime, citizen, { reply_id: `grievance:reply:${applicationId}` });
    expect(await lastSaid(citizen)).toContain('Type your answer to the officer');
    await say(env.runtime, citizen, { text: 'The one in the shop, it shows no reading.' });
    const answered = await messageTo(gunturEnergy, applicationId, isTemplate('mitra_grievance_answer'));
    expect(parameters(answered, 'body').map((p) => p.text)).toEqual([
      applicationId,
      '********0004'.replace(/\*/g, '\u2217'),
      'The one in the shop, it shows no reading.',
    ]);
    expect(JSON.stringify(answered)).not.toContain(citizen);
    await stateOf(applicationId, 'accepted');

    // A third day on, the officer taps Resolve on that template and sends a photo captioned with the note.
    await aDayLater();
    const note = 'Meter in the shop replaced; reading normal.';
    await say(env.runtime, gunturEnergy, { reply_id: `grievance:resolve:${applicationId}` });
    await say(env.runtime, gunturEnergy, { image_base64: photo, text: note });
    const resolved = await stateOf(applicationId, 'resolved');
    expect(resolved.grievance).toMatchObject({ note, photo: `applications/${applicationId}/resolution-photo` });
    const resolution = await messageTo(citizen, applicationId, isTemplate('mitra_grievance_resolved_photo'));
    expect(parameters(resolution, 'body').map((p) => p.text)).toEqual([applicationId, note]);
    const [header] = parameters(resolution, 'header');
    expect(await photoBytes(header!.image!)).toEqual(Buffer.from(photo, 'base64'));
    const choices = parameters(resolution, 'button').map((p) => p.payload);
    expect(choices).toHaveLength(6);
    const since = (await sentTo(env.runtime, citizen)).filter((m) => m.sent_at >= resolution.sent_at);
    // Nothing free-form that Meta would refuse with 131047: the photo travels in the template's header only.
    expect(since.every((m) => m.type === 'template')).toBe(true);

    // The citizen rates it from the template.
    await say(env.runtime, citizen, { reply_id: `grievance:rate-4:${applicationId}` });
    expect((await stateOf(applicationId, 'closed')).grievance).toMatchObject({ rating: 4 });
    expect(await lastSaid(citizen)).toContain('4 of 5');
  });
});
