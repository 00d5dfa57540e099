import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLocalWhatsApp, type LocalWhatsApp, type LocalWhatsAppOptions } from '../../local/whatsapp/index.ts';

const SECRET = 'local-app-secret';
const TOKEN = 'local-access-token';
const PHONE_NUMBER_ID = '100000000000001';
const CITIZEN = '919876543210';
const START = Date.parse('2026-01-15T04:30:00Z');

type Json = Record<string, unknown>;
type WebhookMessage = Json & { id: string; type: string };
type WebhookStatus = Json & { id: string; status: string };
interface WebhookBody {
  object: string;
  entry: Array<{
    id: string;
    changes: Array<{ field: string; value: Json & { messages?: WebhookMessage[]; statuses?: WebhookStatus[] } }>;
  }>;
}
interface GraphError {
  error: {
    message: string;
    type: string;
    code: number;
    error_subcode?: number;
    error_data?: { details: string };
    fbtrace_id: string;
  };
}
interface GraphSent {
  messaging_product: string;
  contacts: unknown[];
  messages: Array<{ id: string; message_status?: string }>;
}

interface Delivery {
  raw: Buffer;
  body: WebhookBody;
  signatureValid: boolean;
}

/** One node:http server: a fake /webhook that checks signatures on its own, and the simulator mounted beside it. */
class Harness {
  server!: Server;
  base = '';
  dataDir = mkdtempSync(join(tmpdir(), 'mitra-sim-'));
  offsetSeconds = 0;
  deliveries: Delivery[] = [];
  otps = new Map<string, string>();
  whatsapp!: LocalWhatsApp;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', this.base);
      if (url.pathname === '/webhook' && req.method === 'POST') return this.receive(req, res);
      this.whatsapp
        .handle(req, res, url)
        .then((served) => {
          if (!served) res.writeHead(404).end('not found');
        })
        .catch(() => res.writeHead(500).end());
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    this.whatsapp = this.create();
  }

  create(overrides: Partial<LocalWhatsAppOptions> = {}): LocalWhatsApp {
    return createLocalWhatsApp({
      publicBaseUrl: this.base,
      appSecret: SECRET,
      accessToken: TOKEN,
      phoneNumberId: PHONE_NUMBER_ID,
      displayPhoneNumber: '15550000001',
      dataDir: this.dataDir,
      now: () => new Date(START + this.offsetSeconds * 1000),
      clock: {
        get: () => new Date(START + this.offsetSeconds * 1000),
        advance: (seconds) => {
          this.offsetSeconds += seconds;
        },
      },
      citizens: () => [{ name: 'Ramesh Kumar', mobile: '9876543210', aadhaar: '123412341234', district: 'Guntur' }],
      lastOtp: (aadhaar) => this.otps.get(aadhaar),
      log: () => {},
      ...overrides,
    });
  }

  private receive(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const header = String(req.headers['x-hub-signature-256'] ?? '');
      const expected = Buffer.from(`sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}`);
      const signatureValid = header.length === expected.length && timingSafeEqual(Buffer.from(header), expected);
      this.deliveries.push({ raw, body: JSON.parse(raw.toString('utf8')) as WebhookBody, signatureValid });
      res.writeHead(signatureValid ? 200 : 401).end();
    });
  }

  /** Webhook messages (not statuses) received so far. */
  messages(): WebhookMessage[] {
    return this.deliveries.flatMap((d) => value(d).messages ?? []);
  }

  statuses(): WebhookStatus[] {
    return this.deliveries.flatMap((d) => value(d).statuses ?? []);
  }

  graph(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (!headers.has('authorization')) headers.set('authorization', `Bearer ${TOKEN}`);
    if (init.json !== undefined) headers.set('content-type', 'application/json');
    return fetch(`${this.base}/graph/v23.0${path}`, {
      ...init,
      headers,
      ...(init.json !== undefined ? { body: JSON.stringify(init.json), method: init.method ?? 'POST' } : {}),
    });
  }

  sim(path: string, json?: unknown): Promise<Response> {
    return fetch(
      `${this.base}/sim/api${path}`,
      json === undefined
        ? {}
        : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) },
    );
  }

  async stop(): Promise<void> {
    await this.whatsapp.idle();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

function value(delivery: Delivery): WebhookBody['entry'][number]['changes'][number]['value'] {
  return delivery.body.entry[0]!.changes[0]!.value;
}

const text = (body: string, to = CITIZEN) => ({
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to,
  type: 'text',
  text: { body },
});

function listMessage(rowCount: number): Record<string, unknown> {
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: CITIZEN,
    type: 'interactive',
    interactive: {
      type: 'list',
      body: { text: 'ఏ సేవ కావాలి? Which service?' },
      action: {
        button: 'Services',
        sections: [
          {
            title: 'Revenue',
            rows: Array.from({ length: rowCount }, (_, i) => ({
              id: `svc-${i}`,
              title: `Service ${i}`,
              description: `Row ${i}`,
            })),
          },
        ],
      },
    },
  };
}

const h = new Harness();
beforeAll(() => h.start());
afterAll(() => h.stop());
beforeEach(async () => {
  await h.whatsapp.idle();
  h.deliveries = [];
});

async function openWindow(text = 'Hi'): Promise<string> {
  const { wamid, status } = await h.whatsapp.send({ from: CITIZEN, text });
  expect(status).toBe(200);
  return wamid;
}

describe('simulator: citizen → webhook', () => {
  it('POST /sim/api/send delivers a Meta payload, escaped and signed as Meta does', async () => {
    const res = await h.sim('/send', { from: CITIZEN, text: 'నమస్కారం, mail me at ramesh@example.com' });
    expect(res.status).toBe(200);
    const { wamid, webhook_status } = (await res.json()) as { wamid: string; webhook_status: number };
    expect(webhook_status).toBe(200);
    expect(h.deliveries).toHaveLength(1);
    const delivery = h.deliveries[0]!;
    expect(delivery.signatureValid).toBe(true);
    const raw = delivery.raw.toString('latin1');
    expect(raw).toContain('\\u0c28\\u0c2e\\u0c38\\u0c4d');
    expect(raw).toContain('ramesh\\u0040example.com');
    expect(delivery.raw.every((byte) => byte < 0x80)).toBe(true);
    expect(delivery.body).toMatchObject({
      object: 'whatsapp_business_account',
      entry: [{ changes: [{ field: 'messages', value: { metadata: { phone_number_id: PHONE_NUMBER_ID } } }] }],
    });
    const v = value(delivery);
    expect(v['contacts']).toEqual([{ profile: { name: 'Ramesh Kumar' }, wa_id: CITIZEN }]);
    expect(v['messages']).toEqual([
      {
        from: CITIZEN,
        id: wamid,
        timestamp: String(Math.floor((START + h.offsetSeconds * 1000) / 1000)),
        type: 'text',
        text: { body: 'నమస్కారం, mail me at ramesh@example.com' },
      },
    ]);
  });

  it('can deliver the same signed bytes several times at once, as Meta’s at-least-once delivery does', async () => {
    const { wamid } = await h.whatsapp.send({ from: CITIZEN, text: 'duplicate me', repeat: 3 });
    expect(h.deliveries).toHaveLength(3);
    expect(new Set(h.deliveries.map((d) => d.raw.toString('latin1'))).size).toBe(1);
    expect(h.messages().every((m) => m.id === wamid)).toBe(true);
  });

  it('refuses malformed simulator input with a clear 400', async () => {
    const bad = await fetch(`${h.base}/sim/api/send`, { method: 'POST', body: '{not json' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/not valid JSON/);
    const empty = await h.sim('/send', { from: CITIZEN });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: string }).error).toMatch(
      /give text, reply_id, location, image_base64, document_base64 or voice/,
    );
    const unknownRoute = await fetch(`${h.base}/sim/api/nothing-here`);
    expect(unknownRoute.status).toBe(404);
  });

  it('sends a photo as an image message whose media id resolves through the Graph API', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 0xff, 0xd9]);
    await h.whatsapp.send({ from: CITIZEN, image_base64: jpeg.toString('base64'), text: 'my ration card' });
    const image = h.messages()[0]!['image'] as { id: string; mime_type: string; sha256: string; caption: string };
    expect(image).toMatchObject({ mime_type: 'image/jpeg', caption: 'my ration card' });
    expect(image.sha256).toBe(createHash('sha256').update(jpeg).digest('base64'));
    const meta = (await (await h.graph(`/${image.id}`)).json()) as { url: string };
    const bytes = Buffer.from(
      await (await fetch(meta.url, { headers: { authorization: `Bearer ${TOKEN}` } })).arrayBuffer(),
    );
    expect(bytes.equals(jpeg)).toBe(true);
  });
});

describe('local Graph API', () => {
  it('refuses a request without the bearer token with Meta’s 190 OAuthException', async () => {
    for (const authorization of ['', 'Bearer wrong-token']) {
      const res = await fetch(`${h.base}/graph/v23.0/${PHONE_NUMBER_ID}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify(text('hi')),
      });
      expect(res.status).toBe(401);
      const body = (await res.json()) as { error: Record<string, unknown> };
      expect(body.error).toMatchObject({ code: 190, type: 'OAuthException' });
      expect(typeof body.error['fbtrace_id']).toBe('string');
    }
  });

  it('rejects a list over Meta’s limits with 131009 and accepts a valid one, which /sim/api/messages then shows', async () => {
    await openWindow();
    const tooLong = await h.graph(`/${PHONE_NUMBER_ID}/messages`, { json: listMessage(11) });
    expect(tooLong.status).toBe(400);
    const error = (await tooLong.json()) as GraphError;
    expect(error.error).toMatchObject({
      message: '(#131009) Parameter value is not valid',
      type: 'OAuthException',
      code: 131009,
      error_data: { messaging_product: 'whatsapp' },
    });
    expect(error.error.error_data?.details).toMatch(/rows/);

    const ok = await h.graph(`/${PHONE_NUMBER_ID}/messages`, { json: listMessage(10) });
    expect(ok.status).toBe(200);
    const sent = (await ok.json()) as GraphSent;
    expect(sent.messaging_product).toBe('whatsapp');
    expect(sent.contacts).toEqual([{ input: CITIZEN, wa_id: CITIZEN }]);
    expect(sent.messages[0]!.id).toMatch(/^wamid\./);

    const log = (await (await h.sim(`/messages?wa_id=${CITIZEN}`)).json()) as Array<Record<string, unknown>>;
    const last = log.at(-1)!;
    expect(last).toMatchObject({
      ...listMessage(10),
      id: sent.messages[0]!.id,
      sent_at: new Date(START + h.offsetSeconds * 1000).toISOString(),
    });
    expect(h.whatsapp.sentMessages(CITIZEN).at(-1)).toEqual(last);

    // Meta then reports sent and delivered, signed like every other webhook.
    await h.whatsapp.idle();
    const statuses = h.statuses().filter((s) => s['id'] === sent.messages[0]!.id);
    expect(statuses.map((s) => s['status'])).toEqual(['sent', 'delivered']);
    expect(statuses[0]).toMatchObject({ recipient_id: CITIZEN, conversation: { origin: { type: 'service' } } });
    expect(h.deliveries.every((d) => d.signatureValid)).toBe(true);
  });

  it('turns a tapped row into a list_reply and a tapped button into a button_reply, quoting the offer', async () => {
    await openWindow();
    const list = (await (await h.graph(`/${PHONE_NUMBER_ID}/messages`, { json: listMessage(3) })).json()) as GraphSent;
    const buttons = {
      ...text(''),
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Pay ₹35 now?' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'pay-yes', title: 'Pay' } },
            { type: 'reply', reply: { id: 'pay-no', title: 'Later' } },
          ],
        },
      },
    };
    delete (buttons as Record<string, unknown>)['text'];
    const offer = (await (await h.graph(`/${PHONE_NUMBER_ID}/messages`, { json: buttons })).json()) as GraphSent;
    h.deliveries = [];

    await h.sim('/send', { from: CITIZEN, reply_id: 'svc-1' });
    await h.sim('/send', { from: CITIZEN, reply_id: 'pay-yes' });
    const [row, button] = h.messages();
    expect(row).toMatchObject({
      type: 'interactive',
      context: { from: '15550000001', id: list.messages[0]!.id },
      interactive: { type: 'list_reply', list_reply: { id: 'svc-1', title: 'Service 1', description: 'Row 1' } },
    });
    expect(button).toMatchObject({
      type: 'interactive',
      context: { id: offer.messages[0]!.id },
      interactive: { type: 'button_reply', button_reply: { id: 'pay-yes', title: 'Pay' } },
    });
  });

  it('uploads a document, sends it by id, and resolves media id → url → the same bytes', async () => {
    await openWindow();
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 7), Buffer.from('\n%%EOF\n')]);
    const form = new FormData();
    form.set('messaging_product', 'whatsapp');
    form.set('type', 'application/pdf');
    form.set('file', new Blob([pdf], { type: 'application/pdf' }), 'income-certificate.pdf');
    const upload = await h.graph(`/${PHONE_NUMBER_ID}/media`, { method: 'POST', body: form });
    expect(upload.status).toBe(200);
    const { id } = (await upload.json()) as { id: string };
    expect(id).toMatch(/^\d{15,16}$/);

    const document = {
      ...text(''),
      type: 'document',
      document: { id, filename: 'income-certificate.pdf', caption: 'ఆదాయ ధృవీకరణ పత్రం' },
    };
    delete (document as Record<string, unknown>)['text'];
    expect((await h.graph(`/${PHONE_NUMBER_ID}/messages`, { json: document })).status).toBe(200);

    const media = (await (await h.graph(`/${id}`)).json()) as Record<string, unknown>;
    expect(media).toEqual({
      messaging_product: 'whatsapp',
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/graph\/media-bytes\//),
      mime_type: 'application/pdf',
      sha256: createHash('sha256').update(pdf).digest('hex'),
      file_size: pdf.length,
      id,
    });
    const unauthenticated = await fetch(media['url'] as string);
    expect(unauthenticated.status).toBe(401);
    const download = await fetch(media['url'] as string, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);

    const unknown = await h.graph('/999999999999999');
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { code: number } }).error.code).toBe(100);
  });

  it('refuses free-form messages more than 24 hours after the citizen last wrote (131047), but not templates', async () => {
    await openWindow();
    expect((await h.graph(`/${PHONE_NUMBER_ID}/messages`, { json: text('still inside') })).status).toBe(200);
    const clock = await h.sim('/clock', { advance_seconds: 24 * 3600 + 1 });
    expect(((await clock.json()) as { now: string }).now).toBe(new Date(START + h.offsetSeconds * 1000).toISOString());

    const late = await h.graph(`/${PHONE_NUMBER_ID}/messages`, { json: text('too late') });
    expect(late.status).toBe(400);
    expect(((await late.json()) as { error: { code: number; message: string } }).error).toMatchObject({
      code: 131047,
      message: '(#131047) Re-engagement message',
    });

    const template = {
      messaging_product: 'whatsapp',
      to: CITIZEN,
      type: 'template',
      template: {
        name: 'certificate_ready',
        language: { code: 'te' },
        components: [{ type: 'body', parameters: [{ type: 'text', text: 'MITRA-42' }] }],
      },
    };
    const sent = await h.graph(`/${PHONE_NUMBER_ID}/messages`, { json: template });
    expect(sent.status).toBe(200);
    expect(((await sent.json()) as GraphSent).messages[0]).toMatchObject({
      message_status: 'accepted',
    });

    await openWindow('back again');
    expect((await h.graph(`/${PHONE_NUMBER_ID}/messages`, { json: text('window reopened') })).status).toBe(200);
  });

  it('answers injected faults with Meta’s codes for the next sends only', async () => {
    await openWindow();
    h.whatsapp.injectFault({ code: 130429 });
    h.whatsapp.injectFault({ code: 131056, times: 2, waId: CITIZEN });
    h.whatsapp.injectFault({ code: 190 });
    h.whatsapp.injectFault({ code: 500 });
    const answers: Array<[number, number]> = [];
    for (let i = 0; i < 6; i++) {
      const res = await h.graph(`/${PHONE_NUMBER_ID}/messages`, { json: text(`attempt ${i}`) });
      const body = (await res.json()) as { error?: { code: number } };
      answers.push([res.status, body.error?.code ?? 0]);
    }
    expect(answers).toEqual([
      [400, 130429],
      [400, 131056],
      [400, 131056],
      [401, 190],
      [500, 1],
      [200, 0],
    ]);
    const viaHttp = await h.sim('/faults', { code: 131026, wa_id: CITIZEN });
    expect(viaHttp.status).toBe(200);
    const undeliverable = await h.graph(`/${PHONE_NUMBER_ID}/messages`, { json: text('x') });
    expect(((await undeliverable.json()) as { error: { code: number } }).error.code).toBe(131026);
  });

  it('accepts the mark-as-read call for a received message and refuses unknown ids', async () => {
    const wamid = await openWindow();
    const read = {
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: wamid,
      typing_indicator: { type: 'text' },
    };
    const ok = await h.graph(`/${PHONE_NUMBER_ID}/messages`, { json: read });
    expect(await ok.json()).toEqual({ success: true });
    const chat = (await (await h.sim(`/chat?wa_id=${CITIZEN}`)).json()) as {
      typing: boolean;
      items: Array<{ id: string; status: string }>;
    };
    expect(chat.typing).toBe(true);
    expect(chat.items.find((item) => item.id === wamid)?.status).toBe('read');
    const unknown = await h.graph(`/${PHONE_NUMBER_ID}/messages`, { json: { ...read, message_id: 'wamid.nope' } });
    expect(unknown.status).toBe(400);
  });

  it('reports a failed delivery in statuses[].errors with Meta’s code and details', async () => {
    await openWindow();
    const sent = (await (
      await h.graph(`/${PHONE_NUMBER_ID}/messages`, { json: text('will fail') })
    ).json()) as GraphSent;
    await h.whatsapp.idle();
    h.deliveries = [];
    await h.whatsapp.deliverStatus({ id: sent.messages[0]!.id, status: 'failed', errorCode: 131026 });
    expect(h.statuses()).toEqual([
      expect.objectContaining({
        id: sent.messages[0]!.id,
        status: 'failed',
        recipient_id: CITIZEN,
        errors: [
          expect.objectContaining({
            code: 131026,
            title: 'Message Undeliverable',
            error_data: { details: expect.any(String) },
          }),
        ],
      }),
    ]);
  });

  it('serves unversioned Graph paths too', async () => {
    await openWindow();
    const res = await fetch(`${h.base}/graph/${PHONE_NUMBER_ID}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(text('no version')),
    });
    expect(res.status).toBe(200);
  });

  it('refuses a phone number id it does not serve, as Graph does', async () => {
    const res = await h.graph('/123456789/messages', { json: text('hi') });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: number; error_subcode: number } }).error).toMatchObject({
      code: 100,
      error_subcode: 33,
    });
  });
});

describe('simulator helper routes and persistence', () => {
  it('serves citizens, the last OTP (404 JSON when none) and the clock', async () => {
    expect(await (await h.sim('/citizens')).json()).toEqual([expect.objectContaining({ name: 'Ramesh Kumar' })]);
    const none = await h.sim('/otp?aadhaar=123412341234');
    expect(none.status).toBe(404);
    expect(await none.json()).toHaveProperty('error');
    h.otps.set('123412341234', '482913');
    expect(await (await h.sim('/otp?aadhaar=123412341234')).json()).toEqual({ aadhaar: '123412341234', otp: '482913' });
    expect((await h.sim('/clock', { advance_seconds: -5 })).status).toBe(400);
    expect(await (await h.sim('/clock')).json()).toEqual({
      now: new Date(START + h.offsetSeconds * 1000).toISOString(),
    });
  });

  it('keeps sent messages and media across a restart', async () => {
    await openWindow();
    await h.graph(`/${PHONE_NUMBER_ID}/messages`, { json: text('remember me') });
    const form = new FormData();
    form.set('messaging_product', 'whatsapp');
    form.set('file', new Blob([Buffer.from('%PDF-1.7 kept')], { type: 'application/pdf' }), 'kept.pdf');
    const { id } = (await (await h.graph(`/${PHONE_NUMBER_ID}/media`, { method: 'POST', body: form })).json()) as {
      id: string;
    };
    await h.whatsapp.idle();
    const before = h.whatsapp.sentMessages(CITIZEN);

    const original = h.whatsapp;
    h.whatsapp = h.create({ statusWebhooks: false });
    try {
      expect(h.whatsapp.sentMessages(CITIZEN)).toEqual(before);
      const media = (await (await h.graph(`/${id}`)).json()) as { url: string; file_size: number };
      expect(media.file_size).toBe('%PDF-1.7 kept'.length);
      const bytes = await (await fetch(media.url, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
      expect(bytes).toBe('%PDF-1.7 kept');
    } finally {
      h.whatsapp = original;
    }
  });
});

describe('simulator: users known by a business-scoped user id', () => {
  const USERNAME_USER = 'IN.2739184650192837';
  const BOTH_BSUID = 'IN.1648738043044942';
  const messagesPath = `/${PHONE_NUMBER_ID}/messages`;
  const textTo = (address: Record<string, string>, body: string) => ({
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    ...address,
    type: 'text',
    text: { body },
  });

  it('writes as a username user with only from_user_id and contacts[].user_id, as Meta does', async () => {
    const res = await h.sim('/send', { user_id: USERNAME_USER, username: 'lakshmi.k', name: 'Lakshmi', text: 'Hi' });
    expect(res.status).toBe(200);
    const { wamid } = (await res.json()) as { wamid: string };
    const v = value(h.deliveries[0]!);
    expect(h.deliveries[0]!.signatureValid).toBe(true);
    expect(v['contacts']).toEqual([{ profile: { name: 'Lakshmi', username: 'lakshmi.k' }, user_id: USERNAME_USER }]);
    expect(v['messages']).toEqual([
      expect.objectContaining({ from_user_id: USERNAME_USER, id: wamid, type: 'text', text: { body: 'Hi' } }),
    ]);
    expect((v['messages'] as Json[])[0]).not.toHaveProperty('from');
  });

  it('writes with both the phone number and the business-scoped user id when given both', async () => {
    await h.whatsapp.send({ from: CITIZEN, user_id: BOTH_BSUID, text: 'Hi' });
    const v = value(h.deliveries[0]!);
    expect(v['contacts']).toEqual([{ profile: { name: 'Ramesh Kumar' }, wa_id: CITIZEN, user_id: BOTH_BSUID }]);
    expect((v['messages'] as Json[])[0]).toMatchObject({ from: CITIZEN, from_user_id: BOTH_BSUID });
  });

  it('refuses a sender without either id, or with a malformed one', async () => {
    for (const input of [{ text: 'Hi' }, { user_id: 'in.123', text: 'Hi' }, { user_id: 'IN.12#3', text: 'Hi' }]) {
      const res = await h.sim('/send', input);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(/user_id|from/);
    }
  });

  it('sends to a business-scoped user id by recipient, answers like Meta and keeps it under that id', async () => {
    await h.whatsapp.send({ user_id: USERNAME_USER, text: 'Hi' });
    const res = await h.graph(messagesPath, { json: textTo({ recipient: USERNAME_USER }, 'Namaste') });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as GraphSent;
    expect(answer.contacts).toEqual([{ input: USERNAME_USER, user_id: USERNAME_USER }]);
    const listed = (await (await h.sim(`/messages?wa_id=${USERNAME_USER}`)).json()) as Array<Json & { id: string }>;
    expect(listed.at(-1)).toMatchObject({ id: answer.messages[0]!.id, recipient: USERNAME_USER });
    await h.whatsapp.idle();
    const statuses = h.statuses().filter((s) => s.id === answer.messages[0]!.id);
    expect(statuses.map((s) => s.status)).toEqual(['sent', 'delivered']);
    for (const status of statuses) {
      expect(status['recipient_user_id']).toBe(USERNAME_USER);
      expect(status).not.toHaveProperty('recipient_id');
    }
  });

  it('needs to or recipient, checks the recipient is a business-scoped user id, and lets to win over it', async () => {
    await openWindow();
    const neither = await h.graph(messagesPath, { json: textTo({}, 'to whom?') });
    expect(neither.status).toBe(400);
    expect(((await neither.json()) as GraphError).error).toMatchObject({
      code: 131008,
      error_data: { details: "Parameter 'to' or 'recipient' is required." },
    });
    const malformed = await h.graph(messagesPath, { json: textTo({ recipient: '919876543210' }, 'x') });
    expect(((await malformed.json()) as GraphError).error.code).toBe(100);
    const both = await h.graph(messagesPath, { json: textTo({ to: CITIZEN, recipient: BOTH_BSUID }, 'both') });
    expect(((await both.json()) as GraphSent).contacts).toEqual([{ input: CITIZEN, wa_id: CITIZEN }]);
    expect(h.whatsapp.sentMessages(CITIZEN).at(-1)).toMatchObject({ text: { body: 'both' } });
  });

  it('counts a message sent with both ids as opening the 24-hour window for either', async () => {
    h.offsetSeconds += 2 * 24 * 3600;
    await h.whatsapp.send({ from: CITIZEN, user_id: BOTH_BSUID, text: 'Hi again' });
    const byBsuid = await h.graph(messagesPath, { json: textTo({ recipient: BOTH_BSUID }, 'by id') });
    expect(byBsuid.status).toBe(200);
    await h.whatsapp.idle();
    h.deliveries = [];
    const byPhone = (await (
      await h.graph(messagesPath, { json: textTo({ to: CITIZEN }, 'by number') })
    ).json()) as GraphSent;
    await h.whatsapp.idle();
    expect(h.statuses().find((s) => s.id === byPhone.messages[0]!.id)).toMatchObject({
      recipient_id: CITIZEN,
      recipient_user_id: BOTH_BSUID,
    });
  });

  it('refuses an authentication template to a business-scoped user id with 131062', async () => {
    const original = h.whatsapp;
    h.whatsapp = h.create({
      statusWebhooks: false,
      templates: [{ name: 'login_code', language: 'en', category: 'AUTHENTICATION', body: 'Your code is {{1}}' }],
    });
    try {
      const template = (address: Record<string, string>) => ({
        messaging_product: 'whatsapp',
        ...address,
        type: 'template',
        template: {
          name: 'login_code',
          language: { code: 'en' },
          components: [{ type: 'body', parameters: [{ type: 'text', text: '123456' }] }],
        },
      });
      const refused = await h.graph(messagesPath, { json: template({ recipient: USERNAME_USER }) });
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as GraphError).error).toMatchObject({
        code: 131062,
        message: '(#131062) Business-scoped User ID recipients are not supported for this message',
      });
      expect((await h.graph(messagesPath, { json: template({ to: CITIZEN }) })).status).toBe(200);
    } finally {
      h.whatsapp = original;
    }
  });

  it('injects a fault for one username user only', async () => {
    await h.whatsapp.send({ user_id: USERNAME_USER, text: 'Hi' });
    const injected = await h.sim('/faults', { code: 131026, wa_id: USERNAME_USER });
    expect(injected.status).toBe(200);
    await openWindow();
    expect((await h.graph(messagesPath, { json: textTo({ to: CITIZEN }, 'fine') })).status).toBe(200);
    const failed = await h.graph(messagesPath, { json: textTo({ recipient: USERNAME_USER }, 'x') });
    expect(((await failed.json()) as GraphError).error.code).toBe(131026);
  });
});
