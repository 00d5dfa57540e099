import type { EmbeddedRuntime } from '../../local/runtime.ts';
import { bodyOf, proveIdentity, rowIdOf, say, sentTo, waitFor } from './runtime.ts';

/** DD-MM-YYYY, `days` from today in India. */
export const dateIn = (days: number) =>
  new Date(Date.now() + 5.5 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10).split('-').reverse().join('-');

/**
 * From "Hi" (when `first`: then the Aadhaar is proved too) through the darshan form at Tirumala to its slots, for
 * `persons` on `date` (DD-MM-YYYY).
 */
export async function askDarshan(
  runtime: EmbeddedRuntime,
  waId: string,
  booking: { persons: number; date: string; first: boolean; aadhaar: string },
) {
  if (booking.first) {
    await say(runtime, waId, { text: 'Hi' });
    await say(runtime, waId, { reply_id: 'lang:en' });
    await say(runtime, waId, { reply_id: await rowIdOf(runtime, waId, 'consent:yes') });
  }
  await say(runtime, waId, { reply_id: 'svc:endowments.darshan-ticket' });
  await say(runtime, waId, { reply_id: await rowIdOf(runtime, waId, 'opt:tirumala') });
  await say(runtime, waId, { text: booking.date });
  await say(runtime, waId, { text: String(booking.persons) });
  await say(runtime, waId, { text: 'Ravi Kumar Reddy' });
  await say(runtime, waId, { reply_id: await rowIdOf(runtime, waId, 'confirm') });
  if (booking.first) await proveIdentity(runtime, waId, booking.aadhaar);
}

/**
 * A booking held in the chat, paid: the payment link the chat sent, paid on the local gateway's page, then the
 * e-ticket the chat sends and what the verify page says of it. `after` skips the messages of earlier bookings.
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
    return (await sentTo(runtime, waId)).slice(after).find((m) => m.type === 'document');
  });
  const certId = ticket.document?.filename?.replace(/\.pdf$/, '');
  const verdict = (await (
    await fetch(`${runtime.baseUrl}/v/${certId}`, { headers: { accept: 'application/json' } })
  ).json()) as { status: string };
  return { notice, applicationId: /AP-[0-9A-Z]{12}/.exec(notice)![0], certId, status: verdict.status };
}
