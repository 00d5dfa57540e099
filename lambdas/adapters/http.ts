import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ClientError } from '#core/errors.ts';
import { logger } from './powertools.ts';

export type HttpResult = APIGatewayProxyStructuredResultV2;

/** The body exactly as the client sent it: API Gateway base64-encodes bodies it does not treat as text. */
export function rawBody(event: APIGatewayProxyEventV2): Buffer {
  if (event.body === undefined) return Buffer.alloc(0);
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
}

export function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
  // API Gateway v2 lower-cases header names; the embedded runtime does the same.
  return event.headers?.[name.toLowerCase()];
}

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResult {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}

export function text(statusCode: number, body: string, contentType = 'text/plain; charset=utf-8'): HttpResult {
  return { statusCode, headers: { 'content-type': contentType }, body };
}

/** Only a ClientError's message reaches the caller; anything else is a generic 500 with the details logged. */
export function errorResponse(error: unknown): HttpResult {
  if (error instanceof ClientError) return json(error.statusCode, { message: error.message });
  logger.error('request failed', { error: error as Error });
  return json(500, { message: 'internal error' });
}

/** A handler of HTTP routes: the logger's context on every request, and every error answered as `errorResponse` says. */
export const httpHandler = (route: (event: APIGatewayProxyEventV2) => Promise<HttpResult>) =>
  middy(async (event: APIGatewayProxyEventV2) => {
    try {
      return await route(event);
    } catch (error) {
      return errorResponse(error);
    }
  }).use(injectLambdaContext(logger));
