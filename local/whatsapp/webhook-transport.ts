import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export type PostWebhook = (body: Buffer, headers: Record<string, string>) => Promise<{ status: number; body: string }>;

// Meta counts a delivery as failed when the webhook takes longer than this to answer.
const WEBHOOK_TIMEOUT_MS = 20_000;

/** POST the exact bytes, untouched: the signature covers them. */
export function postHttp(
  target: string,
  body: Buffer,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  const url = new URL(target);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      { method: 'POST', headers: { ...headers, 'content-length': String(body.length) }, timeout: WEBHOOK_TIMEOUT_MS },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`webhook did not answer within ${WEBHOOK_TIMEOUT_MS / 1000} s`)));
    req.on('error', reject);
    req.end(body);
  });
}
