import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isValidSignature } from '../lambdas/core/whatsapp/signature.ts';
import { LOCAL_DEFAULTS } from '../local/runtime.ts';
import type { Figure } from './results-file.ts';
import { startBenchRuntime } from './runtime.ts';

/** Messages per run, from this many citizens, this many in flight at once: bounded, loopback only. */
const MESSAGES = 600;
const CITIZENS = 60;
const CONCURRENCY = 8;
const WARMUP = 40;

interface Run {
  throughput: number;
  p50: number;
  p99: number;
  cpuUsPerRequest: number;
}

const citizen = (i: number) => `9197${String(i % CITIZENS).padStart(8, '0')}`;

/** Signed Meta deliveries of one text message each, escaped and signed as Meta does. */
function deliveries(count: number, offset: number, phoneNumberId: string): Buffer[] {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return Array.from({ length: count }, (_, i) => {
    const waId = citizen(offset + i);
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '102290129340398',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '15550000001', phone_number_id: phoneNumberId },
                contacts: [{ profile: { name: 'Bench Citizen' }, wa_id: waId }],
                messages: [
                  {
                    from: waId,
                    id: `wamid.${randomBytes(12).toString('base64url')}`,
                    timestamp,
                    type: 'text',
                    text: { body: i % 3 === 0 ? 'Hi' : 'నమస్తే' },
                  },
                ],
              },
            },
          ],
        },
      ],
    }).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return Buffer.from(body);
  });
}

async function drive(url: string, bodies: Buffer[], secret: string): Promise<Run> {
  const latencies: number[] = [];
  let next = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      const t = performance.now();
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
        },
        body: new Uint8Array(body),
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return {
    throughput: bodies.length / seconds,
    p50: at(0.5),
    p99: at(0.99),
    cpuUsPerRequest: (cpu.user + cpu.system) / bodies.length,
  };
}

/** The floor: an HTTP server on loopback that only checks the signature over the raw bytes and answers 200. */
async function minimalHandler(secret: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const ok = isValidSignature(Buffer.concat(chunks), req.headers['x-hub-signature-256'] as string, secret);
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`, server };
}

/**
 * Webhook messages per second and latency on the embedded runtime (the webhook bundle from cdk.out, DynamoDB Local,
 * the outbox stream and sender running as they do under `npm start`), beside the minimal handler in the same run.
 * CPU is this process's (handlers, HTTP API, simulator), not DynamoDB Local's JVM.
 */
export async function webhookFigures(): Promise<Figure[]> {
  const secret = LOCAL_DEFAULTS.appSecret;
  const bench = await startBenchRuntime('webhook');
  const { runtime } = bench;
  const minimal = await minimalHandler(secret);
  try {
    const phone = LOCAL_DEFAULTS.phoneNumberId;
    // Each citizen writes once through the simulator first, so its Graph API sees their 24-hour window open.
    for (let i = 0; i < CITIZENS; i++) {
      await runtime.whatsapp.send({ from: citizen(i), text: 'Hi' });
    }
    await drive(`${runtime.baseUrl}/webhook`, deliveries(WARMUP, 0, phone), secret);
    await drive(minimal.url, deliveries(WARMUP, 0, phone), secret);
    await runtime.drained();
    const floor = await drive(minimal.url, deliveries(MESSAGES, 0, phone), secret);
    const real = await drive(`${runtime.baseUrl}/webhook`, deliveries(MESSAGES, WARMUP, phone), secret);
    await runtime.drained();
    const baseline = (value: number) => ({ name: 'signature-only handler', value });
    return [
      {
        name: 'webhook.throughput',
        value: real.throughput,
        unit: 'msg/s',
        baseline: baseline(floor.throughput),
        ratio: real.throughput / floor.throughput,
      },
      {
        name: 'webhook.p50_ms',
        value: real.p50,
        unit: 'ms',
        baseline: baseline(floor.p50),
        ratio: real.p50 / floor.p50,
      },
      {
        name: 'webhook.p99_ms',
        value: real.p99,
        unit: 'ms',
        baseline: baseline(floor.p99),
        ratio: real.p99 / floor.p99,
      },
      {
        name: 'webhook.cpu_us_per_turn',
        value: real.cpuUsPerRequest,
        unit: 'µs',
        baseline: baseline(floor.cpuUsPerRequest),
        ratio: real.cpuUsPerRequest / floor.cpuUsPerRequest,
      },
    ];
  } finally {
    await new Promise((resolve) => minimal.server.close(resolve));
    await bench.stop();
  }
}
