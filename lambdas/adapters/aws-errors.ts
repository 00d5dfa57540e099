import { ServiceBusyError } from '#core/errors.ts';

/** The error codes AWS services answer when they want the caller to slow down (as the SDK's retry classifies them). */
const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'RequestThrottledException',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'TransactionInProgressException',
  'RequestLimitExceeded',
  'BandwidthLimitExceeded',
  'LimitExceededException',
  'RequestThrottled',
  'SlowDown',
  'PriorRequestNotComplete',
]);

/**
 * Whether an AWS SDK error is the service being busy or failing for a while, not the request being wrong: a
 * throttling code, HTTP 429 or 5xx (a HEAD's 503 has no body, so the SDK names it only `Unknown`), or what the SDK
 * itself marks retryable.
 */
export function isServiceBusy(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { $retryable, $metadata } = error as { $retryable?: unknown; $metadata?: { httpStatusCode?: number } };
  const status = $metadata?.httpStatusCode ?? 0;
  return $retryable !== undefined || status === 429 || status >= 500 || THROTTLING.has(error.name);
}

/**
 * Runs a workflow task and answers a busy AWS service as ServiceBusyError, the error name the state machine
 * retries; any other error is thrown as it was.
 */
export async function retryableWhenBusy<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (error) {
    if (!isServiceBusy(error)) throw error;
    const { name, message } = error as Error;
    throw new ServiceBusyError(`${name}: ${message}`, { cause: error });
  }
}
