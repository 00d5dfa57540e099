import { describe, expect, it } from 'vitest';
import { createFaultInjector } from '../../local/whatsapp/faults.ts';
import { metaError, unsupportedRequest } from '../../local/whatsapp/meta-errors.ts';
import { boundaryOf, parseMultipart } from '../../local/whatsapp/multipart.ts';

describe('Meta error JSON', () => {
  it('answers a WhatsApp error with the (#code) title, OAuthException, error_data and fbtrace_id', () => {
    const error = metaError(131009, 'interactive.action.button is 21 characters long');
    expect(error.status).toBe(400);
    expect(error.body).toEqual({
      error: {
        message: '(#131009) Parameter value is not valid',
        type: 'OAuthException',
        code: 131009,
        error_data: { messaging_product: 'whatsapp', details: 'interactive.action.button is 21 characters long' },
        fbtrace_id: expect.stringMatching(/^[A-Za-z0-9]+$/),
      },
    });
    expect(Object.keys(error.body.error)).toEqual(['message', 'type', 'code', 'error_data', 'fbtrace_id']);
  });

  it.each([
    [130429, 400, '(#130429) Rate limit hit'],
    [131056, 400, '(#131056) (Business Account, Consumer Account) pair rate limit hit'],
    [131047, 400, '(#131047) Re-engagement message'],
    [131026, 400, '(#131026) Message Undeliverable'],
    [131000, 500, '(#131000) Something went wrong'],
  ])('code %i answers HTTP %i with "%s"', (code, status, message) => {
    const error = metaError(code);
    expect(error.status).toBe(status);
    expect(error.body.error).toMatchObject({ code, message, type: 'OAuthException' });
    expect(error.body.error.error_data?.details).toBeTruthy();
  });

  it('answers 190 as a 401 OAuthException without error_data, with the OAuth challenge header', () => {
    const error = metaError(190);
    expect(error.status).toBe(401);
    expect(error.body.error).toMatchObject({ code: 190, type: 'OAuthException' });
    expect(error.body.error.error_data).toBeUndefined();
    expect(error.headers?.['www-authenticate']).toContain('invalid_token');
  });

  it('maps the 500 alias to Graph code 1 and code 2 to a transient 503', () => {
    expect(metaError(500)).toMatchObject({
      status: 500,
      body: { error: { code: 1, message: 'An unknown error occurred' } },
    });
    expect(metaError(2)).toMatchObject({
      status: 503,
      body: { error: { code: 2, message: 'Service temporarily unavailable', is_transient: true } },
    });
  });

  it('describes an unknown object like Graph does', () => {
    expect(unsupportedRequest('get', '42').body.error).toMatchObject({ code: 100, error_subcode: 33 });
    expect(unsupportedRequest('get', '42').body.error.message).toContain("Object with ID '42' does not exist");
  });
});

describe('fault injector', () => {
  it('answers the next N sends, optionally for one recipient only', () => {
    const faults = createFaultInjector();
    faults.inject({ code: 131056, times: 2, waId: '919876543210' });
    faults.inject({ code: 130429 });
    expect(faults.take('911111111111')).toBe(130429);
    expect(faults.take('911111111111')).toBeUndefined();
    expect(faults.take('919876543210')).toBe(131056);
    expect(faults.take('919876543210')).toBe(131056);
    expect(faults.take('919876543210')).toBeUndefined();
    expect(() => faults.inject({ code: 1, times: 0 })).toThrow(RangeError);
  });
});

describe('multipart reader', () => {
  it('reads fields and a binary file the way fetch’s FormData writes them', async () => {
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x0d, 0x0a, 0x00, 0xff, 0x2d, 0x2d]);
    const form = new FormData();
    form.set('messaging_product', 'whatsapp');
    form.set('type', 'application/pdf');
    form.set('file', new Blob([bytes], { type: 'application/pdf' }), 'certificate.pdf');
    const request = new Request('http://localhost/', { method: 'POST', body: form });
    const boundary = boundaryOf(request.headers.get('content-type') ?? undefined);
    expect(boundary).toBeTruthy();
    const parts = parseMultipart(Buffer.from(await request.arrayBuffer()), boundary!);
    expect(parts.map((p) => p.name)).toEqual(['messaging_product', 'type', 'file']);
    expect(parts[2]).toMatchObject({ filename: 'certificate.pdf', contentType: 'application/pdf' });
    expect(Buffer.compare(parts[2]!.data, bytes)).toBe(0);
  });
});
