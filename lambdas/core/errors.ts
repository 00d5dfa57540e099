/**
 * The error hierarchy. Only a ClientError's message reaches a caller (as a 4xx); anything else becomes a generic
 * 500 and its details stay in the log.
 */
export class MitraError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class ClientError extends MitraError {
  constructor(
    readonly statusCode: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export class ConfigurationError extends MitraError {}

/** A conditional write lost a race; the caller reloads and tries again. */
export class ConflictError extends MitraError {}

/** Input that breaks one of our own closed schemas (workflow input, catalog file, record). */
export class ValidationError extends MitraError {}

/** Input that no retry will make usable (the table refuses the item): the caller drops it and logs why. */
export class UnusableInputError extends MitraError {}

/**
 * An AWS service that stayed busy (throttling, 5xx) through the SDK's own retries: nothing was wrong with the
 * request, so the workflow retries the step (every step is idempotent) and the sender tries the reply again.
 */
export class ServiceBusyError extends MitraError {}
