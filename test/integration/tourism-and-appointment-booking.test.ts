import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, askBooking, dateIn, payAndReceiveTicket } from '../support/bookings.ts';
import { downloadDocument, pdfText } from '../support/certificates.ts';
import { bodyOf, documentOf, rowIdOf, say, sentTo, startTestRuntime, waitFor } from '../support/runtime.ts';

// AP Tourism's tours and a district office's appointments sold from Mitra's own inventory, as darshan is: the form,
// the verified Aadhaar, the times of the place chosen, a hold at the price of the places asked for, the payment link
// and the e-ticket; on the embedded runtime.

let env: Awaited<ReturnType<typeof startTestRuntime>>;

beforeAll(async () => {
  env = await startTestRuntime();
});
afterAll(async () => {
  await env?.stop();
});

const AADHAAR = '234567890124';
const texts = async (waId: string) => (await sentTo(env.runtime, waId)).map(bodyOf);
const lastText = async (waId: string) => (await texts(waId)).at(-1)!;
/** The form answered and confirmed, up to the slot list; the first time in `first`'s language with the Aadhaar OTP. */
const ask = (waId: string, serviceId: string, answers: readonly Answer[], first?: 'en' | 'te') =>
  askBooking(env.runtime, waId, serviceId, answers, {
    aadhaar: AADHAAR,
    ...(first ? { first: { language: first } } : {}),
  });

describe('booking a tour package in the chat', () => {
  const waId = '919833000201';
  const askTour = (persons: number, first: boolean) =>
    ask(
      waId,
      'tourism.tour-package',
      [{ option: 'araku-day-tour' }, { text: dateIn(5) }, { text: String(persons) }, { text: 'Ravi Kumar Reddy' }],
      first ? 'en' : undefined,
    );

  it('prices the tour per person: two persons pay twice what one does', async () => {
    await askTour(1, true);
    expect(await lastText(waId)).toContain('Araku Valley day tour from Visakhapatnam');
    expect(await lastText(waId)).toContain('1 ticket, ₹1,200');
    await askTour(2, false);
    expect(await lastText(waId)).toContain('2 tickets, ₹2,400');
    // The summary before confirming already states what the slot asks.
    const summaries = (await texts(waId)).filter((text) => text.startsWith('Please check your application'));
    expect(summaries.map((text) => /Fee: (₹[\d,]+)/.exec(text)?.[1])).toEqual(['₹1,200', '₹2,400']);
  });

  it('holds two seats on the coach, takes ₹2,400 and sends the e-ticket with the tour, its time and both persons', async () => {
    const before = (await sentTo(env.runtime, waId)).length;
    await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'slot:07:00') });
    expect((await texts(waId)).join('\n')).toMatch(/2 places at 07:00 on \d{2}-\d{2}-\d{4} held for you/);
    const { notice, status } = await payAndReceiveTicket(env.runtime, waId, before);
    expect(notice).toContain('₹2,400');
    expect(status).toBe('valid');
    const ticket = (await sentTo(env.runtime, waId)).slice(before).find((m) => bodyOf(m).includes('confirmed'))!;
    const bytes = await downloadDocument(env.runtime, ticket);
    const pdf = pdfText(bytes);
    expect(pdf).toContain('Araku Valley day tour from Visakhapatnam');
    expect(pdf).toContain('07:00');
    // Each fact is a row: its label, then its value.
    const rows = pdfText(bytes, { layout: true });
    expect(rows).toMatch(/Passenger count\s+2\n/);
    expect(rows).toMatch(/Amount paid\s+₹2,400\n/);
  });
});

describe('booking a learner licence test at the district RTA office', () => {
  const waId = '919833000202';
  const askLicence = (first: boolean) =>
    ask(
      waId,
      'transport.learner-licence',
      [{ text: 'Ravi Kumar Reddy' }, { text: '15-08-2004' }, { option: 'guntur' }, { text: dateIn(3) }],
      first ? 'en' : undefined,
    );

  it('offers the Guntur office’s times for one place at the test fee, without asking how many', async () => {
    await askLicence(true);
    const asked = (await texts(waId)).join('\n');
    expect(asked).not.toContain('How many persons');
    expect(asked).not.toContain('Morning (6–10)');
    expect(await lastText(waId)).toContain('RTA office, Guntur');
    expect(await lastText(waId)).toContain('1 appointment, ₹150');
  });

  it('holds one place, takes ₹150 and sends the e-ticket; a third test in a month is refused', async () => {
    const before = (await sentTo(env.runtime, waId)).length;
    await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'slot:11:00') });
    expect((await texts(waId)).join('\n')).toMatch(/1 place at 11:00 on \d{2}-\d{2}-\d{4} held for you/);
    const { notice, status } = await payAndReceiveTicket(env.runtime, waId, before);
    expect(notice).toContain('₹150');
    expect(status).toBe('valid');

    await askLicence(false);
    await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'slot:12:00') });
    expect((await texts(waId)).join('\n')).toMatch(/1 place at 12:00/);
    await askLicence(false);
    await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'slot:14:00') });
    expect(await lastText(waId)).toContain('at most 2 appointments a month');
  });
});

describe('a free hospital appointment in Telugu', () => {
  const waId = '919833000203';
  const askHospital = (first: boolean) =>
    ask(
      waId,
      'health.hospital-appointment',
      [{ text: 'Ravi Kumar Reddy' }, { option: 'guntur' }, { text: dateIn(2) }],
      first ? 'te' : undefined,
    );

  it('holds one place at no charge and sends the ticket at once, with no payment asked', async () => {
    await askHospital(true);
    expect(await lastText(waId)).toContain('జిల్లా ఆసుపత్రి, గుంటూరు');
    expect(await lastText(waId)).toContain('1 అపాయింట్‌మెంట్, ఉచితం');
    await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, 'slot:10:00') });
    const ticket = await waitFor('the ticket', async () => {
      await env.runtime.drained();
      return (await sentTo(env.runtime, waId)).find((m) => documentOf(m));
    });
    expect((await texts(waId)).join('\n')).toContain('ఉచితం)');
    expect((await texts(waId)).some((text) => text.includes('/pay/'))).toBe(false);
    expect(pdfText(await downloadDocument(env.runtime, ticket))).toContain('District Hospital, Guntur');
  });

  it('is given up from the Cancel button under the ticket: nothing to refund, the place goes to someone else', async () => {
    const applicationId = /AP-[0-9A-Z]{12}/.exec((await texts(waId)).find((t) => /AP-[0-9A-Z]{12}/.test(t))!)![0];
    await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, `tcancel:${applicationId}`) });
    expect(await lastText(waId)).toContain('ఇది ఉచితం, కాబట్టి వాపసు ఏమీ లేదు');
    await say(env.runtime, waId, { reply_id: await rowIdOf(env.runtime, waId, `tcancel-yes:${applicationId}`) });
    expect(await lastText(waId)).not.toContain('వాపసు');
    const done = await waitFor('the cancellation', async () => {
      await env.runtime.drained();
      return (await texts(waId)).find((text) => text.includes('రద్దు అయింది'));
    });
    expect(done).toContain('ఆ స్థానం వేరొకరికి వెళ్తుంది');
  });
});
