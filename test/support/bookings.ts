import type { EmbeddedRuntime } from '../../local/runtime.ts';
import { bodyOf, sentTo, waitFor } from './runtime.ts';

/**
 * A booking held in the chat, paid: the payment link the chat sent, paid on the local gateway's page, then the
 * e-ticket the chat sends and what the verify page says of it.
 */
export async function payAndReceiveTicket(runtime: EmbeddedRuntime, waId: string) {
  const notice = await waitFor('the payment link', async () => {
    await runtime.drained();
    return (await sentTo(runtime, waId)).map(bodyOf).find((text) => text.includes('/pay/'));
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
    return (await sentTo(runtime, waId)).find((m) => m.type === 'document');
  });
  const certId = ticket.document?.filename?.replace(/\.pdf$/, '');
  const verdict = (await (
    await fetch(`${runtime.baseUrl}/v/${certId}`, { headers: { accept: 'application/json' } })
  ).json()) as { status: string };
  return { notice, applicationId: /AP-[0-9A-Z]{12}/.exec(notice)![0], certId, status: verdict.status };
}
