import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A failure answered in place of a call: the status, headers and body the real service sends for it. */
export interface ProxiedFailure {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** DynamoDB refusing a request for its rate: the SDK retries it with backoff, as it does in AWS. */
export const DYNAMODB_THROTTLED: ProxiedFailure = {
  status: 400,
  headers: { 'content-type': 'application/x-amz-json-1.0' },
  body: JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#ThrottlingException', message: 'Rate exceeded' }),
};

/** S3 asking the caller to slow down (503 SlowDown): retried by the SDK. */
export const S3_SLOW_DOWN: ProxiedFailure = {
  status: 503,
  headers: { 'content-type': 'application/xml' },
  body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>',
};

/**
 * A loopback proxy in front of an emulator that answers `failure` instead of forwarding while `failing()` says so:
 * the call never reaches the emulator, as a throttled call never reaches the table. Everything else passes untouched.
 */
export async function startFaultProxy(
  target: string,
  failing: () => boolean,
  failure: ProxiedFailure,
  host = '127.0.0.1',
): Promise<{ endpoint: string; failed(): number; close(): Promise<void> }> {
  const to = new URL(target);
  let failed = 0;
  const server = createServer((req, res) => {
    if (failing()) {
      failed += 1;
      req.resume();
      res.writeHead(failure.status, { ...failure.headers, 'content-length': Buffer.byteLength(failure.body) });
      res.end(failure.body);
      return;
    }
    const upstream = request(
      { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((done) => server.listen(0, host, done));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://${host}:${port}`,
    failed: () => failed,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
