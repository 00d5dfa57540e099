import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EmbeddedRuntime, startEmbeddedRuntime } from '../../local/runtime.ts';

/** The embedded runtime on free ports over a fresh data folder, exactly as `npm start` runs it. */
export async function startTestRuntime(options: { dataDir?: string; statusWebhooks?: boolean } = {}) {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'mitra-test-'));
  const runtime = await startEmbeddedRuntime({
    port: 0,
    dataDir,
    logLevel: process.env.LOG_LEVEL ?? 'ERROR',
    statusWebhooks: options.statusWebhooks ?? false,
    log: process.env.MITRA_TEST_LOG ? (line) => console.log(line) : () => undefined,
  });
  return {
    runtime,
    dataDir,
    async stop(keepData = false) {
      await runtime.stop();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface SentMessage {
  id: string;
  sent_at: string;
  type?: string;
  status?: string;
  text?: { body: string };
  interactive?: { type: string; body: { text: string }; action: Record<string, unknown> };
  document?: { id?: string; filename?: string; caption?: string };
  [key: string]: unknown;
}

/** What the system sent to a number, as recorded by the local Graph API. */
export async function sentTo(runtime: EmbeddedRuntime, waId: string): Promise<SentMessage[]> {
  const response = await fetch(`${runtime.baseUrl}/sim/api/messages?wa_id=${waId}`);
  const body = (await response.json()) as SentMessage[] | { messages: SentMessage[] };
  return Array.isArray(body) ? body : body.messages;
}

/** A citizen's message through /sim/api/send (signed exactly as Meta signs), then the outbox drained. */
export async function say(runtime: EmbeddedRuntime, waId: string, input: { text?: string; reply_id?: string }) {
  const response = await fetch(`${runtime.baseUrl}/sim/api/send`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from: waId, name: 'Test Citizen', ...input }),
  });
  if (!response.ok) throw new Error(`/sim/api/send answered ${response.status}: ${await response.text()}`);
  await runtime.drained();
  return (await response.json()) as { wamid: string };
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
