import type { IncomingMessage, ServerResponse } from 'node:http';

/** Request bodies the local back ends (identity, payments, records) accept: small JSON documents. */
const MAX_BODY_BYTES = 64 * 1024;

/** The request's JSON body, or undefined when it is not JSON or is larger than any of these APIs takes. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}

export function sendJsonBody(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
