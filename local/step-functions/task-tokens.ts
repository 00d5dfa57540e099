import { randomBytes } from 'node:crypto';
import { deferred } from './deferred.ts';
import { SfnApiError, TaskFailure } from './errors.ts';

const TOKEN_PREFIX = 'mitra-local-1.';
const TOKEN_PATTERN = /^mitra-local-1\.[A-Za-z0-9_-]{43}$/;
// AWS's limits on SendTask* parameters; the embedded runtime should reject what AWS rejects.
const MAX_TOKEN_LENGTH = 2048;
const MAX_ERROR_LENGTH = 256;
const MAX_CAUSE_LENGTH = 32_768;

interface PendingTask {
  resolve: (output: unknown) => void;
  reject: (error: Error) => void;
  onHeartbeat: () => void;
}

interface MintedToken {
  token: string;
  /** Settles with SendTaskSuccess's output, or rejects with SendTaskFailure's error (or a timeout, via fail()). */
  settled: Promise<unknown>;
}

/**
 * The callback side of `.waitForTaskToken`, which aws-local-stepfunctions lacks: a fresh unguessable token per task
 * attempt, and the SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat calls that settle or extend it.
 */
export class TaskTokens {
  private readonly pending = new Map<string, PendingTask>();
  // Tokens of closed tasks, so a late callback gets TaskTimedOut as in AWS rather than TaskDoesNotExist.
  private readonly closed = new Set<string>();

  mint(onHeartbeat: () => void): MintedToken {
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const { promise, resolve, reject } = deferred<unknown>();
    this.pending.set(token, { resolve, reject, onHeartbeat });
    return { token, settled: promise };
  }

  /** Closes a task from the inside (timeout, stop, shutdown); later callbacks with its token get TaskTimedOut. */
  close(token: string, error?: Error): void {
    const task = this.pending.get(token);
    if (!task) return;
    this.pending.delete(token);
    this.closed.add(token);
    if (error) task.reject(error);
  }

  succeed(token: string, output: string): void {
    const task = this.take(token);
    let parsed: unknown;
    try {
      parsed = JSON.parse(output);
    } catch {
      // AWS checks the output before it closes the task; the token stays usable.
      this.pending.set(token, task);
      throw new SfnApiError('InvalidOutput', 'Invalid State Machine Output: output is not valid JSON');
    }
    this.closed.add(token);
    task.resolve(parsed);
  }

  fail(token: string, error: string | undefined, cause: string | undefined): void {
    if (error !== undefined && error.length > MAX_ERROR_LENGTH) {
      throw new SfnApiError('ValidationException', `error must be at most ${MAX_ERROR_LENGTH} characters`);
    }
    if (cause !== undefined && cause.length > MAX_CAUSE_LENGTH) {
      throw new SfnApiError('ValidationException', `cause must be at most ${MAX_CAUSE_LENGTH} characters`);
    }
    const task = this.take(token);
    this.closed.add(token);
    task.reject(new TaskFailure(error ?? '', cause ?? ''));
  }

  heartbeat(token: string): void {
    this.find(token).onHeartbeat();
  }

  /** Drops every pending task without settling it (the server is closing; their executions stay RUNNING). */
  clear(): void {
    this.pending.clear();
  }

  private take(token: string): PendingTask {
    const task = this.find(token);
    this.pending.delete(token);
    return task;
  }

  private find(token: string): PendingTask {
    if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
      throw new SfnApiError('ValidationException', `taskToken must be 1 to ${MAX_TOKEN_LENGTH} characters`);
    }
    if (!TOKEN_PATTERN.test(token)) throw new SfnApiError('InvalidToken', 'Invalid Token');
    const task = this.pending.get(token);
    if (task) return task;
    if (this.closed.has(token)) {
      throw new SfnApiError('TaskTimedOut', 'Task Timed Out: Provided task does not exist anymore');
    }
    // Well formed but not ours: minted before a restart (its execution was re-driven with new tokens) or forged.
    throw new SfnApiError('TaskDoesNotExist', 'Task does not exist: the token belongs to no waiting task');
  }
}
