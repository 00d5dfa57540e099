import { randomUUID } from 'node:crypto';
import { ExecutionError } from 'aws-local-stepfunctions';
import { deferred } from './deferred.ts';
import type { PreparedDefinition } from './definition.ts';
import { SfnApiError } from './errors.ts';
import type { ExecutionRecord, ExecutionStatus, ExecutionStore } from './execution-store.ts';
import { TASK_TOKEN_PLACEHOLDER, type TaskRunnerDeps, taskHandlers } from './task-runner.ts';

export interface LoadedMachine {
  name: string;
  arn: string;
  definition: Record<string, unknown>;
  prepared: PreparedDefinition;
  creationDate: Date;
}

interface LiveExecution {
  record: ExecutionRecord;
  controller: AbortController;
  abortRun?: () => void;
  cancelTimeout?: () => void;
  /** Tasks running, and how many of them wait on a callback or the clock (for idle()). */
  inFlight: number;
  parked: number;
  /** Set once the execution closes (or is left behind by close()); later outcomes are ignored. */
  settling?: Promise<ExecutionRecord>;
}

type Outcome = Pick<ExecutionRecord, 'output' | 'error' | 'cause'> & { status: Exclude<ExecutionStatus, 'RUNNING'> };

const STATE_MACHINE_ARN = /^arn:[\w-]+:states:[\w-]*:\d*:stateMachine:[^:]+$/;
const EXECUTION_ARN = /^arn:[\w-]+:states:[\w-]*:\d*:execution:[^:]+:[^:]+$/;
export const LOCAL_ROLE_ARN = 'arn:aws:iam::000000000000:role/mitra-local-step-functions';
// AWS's limit on execution input.
const MAX_INPUT_BYTES = 256 * 1024;

/**
 * Executions: their records (kept in memory and in the store) and the aws-local-stepfunctions runs behind the
 * RUNNING ones. Each run's task handlers come from the task runner, so no Task of any definition reaches AWS.
 */
export class ExecutionEngine {
  private readonly records = new Map<string, ExecutionRecord>();
  private readonly live = new Map<string, LiveExecution>();
  private idleWaiters: Array<() => void> = [];
  private idleCheckScheduled = false;
  private closed = false;

  constructor(
    private readonly machines: Map<string, LoadedMachine>,
    private readonly store: ExecutionStore,
    records: ExecutionRecord[],
    private readonly deps: TaskRunnerDeps,
  ) {
    for (const record of records) this.records.set(record.executionArn, record);
  }

  machine(stateMachineArn: string): LoadedMachine {
    if (!STATE_MACHINE_ARN.test(stateMachineArn)) {
      throw new SfnApiError('InvalidArn', `Invalid Arn: '${stateMachineArn}' is not a state machine ARN`);
    }
    const machine = this.machines.get(stateMachineArn);
    if (!machine) {
      throw new SfnApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${stateMachineArn}'`);
    }
    return machine;
  }

  listMachines(): LoadedMachine[] {
    return [...this.machines.values()];
  }

  /**
   * StartExecution, idempotent as in Standard workflows: the same name and input as a RUNNING execution answer
   * that execution; a different input, or any reuse of a closed execution's name, is ExecutionAlreadyExists.
   */
  async start(params: { stateMachineArn: string; name?: string; input?: string }): Promise<ExecutionRecord> {
    const machine = this.machine(params.stateMachineArn);
    const name = params.name ?? randomUUID();
    if (!isValidName(name)) throw new SfnApiError('InvalidName', `Invalid Name: '${name}'`);
    const input = params.input ?? '{}';
    if (Buffer.byteLength(input) > MAX_INPUT_BYTES) {
      throw new SfnApiError('ValidationException', `input must be at most ${MAX_INPUT_BYTES} bytes`);
    }
    try {
      JSON.parse(input);
    } catch {
      throw new SfnApiError('InvalidExecutionInput', `Invalid State Machine Execution Input: '${input.slice(0, 100)}'`);
    }
    const executionArn = `${machine.arn.replace(':stateMachine:', ':execution:')}:${name}`;
    const existing = this.records.get(executionArn);
    if (existing) {
      if (existing.status === 'RUNNING' && existing.input === input) return existing;
      throw new SfnApiError('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
    }
    const record: ExecutionRecord = {
      executionArn,
      stateMachineArn: machine.arn,
      name,
      status: 'RUNNING',
      input,
      startDate: this.deps.now().toISOString(),
      redriveCount: 0,
    };
    // Claimed before the first await, so a concurrent duplicate start sees it.
    this.records.set(executionArn, record);
    try {
      await this.store.save(record);
    } catch (error) {
      this.records.delete(executionArn);
      throw error;
    }
    this.deps.log('execution started', { executionArn });
    if (!this.closed) this.run(record);
    return record;
  }

  describe(executionArn: string): ExecutionRecord {
    if (!EXECUTION_ARN.test(executionArn)) {
      throw new SfnApiError('InvalidArn', `Invalid Arn: '${executionArn}' is not an execution ARN`);
    }
    const record = this.records.get(executionArn);
    if (!record) throw new SfnApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
    return record;
  }

  /** Newest first, as ListExecutions answers. */
  list(stateMachineArn: string, status?: ExecutionStatus): ExecutionRecord[] {
    this.machine(stateMachineArn);
    return [...this.records.values()]
      .filter((record) => record.stateMachineArn === stateMachineArn && (!status || record.status === status))
      .sort((a, b) => b.startDate.localeCompare(a.startDate));
  }

  async stop(executionArn: string, error?: string, cause?: string): Promise<ExecutionRecord> {
    const record = this.describe(executionArn);
    if (record.status !== 'RUNNING') return record;
    const live = this.live.get(executionArn);
    const outcome: Outcome = { status: 'ABORTED', error, cause };
    if (live) return await this.settle(live, outcome);
    // RUNNING on disk but not running here (its state machine was not configured at start-up).
    return await this.persist({ ...record, ...outcome, stopDate: this.deps.now().toISOString() });
  }

  /** Runs again, from the start and with the same input, every execution a previous process left RUNNING. */
  redrive(): void {
    for (const found of [...this.records.values()]) {
      if (found.status !== 'RUNNING' || this.live.has(found.executionArn)) continue;
      if (!this.machines.has(found.stateMachineArn)) {
        this.deps.log('execution left RUNNING: its state machine is not configured', {
          executionArn: found.executionArn,
        });
        continue;
      }
      const record = { ...found, redriveCount: found.redriveCount + 1 };
      this.deps.log('execution re-driven from its start', { executionArn: record.executionArn });
      void this.persist(record);
      this.run(record);
    }
  }

  /**
   * Resolves once every RUNNING execution waits on the outside world: a task token or the clock. A Parallel branch
   * sleeping between retries next to a branch that waits is not seen, which is fine for tests that avoid it.
   */
  idle(): Promise<void> {
    const { promise, resolve } = deferred<void>();
    this.idleWaiters.push(resolve);
    this.changed();
    return promise;
  }

  /** Stops every run without touching its record: executions in flight stay RUNNING, to be re-driven. */
  async close(): Promise<void> {
    this.closed = true;
    for (const live of this.live.values()) {
      live.settling ??= Promise.resolve(live.record);
      live.cancelTimeout?.();
      live.controller.abort();
      live.abortRun?.();
    }
    this.live.clear();
    await this.store.flush();
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private run(record: ExecutionRecord): void {
    const machine = this.machines.get(record.stateMachineArn)!;
    const live: LiveExecution = { record, controller: new AbortController(), inFlight: 0, parked: 0 };
    this.live.set(record.executionArn, live);
    const handlers = taskHandlers(
      machine.prepared.states,
      {
        executionArn: record.executionArn,
        signal: live.controller.signal,
        enter: () => {
          live.inFlight++;
          return once(() => {
            live.inFlight--;
            this.changed();
          });
        },
        park: () => {
          live.parked++;
          this.changed();
          return once(() => {
            live.parked--;
            this.changed();
          });
        },
      },
      this.deps,
    );
    const execution = machine.prepared.runnable.run(JSON.parse(record.input), {
      overrides: { taskResourceLocalHandlers: handlers },
      noThrowOnAbort: true,
      context: {
        // The library overwrites Execution.Input and Execution.StartTime (with the wall clock) itself.
        Execution: { Id: record.executionArn, Name: record.name, RoleArn: LOCAL_ROLE_ARN, StartTime: record.startDate },
        StateMachine: { Id: machine.arn, Name: machine.name },
        Task: { Token: TASK_TOKEN_PLACEHOLDER },
      },
    });
    live.abortRun = execution.abort;
    const { timeoutSeconds } = machine.prepared;
    if (timeoutSeconds !== undefined) {
      // Counted from the original start, so a re-driven execution keeps its deadline.
      const dueAt = new Date(Date.parse(record.startDate) + timeoutSeconds * 1000);
      live.cancelTimeout = this.deps.deadlines.at(dueAt, () => {
        void this.settle(live, { status: 'TIMED_OUT', error: 'States.Timeout', cause: 'The execution timed out' });
      });
    }
    execution.result.then(
      (output) => this.settle(live, { status: 'SUCCEEDED', output: JSON.stringify(output) }),
      (error: unknown) => this.settle(live, failureOf(error)),
    );
  }

  /** Closes the execution once; the record changes (in memory too) only when its new state is on disk. */
  private settle(live: LiveExecution, outcome: Outcome): Promise<ExecutionRecord> {
    live.settling ??= (async () => {
      live.cancelTimeout?.();
      // Unwinds a task still waiting (stop, timeout); a no-op for a run that has ended.
      live.controller.abort();
      live.abortRun?.();
      const record = { ...live.record, ...outcome, stopDate: this.deps.now().toISOString() };
      this.deps.log(`execution ${record.status}`, {
        executionArn: record.executionArn,
        error: record.error,
        ...(record.cause ? { cause: record.cause.slice(0, 300) } : {}),
      });
      await this.persist(record);
      this.live.delete(record.executionArn);
      this.changed();
      return record;
    })();
    return live.settling;
  }

  private async persist(record: ExecutionRecord): Promise<ExecutionRecord> {
    try {
      await this.store.save(record);
    } catch (error) {
      this.deps.log('could not persist execution record', { executionArn: record.executionArn, error: String(error) });
    }
    this.records.set(record.executionArn, record);
    return record;
  }

  private changed(): void {
    if (this.idleCheckScheduled || this.idleWaiters.length === 0) return;
    this.idleCheckScheduled = true;
    // After the current turn: a task that just ended is followed, within microtasks, by the next one starting.
    setImmediate(() => {
      this.idleCheckScheduled = false;
      if ([...this.live.values()].every((live) => live.inFlight > 0 && live.parked === live.inFlight)) {
        for (const resolve of this.idleWaiters.splice(0)) resolve();
      }
    });
  }
}

function failureOf(error: unknown): Outcome {
  const failure = error instanceof ExecutionError ? error.cause : error;
  if (failure instanceof Error) return { status: 'FAILED', error: failure.name, cause: failure.message };
  return { status: 'FAILED', error: 'States.Runtime', cause: String(failure) };
}

function once(action: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    action();
  };
}

// AWS's rule for execution names: 1 to 80 characters, none of whitespace, brackets, wildcards, these specials,
// or control characters.
const FORBIDDEN_IN_NAMES = new Set('<>{}[]?*"#%\\^|~`$&,;:/');

function isValidName(name: string): boolean {
  if (name.length < 1 || name.length > 80) return false;
  for (const char of name) {
    const code = char.codePointAt(0)!;
    if (/\s/.test(char) || FORBIDDEN_IN_NAMES.has(char) || code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return false;
  }
  return true;
}
