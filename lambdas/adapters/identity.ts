import { MitraError } from '#core/errors.ts';

/** The identity service could not be reached or answered out of contract. */
export class IdentityServiceError extends MitraError {}

/**
 * Aadhaar OTP authentication, as a department adapter: the state's authentication user agency (AUA) sends a one-time
 * password to the mobile number linked with an Aadhaar number and checks it. Mitra never keeps the number; the
 * adapter passes it through once per request.
 */
export interface IdentityService {
  /** Sends an OTP; answers the transaction id the check must quote. */
  requestOtp(aadhaar: string): Promise<{ txnId: string }>;
  /** True when the OTP is the one sent in that transaction and has not expired. */
  verifyOtp(txnId: string, otp: string): Promise<boolean>;
}

const TIMEOUT_MS = 4000;

/**
 * The identity service over HTTP at a configured endpoint (IDENTITY_ENDPOINT): `POST {endpoint}/otp {aadhaar}` →
 * `{txnId}`, and `POST {endpoint}/otp/verify {txnId, otp}` → `{valid}`. The embedded runtime serves the same API with
 * simulated OTPs; in AWS the endpoint is the AUA's gateway (or a Lambda in front of it).
 */
export class HttpIdentityService implements IdentityService {
  constructor(private readonly endpoint: string) {}

  async requestOtp(aadhaar: string): Promise<{ txnId: string }> {
    const body = (await this.post('/otp', { aadhaar })) as { txnId?: unknown };
    if (typeof body.txnId !== 'string') throw new IdentityServiceError('identity service answered without txnId');
    return { txnId: body.txnId };
  }

  async verifyOtp(txnId: string, otp: string): Promise<boolean> {
    const body = (await this.post('/otp/verify', { txnId, otp })) as { valid?: unknown };
    return body.valid === true;
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
