import type { EmbeddedRuntime } from '../local/runtime.ts';
import type { Figure } from './results-file.ts';
import { startBenchRuntime } from './runtime.ts';

const RUNS = 7;
const AADHAAR = '234567890124';

/**
 * From the citizen's last message (the OTP that submits an income certificate application) to the PDF arriving in
 * their chat, on the embedded runtime: webhook, Step Functions from cdk.out, the certificate function, the outbox and
 * the sender's upload. Beside it, in the same run, the certificate function alone, invoked directly: the rest is
 * what the path around it costs.
 */
export async function endToEndFigures(): Promise<Figure[]> {
  const bench = await startBenchRuntime('e2e');
  const { runtime } = bench;
  try {
    const whole: number[] = [];
    for (let i = 0; i < RUNS; i++)
      whole.push(await confirmToCertificate(runtime, `9198800${String(i).padStart(5, '0')}`));
    const certificate = [...runtime.functions.values()].find((fn) => fn.spec.name === 'certificate')!;
    const alone: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      await certificate.invoke({
        applicationId: `AP-BENCHE2E${String(i).padStart(4, '0')}`,
        serviceId: 'revenue.income-certificate',
        applicant: { name: 'Ravi Kumar Reddy' },
        values: {
          'applicant-name': 'Ravi Kumar Reddy',
          relation: 'son-of',
          'father-name': 'Venkata Reddy',
          'annual-income': '120000',
          village: 'Kothapeta',
          mandal: 'Tenali',
          district: 'guntur',
          purpose: 'education',
        },
      });
      alone.push(performance.now() - started);
    }
    const value = median(whole);
    const baseline = median(alone);
    const bills: number[] = [];
    for (const [i, number] of BILL_NUMBERS.entries())
      bills.push(await fetchToReceipt(runtime, `9198801${String(i).padStart(5, '0')}`, number));
    const bill = median(bills);
    return [
      {
        name: 'bills.fetch_to_receipt_ms',
        value: bill,
        unit: 'ms',
        baseline: { name: 'e2e.confirm_to_certificate_ms', value },
        ratio: bill / value,
      },
      {
        name: 'e2e.confirm_to_certificate_ms',
        value,
        unit: 'ms',
        baseline: { name: 'certificate function alone', value: baseline },
        ratio: value / baseline,
      },
    ];
  } finally {
    await bench.stop();
  }
}

/** One citizen's application up to the OTP, then the milliseconds from sending the OTP to the document. */
async function confirmToCertificate(runtime: EmbeddedRuntime, waId: string): Promise<number> {
  const say = async (input: { text?: string; reply_id?: string }) => {
    await runtime.whatsapp.send({ from: waId, ...input });
    await runtime.drained();
  };
  const tap = async (action: string) => say({ reply_id: rowId(runtime, waId, action) });
  await say({ text: 'Hi' });
  await say({ reply_id: 'lang:en' });
  await tap('consent:yes');
  await say({ reply_id: 'svc:revenue.income-certificate' });
  await say({ text: 'Ravi Kumar Reddy' });
  await tap('opt:son-of');
  await say({ text: 'Venkata Reddy' });
  await say({ text: AADHAAR });
  await say({ text: '120000' });
  await say({ text: 'Kothapeta' });
  await say({ text: 'Tenali' });
  await tap('opt:guntur');
  await tap('opt:education');
  // The form's Aadhaar answer sent the OTP; confirming asks for it.
  await tap('confirm');
  const otp = ((await (await fetch(`${runtime.baseUrl}/sim/api/otp?aadhaar=${AADHAAR}`)).json()) as { otp: string })
    .otp;
  const started = performance.now();
  await runtime.whatsapp.send({ from: waId, text: otp });
  for (const deadline = started + 60_000; performance.now() < deadline; ) {
    if (runtime.whatsapp.sentMessages(waId).some((m) => m.type === 'document')) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`no certificate reached ${waId} within a minute`);
}

/** Electricity bills with something due, one per run: a paid bill has nothing more to pay. */
const BILL_NUMBERS = ['1123456789', '4234567890', '2456789012'];

/**
 * From the consumer number (the bill fetched from the biller) to the receipt PDF in the chat, the citizen confirming,
 * tapping Pay and paying the order inside WhatsApp at once: the biller, the gateway and its lookup, the posting, and
 * the document pipeline.
 */
async function fetchToReceipt(runtime: EmbeddedRuntime, waId: string, number: string): Promise<number> {
  const say = async (input: { text?: string; reply_id?: string }) => {
    await runtime.whatsapp.send({ from: waId, ...input });
    await runtime.drained();
  };
  await say({ text: 'Hi' });
  await say({ reply_id: 'lang:en' });
  await say({ reply_id: rowId(runtime, waId, 'consent:yes') });
  await say({ reply_id: 'svc:energy.electricity-bill' });
  const started = performance.now();
  await say({ text: number });
  await say({ reply_id: rowId(runtime, waId, 'confirm') });
  await say({ reply_id: rowId(runtime, waId, 'pay') });
  const reference = await until(waId, () => {
    type Order = { interactive?: { type?: string; action?: { parameters?: { reference_id?: string } } } };
    const sent = runtime.whatsapp.sentMessages(waId) as Order[];
    return sent.find((m) => m.interactive?.type === 'order_details')?.interactive?.action?.parameters?.reference_id;
  });
  await fetch(`${runtime.baseUrl}/sim/api/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ reference, outcome: 'captured' }),
  });
  await until(waId, () => runtime.whatsapp.sentMessages(waId).find((m) => m.type === 'document'));
  return performance.now() - started;
}

async function until<T>(waId: string, probe: () => T | undefined): Promise<T> {
  for (const deadline = performance.now() + 60_000; performance.now() < deadline; ) {
    const found = probe();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`nothing came to ${waId} within a minute`);
}

/** The id of the row or button for `action` in the last interactive message (ids carry the menu's token). */
function rowId(runtime: EmbeddedRuntime, waId: string, action: string): string {
  const last = runtime.whatsapp
    .sentMessages(waId)
    .filter((m) => m.type === 'interactive')
    .at(-1) as { interactive?: { action: Record<string, unknown> } } | undefined;
  const { sections = [], buttons = [] } = (last?.interactive?.action ?? {}) as {
    sections?: { rows: { id: string }[] }[];
    buttons?: { reply: { id: string } }[];
  };
  const ids = [...sections.flatMap((s) => s.rows.map((r) => r.id)), ...buttons.map((b) => b.reply.id)];
  const id = ids.find((candidate) => candidate.split('~')[0] === action);
  if (!id) throw new Error(`no ${action} offered to ${waId}`);
  return id;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
