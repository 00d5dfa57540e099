import { randomBytes, randomInt } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseAadhaar } from '../../lambdas/core/forms/aadhaar.ts';
import { readJsonBody, sendJsonBody } from '../json-io.ts';
import { localUidToken } from '../uid-token.ts';

/** How long a simulated OTP stays valid, as UIDAI's do. */
const OTP_VALID_MS = 10 * 60_000;
/**
 * How long a served request id keeps answering its transaction. The webhook asks again for every redelivery of the
 * citizen's message, and Meta redelivers for up to 7 days; forgetting sooner would send a stray OTP to a citizen whose
 * message was handled long ago.
 */
const REQUEST_MEMORY_MS = 7 * 24 * 60 * 60_000;
/** Beyond this many remembered requests the oldest are forgotten first, so the memory stays bounded. */
const MAX_REMEMBERED_REQUESTS = 10_000;
/** The requester's transaction names: short, printable and unambiguous in logs. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

interface Transaction {
  aadhaar: string;
  otp: string;
  expiresAt: number;
}

interface ServedRequest {
  aadhaar: string;
  txnId: string;
  forgetAt: number;
}

export interface LocalIdentity {
  /**
   * Serves `POST /identity/otp`, `POST /identity/otp/verify` and, for tests of the embedded runtime,
   * `GET /identity/otp/sent?aadhaar=` (how many OTPs were sent to that Aadhaar number); false for other paths.
   */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
  /** The last OTP "sent" for an Aadhaar number, for `/sim/api/otp` (the simulated SMS). */
  lastOtp(aadhaar: string): string | undefined;
  /** How many OTPs were "sent" for an Aadhaar number. */
  otpsSent(aadhaar: string): number;
}

/**
 * The embedded runtime's stand-in for the Aadhaar OTP service (the identity adapter's endpoint): any Aadhaar number
 * with a valid check digit gets a random 6-digit OTP, readable by the simulator instead of arriving by SMS. The
 * requester names each request; a request id already served answers its transaction again without sending another
 * OTP. Kept in memory: a restart forgets pending OTPs, as a real OTP would expire.
 */
export function createLocalIdentity(options: { now: () => Date }): LocalIdentity {
  const transactions = new Map<string, Transaction>();
  const served = new Map<string, ServedRequest>();
  const sent = new Map<string, { last: string; count: number }>();

  const reply = sendJsonBody;

  // Both maps are in insertion order, which is expiry order while the clock only moves forward.
  const forgetExpired = (now: number) => {
    for (const [txnId, transaction] of transactions) {
      if (transaction.expiresAt > now) break;
      transactions.delete(txnId);
    }
    for (const [requestId, request] of served) {
      if (request.forgetAt > now && served.size < MAX_REMEMBERED_REQUESTS) break;
      served.delete(requestId);
    }
  };

  const requestOtp = (res: ServerResponse, body: Record<string, unknown> | undefined) => {
    const aadhaar = typeof body?.aadhaar === 'string' ? parseAadhaar(body.aadhaar) : undefined;
    if (!aadhaar) return reply(res, 400, { message: 'aadhaar must be 12 digits with a valid check digit' });
    const requestId = body?.requestId;
    if (typeof requestId !== 'string' || !REQUEST_ID.test(requestId))
      return reply(res, 400, { message: 'requestId must be 1 to 64 letters, digits or . _ : -' });
    const now = options.now().getTime();
    forgetExpired(now);
    const earlier = served.get(requestId);
    if (earlier) {
      if (earlier.aadhaar !== aadhaar)
        return reply(res, 409, { message: 'requestId was already used for another Aadhaar number' });
      return reply(res, 200, { txnId: earlier.txnId });
    }
    const txnId = randomBytes(12).toString('hex');
    const otp = String(randomInt(0, 1_000_000)).padStart(6, '0');
    transactions.set(txnId, { aadhaar, otp, expiresAt: now + OTP_VALID_MS });
    served.set(requestId, { aadhaar, txnId, forgetAt: now + REQUEST_MEMORY_MS });
    sent.set(aadhaar, { last: otp, count: (sent.get(aadhaar)?.count ?? 0) + 1 });
    reply(res, 200, { txnId });
  };

  const otpsSent = (aadhaar: string) => sent.get(aadhaar.replace(/\s/g, ''))?.count ?? 0;

  return {
    async handle(req, res, url) {
      if (!url.pathname.startsWith('/identity/')) return false;
      if (req.method === 'GET' && url.pathname === '/identity/otp/sent') {
        const aadhaar = (url.searchParams.get('aadhaar') ?? '').replace(/\s/g, '');
        reply(res, 200, { aadhaar, sent: otpsSent(aadhaar) });
        return true;
      }
      if (req.method !== 'POST') {
        reply(res, 405, { message: 'method not allowed' });
        return true;
      }
      const body = (await readJsonBody(req)) as Record<string, unknown> | undefined;
      if (url.pathname === '/identity/otp') {
        requestOtp(res, body);
        return true;
      }
      if (url.pathname === '/identity/otp/verify') {
        const transaction = typeof body?.txnId === 'string' ? transactions.get(body.txnId) : undefined;
        const valid =
          transaction !== undefined &&
          transaction.expiresAt > options.now().getTime() &&
          typeof body?.otp === 'string' &&
          body.otp === transaction.otp;
        // A valid OTP also answers the UID token, as Aadhaar authentication does: the key of the state's records.
        reply(res, 200, valid ? { valid, uidToken: localUidToken(transaction.aadhaar) } : { valid });
        return true;
      }
      reply(res, 404, { message: 'Not Found' });
      return true;
    },
    lastOtp: (aadhaar) => sent.get(aadhaar.replace(/\s/g, ''))?.last,
    otpsSent,
  };
}
