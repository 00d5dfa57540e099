import { createHash } from 'node:crypto';
import { MitraError } from '#core/errors.ts';

export interface OtpCheck {
  valid: boolean;
  uidToken?: string;
}

/** The identity service could not be reached or answered out of contract. */
export class IdentityServiceError extends MitraError {}

/**
 * Aadhaar OTP authentication, as a department adapter: the state's authentication user agency (AUA) sends a one-time
 * password to the mobile number linked with an Aadhaar number and checks it. Mitra never keeps the number; the
 * adapter passes it through once per request.
 */
export interface IdentityService {
  /**
   * Sends an OTP; answers the transaction id the check must quote. The caller names the request (`requestId`, see
   * {@link otpRequestId}) so that asking again with the same id answers the same transaction instead of sending a
   * second OTP that would supersede the first.
   */
  requestOtp(aadhaar: string, requestId: string): Promise<{ txnId: string }>;
  /**
   * Valid when the OTP is the one sent in that transaction and has not expired; then also the UID token, the
   * pseudonymous per-agency token Aadhaar authentication returns, which the state's records are keyed by.
   */
  verifyOtp(txnId: string, otp: string): Promise<OtpCheck>;
}

const TIMEOUT_MS = 4000;

/**
 * The request id for the OTP a citizen's message asks for. One message is one request however often it is handled:
 * Meta delivers a message more than once (sometimes several deliveries at the same moment) and the webhook re-applies
 * a turn after a concurrent write, and each of those must answer the OTP already sent rather than send another.
 *
 * Derived from the WhatsApp message id rather than the id itself: the identity provider keeps request ids in its own
 * logs, and a hash there cannot be joined with Meta's records of the citizen's messages. It is also a fixed 32
 * lowercase hex characters, whatever length and alphabet Meta's ids have.
 */
export function otpRequestId(messageId: string): string {
  return createHash('sha256').update(`mitra:otp-request:${messageId}`).digest('hex').slice(0, 32);
}

/**
 * The identity service over HTTP at a configured endpoint (IDENTITY_ENDPOINT): `POST {endpoint}/otp {aadhaar,
 * requestId}` → `{txnId}` (the same txnId, and no new OTP, for a requestId already served; 409 when the requestId was
 * used with another Aadhaar number), and `POST {endpoint}/otp/verify {txnId, otp}` → `{valid}`. The embedded runtime
 * serves the same API with simulated OTPs; in AWS the endpoint is the AUA's gateway (or a Lambda in front of it).
 */
export class HttpIdentityService implements IdentityService {
  constructor(private readonly endpoint: string) {}

  async requestOtp(aadhaar: string, requestId: string): Promise<{ txnId: string }> {
    const body = (await this.post('/otp', { aadhaar, requestId })) as { txnId?: unknown };
    if (typeof body.txnId !== 'string') throw new IdentityServiceError('identity service answered without txnId');
    return { txnId: body.txnId };
  }

  async verifyOtp(txnId: string, otp: string): Promise<OtpCheck> {
    const body = (await this.post('/otp/verify', { txnId, otp })) as { valid?: unknown; uidToken?: unknown };
    if (body.valid !== true) return { valid: false };
    return typeof body.uidToken === 'string' && /^[A-Za-z0-9_-]{20,100}$/.test(body.uidToken)
      ? { valid: true, uidToken: body.uidToken }
      : { valid: true };
  }

  private async post(path: string, payload: unknown): Promise<unknown> {
    const response = await fetch(`${this.endpoint.replace(/\/$/, '')}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) throw new IdentityServiceError(`identity service answered ${response.status} on ${path}`);
    return response.json();
  }
}
