import type { Claim, OutboxItem, OutboxStatus, Recipient } from '#adapters/outbox.ts';
import { maskPhone } from '#core/masking.ts';
import { carriedByAnother, type ReplyTemplates, templateInstead, windowOpen } from '#core/whatsapp/customer-window.ts';
import { fitReply, type OutboundReply } from '#core/whatsapp/limits.ts';
import { backoffMs, type ErrorAction } from '#core/whatsapp/meta-errors.ts';
import { graphPayload } from '#core/whatsapp/outbound.ts';
import { turnReplyPlace } from '#core/whatsapp/turn-replies.ts';

/** A Graph API failure as the sender sees it: Meta's code and what to do about it. */
export interface SendFailure extends Error {
  code: number | undefined;
  httpStatus: number;
  action: ErrorAction;
}

export interface DeliveryDependencies {
  claim(item: OutboxItem): Promise<Claim>;
  release(item: OutboxItem, lastError: string): Promise<void>;
  settle(
    item: OutboxItem,
    status: Exclude<OutboxStatus, 'pending' | 'sending' | 'parked'>,
    details: object,
  ): Promise<void>;
  recipient(waId: string): Promise<Recipient>;
  /** Keeps a citizen's pacing for the sender's later invocations (each stream batch is a new one). */
  slowDown(waId: string, until: Date): Promise<void>;
  /** POST /messages; answers the wamid (none for a read receipt). Throws a SendFailure. */
  send(payload: Record<string, unknown>): Promise<string | undefined>;
  /** The archived PDF, uploaded to /media; answers the media id. Throws a SendFailure. */
  uploadDocument(archiveKey: string, filename: string): Promise<string>;
  /**
   * A citizen's media from the media bucket, uploaded to /media; answers the media id, or undefined when the object
   * is gone (expired, or never kept). Throws a SendFailure.
   */
  uploadMedia(key: string, filename: string | undefined): Promise<string | undefined>;
  isSendFailure(error: unknown): error is SendFailure;
  templates: ReplyTemplates;
  now(): Date;
  sleep(ms: number): Promise<void>;
  random(): number;
  metric(name: string, properties?: Record<string, string | number>): void;
  log: {
    info(message: string, details?: object): void;
    warn(message: string, details?: object): void;
    error(message: string, details?: object): void;
  };
}

/** In-process retries before the record goes back to the stream (which retries it, in order, later). */
const RETRY_POLICY = {
  throttled: { attempts: 4, baseMs: 250, capMs: 4000 },
  transient: { attempts: 3, baseMs: 200, capMs: 2000 },
  /** Meta's pair rate is about one message every 6 s per citizen in bursts. */
  pairRate: { attempts: 3, baseMs: 1000, capMs: 6000 },
} as const;

/** How far apart messages to a citizen go once Meta said we were too quick for them (131056)… */
const PAIR_PACING_MS = 1000;
/** …and for how long after Meta said so. */
const PAIR_PACING_WINDOW_MS = 5 * 60_000;

/** How long a notice waits for the replies of the turn that started its work, and how often it looks again. */
const TURN_ANSWER_WAIT_MS = 10_000;
const TURN_ANSWER_POLL_MS = 250;

/** The longest the sender waits for a lapsing claim within one invocation (its timeout is 60 s). */
const MAX_LEASE_WAIT_MS = 40_000;

/**
 * `retry-later`: the reply cannot go now and is pending again (the caller parks it for a redrive); `held`: another
 * invocation holds its claim, so the stream should hand it over again later.
 */
export type Outcome = 'sent' | 'skipped' | 'settled-failed' | 'retry-later' | 'held';

/** The media a reply would send is no longer in the bucket: no retry brings it back. */
class MediaGone extends Error {}

/**
 * Sends outbox items one by one, in the order given. Each item is claimed first (so a redelivered record whose
 * item is already sent is skipped, never sent twice), brought within Meta's limits, sent as a template when the
 * citizen's 24-hour window is closed, and settled with what happened. Meta's errors are handled by code.
 */
export function createDelivery(deps: DeliveryDependencies) {
  const recipients = new Map<string, Promise<Recipient>>();
  const pacing = new Map<string, number>();
  /**
   * Reads the citizen, keeping the read for the invocation. A read that failed (DynamoDB busy) is not kept: the reply's
   * next attempt reads again.
   */
  const readRecipient = (waId: string) => {
    const read = deps.recipient(waId);
    recipients.set(waId, read);
    read.catch(() => {
      if (recipients.get(waId) === read) recipients.delete(waId);
    });
    return read;
  };
  const recipient = (waId: string) => recipients.get(waId) ?? readRecipient(waId);

  /**
   * Waits out the pacing of a citizen Meta told us to slow down for: in this invocation, from the last send; after
   * it, for the pacing window recorded in the table.
   */
  const paced = async (waId: string) => {
    const next = pacing.get(waId);
    if (next === undefined) {
      const { pacedUntil } = await recipient(waId);
      if (!pacedUntil || pacedUntil <= deps.now()) return;
      await deps.sleep(PAIR_PACING_MS);
    } else {
      const wait = next - Date.now();
      if (wait > 0) await deps.sleep(wait);
    }
    pacing.set(waId, Date.now() + PAIR_PACING_MS);
  };

  async function sendOnce(item: OutboxItem, reply: OutboundReply): Promise<string | undefined> {
    await paced(item.waId);
    if (reply.type === 'document') {
      const mediaId = await deps.uploadDocument(reply.archiveKey, reply.filename);
      return deps.send(graphPayload(item.waId, reply, mediaId));
    }
    if (reply.type === 'media') {
      const mediaId = await deps.uploadMedia(reply.key, reply.filename);
      if (mediaId === undefined) throw new MediaGone(`media ${reply.key} is no longer kept`);
      return deps.send(graphPayload(item.waId, reply, mediaId));
    }
    if (reply.type === 'template' && reply.document) {
      const mediaId = await deps.uploadDocument(reply.document.archiveKey, reply.document.filename);
      return deps.send(graphPayload(item.waId, reply, mediaId));
    }
    if (reply.type === 'template' && reply.image) {
      const mediaId = await deps.uploadMedia(reply.image.key, undefined);
      if (mediaId === undefined) throw new MediaGone(`media ${reply.image.key} is no longer kept`);
      return deps.send(graphPayload(item.waId, reply, mediaId));
    }
    return deps.send(graphPayload(item.waId, reply));
  }

  /** Sends with the in-process retries of RETRY_POLICY; throws the last failure when they are used up. */
  async function sendWithRetries(item: OutboxItem, reply: OutboundReply): Promise<string | undefined> {
    const tries = { throttled: 0, transient: 0, pairRate: 0 };
    for (;;) {
      try {
        return await sendOnce(item, reply);
      } catch (error) {
        if (!deps.isSendFailure(error)) throw error;
        const kind =
          error.action === 'throttled'
            ? 'throttled'
            : error.action === 'transient'
              ? 'transient'
              : error.action === 'pair-rate'
                ? 'pairRate'
                : undefined;
        if (!kind) throw error;
        if (kind === 'pairRate') {
          pacing.set(item.waId, Date.now() + PAIR_PACING_MS);
          await deps.slowDown(item.waId, new Date(deps.now().getTime() + PAIR_PACING_WINDOW_MS));
        }
        const policy = RETRY_POLICY[kind];
        if (++tries[kind] >= policy.attempts) throw error;
        const wait =
          kind === 'pairRate'
            ? policy.baseMs * 2 ** (tries[kind] - 1) + backoffMs(0, policy.baseMs, policy.capMs, deps.random)
            : backoffMs(tries[kind], policy.baseMs, policy.capMs, deps.random);
        deps.log.warn('Graph API asked us to slow down; retrying', {
          waId: maskPhone(item.waId),
          sk: item.sk,
          code: error.code,
          httpStatus: error.httpStatus,
          waitMs: Math.min(wait, policy.capMs),
        });
        await deps.sleep(Math.min(wait, policy.capMs));
      }
    }
  }

  /** The reply as it goes now: itself, or its template outside the window; undefined when another's carries it. */
  async function prepare(item: OutboxItem): Promise<OutboundReply | undefined> {
    const { reply } = item;
    if (reply.type === 'read-receipt' || reply.type === 'template') return reply;
    const { lastInboundAt, language } = await recipient(item.waId);
    // Only a known, closed window sends the template first; otherwise Meta's 131047 decides (at once, or later in a
    // failed status, after which the webhook queues the reply again as templateOnly).
    if (item.templateOnly || (lastInboundAt && !windowOpen(lastInboundAt, deps.now()))) {
      if (carriedByAnother(reply)) return undefined;
      const template = templateInstead(reply, deps.templates, language ?? 'en');
      if (template) {
        deps.metric('TemplateFallbacks', { reason: item.templateOnly ? 'failed status 131047' : 'window closed' });
        return template;
      }
    }
    return reply;
  }

  async function settleFailed(
    item: OutboxItem,
    status: 'failed' | 'undeliverable',
    details: Record<string, unknown>,
  ): Promise<Outcome> {
    await deps.settle(item, status, details);
    deps.metric('RepliesFailed', { status, ...(typeof details.code === 'number' ? { code: details.code } : {}) });
    deps.log.error(status === 'undeliverable' ? 'reply undeliverable' : 'reply failed for good', {
      waId: maskPhone(item.waId),
      sk: item.sk,
      ...details,
    });
    return 'settled-failed';
  }

  /**
   * Delivers one item; 'retry-later' means: this citizen's replies stop here until a redrive. A turn's reply is not
   * claimed (its record is handed over again only when the batch says so, after its progress is recorded): only the
   * replies of its turn that the progress shows as sent are skipped.
   */
  async function deliver(item: OutboxItem): Promise<Outcome> {
    if (item.ofTurn) {
      const { turn, index } = turnReplyPlace(item.sk);
      if (index < ((await recipient(item.waId)).sentOfTurn?.[turn] ?? 0)) {
        deps.log.info('reply of the turn sent by an earlier delivery of its record; not sent again', { sk: item.sk });
        return 'skipped';
      }
      return sendWithReceipt(item);
    }
    await afterItsTurn(item);
    let claim = await deps.claim(item);
    if (!claim.claimed && claim.status === 'sending' && claim.leaseUntil) {
      // Held by an invocation that died mid-item: wait for its lease to lapse rather than send it in parallel.
      const wait = Date.parse(claim.leaseUntil) - deps.now().getTime();
      if (wait <= MAX_LEASE_WAIT_MS) {
        await deps.sleep(Math.max(0, wait) + 50);
        claim = await deps.claim(item);
      }
    }
    if (!claim.claimed) {
      if (claim.status === 'sending') return 'held';
      deps.log.info('outbox item already settled; not sent again', { sk: item.sk, status: claim.status });
      return 'skipped';
    }
    return sendWithReceipt(item);
  }

  /**
   * A notice of work the citizen's latest turn started (their application's fee link, its officer, a photo's check)
   * waits until that turn's replies went, so "Your application … will decide by …" comes first: the stream keeps order
   * only per item, and a workflow's notice is another item than the session that carries the turn's replies. Read
   * again every 250 ms, for at most 10 s; past that it goes, and the overtaking is logged.
   */
  async function afterItsTurn(item: OutboxItem): Promise<void> {
    const waits = (known: Recipient) =>
      known.awaited?.answered === false && known.awaited.refs.some((ref) => item.sk.startsWith(`${ref}#`));
    if (!waits(await recipient(item.waId))) return;
    for (let look = 0; look < TURN_ANSWER_WAIT_MS / TURN_ANSWER_POLL_MS; look++) {
      await deps.sleep(TURN_ANSWER_POLL_MS);
      if (!waits(await readRecipient(item.waId))) return;
    }
    deps.metric('NoticesBeforeTheirTurn');
    deps.log.warn('notice sent before the replies of the turn that started its work', { sk: item.sk });
  }

  async function sendWithReceipt(item: OutboxItem): Promise<Outcome> {
    // The read receipt goes beside the reply, not before it: one wait on the Graph API for both.
    const receipt = item.readReceipt ? markRead(item, item.readReceipt) : undefined;
    try {
      return await sendClaimed(item);
    } finally {
      await receipt;
    }
  }

  /** Marks the citizen's message read; a receipt that cannot go is not worth holding their reply back for. */
  async function markRead(item: OutboxItem, messageId: string): Promise<void> {
    try {
      await deps.send(graphPayload(item.waId, { type: 'read-receipt', messageId }));
    } catch (error) {
      deps.metric('ReadReceiptsFailed');
      deps.log.warn('read receipt not sent', { sk: item.sk, error: (error as Error).message });
    }
  }

  /** Outside the window, a reply whose content another reply's template carries is settled without sending. */
  async function settleCarried(item: OutboxItem): Promise<Outcome> {
    await deps.settle(item, 'failed', { reason: 'window closed; another reply’s template carries it' });
    deps.log.info('outside the 24-hour window another reply’s template carries this one; not sent', { sk: item.sk });
    return 'skipped';
  }

  async function sendClaimed(item: OutboxItem): Promise<Outcome> {
    const prepared = await prepare(item);
    if (prepared === undefined) return settleCarried(item);
    let reply = prepared;
    for (let swapped = reply !== item.reply; ; ) {
      const { reply: fitted, problems } = fitReply(reply);
      if (problems.length > 0) return settleFailed(item, 'failed', { reason: 'over Meta limits', problems });
      try {
        const wamid = await sendWithRetries(item, fitted);
        await recordSent(item, fitted, wamid);
        return 'sent';
      } catch (error) {
        if (error instanceof MediaGone) return settleFailed(item, 'failed', { reason: error.message });
        if (!deps.isSendFailure(error)) {
          await release(item, (error as Error).message).catch(() => undefined);
          throw error;
        }
        const details = { code: error.code, httpStatus: error.httpStatus, error: error.message };
        if (item.reply.type === 'read-receipt' && error.action !== 'auth') {
          // A read receipt that cannot go is not worth holding the citizen's replies back for.
          await deps.settle(item, 'failed', details);
          return 'settled-failed';
        }
        switch (error.action) {
          case 'window-closed': {
            if (carriedByAnother(reply)) return settleCarried(item);
            const template = swapped ? undefined : templateInstead(reply, deps.templates, await languageOf(item));
            if (!template) return settleFailed(item, 'failed', { ...details, reason: 'window closed' });
            deps.metric('TemplateFallbacks', { reason: '131047' });
            deps.log.info('24-hour window closed; sending the approved template instead', {
              waId: maskPhone(item.waId),
              sk: item.sk,
              template: template.name,
            });
            reply = template;
            swapped = true;
            continue;
          }
          case 'undeliverable':
            return settleFailed(item, 'undeliverable', details);
          case 'needs-phone-number':
            deps.log.error('Meta does not take a business-scoped user id for this message; it needs a phone number', {
              waId: maskPhone(item.waId),
              sk: item.sk,
              type: reply.type,
              ...(reply.type === 'template' ? { template: reply.name } : {}),
            });
            return settleFailed(item, 'failed', { ...details, reason: 'business-scoped user id not supported' });
          case 'rejected':
            return settleFailed(item, 'failed', details);
          case 'auth':
            deps.metric('GraphAuthFailures', { code: error.code ?? error.httpStatus });
            deps.log.error('GRAPH API AUTHENTICATION FAILED: the WhatsApp access token is invalid or expired', {
              ...details,
              action: 'renew the system user token in the WhatsApp secret, then redrive the parked replies',
            });
            await release(item, error.message);
            return 'retry-later';
          default:
            await release(item, error.message);
            deps.log.warn('reply will be parked and redriven', {
              waId: maskPhone(item.waId),
              sk: item.sk,
              ...details,
            });
            return 'retry-later';
        }
      }
    }
  }

  /**
   * After Meta accepted the message, nothing may put it back to pending (that would send it twice): a failure to
   * record is logged, and a claim left unsettled lapses only after its lease.
   */
  async function recordSent(item: OutboxItem, fitted: OutboundReply, wamid: string | undefined): Promise<void> {
    // A turn's reply that went is written nowhere: only failures are.
    if (item.ofTurn) return;
    try {
      // The wamid is kept on the item: a failed status Meta reports later finds the item by it.
      await deps.settle(item, 'sent', {
        ...(wamid ? { wamid } : {}),
        ...(fitted.type === 'template' ? { template: fitted.name } : {}),
      });
    } catch (error) {
      deps.log.error('reply sent but not recorded as sent', { sk: item.sk, wamid, error: (error as Error).message });
    }
  }

  /** A claimed item goes back to pending; a turn's reply was never claimed. */
  async function release(item: OutboxItem, lastError: string): Promise<void> {
    if (!item.ofTurn) await deps.release(item, lastError);
  }

  async function languageOf(item: OutboxItem): Promise<string> {
    return (await recipient(item.waId)).language ?? 'en';
  }

  return { deliver, recipient };
}
