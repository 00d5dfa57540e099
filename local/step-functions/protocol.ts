import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as z from 'zod';
import { SfnApiError } from './errors.ts';
import type { Log } from './task-runner.ts';

export type Operation = (input: unknown) => Promise<object> | object;

const TARGET_PREFIX = 'AWSStepFunctions.';
const CONTENT_TYPE = 'application/x-amz-json-1.0';
// Execution input and task output are limited to 256 KiB; JSON escaping can at most sextuple that.
const MAX_BODY_BYTES = 2 * 1024 * 1024;

interface JsonProtocolServer {
  endpoint: string;
  close(): Promise<void>;
}

/**
 * The AWS JSON 1.0 protocol as Step Functions speaks it: POST /, the operation in `X-Amz-Target`, JSON in and out,
 * errors as 400 with `{ "__type", "message" }` (which the SDK maps to its exception classes). Signatures are not
 * checked. Only an SfnApiError's or a schema's message reaches the caller; anything else is a logged 500.
 */
export async function serveJsonProtocol(
  host: string,
  port: number,
  operations: Record<string, Operation>,
  log: Log,
): Promise<JsonProtocolServer> {
  const server = createServer((request, response) => {
    void handle(request, response, operations, log);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    endpoint: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // The SDK keeps connections alive; close() alone would wait for them to time out.
        server.closeAllConnections();
      }),
  };
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  operations: Record<string, Operation>,
  log: Log,
): Promise<void> {
  const requestId = randomUUID();
  const target = String(request.headers['x-amz-target'] ?? '');
  try {
    if (request.method !== 'POST') throw new SfnApiError('UnknownOperationException', 'Only POST is supported');
    const name = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
    const operation = Object.hasOwn(operations, name) ? operations[name] : undefined;
    if (!operation) {
      throw new SfnApiError('UnknownOperationException', `Unknown operation: '${target}'`);
    }
    const body = await readBody(request);
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      throw new SfnApiError('SerializationException', 'The request body is not valid JSON');
    }
    send(response, 200, requestId, await operation(input));
  } catch (error) {
    if (error instanceof SfnApiError) {
      send(
        response,
        error.code === 'RequestEntityTooLarge' ? 413 : 400,
        requestId,
        { __type: error.code, message: error.message },
        error.code,
      );
    } else if (error instanceof z.ZodError) {
      send(
        response,
        400,
        requestId,
        { __type: 'ValidationException', message: z.prettifyError(error) },
        'ValidationException',
      );
    } else {
      log('local Step Functions request failed', {
        target,
        requestId,
        error: error instanceof Error ? error.stack : String(error),
      });
      send(response, 500, requestId, { __type: 'InternalFailure', message: 'Internal error' }, 'InternalFailure');
    }
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new SfnApiError('RequestEntityTooLarge', 'The request body is too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, status: number, requestId: string, body: object, errorType?: string): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': CONTENT_TYPE,
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': requestId,
    ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
  });
  response.end(text);
}
