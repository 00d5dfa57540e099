import { randomUUID } from 'node:crypto';
import type { RunOptions } from 'aws-local-stepfunctions';
import type { Deadlines } from './deadlines.ts';
import { deferred } from './deferred.ts';
import type { StateSpec, TaskSpec, TaskTarget, WaitSpec } from './definition.ts';
import { ExecutionClosed, StatesRuntimeFailure, TaskFailure } from './errors.ts';
import type { TaskTokens } from './task-tokens.ts';

type LocalHandlers = NonNullable<NonNullable<RunOptions['overrides']>['taskResourceLocalHandlers']>;
type JsonValue = Parameters<LocalHandlers[string]>[0];

type InvokeLambda = (functionArn: string, payload: unknown) => Promise<unknown>;
/** Runs a non-Lambda Task resource locally; gets the effective Parameters (task token already in place). */
export type ServiceHandler = (parameters: unknown) => Promise<unknown>;
export type Log = (message: string, details?: Record<string, unknown>) => void;

export interface TaskRunnerDeps {
  invokeLambda: InvokeLambda;
  /** By resource ARN without `.waitForTaskToken`, e.g. `arn:aws:states:::sqs:sendMessage`. */
  services: Record<string, ServiceHandler>;
  tokens: TaskTokens;
  deadlines: Deadlines;
  now: () => Date;
  log: Log;
  /** States.Timeout as the library's own error class: its States.TaskFailed wildcard must not match it. */
  timeoutError: () => Error;
}

/** What a task needs from the execution it belongs to. */
interface ExecutionScope {
  executionArn: string;
  /** Aborted when the execution stops, times out, or the server closes. */
  signal: AbortSignal;
  /** Counts a task as running; returns the undo. */
  enter(): () => void;
  /** Marks a running task as waiting on the outside world (a callback or the clock); returns the undo. */
  park(): () => void;
}

/**
 * The value `$$.Task.Token` has in the Context Object. The library evaluates Parameters itself and has no tokens, so
 * each callback task replaces this placeholder, wherever Parameters put it, with a token minted for that attempt.
 */
export const TASK_TOKEN_PLACEHOLDER = `mitra-local-task-token-placeholder-${randomUUID()}`;

/**
 * The library's `taskResourceLocalHandlers` for one execution: every Task state (and every Wait, rewritten as a Task)
 * runs here, so nothing ever reaches real AWS. Each handler receives the state's effective input, i.e. after
 * InputPath and Parameters, exactly what AWS passes to the integration.
 */
export function taskHandlers(
  states: Map<string, StateSpec>,
  scope: ExecutionScope,
  deps: TaskRunnerDeps,
): LocalHandlers {
  const handlers: LocalHandlers = {};
  for (const [stateName, spec] of states) {
    handlers[stateName] = async (input) => {
      // The library re-runs a retried state without looking at its abort signal.
      if (scope.signal.aborted) throw new ExecutionClosed();
      const leave = scope.enter();
      try {
        const result =
          spec.kind === 'wait'
            ? await runWait(spec, input, scope, deps)
            : await runTask(stateName, spec, input, scope, deps);
        return result as JsonValue;
      } finally {
        leave();
      }
    };
  }
  return handlers;
}

async function runTask(
  stateName: string,
  declared: TaskSpec,
  effectiveInput: unknown,
  scope: ExecutionScope,
  deps: TaskRunnerDeps,
) {
  const { spec, input } = declared.dynamicTimeouts
    ? withDynamicTimeouts(stateName, declared, effectiveInput)
    : { spec: declared, input: effectiveInput };
  const { promise: interrupted, reject: interrupt } = deferred<never>();
  interrupted.catch(() => {});
  const cleanups: Array<() => void> = [onClose(scope.signal, () => interrupt(new ExecutionClosed()))];
  if (spec.timeoutSeconds !== undefined) {
    cleanups.push(deps.deadlines.after(spec.timeoutSeconds * 1000, () => interrupt(deps.timeoutError())));
  }
  try {
    if (!spec.callback) {
      if (JSON.stringify(input)?.includes(TASK_TOKEN_PLACEHOLDER)) {
        throw new StatesRuntimeFailure(
          `Task state '${stateName}': $$.Task.Token exists only in .waitForTaskToken tasks`,
        );
      }
      return await Promise.race([invokeTarget(stateName, spec.target, input, deps), interrupted]);
    }
    return await runCallbackTask(stateName, spec, input, scope, deps, interrupted, interrupt, cleanups);
  } finally {
    for (const cleanup of cleanups) cleanup();
  }
}

/** Unwraps the Parameters that carried TimeoutSecondsPath / HeartbeatSecondsPath (definition.ts) and checks them. */
function withDynamicTimeouts(stateName: string, declared: TaskSpec, input: unknown) {
  const { parameters, timeoutSeconds, heartbeatSeconds } = input as Record<string, unknown>;
  const spec = { ...declared };
  for (const [field, value] of [
    ['timeoutSeconds', timeoutSeconds],
    ['heartbeatSeconds', heartbeatSeconds],
  ] as const) {
    if (value === undefined) continue;
    // AWS: a positive integer, or the task fails with States.Runtime.
    if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
      throw new StatesRuntimeFailure(
        `Task state '${stateName}': ${field === 'timeoutSeconds' ? 'TimeoutSecondsPath' : 'HeartbeatSecondsPath'} ` +
          `gave ${JSON.stringify(value)}, not a positive whole number of seconds`,
      );
    }
    spec[field] = value;
  }
  return { spec, input: parameters };
}

/** `.waitForTaskToken`: call the integration with a fresh token, then wait for SendTaskSuccess / SendTaskFailure. */
async function runCallbackTask(
  stateName: string,
  spec: TaskSpec,
  input: unknown,
  scope: ExecutionScope,
  deps: TaskRunnerDeps,
  interrupted: Promise<never>,
  interrupt: (error: Error) => void,
  cleanups: Array<() => void>,
) {
  let cancelHeartbeat: (() => void) | undefined;
  const armHeartbeat = () => {
    cancelHeartbeat?.();
    if (spec.heartbeatSeconds === undefined) return;
    cancelHeartbeat = deps.deadlines.after(spec.heartbeatSeconds * 1000, () =>
      interrupt(new TaskFailure('States.HeartbeatTimeout', `No heartbeat within ${spec.heartbeatSeconds} seconds`)),
    );
  };
  armHeartbeat();
  const { token, settled } = deps.tokens.mint(armHeartbeat);
  let unpark: (() => void) | undefined;
  let finished = false;
  cleanups.push(
    () => cancelHeartbeat?.(),
    () => deps.tokens.close(token),
    () => {
      finished = true;
      unpark?.();
    },
  );
  // AWS ignores what the integration returns, but a failed call (a Lambda that throws) fails the task.
  const invoked = invokeTarget(stateName, spec.target, withToken(input, token), deps).then(() => {
    // The callback may have come while the integration was still running.
    if (!finished) unpark = scope.park();
    return new Promise<never>(() => {});
  });
  return await Promise.race([settled, invoked, interrupted]);
}

async function runWait(spec: WaitSpec, parameters: unknown, scope: ExecutionScope, deps: TaskRunnerDeps) {
  const evaluated = parameters as { input: unknown; seconds?: unknown; timestamp?: unknown };
  const seconds = spec.seconds ?? evaluated.seconds;
  const timestamp = spec.timestamp ?? evaluated.timestamp;
  let dueAt: Date;
  if (timestamp !== undefined) {
    dueAt = new Date(String(timestamp));
    if (Number.isNaN(dueAt.getTime())) throw new StatesRuntimeFailure(`Wait: '${timestamp}' is not a timestamp`);
  } else if (typeof seconds === 'number' && Number.isInteger(seconds) && seconds >= 0) {
    dueAt = new Date(deps.now().getTime() + seconds * 1000);
  } else {
    throw new StatesRuntimeFailure(`Wait: ${JSON.stringify(seconds)} is not a whole number of seconds >= 0`);
  }
  const unpark = scope.park();
  const cleanups: Array<() => void> = [unpark];
  try {
    await new Promise<void>((resolve, reject) => {
      cleanups.push(deps.deadlines.at(dueAt, resolve));
      cleanups.push(onClose(scope.signal, () => reject(new ExecutionClosed())));
    });
  } finally {
    for (const cleanup of cleanups) cleanup();
  }
  return evaluated.input;
}

async function invokeTarget(stateName: string, target: TaskTarget, parameters: unknown, deps: TaskRunnerDeps) {
  switch (target.kind) {
    case 'lambda-invoke': {
      const { FunctionName, Payload, InvocationType } = (parameters ?? {}) as Record<string, unknown>;
      if (typeof FunctionName !== 'string') {
        throw new StatesRuntimeFailure(`Task state '${stateName}': lambda:invoke needs Parameters.FunctionName`);
      }
      if (InvocationType === 'Event') {
        void callLambda(deps, FunctionName, Payload).catch((error: unknown) =>
          deps.log('asynchronous Lambda invocation failed', {
            stateName,
            functionName: FunctionName,
            error: String(error),
          }),
        );
        return lambdaInvokeResult('', 202, deps.now());
      }
      return lambdaInvokeResult(await callLambda(deps, FunctionName, Payload), 200, deps.now());
    }
    case 'lambda-function':
      // A bare function ARN hands the function's result to the state unwrapped.
      return await callLambda(deps, target.functionArn, parameters);
    case 'service': {
      const handler = deps.services[target.resource.replace(/\.waitForTaskToken$/, '')];
      if (!handler) {
        throw new StatesRuntimeFailure(
          `Task state '${stateName}' uses resource '${target.resource}', which the local Step Functions does not run ` +
            '(only Lambda: arn:aws:states:::lambda:invoke[.waitForTaskToken] or a function ARN); nothing was called',
        );
      }
      try {
        return toJson(await handler(parameters));
      } catch (error) {
        throw error instanceof TaskFailure ? error : new TaskFailure(errorName(error), String(errorMessage(error)));
      }
    }
  }
}

/** Calls the function as Lambda would and reports a thrown error as Step Functions does: Error = errorType. */
async function callLambda(deps: TaskRunnerDeps, functionArn: string, payload: unknown): Promise<unknown> {
  let result: unknown;
  try {
    result = await deps.invokeLambda(functionArn, payload ?? {});
  } catch (error) {
    const errorType = errorName(error);
    const trace = error instanceof Error ? (error.stack?.split('\n') ?? []) : [];
    throw new TaskFailure(errorType, JSON.stringify({ errorType, errorMessage: errorMessage(error), trace }));
  }
  // What crosses Lambda's wire is JSON: undefined becomes null, a Date its ISO text.
  return toJson(result);
}

/** The optimized `lambda:invoke` integration's result: the function's result is under `Payload`. */
function lambdaInvokeResult(payload: unknown, statusCode: number, now: Date) {
  const requestId = randomUUID();
  const headers = {
    'Content-Type': 'application/json',
    Date: now.toUTCString(),
    'X-Amz-Executed-Version': '$LATEST',
    'x-amzn-RequestId': requestId,
  };
  return {
    ExecutedVersion: '$LATEST',
    Payload: payload,
    SdkHttpMetadata: {
      AllHttpHeaders: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]])),
      HttpHeaders: headers,
      HttpStatusCode: statusCode,
    },
    SdkResponseMetadata: { RequestId: requestId },
    StatusCode: statusCode,
  };
}

function withToken(value: unknown, token: string): unknown {
  if (typeof value === 'string') return value.replaceAll(TASK_TOKEN_PLACEHOLDER, token);
  if (Array.isArray(value)) return value.map((item) => withToken(item, token));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withToken(item, token)]));
  }
  return value;
}

function onClose(signal: AbortSignal, listener: () => void): () => void {
  if (signal.aborted) {
    listener();
    return () => {};
  }
  signal.addEventListener('abort', listener, { once: true });
  return () => signal.removeEventListener('abort', listener);
}

function toJson(value: unknown): unknown {
  const text = JSON.stringify(value);
  return text === undefined ? null : JSON.parse(text);
}

function errorName(error: unknown): string {
  return error instanceof Error && error.name ? error.name : 'Error';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
