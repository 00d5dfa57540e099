import { GetCommand } from '@aws-sdk/lib-dynamodb';
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

// A family member certificate needs the tahsildar's decision: the workflow (from cdk.out) waits on a task token,
// the deciding officers of the application's department and district get Approve / Reject buttons in WhatsApp, and
// their decision, carried by the certificate-tasks function, resumes it. Officers are the embedded runtime's samples
// (local/sample-officers.ts): revenue has a tahsildar and a clerk in Guntur, a collector in Krishna and a state-level
// head of department.

const tahsildar = '919000000042';
const collector = '919000000007';
const clerk = '919000000101';
const revenueHead = '919000000009';
const schoolOfficer = '919000000201';
let env: Awaited<ReturnType<typeof startTestRuntime>>;

beforeAll(async () => {
  env = await startTestRuntime();
  // Officers who wrote to the bot today get notices with buttons; the others get the approved template (below).
  for (const officer of [tahsildar, collector]) {
    await say(env.runtime, officer, { text: 'Hi' });
    await say(env.runtime, officer, { reply_id: 'lang:en' });
  }
}, 120_000);
afterAll(async () => {
  await env?.stop();
});

async function textsAfter(waId: string, skip: number): Promise<string[]> {
  return (await sentTo(env.runtime, waId)).slice(skip).map(bodyOf);
}

/** A citizen who consents and applies for a family member certificate; answers the application id. */
async function applyForFamilyMemberCertificate(waId: string, aadhaar: string): Promise<string> {
  const before = (await sentTo(env.runtime, waId)).length;
  await say(env.runtime, waId, { text: 'Hi' });
  await say(env.runtime, waId, { reply_id: 'lang:en' });
  await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'consent:yes') });
  await say(env.runtime, waId, { reply_id: 'svc:revenue.family-member-certificate' });
  await say(env.runtime, waId, { text: 'Lakshmi Devi Kota' });
  await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'opt:wife-of') });
  await say(env.runtime, waId, { text: 'Ramana Kota' });
  await say(env.runtime, waId, { text: aadhaar });
  await say(env.runtime, waId, { text: 'Gandhi Nagar, Tenali Ward 12' });
  await say(env.runtime, waId, { text: 'Tenali' });
  await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'opt:guntur') });
  await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'confirm') });
  // The OTP went to the Aadhaar the form asked for: it is not asked again.
  await say(env.runtime, waId, { text: await otpFor(env.runtime, aadhaar) });
  const submitted = (await textsAfter(waId, before)).find((text) => /AP-[0-9A-Z]{12}/.test(text));
  expect(submitted).toMatch(/The Tahsildar, Revenue Department will decide by \d{2}-\d{2}-\d{4}/);
  return /AP-[0-9A-Z]{12}/.exec(submitted!)![0];
}

/** The decision notice an officer got for this application, once the workflow has asked for it. */
async function noticeTo(waId: string, applicationId: string, escalated = false): Promise<SentMessage> {
  return waitFor(`the notice to ${waId}`, async () => {
    await env.runtime.drained();
    return (await sentTo(env.runtime, waId)).find(
      (m) =>
        (m.type === 'interactive' || m.type === 'template') &&
        bodyOf(m).includes(applicationId) &&
        bodyOf(m).startsWith('Escalated') === escalated,
    );
  });
}

function buttonIds(notice: SentMessage): string[] {
  return ((notice.interactive?.action.buttons ?? []) as { reply: { id: string; title: string } }[]).map(
    (b) => b.reply.id,
  );
}

/** Sends an officer's message and waits for the certificate-tasks answer after "Recording your decision…". */
async function decide(waId: string, input: { text?: string; reply_id?: string }): Promise<string> {
  const before = (await sentTo(env.runtime, waId)).length;
  await say(env.runtime, waId, input);
  return waitFor('the answer to the decision', async () => {
    await env.runtime.drained();
    const texts = await textsAfter(waId, before);
    // The acknowledgement is the turn's reply and the answer the task's notice: wait until both have arrived.
    if (texts.length < 2) return undefined;
    expect(texts[0]).toContain('Recording your decision');
    return texts[1];
  });
}

async function applicationItem(applicationId: string) {
  const { Item } = await tableClient(env.runtime).send(
    new GetCommand({ TableName: env.runtime.names.table, Key: keys.application(applicationId) }),
  );
  return Item;
}

async function stateOf(applicationId: string, state: string) {
  return waitFor(`application ${applicationId} ${state}`, async () => {
    await env.runtime.drained();
    const item = await applicationItem(applicationId);
    return item?.state === state ? item : undefined;
  });
}

describe('officer approval in the chat', () => {
  it("asks the district's deciding officers, not the clerk nor other districts, and issues on the tahsildar's approval", async () => {
    const citizen = '919876510001';
    const applicationId = await applyForFamilyMemberCertificate(citizen, '234567890124');
    const notice = await noticeTo(tahsildar, applicationId);
    expect(bodyOf(notice)).toContain('Family member cert.');
    expect(bodyOf(notice)).toContain('Lakshmi Devi Kota');
    // The Aadhaar number reaches the officer masked, as it is stored.
    expect(bodyOf(notice)).not.toContain('234567890124');
    expect(buttonIds(notice)).toEqual([`decide:approve:${applicationId}`, `decide:reject:${applicationId}`]);
    // Guntur has a deciding officer: neither Krishna's collector nor the state-level head is asked.
    for (const other of [clerk, collector, revenueHead])
      expect((await sentTo(env.runtime, other)).some((m) => bodyOf(m).includes(applicationId))).toBe(false);
    expect((await applicationItem(applicationId))?.state).toBe('awaiting-approval');
    expect((await sentTo(env.runtime, citizen)).map(bodyOf).join('\n')).toContain('is now with the Tahsildar');

    expect(await decide(tahsildar, { reply_id: `decide:approve:${applicationId}` })).toContain(
      `Approved: application ${applicationId}`,
    );
    const document = await waitFor('the certificate', async () => {
      await env.runtime.drained();
      return (await sentTo(env.runtime, citizen)).find((m) => m.type === 'document');
    });
    expect(document.document?.caption).toContain('Family member cert.');
    const issued = await stateOf(applicationId, 'issued');
    // The decision names who decided, for the document to print.
    expect(issued.outcome).toMatchObject({
      decision: {
        decision: 'approved',
        officerId: 'REV-GNT-0042',
        officerName: 'K. Srinivas',
        officerRole: 'tahsildar',
      },
    });
    expect(issued.approval).toMatchObject({ department: 'revenue', district: 'guntur' });

    // The state-level head's tap on the same application comes second: it no longer waits, and they are told so at
    // once, with how it was decided.
    const before = (await sentTo(env.runtime, revenueHead)).length;
    await say(env.runtime, revenueHead, { reply_id: `decide:approve:${applicationId}` });
    expect((await textsAfter(revenueHead, before)).filter(Boolean)).toEqual([
      `Application ${applicationId} was already decided; its status now: issued. Nothing new was recorded.`,
    ]);
    // A tap on the Reject button of the tahsildar's old notice is answered the same way, before any reason is asked.
    const stale = (await sentTo(env.runtime, tahsildar)).length;
    await say(env.runtime, tahsildar, { reply_id: `decide:reject:${applicationId}` });
    expect((await textsAfter(tahsildar, stale)).filter(Boolean)).toEqual([
      `Application ${applicationId} was already decided; its status now: issued. Nothing new was recorded.`,
    ]);
    await say(env.runtime, tahsildar, { text: 'The ration card shows a different household' });
    expect((await applicationItem(applicationId))?.state).toBe('issued');
  });

  it('asks a rejecting officer for the reason and tells the citizen it', async () => {
    const citizen = '919876510002';
    const applicationId = await applyForFamilyMemberCertificate(citizen, '345678901238');
    await noticeTo(tahsildar, applicationId);

    const before = (await sentTo(env.runtime, tahsildar)).length;
    await say(env.runtime, tahsildar, { reply_id: `decide:reject:${applicationId}` });
    expect((await textsAfter(tahsildar, before)).join('\n')).toContain(`Why is application ${applicationId} rejected?`);
    // Too short a reason is asked again, not sent to the citizen.
    await say(env.runtime, tahsildar, { text: 'no' });
    expect((await textsAfter(tahsildar, before)).at(-1)).toContain('give the reason');
    expect(await decide(tahsildar, { text: 'The ration card shows a different household' })).toContain(
      `Rejected: application ${applicationId}`,
    );

    const rejection = await waitFor('the rejection notice', async () => {
      await env.runtime.drained();
      return (await sentTo(env.runtime, citizen)).map(bodyOf).find((text) => text.includes('was rejected'));
    });
    expect(rejection).toContain('Reason: The ration card shows a different household');
    const rejected = await stateOf(applicationId, 'rejected');
    expect(rejected.outcome).toMatchObject({ decision: { decision: 'rejected', officerId: 'REV-GNT-0042' } });
    expect((await sentTo(env.runtime, citizen)).some((m) => m.type === 'document')).toBe(false);
  });

  it('refuses a clerk, an officer of another district and one of another department, and keeps it waiting', async () => {
    const citizen = '919876510003';
    const applicationId = await applyForFamilyMemberCertificate(citizen, '456789012341');
    await noticeTo(tahsildar, applicationId);

    expect(await decide(clerk, { text: `approve ${applicationId}` })).toContain(
      `You cannot decide application ${applicationId}: only deciding officers of Revenue (Guntur) can.`,
    );
    expect(await decide(collector, { text: `approve ${applicationId}` })).toContain('You cannot decide');
    expect(await decide(schoolOfficer, { text: `approve ${applicationId.toLowerCase()}` })).toContain(
      'You cannot decide',
    );
    expect((await applicationItem(applicationId))?.state).toBe('awaiting-approval');

    // The same words from someone who is not an officer are ordinary text: no decision is recorded.
    const stranger = '919876510004';
    await say(env.runtime, stranger, { text: 'Hi' });
    await say(env.runtime, stranger, { reply_id: 'lang:en' });
    await say(env.runtime, stranger, { reply_id: await rowIdOf(env.runtime, stranger, 'consent:yes') });
    await say(env.runtime, stranger, { text: `approve ${applicationId}` });
    expect((await sentTo(env.runtime, stranger)).map(bodyOf).join('\n')).not.toContain('Recording your decision');
    expect((await applicationItem(applicationId))?.state).toBe('awaiting-approval');

    // "pending" lists the department's waiting applications; a row opens the notice again, with its buttons.
    await say(env.runtime, tahsildar, { text: 'pending' });
    const worklist = (await sentTo(env.runtime, tahsildar)).at(-1)!;
    const sections = (worklist.interactive?.action.sections ?? []) as { rows: { id: string; title: string }[] }[];
    const rows = sections[0]?.rows ?? [];
    expect(rows.map((r) => r.title)).toContain(applicationId);
    await say(env.runtime, tahsildar, { reply_id: `decide:open:${applicationId}` });
    const reopened = (await sentTo(env.runtime, tahsildar)).at(-1)!;
    expect(buttonIds(reopened)).toEqual([`decide:approve:${applicationId}`, `decide:reject:${applicationId}`]);
    // The state-level head's worklist has every district's; another district's worklist does not show it, nor
    // another department's, and their officers cannot open it.
    await say(env.runtime, revenueHead, { text: 'pending' });
    expect(bodyOf((await sentTo(env.runtime, revenueHead)).at(-1)!)).toMatch(
      /^Revenue: \d+ applications? waits? for a decision/,
    );
    expect(bodyOf((await sentTo(env.runtime, revenueHead)).at(-1)!)).toContain(applicationId);
    await say(env.runtime, collector, { text: 'pending' });
    expect(bodyOf((await sentTo(env.runtime, collector)).at(-1)!)).toContain(
      'Revenue (Krishna): no application is waiting',
    );
    await say(env.runtime, schoolOfficer, { text: 'pending' });
    expect(bodyOf((await sentTo(env.runtime, schoolOfficer)).at(-1)!)).toContain(
      'School Education (Guntur): no application is waiting',
    );
    for (const other of [collector, schoolOfficer]) {
      await say(env.runtime, other, { reply_id: `decide:open:${applicationId}` });
      expect(bodyOf((await sentTo(env.runtime, other)).at(-1)!)).toContain('is not waiting for a decision');
    }

    // A typed rejection with its reason, from the tahsildar, settles it.
    expect(await decide(tahsildar, { text: `reject ${applicationId} Address is outside this mandal` })).toContain(
      'Rejected',
    );
    await stateOf(applicationId, 'rejected');
    // Settled, it leaves the worklist.
    await say(env.runtime, tahsildar, { text: 'pending' });
    expect(bodyOf((await sentTo(env.runtime, tahsildar)).at(-1)!)).not.toContain(applicationId);
  });

  it('escalates to the state-level head when the SLA passes, Guntur having no senior officer, and the head decides', async () => {
    const citizen = '919876510005';
    const applicationId = await applyForFamilyMemberCertificate(citizen, '234567890124');
    await noticeTo(tahsildar, applicationId);
    const waiting = await applicationItem(applicationId);
    const dueAt = Date.parse(String(waiting?.approval.dueAt));

    // Seven working days (Monday to Saturday), to the end of the day in India: past that, the wait times out.
    const now = Date.parse(
      ((await (await fetch(`${env.runtime.baseUrl}/sim/api/clock`)).json()) as { now: string }).now,
    );
    await fetch(`${env.runtime.baseUrl}/sim/api/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advance_seconds: Math.ceil((dueAt - now) / 1000) + 60 }),
    });

    // The head has not written within 24 hours: the notice comes as the approved decision template, whose quick
    // replies carry the same decisions as the buttons.
    const escalated = await noticeTo(revenueHead, applicationId, true);
    expect(escalated.type).toBe('template');
    expect(escalated.template).toMatchObject({ name: 'mitra_decision' });
    expect(bodyOf(escalated)).toContain('was not decided by');
    // The template ends "Tap Approve or Reject." itself: its parameter does not say it again.
    expect(bodyOf(escalated)).not.toContain('Tap ');
    const quickReplies = (
      (escalated.template as { components: { type: string; parameters: { payload?: string }[] }[] }).components ?? []
    )
      .filter((c) => c.type === 'button')
      .map((c) => c.parameters[0]?.payload);
    expect(quickReplies).toEqual([`decide:approve:${applicationId}`, `decide:reject:${applicationId}`]);
    // The tahsildar is not a senior officer, and Krishna's collector is not Guntur's: only the head hears of it.
    for (const other of [tahsildar, collector])
      expect(
        (await sentTo(env.runtime, other)).some(
          (m) => bodyOf(m).startsWith('Escalated') && bodyOf(m).includes(applicationId),
        ),
      ).toBe(false);
    expect((await sentTo(env.runtime, citizen)).map(bodyOf).join('\n')).toContain('escalated to a senior officer');
    expect((await applicationItem(applicationId))?.approval).toMatchObject({ escalated: true });

    // A tap on the template's Approve arrives as a quick-reply `button` message.
    expect(await decide(revenueHead, { reply_id: quickReplies[0]! })).toContain('Approved');
    const issued = await stateOf(applicationId, 'issued');
    expect(issued.outcome).toMatchObject({
      decision: { officerId: 'REV-APS-0009', officerRole: 'head-of-department' },
    });
  });

  it("passes an officer's own application, from their number or a second one, to another officer", async () => {
    // The Guntur tahsildar applies from the number they act from: the state-level head decides it, never they.
    const own = await applyForFamilyMemberCertificate(tahsildar, '456789012341');
    await noticeTo(revenueHead, own);
    const asked = (waId: string, applicationId: string) =>
      sentTo(env.runtime, waId).then((sent) =>
        sent.some((m) => buttonIds(m).includes(`decide:approve:${applicationId}`)),
      );
    expect(await asked(tahsildar, own)).toBe(false);
    expect(await decide(tahsildar, { text: `approve ${own}` })).toContain(
      `You cannot decide application ${own}: it is your own.`,
    );
    expect((await applicationItem(own))?.state).toBe('awaiting-approval');

    // From a second number, with the Aadhaar they proved from the first: passed over all the same.
    const other = await applyForFamilyMemberCertificate('919876510009', '456789012341');
    await noticeTo(revenueHead, other);
    expect(await asked(tahsildar, other)).toBe(false);
    expect(await decide(tahsildar, { reply_id: `decide:approve:${other}` })).toContain('it is your own');
    expect(await decide(revenueHead, { reply_id: `decide:approve:${other}` })).toContain(
      `Approved: application ${other}`,
    );
  });
});
