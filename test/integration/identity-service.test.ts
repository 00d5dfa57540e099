import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationQueries } from '#adapters/application-queries.ts';
import { HttpIdentityService, IdentityServiceError } from '#adapters/identity.ts';
import { OfficerRegistry } from '#adapters/officers.ts';
import { loadTurnContext } from '#adapters/turn-context.ts';
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
    const { txnId } = await service.requestOtp('234567890124');
    const otp = identity.lastOtp('234567890124')!;
    expect(otp).toMatch(/^\d{6}$/);
    expect(await service.verifyOtp(txnId, otp === '000000' ? '111111' : '000000')).toBe(false);
    expect(await service.verifyOtp(txnId, otp)).toBe(true);
    expect(await service.verifyOtp('no-such-transaction', otp)).toBe(false);
  });

  it('lets an OTP expire after 10 minutes', async () => {
    const service = new HttpIdentityService(endpoint);
    const { txnId } = await service.requestOtp('345678901238');
    const otp = identity.lastOtp('345678901238')!;
    now = new Date(now.getTime() + 11 * 60_000);
    expect(await service.verifyOtp(txnId, otp)).toBe(false);
  });

  it('refuses a number that is not an Aadhaar number, as an error of the service', async () => {
    await expect(new HttpIdentityService(endpoint).requestOtp('123')).rejects.toBeInstanceOf(IdentityServiceError);
  });

  it('turns an unreachable identity service into an answer the conversation handles', async () => {
    const session = {
      ...newSession('919000000001'),
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
      },
      session,
      message,
      now,
    );
    expect(context.otpRequest).toEqual({ ok: false });
    expect(context.applications).toBeUndefined();
  });
});
