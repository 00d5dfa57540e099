import { timingSafeEqual } from 'node:crypto';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { now } from '#adapters/clock.ts';
import { ConversationStore } from '#adapters/conversation-store.ts';
import { requireEnv } from '#adapters/env.ts';
import { errorResponse, type HttpResult, header, json, rawBody, text } from '#adapters/http.ts';
import { logger } from '#adapters/powertools.ts';
import { whatsAppConfig } from '#adapters/whatsapp-config.ts';
import { startApplicationWorkflow } from '#adapters/workflows.ts';
import { catalog } from '#core/catalog/catalog.ts';
import { converse } from '#core/conversation/converse.ts';
import type { InboundMessage } from '#core/conversation/messages.ts';
import { ConflictError } from '#core/errors.ts';
import { maskPhone } from '#core/masking.ts';
import { isValidSignature } from '#core/whatsapp/signature.ts';
import { readWebhook } from '#core/whatsapp/webhook-payload.ts';

const store = new ConversationStore(requireEnv('TABLE_NAME'));
const workflowArn = requireEnv('CERTIFICATE_WORKFLOW_ARN');
const config = await whatsAppConfig();
const services = catalog();

/** A turn that loses a write race is re-applied to the fresh session; this many times at most. */
const MAX_ATTEMPTS = 12;

async function handle(event: APIGatewayProxyEventV2): Promise<HttpResult> {
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

  const contents = readWebhook(payload, config.phoneNumberId);
  for (const ignored of contents.ignored) logger.info('webhook part ignored', ignored);
  try {
    await Promise.all(contents.messages.map((message) => applyMessage(message)));
    await Promise.all(
      contents.statuses.map((status) => {
        if (status.status === 'failed')
          logger.warn('message delivery failed', { messageId: status.messageId, errorCodes: status.errorCodes });
        return store.recordDeliveryStatus(status.messageId, status.status, status.errorCodes, status.at);
      }),
    );
  } catch (error) {
    // Nothing of a failed message was written: Meta retries the delivery, and dedupe keeps the rest exactly-once.
    return errorResponse(error);
  }
  return json(200, { received: contents.messages.length + contents.statuses.length });
}

function handshake(event: APIGatewayProxyEventV2): HttpResult {
  const query = event.queryStringParameters ?? {};
  const token = Buffer.from(query['hub.verify_token'] ?? '');
  const expected = Buffer.from(config.verifyToken);
  const matches =
    query['hub.mode'] === 'subscribe' && token.length === expected.length && timingSafeEqual(token, expected);
  return matches ? text(200, query['hub.challenge'] ?? '') : json(403, { message: 'verification failed' });
}

async function applyMessage(message: InboundMessage): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const session = await store.loadSession(message.waId);
    const turn = converse(session, message, services, now());
    try {
      const outcome = await store.commitTurn(session, message, turn, now());
      if (outcome.result === 'duplicate') logger.info('duplicate delivery', { messageId: message.messageId });
      for (const effect of outcome.effects) {
        await startApplicationWorkflow(workflowArn, effect.application);
        logger.info('application started', {
          applicationId: effect.application.applicationId,
          serviceId: effect.application.serviceId,
        });
      }
      return;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= MAX_ATTEMPTS) throw error;
      logger.debug('turn re-applied after a concurrent write', { waId: maskPhone(message.waId), attempt });
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}

export const handler = middy(handle).use(injectLambdaContext(logger));
