import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { parseAadhaar } from '../lambdas/core/forms/aadhaar.ts';
import { keys } from '../lambdas/core/table-keys.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../local/local-aws.ts';
import { type EmbeddedRuntime, startEmbeddedRuntime } from '../local/runtime.ts';
import type { SentMessage } from '../local/whatsapp/message-log.ts';

export interface SoakOptions {
  /** Citizens, each through a whole conversation from "Hi" to an instant income certificate. */
  citizens: number;
  /** A citizen's pause between reading a reply and sending the next message. */
  thinkMs?: number;
  /** How long a reply (or the certificate) may take before it counts as lost. */
  replyTimeoutMs?: number;
  /** The whole run is abandoned after this; whatever has not arrived by then is lost. */
  maxSeconds?: number;
  /** The faults' cycle: DynamoDB throttles for its first 10/30 (default 30 s); S3 slows down throughout. */
  faultCycleSeconds?: number;
  /**
   * False: the same load with no fault at all (no refusals, no crash, Meta and the records always answering), the
   * baseline that tells what the machine gives from what the faults take.
   */
  faults?: boolean;
  log?: (line: string) => void;
}

export interface SoakResult {
  citizens: number;
  /** Messages the citizens sent. */
  messages: number;
  /** Replies (and certificates) that never arrived. */
  lost: number;
  /** Messages a citizen received twice. */
  doubled: number;
  replyP50Ms: number;
  replyP99Ms: number;
  /**
   * From the OTP, the last message, to the certificate's PDF in the chat, p50 and p99 over the citizens who got it:
   * not in the reply times (the OTP's reply is the notice that it is being issued), and what a citizen waits longest for.
   */
  certificateP50Ms: number;
  certificateP99Ms: number;
  /** Citizens who received their certificate, and those who received more than one. */
  certificates: number;
  issuedTwice: number;
  seconds: number;
  /** How often each fault was injected. */
  faults: Record<string, number>;
  /** The functions' calls to DynamoDB and to S3 (through the fault proxies). */
  calls: { dynamodb: number; s3: number };
  /**
   * How late the runtime's event loop ran timers, p50, p99 and at worst over the run: every function, emulator and the
   * simulator share that one loop, so its delay is in every reply's time.
   */
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  /**
   * What nothing would ever deliver without an operator: stream records set aside after the mappings' retries, and
   * replies the sender left parked at the end.
   */
  setAside: { streamRecords: number; parkedReplies: number };
}

const SERVICE = 'revenue.income-certificate';
const HOUSEHOLD = { name: 'Ravi Kumar Reddy', fatherName: 'Venkata Reddy', district: 'guntur', annualIncome: 120000 };

/**
 * The load and fault suite: citizens through whole conversations on the embedded runtime, every message signed and
 * posted by the simulator as Meta would (redelivered when the webhook fails), while faults come and go: the Graph API
 * answering 500 and 130429 for some recipients, DynamoDB throttling and S3 SlowDown in turns, the household records
 * down for the first look-ups, and the certificate function crashing, before and after its work, now and then.
 * Loopback only; bounded by `maxSeconds`.
 */
export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const log = options.log ?? (() => undefined);
  const thinkMs = options.thinkMs ?? 1000;
  const replyTimeoutMs = options.replyTimeoutMs ?? 90_000;
  const people = Array.from({ length: options.citizens }, (_, i) => ({
    waId: `9197${String(i).padStart(8, '0')}`,
    aadhaar: aadhaarNumber(i),
  }));
  const faults = { graph500: 0, graph130429: 0, dynamodbThrottled: 0, s3SlowDown: 0, recordsDown: 0, crashes: 0 };
  const startedAt = performance.now();
  const seconds = () => (performance.now() - startedAt) / 1000;
  // DynamoDB throttles every 8th call for the first 10 s of every 30 s cycle; S3 answers every 3rd call SlowDown.
  const cycle = options.faultCycleSeconds ?? 30;
  const phase = () => ((seconds() % cycle) / cycle) * 30;
  let dynamodbCalls = 0;
  let s3Calls = 0;
  let recordLookups = 0;
  const faulty = options.faults ?? true;
  const inject = (fault: keyof typeof faults, now: boolean) => {
    if (now && faulty) faults[fault] += 1;
    return now && faulty;
  };
  const recordsDownFor = Math.max(1, Math.ceil(options.citizens / 50));

  const dataDir = mkdtempSync(join(tmpdir(), 'mitra-soak-'));
  const runtime = await startEmbeddedRuntime({
    port: 0,
    dataDir,
    // The run's data is thrown away after it.
    tableInMemory: true,
    logLevel: 'ERROR',
    statusWebhooks: false,
    log: (line) => log(line),
    households: people.map((p) => ({
      aadhaar: p.aadhaar,
      nameTe: 'రవి కుమార్ రెడ్డి',
      fatherNameTe: 'వెంకట రెడ్డి',
      ...HOUSEHOLD,
    })),
    faults: {
      dynamodb: () => inject('dynamodbThrottled', ++dynamodbCalls % 8 === 0 && phase() < 10),
      s3: () => inject('s3SlowDown', ++s3Calls % 3 === 0),
      backEndDown: (url) =>
        inject('recordsDown', url.pathname.startsWith('/records/') && ++recordLookups <= recordsDownFor),
    },
  });
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  try {
    if (faulty) crashNowAndThen(runtime, options.citizens, () => faults.crashes++, log);
    const timings = timeInvocations(runtime);
    // Meta fails for some recipients: two 500s for every tenth citizen from the second, two 130429s from the fourth.
    people.forEach((person, i) => {
      if (!faulty) return;
      if (i % 10 === 1) {
        runtime.whatsapp.injectFault({ code: 500, times: 2, waId: person.waId });
        faults.graph500 += 2;
      }
      if (i % 10 === 3) {
        runtime.whatsapp.injectFault({ code: 130429, times: 2, waId: person.waId });
        faults.graph130429 += 2;
      }
    });
    const deadline = startedAt + (options.maxSeconds ?? 900) * 1000;
    const messages = waitingForMessages(runtime);
    const outcomes = await Promise.all(
      people.map(async (person, i) => {
        // Arrivals spread over the first seconds, as people do not all write at the same instant.
        await sleep(i * 50);
        return converse(runtime, person, { whenSent: messages.whenSent, thinkMs, replyTimeoutMs, deadline, log });
      }),
    ).finally(messages.stop);
    log(`[soak] invocations: ${timings()}`);
    const latencies = outcomes.flatMap((o) => o.latencies).sort((a, b) => a - b);
    const certificateWaits = outcomes.flatMap((o) => o.certificateMs ?? []).sort((a, b) => a - b);
    // Each citizen's n-th reply together: the first "Hi" meets every function's cold start at once.
    const byStep = Array.from({ length: Math.max(0, ...outcomes.map((o) => o.latencies.length)) }, (_, step) =>
      outcomes.flatMap((o) => o.latencies[step] ?? []).sort((a, b) => a - b),
    );
    log(
      `[soak] reply p50/p99 by message: ${byStep
        .map(
          (step, i) =>
            `${i + 1} ${(percentile(step, 0.5) / 1000).toFixed(1)}/${(percentile(step, 0.99) / 1000).toFixed(1)} s`,
        )
        .join(', ')}`,
    );
    const doubled = people.map((p) => doubledIn(runtime.whatsapp.sentMessages(p.waId), log));
    for (const [i, person] of people.entries()) if (doubled[i]! > 0) await logChat(runtime, person.waId, log);
    const documents = people.map((p) => runtime.whatsapp.sentMessages(p.waId).filter((m) => m.type === 'document'));
    return {
      citizens: options.citizens,
      messages: outcomes.reduce((sum, o) => sum + o.sent, 0),
      lost: outcomes.reduce((sum, o) => sum + o.lost, 0),
      doubled: doubled.reduce((sum, count) => sum + count, 0),
      replyP50Ms: percentile(latencies, 0.5),
      replyP99Ms: percentile(latencies, 0.99),
      certificateP50Ms: percentile(certificateWaits, 0.5),
      certificateP99Ms: percentile(certificateWaits, 0.99),
      certificates: documents.filter((d) => d.length > 0).length,
      issuedTwice: documents.filter((d) => d.length > 1).length,
      seconds: seconds(),
      faults,
      calls: { dynamodb: dynamodbCalls, s3: s3Calls },
      eventLoopDelayMs: {
        p50: loopDelay.percentile(50) / 1e6,
        p99: loopDelay.percentile(99) / 1e6,
        max: loopDelay.max / 1e6,
      },
      setAside: { streamRecords: deadLetters(join(dataDir, 'streams')), parkedReplies: await parkedReplies(runtime) },
    };
  } finally {
    loopDelay.disable();
    await runtime.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The certificate function crashes now and then: on its 2nd invocation (and every 25th after) before doing
 * anything, on its 4th (and every 25th after) after issuing, so the retry meets a certificate already issued.
 */
function crashNowAndThen(
  runtime: EmbeddedRuntime,
  citizens: number,
  crashed: () => void,
  log: (line: string) => void,
): void {
  const fn = [...runtime.functions.values()].find((f) => f.spec.name === 'certificate');
  if (!fn) throw new Error('no certificate function in cdk.out');
  const invoke = fn.invoke.bind(fn);
  const every = Math.max(25, Math.ceil(citizens / 8));
  let calls = 0;
  fn.invoke = async (event) => {
    // This invocation's number: the counter moves on while it runs.
    const call = ++calls;
    if (call % every === 2) {
      crashed();
      throw new Error('the certificate function crashed before its work');
    }
    const answer = await invoke(event);
    if (call % every === 4) {
      crashed();
      log(`[soak] the certificate function crashed after its work (invocation ${call})`);
      throw new Error('the certificate function crashed after its work');
    }
    return answer;
  };
}

/**
 * Each function's invocations, their mean duration and the most at once (what `--verbose` prints at the end), and for
 * the functions citizens wait on, by 10 s of the run, how long their invocations waited for a container and then ran.
 */
function timeInvocations(runtime: EmbeddedRuntime): () => string {
  const figures = new Map<string, { count: number; ms: number; running: number; most: number }>();
  const windows = new Map<string, { name: string; at: number; count: number; waitedMs: number; ranMs: number }>();
  const startedAt = performance.now();
  for (const fn of runtime.functions.values()) {
    const figure = { count: 0, ms: 0, running: 0, most: 0 };
    figures.set(fn.spec.name, figure);
    if (WINDOWED.includes(fn.spec.name))
      fn.observer = ({ waitedMs, ranMs }) => {
        const at = Math.floor((performance.now() - startedAt) / WINDOW_MS) * (WINDOW_MS / 1000);
        const key = `${fn.spec.name} ${at}`;
        const window = windows.get(key) ?? { name: fn.spec.name, at, count: 0, waitedMs: 0, ranMs: 0 };
        window.count += 1;
        window.waitedMs += waitedMs;
        window.ranMs += ranMs;
        windows.set(key, window);
      };
    const invoke = fn.invoke.bind(fn);
    fn.invoke = async (event) => {
      const started = performance.now();
      figure.most = Math.max(figure.most, ++figure.running);
      try {
        return await invoke(event);
      } finally {
        figure.running -= 1;
        figure.count += 1;
        figure.ms += performance.now() - started;
      }
    };
  }
  const mean = (ms: number, count: number) => `${(ms / count / 1000).toFixed(1)} s`;
  return () =>
    [
      [...figures]
        .filter(([, f]) => f.count > 0)
        .map(([name, f]) => `${name} ${f.count} × ${Math.round(f.ms / f.count)} ms (at most ${f.most} at once)`)
        .join(', '),
      ...[...windows.values()]
        .sort((a, b) => WINDOWED.indexOf(a.name) - WINDOWED.indexOf(b.name) || a.at - b.at)
        .map(
          (w) =>
            `  ${w.name} ${w.at}–${w.at + WINDOW_MS / 1000} s: ${w.count}, waited ${mean(w.waitedMs, w.count)}, ` +
            `ran ${mean(w.ranMs, w.count)}`,
        ),
    ].join('\n');
}

/** The functions whose invocations `--verbose` splits by 10 s windows into waiting for a container and running. */
const WINDOWED = ['webhook', 'sender', 'workflow-steps', 'certificate'];
const WINDOW_MS = 10_000;

interface Conversation {
  /** Resolves with what `probe` finds in the messages sent to `waId`, looking again as each is sent, or undefined at `until`. */
  whenSent<T>(waId: string, until: number, probe: () => T | undefined): Promise<T | undefined>;
  thinkMs: number;
  replyTimeoutMs: number;
  deadline: number;
  log: (line: string) => void;
}

type Step = { text: string } | { tap: string } | { choose: string };

/** One citizen's messages, each sent once the reply to the one before has arrived. */
async function converse(
  runtime: EmbeddedRuntime,
  person: { waId: string; aadhaar: string },
  conversation: Conversation,
): Promise<{ sent: number; lost: number; latencies: number[]; certificateMs?: number }> {
  const steps: Step[] = [
    { text: 'Hi' },
    { tap: 'lang:en' },
    { tap: 'consent:yes' },
    // The service's row id, as a tap in the services' list (or a search result) sends it.
    { choose: `svc:${SERVICE}` },
    { text: HOUSEHOLD.name },
    { tap: 'opt:son-of' },
    { text: HOUSEHOLD.fatherName },
    { text: person.aadhaar },
    { text: String(HOUSEHOLD.annualIncome) },
    { text: 'Kothapeta' },
    { text: 'Tenali' },
    { tap: 'opt:guntur' },
    { tap: 'opt:education' },
    { tap: 'confirm' },
    { text: 'otp' },
  ];
  const { waId } = person;
  const latencies: number[] = [];
  let sent = 0;
  // When the last message (the OTP) went: the certificate is waited for from then.
  let otpSentAt = 0;
  const count = () => runtime.whatsapp.sentMessages(waId).length;
  const lostAt = (what: string, remaining: number) => {
    conversation.log(`[soak] ${waId.slice(-4)}: no ${what}`);
    // The reply awaited, the ones never asked for, and the certificate.
    return { sent, lost: remaining + 1, latencies };
  };
  for (const [index, step] of steps.entries()) {
    const until = Math.min(conversation.deadline, performance.now() + conversation.replyTimeoutMs);
    let input: { text?: string; reply_id?: string };
    if ('tap' in step) {
      const id = await conversation.whenSent(waId, until, () => offered(runtime.whatsapp.sentMessages(waId), step.tap));
      if (!id) return lostAt(`offer of ${step.tap}`, steps.length - index);
      input = { reply_id: id };
    } else if ('choose' in step) {
      input = { reply_id: step.choose };
    } else if (step.text === 'otp') {
      const otp = await otpOf(runtime, person.aadhaar);
      if (!otp) return lostAt('OTP', steps.length - index);
      input = { text: otp };
    } else {
      input = { text: step.text };
    }
    await sleep(conversation.thinkMs);
    const before = count();
    const started = performance.now();
    otpSentAt = started;
    await runtime.whatsapp.send({ from: waId, ...input });
    sent += 1;
    const replied = await conversation.whenSent(
      waId,
      Math.min(conversation.deadline, started + conversation.replyTimeoutMs),
      () => (count() > before ? true : undefined),
    );
    if (!replied) return lostAt(`reply to message ${index + 1}`, steps.length - index - 1);
    latencies.push(performance.now() - started);
  }
  const until = Math.min(conversation.deadline, performance.now() + conversation.replyTimeoutMs);
  const document = await conversation.whenSent(waId, until, () =>
    runtime.whatsapp.sentMessages(waId).find((m) => m.type === 'document'),
  );
  if (!document) return lostAt('certificate', 0);
  const certificateMs = performance.now() - otpSentAt;
  // A moment more, so a certificate sent twice is seen.
  await sleep(2000);
  return { sent, lost: 0, latencies, certificateMs };
}

/** Stream records the mappings set aside after their retries (Lambda's on-failure destination). */
function deadLetters(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir)
    .filter((file) => file.endsWith('.dead-letters.jsonl'))
    .flatMap((file) => readFileSync(join(dir, file), 'utf8').split('\n').filter(Boolean))
    .reduce((sum, line) => sum + (JSON.parse(line) as { records: unknown[] }).records.length, 0);
}

async function parkedReplies(runtime: EmbeddedRuntime): Promise<number> {
  const dynamodb = new DynamoDBClient({
    endpoint: runtime.endpoints.dynamodb,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  const { Count = 0 } = await dynamodb.send(
    new QueryCommand({
      TableName: runtime.names.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: keys.parkedReply('', '', '').pk } },
      Select: 'COUNT',
    }),
  );
  return Count;
}

/** The id of the row or button for `action` in the newest interactive message. */
function offered(messages: SentMessage[], action: string): string | undefined {
  const last = messages.filter((m) => m.type === 'interactive').at(-1) as
    | { interactive?: { action: { sections?: { rows: { id: string }[] }[]; buttons?: { reply: { id: string } }[] } } }
    | undefined;
  const { sections = [], buttons = [] } = last?.interactive?.action ?? {};
  const ids = [...sections.flatMap((s) => s.rows.map((r) => r.id)), ...buttons.map((b) => b.reply.id)];
  return ids.find((id) => id.split('~')[0] === action);
}

async function otpOf(runtime: EmbeddedRuntime, aadhaar: string): Promise<string | undefined> {
  const answer = await fetch(`${runtime.baseUrl}/sim/api/otp?aadhaar=${aadhaar}`);
  return answer.ok ? ((await answer.json()) as { otp?: string }).otp : undefined;
}

/**
 * Messages a citizen received more than once: the same type and content as one received before. The conversation
 * asks each question once, so a repeat is a reply sent twice.
 */
function doubledIn(messages: SentMessage[], log: (line: string) => void): number {
  const seen = new Set<string>();
  let doubled = 0;
  for (const message of messages) {
    const { id: _id, sent_at: _at, ...content } = message;
    const key = JSON.stringify(content).replace(/~[^"]*/g, '');
    if (seen.has(key)) {
      doubled += 1;
      log(`[soak] received twice: ${key.replace(/\d{10,}/g, '…').slice(0, 300)}`);
    }
    seen.add(key);
  }
  return doubled;
}

/**
 * A citizen's chat as the simulator recorded it, one line a message: when, which way, its id, how the webhook answered
 * an inbound one (or its delivery status), and the start of what it said. What `--verbose` prints for a citizen who
 * received a message twice.
 */
async function logChat(runtime: EmbeddedRuntime, waId: string, log: (line: string) => void): Promise<void> {
  const answer = await fetch(`${runtime.baseUrl}/sim/api/chat?wa_id=${waId}`);
  const { items } = (await answer.json()) as {
    items: {
      direction: string;
      id: string;
      at: string;
      status?: string;
      webhook_status?: number | null;
      webhook_error?: string;
      payload: Record<string, unknown>;
    }[];
  };
  log(`[soak] chat of …${waId.slice(-4)}:`);
  for (const item of items) {
    const said = JSON.stringify(item.payload)
      .replace(/\d{10,}/g, '…')
      .slice(0, 140);
    const outcome =
      item.direction === 'in' ? `webhook ${item.webhook_status ?? '-'} ${item.webhook_error ?? ''}` : item.status;
    log(`[soak]   ${item.at.slice(11, 23)} ${item.direction.padEnd(3)} ${item.id.slice(-10)} ${outcome} ${said}`);
  }
}

/** A made-up Aadhaar number per citizen, with the check digit that makes it valid (no real person has it). */
function aadhaarNumber(i: number): string {
  const base = `5${String(i).padStart(10, '0')}`;
  for (let digit = 0; digit < 10; digit++) if (parseAadhaar(`${base}${digit}`)) return `${base}${digit}`;
  throw new Error(`no check digit for ${base}`);
}

/**
 * `Conversation.whenSent` for every citizen: each waits on its own messages, and looks again only when one is sent
 * to it. Polling instead (every 20 ms for each of 200 citizens) took 6 % of the runtime's CPU from what it measures.
 */
function waitingForMessages(runtime: EmbeddedRuntime): {
  whenSent: Conversation['whenSent'];
  stop: () => void;
} {
  const waiting = new Map<string, Set<() => void>>();
  const stop = runtime.whatsapp.onSent((waId) => {
    for (const wake of waiting.get(waId) ?? []) wake();
  });
  const whenSent = <T>(waId: string, until: number, probe: () => T | undefined) =>
    new Promise<T | undefined>((resolve) => {
      const first = probe();
      if (first !== undefined) return resolve(first);
      const wakers = waiting.get(waId) ?? new Set();
      waiting.set(waId, wakers);
      const finish = (found: T | undefined) => {
        clearTimeout(timer);
        wakers.delete(wake);
        if (wakers.size === 0) waiting.delete(waId);
        resolve(found);
      };
      const wake = () => {
        const found = probe();
        if (found !== undefined) finish(found);
      };
      const timer = setTimeout(() => finish(undefined), Math.max(0, until - performance.now()));
      wakers.add(wake);
    });
  return { whenSent, stop };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
