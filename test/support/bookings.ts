import type { EmbeddedRuntime } from '../../local/runtime.ts';
import { bodyOf, documentOf, proveIdentity, rowIdOf, say, sentTo, waitFor } from './runtime.ts';

/**
 * A booking held in the chat, paid: the payment link the chat sent, paid on the local gateway's page, then the
 * e-ticket the chat sends (with Cancel under it while its rules allow) and what the verify page says of it. `after` skips the messages of earlier bookings.
 */
export async function payAndReceiveTicket(runtime: EmbeddedRuntime, waId: string, after = 0) {
  const notice = await waitFor('the payment link', async () => {
    await runtime.drained();
    return (await sentTo(runtime, waId))
      .slice(after)
      .map(bodyOf)
      .find((text) => text.includes('/pay/'));
  });
  const url = /(http\S+\/pay\/[A-Za-z0-9_-]+)/.exec(notice)![1]!;
  const paid = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ outcome: 'captured' }),
  });
  if (paid.status !== 200) throw new Error(`the pay page answered ${paid.status}`);
  const ticket = await waitFor('the e-ticket', async () => {
    await runtime.drained();
    return (await sentTo(runtime, waId)).slice(after).find((m) => documentOf(m));
  });
  // The file is named for the ticket and ends with its number.
  const certId = documentOf(ticket)?.filename?.match(/([\w-]{22})\.pdf$/)?.[1];
  const verdict = (await (
    await fetch(`${runtime.baseUrl}/v/${certId}`, { headers: { accept: 'application/json' } })
  ).json()) as { status: string };
  return { notice, applicationId: /AP-[0-9A-Z]{12}/.exec(notice)![0], certId, status: verdict.status };
}

/** DD-MM-YYYY in India, `days` from today: a date the booking forms take. */
export const dateIn = (days: number) =>
  new Date(Date.now() + 5.5 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10).split('-').reverse().join('-');

/** An answer to a form's question: typed, or an option tapped in its list. */
export type Answer = { text: string } | { option: string };

/**
 * From a booking service's form to its slot list: the answers in the form's order, then Confirm; a citizen's first
 * time (`first`) starts with "Hi", the language, the consent, and ends proving the Aadhaar number.
 */
export async function askBooking(
  runtime: EmbeddedRuntime,
  waId: string,
  serviceId: string,
  answers: readonly Answer[],
  options: { aadhaar: string; first?: { language: 'en' | 'te' } },
) {
  if (options.first) {
    await say(runtime, waId, { text: 'Hi' });
    await say(runtime, waId, { reply_id: `lang:${options.first.language}` });
    await say(runtime, waId, { reply_id: await rowIdOf(runtime, waId, 'consent:yes') });
  }
  await say(runtime, waId, { reply_id: `svc:${serviceId}` });
  for (const answer of answers)
    if ('option' in answer)
      await say(runtime, waId, { reply_id: await rowIdOf(runtime, waId, `opt:${answer.option}`) });
    else await say(runtime, waId, { text: answer.text });
  await say(runtime, waId, { reply_id: await rowIdOf(runtime, waId, 'confirm') });
  if (options.first) await proveIdentity(runtime, waId, options.aadhaar);
}

/** From the darshan service at Tirumala to its slot list, for `persons` tickets `days` ahead. */
export async function askDarshan(
  runtime: EmbeddedRuntime,
  waId: string,
  options: { persons: number; days: number; aadhaar: string; first?: { language: 'en' | 'te' } },
) {
  const answers = [
    { option: 'tirumala' },
    { text: dateIn(options.days) },
    { text: String(options.persons) },
    { text: 'Ravi Kumar Reddy' },
  ];
  await askBooking(runtime, waId, 'endowments.darshan-ticket', answers, options);
}
