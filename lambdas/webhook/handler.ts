import { timingSafeEqual } from 'node:crypto';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { now } from '#adapters/clock.ts';
import { personalDataKey, turnContext } from '#adapters/conversation-context.ts';
import { ConversationStore } from '#adapters/conversation-store.ts';
import { DeliveryStatuses } from '#adapters/delivery-status.ts';
import { optionalEnv, requireEnv } from '#adapters/env.ts';
import { GraphApi, GraphApiError } from '#adapters/graph-api.ts';
import { errorResponse, type HttpResult, header, json, rawBody, text } from '#adapters/http.ts';
import { MediaStore } from '#adapters/media-store.ts';
import { countMetric } from '#adapters/metrics.ts';
import { lookUpPayments } from '#adapters/payment-gateway.ts';
import { PaymentSettlement } from '#adapters/payment-settlement.ts';
import { logger } from '#adapters/powertools.ts';
import { Reminders, reminderSchedulingFromEnv } from '#adapters/reminders.ts';
import { type Heard, HttpSpeechService } from '#adapters/speech.ts';
import { whatsAppConfig } from '#adapters/whatsapp-config.ts';
import { startApplicationWorkflow } from '#adapters/workflows.ts';
import { catalog } from '#core/catalog/catalog.ts';
import { converse } from '#core/conversation/converse.ts';
import type { InboundMessage } from '#core/conversation/messages.ts';
import { ConflictError, UnusableInputError } from '#core/errors.ts';
import { fulfilmentOf, holderNameOf, WORKFLOW_KINDS, workflowArnVariable } from '#core/fulfilment/registry.ts';
import { applicationAttachments } from '#core/grievances/photos.ts';
import { maskPhone } from '#core/masking.ts';
import type { Reminder } from '#core/reminders/reminder.ts';
import { isValidSignature } from '#core/whatsapp/signature.ts';
import {
  type DeliveryStatus,
  type InboundMedia,
  type PaymentStatusUpdate,
  readWebhook,
  type WebhookContents,
} from '#core/whatsapp/webhook-payload.ts';

const store = new ConversationStore(requireEnv('TABLE_NAME'));
const deliveryStatuses = new DeliveryStatuses(requireEnv('TABLE_NAME'));
/** Each workflow kind's state machine: an application starts in the one of its service's kind. */
const workflowArns = new Map(WORKFLOW_KINDS.map((kind) => [kind, requireEnv(workflowArnVariable(kind))]));
const config = await whatsAppConfig();
const verifyToken = requireEnv('WHATSAPP_VERIFY_TOKEN');
const services = catalog();
const settlement = new PaymentSettlement(requireEnv('TABLE_NAME'));
const reminders = new Reminders(requireEnv('TABLE_NAME'));
const reminderScheduling = reminderSchedulingFromEnv();
// Within the function's 10 s timeout, with room for the turn: a slow media fetch fails and Meta redelivers.
const media = new MediaStore(requireEnv('MEDIA_BUCKET'), new GraphApi(config, 4000), personalDataKey());
/** Voice notes are transcribed where a speech service is configured; elsewhere the citizen is asked to type. */
const speechEndpoint = optionalEnv('SPEECH_ENDPOINT');
const speech = speechEndpoint && speechEndpoint !== 'unconfigured' ? new HttpSpeechService(speechEndpoint) : undefined;

/**
 * A turn that loses a write race is re-applied to the fresh session; this many times at most. Ten messages from one
 * citizen at once need up to ten rounds, and DynamoDB may also cancel a round for a transaction in flight.
 */
const MAX_ATTEMPTS = 40;
/** Backoff between re-applications: full jitter, growing to this cap, so racing turns spread out. */
const CONFLICT_BACKOFF_CAP_MS = 400;

async function handle(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  // The function's URL takes any path; Meta is given /webhook (lib/webhook-url.ts).
  if (event.rawPath !== '/webhook') return json(404, { message: 'not found' });
  const method = event.requestContext.http.method;
  if (method === 'GET') return handshake(event);
  if (method !== 'POST') return json(405, { message: 'method not allowed' });

  const body = rawBody(event);
  if (!isValidSignature(body, header(event, 'x-hub-signature-256'), config.appSecret)) {
    logger.warn('webhook rejected: missing or wrong signature', { bytes: body.length });
    return json(401, { message: 'invalid signature' });
  }
  let payload: unknown;
  try {
    payload = JSON.parse(body.toString('utf8'));
  } catch {
    return json(400, { message: 'body is not JSON' });
  }

  const contents = readWebhook(payload, config.phoneNumberId, now());
  logUnapplied(contents);
  try {
    // Media first: a turn is committed only once what the citizen sent is safe in our bucket. A voice note is
    // transcribed from the bytes kept, and its turn is the turn of what it said.
    const heard = new Map(await Promise.all(contents.media.map(keepMedia)).then((kept) => kept.flat()));
    const messages = contents.messages.map((message) => asVoiceNote(message, heard));
    // A citizen's messages in one delivery apply in their order, and a later status never overtakes an earlier
    // one; different citizens go in parallel.
    await inOrderPerCitizen(messages, (message) => message.waId, applyMessage);
    await inOrderPerCitizen(contents.statuses, (status) => status.recipient, recordStatus);
    for (const update of contents.payments) await settlePaymentStatus(update);
  } catch (error) {
    // Nothing of a failed message was written: Meta retries the delivery, and dedupe keeps the rest exactly-once.
    return errorResponse(error);
  }
  return json(200, { received: contents.messages.length + contents.statuses.length + contents.payments.length });
}

async function inOrderPerCitizen<T>(items: T[], citizen: (item: T) => string, apply: (item: T) => Promise<void>) {
  await Promise.all(
    [...Map.groupBy(items, citizen).values()].map(async (ofOneCitizen) => {
      for (const item of ofOneCitizen) await apply(item);
    }),
  );
}

async function recordStatus(status: DeliveryStatus): Promise<void> {
  const outcome = await deliveryStatuses.record(status);
  if (status.status !== 'failed') return;
  countMetric('DeliveryFailed', 1, { errorCodes: status.errorCodes.join(',') });
  logger.warn('message delivery failed', {
    messageId: status.messageId,
    waId: maskPhone(status.recipient),
    errors: status.errors,
    outboxSk: outcome.outbox?.sk,
    resentAsTemplate: outcome.resentAsTemplate,
  });
}

/** Applications are the orders Mitra sends: any other reference is not ours to settle. */
const APPLICATION_ID = /^AP-[0-9A-Z]{12}$/;

/**
 * A payment status of one of our orders (paid inside WhatsApp) is a claim, settled only as the gateway's lookup
 * states it: a status the lookup contradicts changes nothing but the log. The gateway's own callback may have
 * settled the same payment already; settling is exactly-once either way. A lookup that fails answers Meta an error,
 * so the status comes again.
 */
async function settlePaymentStatus(update: PaymentStatusUpdate): Promise<void> {
  const { referenceId, transactionId, status } = update;
  if (!APPLICATION_ID.test(referenceId) || !transactionId || status === 'pending') {
    logger.info('payment status noted', { referenceId, status, transactionId });
    return;
  }
  const confirmed = (await lookUpPayments(referenceId)).find((payment) => payment.paymentId === transactionId);
  if (confirmed?.status !== status) {
    countMetric('PaymentStatusContradicted');
    logger.warn('payment status not confirmed by the gateway', {
      referenceId,
      transactionId,
      claimed: status,
      gateway: confirmed?.status ?? 'no such payment',
    });
  }
  if (confirmed?.status === 'captured') {
    const result = await settlement.captured({ orderId: referenceId, ...confirmed });
    logger.info('in-chat payment settled', { referenceId, transactionId, result });
  } else if (confirmed?.status === 'failed') {
    await settlement.failed(referenceId, confirmed.paymentId);
  }
}

/** Keeps one media item; for a voice note, also what the speech service heard, by message id. */
async function keepMedia(item: InboundMedia): Promise<[string, Heard][]> {
  try {
    const kept = await media.keep(item);
    logger.info('inbound media kept', { messageId: item.messageId, mediaType: item.mediaType, key: kept.key });
    if (item.mediaType !== 'audio') return [];
    const heard = speech ? await speech.transcribe(kept) : undefined;
    countMetric(heard ? 'VoiceNoteHeard' : 'VoiceNoteNotHeard');
    return [[item.messageId, heard]];
  } catch (error) {
    // Meta's failures and a missing bucket are worth Meta's retry of the whole delivery; a media id Meta refuses is not.
    if (error instanceof GraphApiError && (error.action === 'rejected' || error.action === 'undeliverable')) {
      logger.error('inbound media could not be fetched; the message is applied without it', {
        messageId: item.messageId,
        code: error.code,
        httpStatus: error.httpStatus,
      });
      countMetric('InboundMediaLost');
      return [];
    }
    throw error;
  }
}

/** An audio message is a voice note: with the transcript when the speech service made it out. */
function asVoiceNote(message: InboundMessage, heard: Map<string, Heard>): InboundMessage {
  const { content } = message;
  if (content.type !== 'media' || content.mediaType !== 'audio') return message;
  const transcript = heard.get(message.messageId)?.transcript;
  return { ...message, content: { type: 'voice', mediaId: content.mediaId, ...(transcript ? { transcript } : {}) } };
}

/** Everything in the delivery that is not a turn: logged, some of it loudly, never retried by Meta. */
function logUnapplied(contents: WebhookContents): void {
  for (const ignored of contents.ignored) {
    // A message left out is a turn the citizen will not get an answer to: worth a look, never worth Meta's retry.
    if (ignored.field === 'messages') logger.warn('webhook message dropped', { ...ignored });
    else logger.info('webhook part ignored', { ...ignored });
  }
  for (const notice of contents.notices) logger.info('notice received', { ...notice, waId: maskPhone(notice.waId) });
  for (const error of contents.errors) logger.warn('WhatsApp reported an error', { ...error });
  for (const change of contents.templateChanges) {
    const troubling =
      ['REJECTED', 'PAUSED', 'DISABLED', 'FLAGGED'].includes(change.event ?? '') ||
      (change.newCategory !== undefined && change.newCategory !== 'UTILITY');
    if (troubling) {
      countMetric('TemplateProblems');
      logger.error('a message template changed in a way that stops notices', { ...change });
    } else {
      logger.info('message template update', { ...change });
    }
  }
}

function handshake(event: APIGatewayProxyEventV2): HttpResult {
  const query = event.queryStringParameters ?? {};
  const token = Buffer.from(query['hub.verify_token'] ?? '');
  const expected = Buffer.from(verifyToken);
  const matches =
    query['hub.mode'] === 'subscribe' && token.length === expected.length && timingSafeEqual(token, expected);
  return matches ? text(200, query['hub.challenge'] ?? '') : json(403, { message: 'verification failed' });
}

async function applyMessage(message: InboundMessage): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const session = await store.loadSession(message.waId);
    const context = await turnContext(session, message, now());
    const turn = converse(session, message, services, now(), context);
    try {
      const outcome = await store.commitTurn(session, message, turn, now());
      if (outcome.result === 'duplicate') logger.info('duplicate delivery', { messageId: message.messageId });
      for (const effect of outcome.effects) {
        if (effect.type === 'schedule-reminders') {
          await scheduleReminders(effect.reminders);
          continue;
        }
        if (effect.type !== 'start-application') {
          logger.info('effect left to its handler', { type: effect.type });
          continue;
        }
        const { takenUp } = fulfilmentOf(effect.application.serviceKind);
        const workflow = effect.application.workflow ?? (takenUp.by === 'workflow' ? takenUp.workflow : undefined);
        if (!workflow) continue;
        const { serviceId, values } = effect.application;
        const service = services.services.find((s) => s.id === serviceId);
        const holder = service ? holderNameOf(service, values, message.profileName) : (message.profileName ?? '');
        const attachments = service ? applicationAttachments(service, values) : [];
        await media.retainAttachments(
          effect.application.applicationId,
          attachments.map(({ field, key }) => ({ fieldId: field.id, key })),
        );
        await startApplicationWorkflow(workflowArns.get(workflow)!, effect.application, holder);
        logger.info('application started', {
          applicationId: effect.application.applicationId,
          serviceId: effect.application.serviceId,
        });
      }
      return;
    } catch (error) {
      if (error instanceof UnusableInputError) {
        // Meta would redeliver it for a week to the same refusal, holding nothing else back but filling the logs.
        countMetric('MessagesDropped');
        logger.error('webhook message dropped: the table refuses its turn', {
          messageId: message.messageId,
          waId: maskPhone(message.waId),
          error: error.cause as Error,
        });
        return;
      }
      if (!(error instanceof ConflictError) || attempt >= MAX_ATTEMPTS) throw error;
      logger.debug('turn re-applied after a concurrent write', { waId: maskPhone(message.waId), attempt });
      await new Promise((resolve) =>
        setTimeout(resolve, Math.random() * Math.min(CONFLICT_BACKOFF_CAP_MS, 5 * 2 ** attempt)),
      );
    }
  }
}

/**
 * A turn's reminders (remembered bills' due dates), after the turn is written: a redelivered message performs its
 * recorded effects again, and scheduling is repeatable, so a crash between the two loses none and doubles none.
 */
async function scheduleReminders(due: Reminder[]): Promise<void> {
  for (const reminder of due) {
    await reminders.schedule(reminder, reminderScheduling);
    logger.info('reminder scheduled', { reminderId: reminder.reminderId, about: reminder.about, at: reminder.at });
  }
}

export const handler = middy(handle).use(injectLambdaContext(logger));
