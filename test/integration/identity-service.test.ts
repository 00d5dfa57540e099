import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationQueries } from '#adapters/application-queries.ts';
import { HttpIdentityService, IdentityServiceError, otpRequestId } from '#adapters/identity.ts';
import { OfficerRegistry } from '#adapters/officers.ts';
import { loadTurnContext } from '#adapters/turn-context.ts';
import { catalog } from '#core/catalog/catalog.ts';
import { DEFAULT_SETTINGS } from '#core/conversation/context.ts';
import { newSession } from '#core/conversation/session.ts';
import { createLocalIdentity } from '../../local/identity/index.ts';

// The identity adapter against the embedded runtime's identity service, over HTTP as in AWS.

let now = new Date('2026-11-28T10:00:00Z');
const identity = createLocalIdentity({ now: () => now });
let server: Server;
let endpoint: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    void identity.handle(req, res, url).then((handled) => handled || res.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/identity`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('Aadhaar OTP identity adapter', () => {
  it('sends an OTP the simulator can read, and checks it', async () => {
    const service = new HttpIdentityService(endpoint);
    const { txnId } = await service.requestOtp('234567890124', otpRequestId('wamid.first'));
    const otp = identity.lastOtp('234567890124')!;
    expect(otp).toMatch(/^\d{6}$/);
    expect(await service.verifyOtp(txnId, otp === '000000' ? '111111' : '000000')).toEqual({ valid: false });
    // A valid OTP answers the UID token too: the same for the same Aadhaar number, and not the number itself.
    const check = await service.verifyOtp(txnId, otp);
    expect(check).toMatchObject({ valid: true, uidToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    expect(check.uidToken).not.toContain('234567890124');
    expect(await service.verifyOtp('no-such-transaction', otp)).toEqual({ valid: false });
  });

  it('lets an OTP expire after 10 minutes', async () => {
    const service = new HttpIdentityService(endpoint);
    const { txnId } = await service.requestOtp('345678901238', otpRequestId('wamid.expiring'));
    const otp = identity.lastOtp('345678901238')!;
    now = new Date(now.getTime() + 11 * 60_000);
    expect(await service.verifyOtp(txnId, otp)).toEqual({ valid: false });
  });

  it('refuses a number that is not an Aadhaar number, as an error of the service', async () => {
    await expect(
      new HttpIdentityService(endpoint).requestOtp('123', otpRequestId('wamid.short')),
    ).rejects.toBeInstanceOf(IdentityServiceError);
  });

  it('answers a repeated request with the same transaction and sends no second OTP, so the first OTP still works', async () => {
    const service = new HttpIdentityService(endpoint);
    const requestId = otpRequestId('wamid.repeated');
    const first = await service.requestOtp('456789012341', requestId);
    const otp = identity.lastOtp('456789012341')!;
    const repeats = await Promise.all(Array.from({ length: 5 }, () => service.requestOtp('4567 8901 2341', requestId)));
    expect(repeats.map((r) => r.txnId)).toEqual(Array(5).fill(first.txnId));
    expect(identity.otpsSent('456789012341')).toBe(1);
    expect(identity.lastOtp('456789012341')).toBe(otp);
    expect(await service.verifyOtp(first.txnId, otp)).toMatchObject({ valid: true });

    // Another message of the same citizen is another request: a fresh OTP in a new transaction.
    const next = await service.requestOtp('456789012341', otpRequestId('wamid.retyped'));
    expect(next.txnId).not.toBe(first.txnId);
    expect(identity.otpsSent('456789012341')).toBe(2);
  });

  it('refuses a request id reused for another Aadhaar number with 409, sending that number nothing', async () => {
    const requestId = otpRequestId('wamid.reused');
    await new HttpIdentityService(endpoint).requestOtp('567890123458', requestId);
    const response = await fetch(`${endpoint}/otp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ aadhaar: '678901234560', requestId }),
    });
    expect(response.status).toBe(409);
    await expect(new HttpIdentityService(endpoint).requestOtp('678901234560', requestId)).rejects.toBeInstanceOf(
      IdentityServiceError,
    );
    expect(identity.otpsSent('678901234560')).toBe(0);
    expect(identity.lastOtp('678901234560')).toBeUndefined();
  });

  it('refuses a request without a request id', async () => {
    const response = await fetch(`${endpoint}/otp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ aadhaar: '789012345674' }),
    });
    expect(response.status).toBe(400);
    expect(identity.otpsSent('789012345674')).toBe(0);
  });

  it('derives a fixed-length request id from the message id that does not show the message id', () => {
    const id = otpRequestId('wamid.HBgMOTE5ODc2NTQzMjEwFQIAEhgUM0E0QjlGRjM2NjE2RTc5NjE2RjMA');
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(id).toBe(otpRequestId('wamid.HBgMOTE5ODc2NTQzMjEwFQIAEhgUM0E0QjlGRjM2NjE2RTc5NjE2RjMA'));
    expect(id).not.toBe(otpRequestId('wamid.HBgMOTE5ODc2NTQzMjEwFQIAEhgUM0E0QjlGRjM2NjE2RTc5NjE2RjMB'));
  });

  it('turns an unreachable identity service into an answer the conversation handles', async () => {
    const session = {
      ...newSession('919000000001'),
      language: 'en' as const,
      consentedAt: now.toISOString(),
      step: { name: 'identity-aadhaar' as const, purpose: { name: 'status' as const } },
    };
    const message = {
      messageId: 'wamid.x',
      waId: session.waId,
      sentAt: now,
      content: { type: 'text' as const, text: '234567890124' },
    };
    const context = await loadTurnContext(
      {
        settings: DEFAULT_SETTINGS,
        applications: new ApplicationQueries('unused'),
        officers: new OfficerRegistry('unused'),
        identity: new HttpIdentityService('http://127.0.0.1:9/identity'),
        catalog: catalog(),
      },
      session,
      message,
      now,
    );
    expect(context.otpRequest).toEqual({ ok: false });
    expect(context.applications).toBeUndefined();
  });
});
