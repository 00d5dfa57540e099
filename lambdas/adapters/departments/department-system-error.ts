import { MitraError } from '#core/errors.ts';

/**
 * A department system could not answer: unreachable, too slow, an error status, or an answer out of its contract.
 * The caller tells the citizen to try again later; the details stay in the log.
 */
export class DepartmentSystemError extends MitraError {
  constructor(
    readonly system: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(`${system}: ${message}`, options);
  }
}
