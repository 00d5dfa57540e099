import { describe, expect, it } from 'vitest';
import { isServiceBusy, retryableWhenBusy } from '#adapters/aws-errors.ts';
import { ServiceBusyError, ValidationError } from '#core/errors.ts';

const sdkError = (name: string, httpStatusCode: number, extra: object = {}) =>
  Object.assign(new Error(name), { name, $metadata: { httpStatusCode }, ...extra });

describe('a busy AWS service, told apart from a wrong request', () => {
  it('counts throttling, 429 and 5xx (a HEAD answered 503 has only the name Unknown) as busy', () => {
    expect(isServiceBusy(sdkError('SlowDown', 503))).toBe(true);
    expect(isServiceBusy(sdkError('Unknown', 503))).toBe(true);
    expect(isServiceBusy(sdkError('ThrottlingException', 400))).toBe(true);
    expect(isServiceBusy(sdkError('ProvisionedThroughputExceededException', 400))).toBe(true);
    expect(isServiceBusy(sdkError('TooManyRequests', 429))).toBe(true);
    expect(isServiceBusy(sdkError('InternalServerError', 500))).toBe(true);
    expect(isServiceBusy(sdkError('Anything', 400, { $retryable: { throttling: true } }))).toBe(true);
  });

  it('does not count a refused request, a missing object or a bug as busy', () => {
    expect(isServiceBusy(sdkError('ConditionalCheckFailedException', 400))).toBe(false);
    expect(isServiceBusy(sdkError('NotFound', 404))).toBe(false);
    expect(isServiceBusy(sdkError('AccessDenied', 403))).toBe(false);
    expect(isServiceBusy(new ValidationError('bad input'))).toBe(false);
    expect(isServiceBusy('SlowDown')).toBe(false);
  });

  it('fails a workflow task with ServiceBusyError, the name its Retry names, and leaves other errors as they were', async () => {
    const busy = await retryableWhenBusy(() => Promise.reject(sdkError('Unknown', 503))).catch((e: unknown) => e);
    expect(busy).toBeInstanceOf(ServiceBusyError);
    expect((busy as Error).name).toBe('ServiceBusyError');
    expect((busy as Error).message).toBe('Unknown: Unknown');
    const wrong = new ValidationError('bad input');
    await expect(retryableWhenBusy(() => Promise.reject(wrong))).rejects.toBe(wrong);
    await expect(retryableWhenBusy(async () => 'issued')).resolves.toBe('issued');
  });
});
