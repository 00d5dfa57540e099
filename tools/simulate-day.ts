import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runningRuntimeEndpoints } from '../local/runtime-endpoints.ts';
import { sampleCitizens } from '../local/sample-citizens.ts';

/** The sample citizens the household records know: the ones whose certificates can be issued at once. */
interface Applicant {
  name: string;
  aadhaar: string;
  district: string;
  household: { fatherName: string; district: string; annualIncome: number };
}
const applicants = sampleCitizens.filter((c) => 'household' in c && c.household) as unknown as Applicant[];

const USAGE = `Plays a day of citizens on the running embedded runtime (npm start), through the WhatsApp simulator as
Meta would deliver them: the live dashboard moves while it runs, and the data lake fills (npm run lake).

  npm run simulate-day                       24 citizens, 3 at a time
  npm run simulate-day -- --citizens 60

Each citizen greets, chooses English or Telugu, accepts the notice, and then either applies for an income
certificate as one of the sample citizens (issued at once when it agrees with the household records, else sent to
an officer) or looks at a service and leaves. Bounded: at most 500 citizens.

Options:
  --citizens <n>    how many (default 24, at most 500)
  --at-once <n>     how many at the same time (default 3, at most ${applicants.length})
  --data-dir <dir>  the running runtime's data folder (default .mitra)`;

interface Sent {
  type: string;
  text?: { body: string };
  interactive?: {
    body?: { text: string };
    action?: { sections?: { rows: { id: string }[] }[]; buttons?: { reply: { id: string } }[] };
  };
}

const SETTLE_MS = 250;
const REPLY_TIMEOUT_MS = 60_000;

class Simulator {
  constructor(private readonly base: string) {}

  async messages(waId: string): Promise<Sent[]> {
    const response = await fetch(`${this.base}/sim/api/messages?wa_id=${waId}`);
    const body = (await response.json()) as Sent[] | { messages: Sent[] };
    return Array.isArray(body) ? body : body.messages;
  }

  /** Sends as the citizen, then waits until Mitra's replies to it have stopped arriving. */
  async say(waId: string, input: { text?: string; reply_id?: string }, until?: (m: Sent[]) => boolean): Promise<void> {
    const before = (await this.messages(waId)).length;
    const response = await fetch(`${this.base}/sim/api/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: waId, name: 'Simulated Citizen', ...input }),
    });
    if (!response.ok) throw new Error(`/sim/api/send answered ${response.status}: ${await response.text()}`);
    const deadline = Date.now() + REPLY_TIMEOUT_MS;
    let seen = before;
    for (;;) {
      await new Promise((done) => setTimeout(done, SETTLE_MS));
      const messages = await this.messages(waId);
      if (messages.length > before && messages.length === seen && (!until || until(messages))) return;
      seen = messages.length;
      if (Date.now() > deadline) throw new Error(`no reply to ${waId} within ${REPLY_TIMEOUT_MS / 1000} s`);
    }
  }

  /** The id of the row or button with this action in the last list or buttons sent to the citizen. */
  async choice(waId: string, action: string | RegExp): Promise<string> {
    const last = (await this.messages(waId)).filter((m) => m.type === 'interactive').at(-1);
    const ids = [
      ...(last?.interactive?.action?.sections ?? []).flatMap((s) => s.rows.map((r) => r.id)),
      ...(last?.interactive?.action?.buttons ?? []).map((b) => b.reply.id),
    ];
    const matches = ids.filter((id) => {
      const name = id.split('~')[0]!;
      return typeof action === 'string' ? name === action : action.test(name);
    });
    if (matches.length === 0) throw new Error(`no ${action} among ${ids.join(', ')}`);
    return matches[Math.floor(Math.random() * matches.length)]!;
  }

  async otp(aadhaar: string): Promise<string> {
    const response = await fetch(`${this.base}/sim/api/otp?aadhaar=${aadhaar}`);
    return ((await response.json()) as { otp: string }).otp;
  }
}

async function applyForIncome(sim: Simulator, waId: string, who: Applicant): Promise<void> {
  const { household } = who;
  await sim.say(waId, { reply_id: 'svc:revenue.income-certificate' });
  await sim.say(waId, { text: who.name });
  await sim.say(waId, { reply_id: await sim.choice(waId, /^opt:(son|daughter|wife)-of$/) });
  await sim.say(waId, { text: household.fatherName });
  await sim.say(waId, { text: who.aadhaar });
  // Most agree with the household records; some state another income, which an officer decides.
  const income = Math.random() < 0.75 ? household.annualIncome : household.annualIncome + 30_000;
  await sim.say(waId, { text: String(income) });
  await sim.say(waId, { text: 'Main Road' });
  await sim.say(waId, { text: who.district });
  // The district: tapped when the list shows it, else typed as a citizen would.
  const district = await sim.choice(waId, `opt:${household.district}`).catch(() => undefined);
  await sim.say(waId, district ? { reply_id: district } : { text: who.district });
  await sim.say(waId, { reply_id: await sim.choice(waId, /^opt:/) });
  await sim.say(waId, { reply_id: await sim.choice(waId, 'confirm') });
  await sim.say(waId, { text: await sim.otp(who.aadhaar) });
}

async function browseAndLeave(sim: Simulator, waId: string): Promise<void> {
  const service = ['svc:revenue.caste-certificate', 'svc:energy.electricity-bill', 'svc:police.complaint'];
  await sim.say(waId, { reply_id: service[Math.floor(Math.random() * service.length)]! });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      citizens: { type: 'string', default: '24' },
      'at-once': { type: 'string', default: '3' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const citizens = Number(values.citizens);
  const atOnce = Number(values['at-once']);
  if (!Number.isInteger(citizens) || citizens < 1 || citizens > 500) {
    console.error(`--citizens must be a whole number from 1 to 500\n\n${USAGE}`);
    return 2;
  }
  if (!Number.isInteger(atOnce) || atOnce < 1 || atOnce > applicants.length) {
    console.error(`--at-once must be a whole number from 1 to ${applicants.length}\n\n${USAGE}`);
    return 2;
  }
  const running = await runningRuntimeEndpoints(resolve(values['data-dir'] ?? '.mitra'));
  if (!running) {
    console.error('the embedded runtime is not running: start it with npm start, then run this again');
    return 1;
  }
  const sim = new Simulator(running.baseUrl);
  const tally = { applied: 0, browsed: 0, failed: 0 };
  const started = Date.now();
  // Each lane is one sample citizen, so no two OTPs for one Aadhaar number are in flight at once.
  await Promise.all(
    Array.from({ length: atOnce }, async (_, lane) => {
      for (let i = lane; i < citizens; i += atOnce) {
        const waId = `9190${String(started % 100_000).padStart(5, '0')}${String(i).padStart(3, '0')}`;
        try {
          await sim.say(waId, { text: 'Hi' });
          await sim.say(waId, { reply_id: i % 2 === 0 ? 'lang:te' : 'lang:en' });
          await sim.say(waId, { reply_id: await sim.choice(waId, 'consent:yes') });
          if (i % 4 === 3) {
            await browseAndLeave(sim, waId);
            tally.browsed++;
          } else {
            await applyForIncome(sim, waId, applicants[lane]!);
            tally.applied++;
          }
        } catch (error) {
          tally.failed++;
          console.error(`citizen ${i + 1}: ${(error as Error).message}`);
        }
        if (process.stdout.isTTY)
          process.stdout.write(`\r${tally.applied + tally.browsed + tally.failed} of ${citizens} citizens`);
      }
    }),
  );
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(
    `\n${tally.applied} applied for an income certificate, ${tally.browsed} looked and left, ${tally.failed} ` +
      `failed, in ${seconds} s. See ${running.baseUrl}/dashboard; npm run lake in a few seconds.`,
  );
  return tally.failed === 0 ? 0 : 1;
}

process.exitCode = await main().catch((error: unknown) => {
  console.error((error as Error).message);
  return 1;
});
