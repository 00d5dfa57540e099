import { describe, expect, it } from 'vitest';
import type { Claim, OutboxItem, OutboxStatus, Recipient } from '#adapters/outbox.ts';
import { resolutionNotice, resolutionPhoto } from '#core/grievances/actions.ts';
import { grievanceTemplates } from '#core/whatsapp/customer-window.ts';
import { errorAction } from '#core/whatsapp/meta-errors.ts';
import { createDelivery, type SendFailure } from '../../lambdas/sender/delivery.ts';

class FakeFailure extends Error implements SendFailure {
  constructor(
    readonly httpStatus: number,
    readonly code: number | undefined,
  ) {
    super(`Graph API answered ${httpStatus} (${code})`);
  }
  get action() {
    return errorAction(this.httpStatus, this.code);
  }
}

const NOW = new Date('2026-11-28T10:00:00Z');
const waId = '919876543210';

function item(reply: OutboxItem['reply'], sk = 'wamid.IN#01'): OutboxItem {
  return {
    pk: `OUTBOX#${waId}`,
    sk,
    kind: 'outbox',
    waId,
    reply,
    status: 'pending',
    createdAt: NOW.toISOString(),
    expiresAt: 0,
  };
}

/** A Graph API that answers the queued failures first, then succeeds; and an outbox kept in memory. */
function harness(
  options: {
    failures?: FakeFailure[];
    recipient?: Recipient;
    /** What each read of the recipient answers in turn (the last one again after). */
    recipients?: Recipient[];
    settleFails?: boolean;
    heldForMs?: number;
    /** Which reads of the recipient fail (counted from 0), as DynamoDB answers when it throttles past the SDK's retries. */
    failingReads?: number[];
  } = {},
) {
  const reads = [...(options.recipients ?? [])];
  let readCount = 0;
  let held = options.heldForMs;
  const failures = [...(options.failures ?? [])];
  const sent: Record<string, unknown>[] = [];
  const uploads: string[] = [];
  const statuses = new Map<string, OutboxStatus>();
  const settled: { sk: string; status: string; details: object }[] = [];
  const metrics: string[] = [];
  const sleeps: number[] = [];
  const errors: string[] = [];
  const slowDowns: { waId: string; until: Date }[] = [];
  const delivery = createDelivery({
    async claim(i): Promise<Claim> {
      if (held !== undefined) {
        const leaseUntil = new Date(NOW.getTime() + held).toISOString();
        held = undefined;
        return { claimed: false, status: 'sending', leaseUntil };
      }
      const status = statuses.get(i.sk) ?? 'pending';
      if (status !== 'pending') return { claimed: false, status };
      statuses.set(i.sk, 'sending');
      return { claimed: true };
    },
    async release(i) {
      statuses.set(i.sk, 'pending');
    },
    async settle(i, status, details) {
      if (options.settleFails) throw new Error('table unavailable');
      statuses.set(i.sk, status);
      settled.push({ sk: i.sk, status, details });
    },
    recipient: async () => {
      if (options.failingReads?.includes(readCount++))
        throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
      return (
        (reads.length > 1 ? reads.shift() : reads[0]) ??
        options.recipient ?? { lastInboundAt: new Date(NOW.getTime() - 60_000), language: 'te' }
      );
    },
    slowDown: async (waId, until) => {
      slowDowns.push({ waId, until });
    },
    async send(payload) {
      const failure = failures.shift();
      if (failure) throw failure;
      sent.push(payload);
      return payload.status === 'read' ? undefined : `wamid.OUT${sent.length}`;
    },
    async uploadDocument(key) {
      uploads.push(key);
      return 'media-1';
    },
    async uploadMedia(key) {
      uploads.push(key);
      return key.includes('expired') ? undefined : 'media-2';
    },
    isSendFailure: (e): e is SendFailure => e instanceof FakeFailure,
    templates: {
      text: 'mitra_update',
      document: 'mitra_document',
      decision: 'mitra_decision',
      ...grievanceTemplates('mitra_grievance'),
    },
    now: () => NOW,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    metric: (name) => metrics.push(name),
    log: { info: () => undefined, warn: () => undefined, error: (m) => errors.push(m) },
  });
  return { delivery, sent, uploads, statuses, settled, metrics, sleeps, errors, slowDowns };
}

const text = item({ type: 'text', text: 'Your application is received.' });

describe('sender delivery', () => {
  it('holds a notice of an application until the replies of the turn that submitted it went, then sends it', async () => {
    const submitted = { lastInboundAt: new Date(NOW.getTime() - 60_000), language: 'te' };
    const waiting = { ...submitted, awaited: { refs: ['AP-7YMHEWZDR6ZE'], answered: false } };
    const h = harness({
      recipients: [waiting, waiting, waiting, { ...waiting, awaited: { ...waiting.awaited, answered: true } }],
    });
    const feeLink = item({ type: 'text', text: 'Pay ₹1,200 at this link' }, 'AP-7YMHEWZDR6ZE#fee');
    expect(await h.delivery.deliver(feeLink)).toBe('sent');
    expect(h.sleeps).toEqual([250, 250, 250]);
    expect(h.sent).toHaveLength(1);
    // Another application's notice, or one to a citizen whose turn was answered, does not wait.
    const other = harness({ recipient: waiting });
    expect(await other.delivery.deliver(item({ type: 'text', text: 'Approved' }, 'AP-OTHER000000#decided'))).toBe(
      'sent',
    );
    expect(other.sleeps).toEqual([]);
  });

  it('sends the notice after 10 s all the same when the turn’s replies never show as gone, and counts it', async () => {
    const waiting = { lastInboundAt: NOW, awaited: { refs: ['wamid.PHOTO'], answered: false } };
    const h = harness({ recipient: waiting });
    expect(await h.delivery.deliver(item({ type: 'text', text: 'Photo checked' }, 'wamid.PHOTO#answer'))).toBe('sent');
    expect(h.sleeps.reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(h.metrics).toContain('NoticesBeforeTheirTurn');
  });

  it('reads the citizen again when the read failed, so that trying the reply again can send it', async () => {
    const h = harness({ failingReads: [0] });
    await expect(h.delivery.deliver(text)).rejects.toThrow('Rate exceeded');
    expect(h.statuses.get(text.sk) ?? 'pending').toBe('pending');
    expect(await h.delivery.deliver(text)).toBe('sent');
    expect(h.sent).toHaveLength(1);

    // The same when a read made again while a notice waits for its turn fails.
    const submitted = { lastInboundAt: new Date(NOW.getTime() - 60_000), language: 'te' };
    const waiting = { ...submitted, awaited: { refs: ['AP-7YMHEWZDR6ZE'], answered: false } };
    const notice = harness({
      recipients: [waiting, { ...waiting, awaited: { ...waiting.awaited, answered: true } }],
      failingReads: [1],
    });
    const feeLink = item({ type: 'text', text: 'Pay ₹1,200 at this link' }, 'AP-7YMHEWZDR6ZE#fee');
    await expect(notice.delivery.deliver(feeLink)).rejects.toThrow('Rate exceeded');
    expect(await notice.delivery.deliver(feeLink)).toBe('sent');
    expect(notice.sent).toHaveLength(1);
  });

  it('sends a reply once, and skips a redelivered record whose item is already sent', async () => {
    const h = harness();
    expect(await h.delivery.deliver(text)).toBe('sent');
    expect(await h.delivery.deliver(text)).toBe('skipped');
    expect(h.sent).toHaveLength(1);
    expect(h.settled).toEqual([{ sk: text.sk, status: 'sent', details: { wamid: 'wamid.OUT1' } }]);
  });

  it('sends a turn’s reply without claiming or recording it, and records only its failure', async () => {
    const h = harness({ failures: [new FakeFailure(400, 131009)] });
    const ofTurn = (sk: string): OutboxItem => ({ ...text, sk, ofTurn: true });
    expect(await h.delivery.deliver(ofTurn('TURN#00'))).toBe('settled-failed');
    expect(await h.delivery.deliver(ofTurn('TURN#01'))).toBe('sent');
    expect(h.sent).toHaveLength(1);
    expect(h.statuses.has('TURN#01')).toBe(false);
    expect(h.settled).toEqual([
      { sk: 'TURN#00', status: 'failed', details: expect.objectContaining({ code: 131009 }) },
    ]);
  });

  it('skips the replies of a turn that an earlier delivery of its record recorded as sent', async () => {
    const h = harness({ recipient: { lastInboundAt: new Date(NOW.getTime() - 60_000), sentOfTurn: { TURN: 1 } } });
    expect(await h.delivery.deliver({ ...text, sk: 'TURN#00', ofTurn: true })).toBe('skipped');
    expect(await h.delivery.deliver({ ...text, sk: 'TURN#01', ofTurn: true })).toBe('sent');
    expect(h.sent).toHaveLength(1);
  });

  it("sends an application's attachment from the media bucket as a photo, by the media id of its upload", async () => {
    const photo = item({
      type: 'media',
      bucket: 'media',
      key: 'applications/AP-0000000000AB/site-plan',
      mediaType: 'image',
      caption: 'Application AP-0000000000AB: Site plan',
    });
    const h = harness();
    expect(await h.delivery.deliver(photo)).toBe('sent');
    expect(h.uploads).toEqual(['applications/AP-0000000000AB/site-plan']);
    expect(h.sent[0]).toMatchObject({ type: 'image', image: { id: 'media-2' } });
  });

  it('settles an attachment whose media has expired as failed, holding nothing back', async () => {
    const gone = item({
      type: 'media',
      bucket: 'media',
      key: 'applications/expired/site-plan',
      mediaType: 'document',
      filename: 'plan.pdf',
      caption: 'Site plan',
    });
    const h = harness();
    expect(await h.delivery.deliver(gone)).toBe('settled-failed');
    expect(h.sent).toEqual([]);
  });

  it('never puts a reply Meta accepted back to pending, even when recording it fails', async () => {
    const h = harness({ settleFails: true });
    expect(await h.delivery.deliver(text)).toBe('sent');
    expect(h.statuses.get(text.sk)).toBe('sending');
    // A redelivery finds the claim still held and waits for its lease instead of sending again.
    expect(await h.delivery.deliver(text)).toBe('held');
    expect(h.sent).toHaveLength(1);
    expect(h.errors).toContain('reply sent but not recorded as sent');
  });

  it('waits for the lease of a claim left by an invocation that died, then sends, never in parallel', async () => {
    const h = harness({ heldForMs: 30_000 });
    expect(await h.delivery.deliver(text)).toBe('sent');
    expect(h.sleeps[0]).toBeGreaterThanOrEqual(30_000);
    expect(h.sent).toHaveLength(1);
    expect(await harness({ heldForMs: 120_000 }).delivery.deliver(text)).toBe('held');
  });

  it('backs off with jitter on 130429 and retries until it goes', async () => {
    const h = harness({ failures: [new FakeFailure(400, 130429), new FakeFailure(400, 130429)] });
    expect(await h.delivery.deliver(text)).toBe('sent');
    expect(h.sleeps).toHaveLength(2);
    expect(h.sleeps[1]!).toBeGreaterThan(h.sleeps[0]!);
  });

  it('hands 130429 back to the stream when it persists, releasing the claim', async () => {
    const h = harness({ failures: Array.from({ length: 4 }, () => new FakeFailure(400, 130429)) });
    expect(await h.delivery.deliver(text)).toBe('retry-later');
    expect(h.statuses.get(text.sk)).toBe('pending');
  });

  it('slows down for the citizen on 131056: waits at least a second, then paces their next message', async () => {
    const h = harness({ failures: [new FakeFailure(400, 131056)] });
    expect(await h.delivery.deliver(text)).toBe('sent');
    expect(h.sleeps[0]!).toBeGreaterThanOrEqual(1000);
    const before = h.sleeps.length;
    expect(await h.delivery.deliver(item({ type: 'text', text: 'next' }, 'wamid.IN#02'))).toBe('sent');
    expect(h.sleeps.length).toBe(before + 1);
    // …and keeps it for the sender's later invocations, for five minutes.
    expect(h.slowDowns).toEqual([{ waId: text.waId, until: new Date(NOW.getTime() + 5 * 60_000) }]);
  });

  it('paces a citizen in a later invocation while the recorded slow-down lasts, and not after', async () => {
    const lastInboundAt = new Date(NOW.getTime() - 60_000);
    const slowed = harness({ recipient: { lastInboundAt, pacedUntil: new Date(NOW.getTime() + 60_000) } });
    expect(await slowed.delivery.deliver(text)).toBe('sent');
    expect(slowed.sleeps).toEqual([1000]);
    const lapsed = harness({ recipient: { lastInboundAt, pacedUntil: new Date(NOW.getTime() - 1) } });
    expect(await lapsed.delivery.deliver(text)).toBe('sent');
    expect(lapsed.sleeps).toEqual([]);
  });

  it('sends the approved template with the text as its parameter on 131047', async () => {
    const h = harness({ failures: [new FakeFailure(400, 131047)] });
    expect(await h.delivery.deliver(text)).toBe('sent');
    expect(h.sent[0]).toMatchObject({
      type: 'template',
      template: {
        name: 'mitra_update',
        language: { code: 'te' },
        components: [{ type: 'body', parameters: [{ type: 'text', text: 'Your application is received.' }] }],
      },
    });
    expect(h.metrics).toContain('TemplateFallbacks');
  });

  it('sends the template straight away when the table says the window closed, a document in its header', async () => {
    const h = harness({ recipient: { lastInboundAt: new Date(NOW.getTime() - 25 * 3600_000), language: 'en' } });
    const document = item({
      type: 'document',
      archiveKey: 'certificates/2026/11/28/c.pdf',
      filename: 'c.pdf',
      caption: 'Your certificate',
    });
    expect(await h.delivery.deliver(document)).toBe('sent');
    expect(h.uploads).toEqual(['certificates/2026/11/28/c.pdf']);
    expect(h.sent[0]).toMatchObject({
      type: 'template',
      template: {
        name: 'mitra_document',
        components: [
          { type: 'header', parameters: [{ type: 'document', document: { id: 'media-1', filename: 'c.pdf' } }] },
          { type: 'body', parameters: [{ type: 'text', text: 'Your certificate' }] },
        ],
      },
    });
  });

  it("sends an officer's decision notice outside the window as the template with Approve / Reject quick replies", async () => {
    const h = harness({ recipient: { lastInboundAt: new Date(NOW.getTime() - 25 * 3600_000), language: 'en' } });
    const notice = item({
      type: 'buttons',
      body: 'Application AP-0123456789AB needs your decision.\nService: Caste certificate',
      buttons: [
        { id: 'decide:approve:AP-0123456789AB', title: 'Approve' },
        { id: 'decide:reject:AP-0123456789AB', title: 'Reject' },
      ],
      closedWindow: { template: 'decision' },
    });
    expect(await h.delivery.deliver(notice)).toBe('sent');
    expect(h.sent[0]).toMatchObject({
      type: 'template',
      template: {
        name: 'mitra_decision',
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Application AP-0123456789AB needs your decision. · Service: Caste certificate' },
            ],
          },
          {
            type: 'button',
            sub_type: 'quick_reply',
            index: '0',
            parameters: [{ type: 'payload', payload: 'decide:approve:AP-0123456789AB' }],
          },
          {
            type: 'button',
            sub_type: 'quick_reply',
            index: '1',
            parameters: [{ type: 'payload', payload: 'decide:reject:AP-0123456789AB' }],
          },
        ],
      },
    });
  });

  it('sends a reply queued again after a failed status with 131047 as the template, window open or not', async () => {
    const h = harness();
    expect(await h.delivery.deliver({ ...text, sk: 'wamid.IN#01#template', templateOnly: true })).toBe('sent');
    expect(h.sent[0]).toMatchObject({ type: 'template', template: { name: 'mitra_update' } });
  });

  it('records 131026 as undeliverable, with a metric, and never retries it', async () => {
    const h = harness({ failures: [new FakeFailure(400, 131026)] });
    expect(await h.delivery.deliver(text)).toBe('settled-failed');
    expect(h.settled[0]).toMatchObject({ status: 'undeliverable', details: { code: 131026 } });
    expect(h.metrics).toContain('RepliesFailed');
    expect(h.sleeps).toEqual([]);
  });

  it('sends to a username user by recipient, and fails a reply Meta will not take for their id (131062) for good', async () => {
    const bsuid = 'IN.2739184650192837';
    const toUsername = { ...text, pk: `OUTBOX#${bsuid}`, waId: bsuid };
    const ok = harness();
    expect(await ok.delivery.deliver(toUsername)).toBe('sent');
    expect(ok.sent[0]).toMatchObject({ recipient: bsuid, type: 'text' });
    expect(ok.sent[0]).not.toHaveProperty('to');

    const h = harness({ failures: [new FakeFailure(400, 131062)] });
    expect(await h.delivery.deliver(toUsername)).toBe('settled-failed');
    expect(h.settled[0]).toMatchObject({
      status: 'failed',
      details: { code: 131062, reason: 'business-scoped user id not supported' },
    });
    expect(h.errors[0]).toMatch(/does not take a business-scoped user id for this message; it needs a phone number/);
    expect(h.sleeps).toEqual([]);
    expect(h.sent).toEqual([]);
  });

  it('retries a 5xx, and hands it back to the stream when it persists', async () => {
    expect(await harness({ failures: [new FakeFailure(503, 2)] }).delivery.deliver(text)).toBe('sent');
    const h = harness({ failures: Array.from({ length: 3 }, () => new FakeFailure(500, undefined)) });
    expect(await h.delivery.deliver(text)).toBe('retry-later');
  });

  it('logs an auth failure loudly, counts it for the alarm, and keeps the reply for later', async () => {
    const h = harness({ failures: [new FakeFailure(401, 190)] });
    expect(await h.delivery.deliver(text)).toBe('retry-later');
    expect(h.metrics).toContain('GraphAuthFailures');
    expect(h.errors.join(' ')).toMatch(/AUTHENTICATION FAILED/);
    expect(h.statuses.get(text.sk)).toBe('pending');
  });

  it('never sends what breaks a limit cutting cannot fix, and says so', async () => {
    const h = harness();
    const buttons = item({
      type: 'buttons',
      body: 'Pick',
      buttons: ['a', 'b', 'c', 'd'].map((id) => ({ id, title: id })),
    });
    expect(await h.delivery.deliver(buttons)).toBe('settled-failed');
    expect(h.sent).toEqual([]);
    expect(h.settled[0]).toMatchObject({ status: 'failed', details: { reason: 'over Meta limits' } });
  });

  it('cuts an over-long text at a grapheme boundary before sending', async () => {
    const h = harness();
    await h.delivery.deliver(item({ type: 'text', text: 'శ్రీ'.repeat(2000) }));
    const body = (h.sent[0] as { text: { body: string } }).text.body;
    expect(body.length).toBeLessThanOrEqual(4096);
    expect(body.endsWith('శ్రీ…')).toBe(true);
  });

  it('marks the citizen’s message read with the reply that answers it, once the item is claimed', async () => {
    const h = harness();
    const answer = { ...text, readReceipt: 'wamid.IN' };
    expect(await h.delivery.deliver(answer)).toBe('sent');
    expect(await h.delivery.deliver(answer)).toBe('skipped');
    expect(h.sent).toHaveLength(2);
    expect(h.sent).toContainEqual(expect.objectContaining({ status: 'read', message_id: 'wamid.IN' }));
    expect(h.sent).toContainEqual(expect.objectContaining({ type: 'text' }));
    expect(h.settled).toEqual([{ sk: text.sk, status: 'sent', details: { wamid: 'wamid.OUT2' } }]);
  });

  it('sends the reply even when Meta refuses its read receipt', async () => {
    const h = harness({ failures: [new FakeFailure(400, 100)] });
    expect(await h.delivery.deliver({ ...text, readReceipt: 'wamid.IN' })).toBe('sent');
    expect(h.sent).toEqual([expect.objectContaining({ type: 'text' })]);
    expect(h.settled).toEqual([{ sk: text.sk, status: 'sent', details: { wamid: 'wamid.OUT1' } }]);
    expect(h.metrics).toContain('ReadReceiptsFailed');
  });

  it('does not hold replies back for a read receipt Meta refuses', async () => {
    const h = harness({ failures: [new FakeFailure(400, 100)] });
    expect(await h.delivery.deliver(item({ type: 'read-receipt', messageId: 'wamid.IN' }))).toBe('settled-failed');
  });
});

describe('a grievance resolution outside the 24-hour window', () => {
  const closed = { recipient: { lastInboundAt: new Date(NOW.getTime() - 25 * 3600_000), language: 'en' } };
  const photo = 'applications/AP-0123456789AB/resolution-photo';

  it("sends the resolution as its template with the officer's photo in the header and the rating as quick replies", async () => {
    const h = harness(closed);
    const notice = item(resolutionNotice('AP-0123456789AB', 'Fuse replaced; supply restored.', 'en', photo));
    expect(await h.delivery.deliver(notice)).toBe('sent');
    expect(h.uploads).toEqual([photo]);
    const template = h.sent[0]!.template as { name: string; components: Record<string, unknown>[] };
    expect(template.name).toBe('mitra_grievance_resolved_photo');
    expect(template.components[0]).toEqual({
      type: 'header',
      parameters: [{ type: 'image', image: { id: 'media-2' } }],
    });
    expect(template.components[1]).toEqual({
      type: 'body',
      parameters: [
        { type: 'text', text: 'AP-0123456789AB' },
        { type: 'text', text: 'Fuse replaced; supply restored.' },
      ],
    });
    expect(template.components.slice(2).map((c) => (c.parameters as { payload: string }[])[0]!.payload)).toEqual([
      'grievance:rate-1:AP-0123456789AB',
      'grievance:rate-2:AP-0123456789AB',
      'grievance:rate-3:AP-0123456789AB',
      'grievance:rate-4:AP-0123456789AB',
      'grievance:rate-5:AP-0123456789AB',
      'grievance:reopen:AP-0123456789AB',
    ]);
  });

  it('does not send the photo on its own there, since the template carries it, and says nothing is wrong', async () => {
    const h = harness(closed);
    const alone = item(resolutionPhoto('AP-0123456789AB', photo, 'en'));
    expect(await h.delivery.deliver(alone)).toBe('skipped');
    expect(h.sent).toEqual([]);
    expect(h.errors).toEqual([]);
    expect(h.metrics).not.toContain('RepliesFailed');
    // Within the window it goes as the photo it is.
    const open = harness();
    expect(await open.delivery.deliver(alone)).toBe('sent');
    expect(open.sent[0]).toMatchObject({ type: 'image', image: { id: 'media-2' } });
  });

  it('skips the photo too when Meta, not the table, says the window has closed', async () => {
    const h = harness({ failures: [new FakeFailure(400, 131047)], recipient: { language: 'en' } });
    expect(await h.delivery.deliver(item(resolutionPhoto('AP-0123456789AB', photo, 'en')))).toBe('skipped');
    expect(h.errors).toEqual([]);
  });
});
