import { StateMachine } from 'aws-local-stepfunctions';

/**
 * An error the API answers with 400 and `{ "__type": code, "message": ... }`, the shape the real SFNClient turns
 * into its typed exceptions (ExecutionAlreadyExists, TaskDoesNotExist, ...).
 */
export class SfnApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

/**
 * A task failure as Step Functions records it. aws-local-stepfunctions matches Retry and Catch on `name` and puts
 * `message` into the Catch output's `Cause`, so `name` is the Error and `message` the Cause.
 */
export class TaskFailure extends Error {
  constructor(error: string, cause: string) {
    super(cause);
    this.name = error;
  }
}

/**
 * States.Runtime: in AWS it matches no Retry or Catch, not even States.ALL, and fails the execution. The library
 * reads `isRetryable` / `isCatchable` by duck typing, so any error carrying them behaves like its own.
 */
export class StatesRuntimeFailure extends Error {
  readonly isRetryable = false;
  readonly isCatchable = false;

  constructor(message: string) {
    super(message);
    this.name = 'States.Runtime';
  }
}

/**
 * Unwinds a task of an execution that was stopped, timed out, or left behind by close(). It must match no Retry:
 * the library re-runs a retried state without checking for an abort, which would invoke the Lambda again.
 */
export class ExecutionClosed extends StatesRuntimeFailure {
  constructor() {
    super('The execution is no longer running');
    this.name = 'Mitra.Local.ExecutionClosed';
  }
}

/**
 * Makes States.Timeout errors of the library's own (unexported) class. Its Retry/Catch code tells a timeout apart
 * from other task errors with `instanceof` (States.TaskFailed matches everything but States.Timeout), so a timeout
 * we raise must be one of its instances. The class is captured from a one-state machine that times out at once.
 */
export async function statesTimeoutErrorFactory(): Promise<() => Error> {
  const probe = new StateMachine(
    {
      StartAt: 'Probe',
      States: { Probe: { Type: 'Task', Resource: 'arn:aws:states:::probe', TimeoutSeconds: 0.001, End: true } },
    },
    { validationOptions: { noValidate: true } },
  ).run(null, { overrides: { taskResourceLocalHandlers: { Probe: () => new Promise(() => {}) } } });
  const failure = await probe.result.then(
    () => undefined,
    (error: unknown) => (error instanceof Error ? error.cause : undefined),
  );
  if (failure instanceof Error && failure.name === 'States.Timeout') {
    const TimeoutError = failure.constructor as new () => Error;
    return () => new TimeoutError();
  }
  // A future library version without the class: same Error name, only States.TaskFailed would also match it.
  return () => new TaskFailure('States.Timeout', 'States.Timeout');
}
