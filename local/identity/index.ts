import { randomBytes, randomInt } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseAadhaar } from '../../lambdas/core/forms/aadhaar.ts';

/** How long a simulated OTP stays valid, as UIDAI's do. */
const OTP_VALID_MS = 10 * 60_000;

interface Transaction {
  aadhaar: string;
  otp: string;
  expiresAt: number;
}

export interface LocalIdentity {
  /** Serves `POST /identity/otp` and `POST /identity/otp/verify`; false for other paths. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
  /** The last OTP "sent" for an Aadhaar number, for `/sim/api/otp` (the simulated SMS). */
  lastOtp(aadhaar: string): string | undefined;
}

/**
 * The embedded runtime's stand-in for the Aadhaar OTP service (the identity adapter's endpoint): any Aadhaar number
 * with a valid check digit gets a random 6-digit OTP, readable by the simulator instead of arriving by SMS. Kept in
 * memory: a restart forgets pending OTPs, as a real OTP would expire.
 */
export function createLocalIdentity(options: { now: () => Date }): LocalIdentity {
  const transactions = new Map<string, Transaction>();
  const latest = new Map<string, string>();

  const reply = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  return {
    async handle(req, res, url) {
      if (!url.pathname.startsWith('/identity/')) return false;
      if (req.method !== 'POST') {
        reply(res, 405, { message: 'method not allowed' });
        return true;
      }
      const body = (await readJson(req)) as Record<string, unknown> | undefined;
      if (url.pathname === '/identity/otp') {
        const aadhaar = typeof body?.aadhaar === 'string' ? parseAadhaar(body.aadhaar) : undefined;
        if (!aadhaar) {
          reply(res, 400, { message: 'aadhaar must be 12 digits with a valid check digit' });
          return true;
        }
        const txnId = randomBytes(12).toString('hex');
        const otp = String(randomInt(0, 1_000_000)).padStart(6, '0');
        transactions.set(txnId, { aadhaar, otp, expiresAt: options.now().getTime() + OTP_VALID_MS });
        latest.set(aadhaar, otp);
        reply(res, 200, { txnId });
        return true;
      }
      if (url.pathname === '/identity/otp/verify') {
        const transaction = typeof body?.txnId === 'string' ? transactions.get(body.txnId) : undefined;
        const valid =
          transaction !== undefined &&
          transaction.expiresAt > options.now().getTime() &&
          typeof body?.otp === 'string' &&
          body.otp === transaction.otp;
        reply(res, 200, { valid });
        return true;
      }
      reply(res, 404, { message: 'Not Found' });
      return true;
    },
    lastOtp: (aadhaar) => latest.get(aadhaar.replace(/\s/g, '')),
  };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}
