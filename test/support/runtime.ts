import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/local-aws.ts';
import { type EmbeddedRuntime, startEmbeddedRuntime } from '../../local/runtime.ts';

/** The embedded runtime on free ports over a fresh data folder, exactly as `npm start` runs it. */
export async function startTestRuntime(
  options: {
    dataDir?: string;
    statusWebhooks?: boolean;
    /** Fees and bills paid inside WhatsApp; off by default here, so tests of the link path stay on it. */
    whatsAppPayments?: boolean;
    logLevel?: string;
    log?: (line: string) => void;
    alerts?: { perSecond?: number; perDay?: number };
  } = {},
) {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'mitra-test-'));
  const runtime = await startEmbeddedRuntime({
    port: 0,
    dataDir,
    logLevel: options.logLevel ?? process.env.LOG_LEVEL ?? 'ERROR',
    statusWebhooks: options.statusWebhooks ?? false,
    whatsAppPayments: options.whatsAppPayments ?? false,
    ...(options.alerts ? { alerts: options.alerts } : {}),
    log: options.log ?? (process.env.MITRA_TEST_LOG ? (line) => console.log(line) : () => undefined),
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
  interactive?: {
    type: string;
    header?: { type: string; document?: { id?: string; filename?: string } };
    body: { text: string };
    action: Record<string, unknown>;
  };
  document?: { id?: string; filename?: string; caption?: string };
  [key: string]: unknown;
}

/**
 * What a person reads in a message: its text, an interactive body, a document caption, or the one body parameter of
 * a template (sent outside the 24-hour window).
 */
export const bodyOf = (m: SentMessage): string =>
  m.text?.body ??
  m.interactive?.body.text ??
  m.document?.caption ??
  (m.template as { components?: { type: string; parameters: { text?: string }[] }[] } | undefined)?.components?.find(
    (c) => c.type === 'body',
  )?.parameters[0]?.text ??
  '';

/** The document a message carries: a document message's, or the header of reply buttons under one (a ticket's Cancel). */
export const documentOf = (m: SentMessage): { id?: string; filename?: string; caption?: string } | undefined =>
  m.document ??
  (m.interactive?.header?.type === 'document' ? { ...m.interactive.header.document, caption: bodyOf(m) } : undefined);

/** What the system sent to a number, as recorded by the local Graph API. */
export async function sentTo(runtime: EmbeddedRuntime, waId: string): Promise<SentMessage[]> {
  const response = await fetch(`${runtime.baseUrl}/sim/api/messages?wa_id=${waId}`);
  const body = (await response.json()) as SentMessage[] | { messages: SentMessage[] };
  return Array.isArray(body) ? body : body.messages;
}

/** A citizen's message through /sim/api/send (signed exactly as Meta signs), then the outbox drained. */
export async function say(
  runtime: EmbeddedRuntime,
  waId: string,
  input: {
    text?: string;
    reply_id?: string;
    image_base64?: string;
    document_base64?: string;
    document_filename?: string;
    document_mime_type?: string;
    location?: { latitude: number; longitude: number };
  },
) {
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

/** The id of the row or button with this action in the last interactive message sent to a number (ids carry a menu token). */
export async function rowIdOf(runtime: EmbeddedRuntime, waId: string, action: string): Promise<string> {
  const last = (await sentTo(runtime, waId)).filter((m) => m.type === 'interactive').at(-1);
  const interactive = last?.interactive?.action as
    | { sections?: { rows: { id: string }[] }[]; buttons?: { reply: { id: string } }[] }
    | undefined;
  const ids = [
    ...(interactive?.sections ?? []).flatMap((s) => s.rows.map((r) => r.id)),
    ...(interactive?.buttons ?? []).map((b) => b.reply.id),
  ];
  const id = ids.find((candidate) => candidate.split('~')[0] === action);
  if (!id) throw new Error(`no ${action} among ${ids.join(', ')}`);
  return id;
}

/** The OTP the local identity service last sent for an Aadhaar number, as the simulator shows it. */
export async function otpFor(runtime: EmbeddedRuntime, aadhaar: string): Promise<string> {
  const response = await fetch(`${runtime.baseUrl}/sim/api/otp?aadhaar=${aadhaar}`);
  if (!response.ok) throw new Error(`/sim/api/otp answered ${response.status}`);
  return ((await response.json()) as { otp: string }).otp;
}

/**
 * After confirming a form: the Aadhaar number if the conversation asks for it (a form that asked for it already had
 * the OTP sent), then the OTP the local identity service sent for it.
 */
export async function proveIdentity(runtime: EmbeddedRuntime, waId: string, aadhaar: string): Promise<void> {
  const asked = (await sentTo(runtime, waId)).at(-1);
  const prompt = asked?.text?.body ?? asked?.interactive?.body.text ?? '';
  if (/Aadhaar number|ఆధార్ సంఖ్య/.test(prompt)) await say(runtime, waId, { text: aadhaar });
  await say(runtime, waId, { text: await otpFor(runtime, aadhaar) });
}

/** A document client on the runtime's DynamoDB Local, for tests that look at or seed the table directly. */
export function tableClient(runtime: EmbeddedRuntime): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: runtime.endpoints.dynamodb, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
}
