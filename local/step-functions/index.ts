import { Deadlines } from './deadlines.ts';
import { prepareDefinition } from './definition.ts';
import { ExecutionEngine, type LoadedMachine } from './engine.ts';
import { statesTimeoutErrorFactory } from './errors.ts';
import { ExecutionStore } from './execution-store.ts';
import { sfnOperations } from './operations.ts';
import { serveJsonProtocol } from './protocol.ts';
import type { Log, ServiceHandler } from './task-runner.ts';
import { TaskTokens } from './task-tokens.ts';

export { resolveDefinitionFromTemplate } from './cloudformation.ts';

export interface LocalStepFunctionsOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Execution records live in `<dataDir>/executions/`; RUNNING ones are re-driven at start-up. */
  dataDir: string;
  stateMachines: Array<{ name: string; arn: string; definition: Record<string, unknown> }>;
  /** Runs a Lambda function and returns its raw result (or throws what the function threw). */
  invokeLambda: (functionArn: string, payload: unknown) => Promise<unknown>;
  /**
   * Local stand-ins for non-Lambda Task resources, by resource ARN without `.waitForTaskToken`. A Task whose
   * resource is neither Lambda nor listed here fails its execution with States.Runtime; nothing calls AWS.
   */
  services?: Record<string, ServiceHandler>;
  /** The one clock: start and stop dates, Wait states, task and heartbeat timeouts. */
  now?: () => Date;
  log?: (message: string, details?: Record<string, unknown>) => void;
}

export interface LocalStepFunctions {
  /** http://127.0.0.1:<port>, for `new SFNClient({ endpoint })`. */
  endpoint: string;
  /** Stops the server and every timer; executions in flight stay RUNNING on disk, to be re-driven. */
  close(): Promise<void>;
  /** Re-checks Wait, task, heartbeat and execution deadlines against `now()` after the clock moved ahead. */
  clockAdvanced(): void;
  /** Resolves once no execution is running a task: each RUNNING one waits on a task token or the clock. */
  idle(): Promise<void>;
}

/**
 * A local Step Functions API for the embedded runtime: the real SFNClient works against it unchanged, and it runs
 * the definitions `cdk synth` produced with aws-local-stepfunctions, adding what that library lacks (task tokens
 * and callbacks, heartbeats, AWS's lambda:invoke result shape, the injectable clock, persistence and re-drive).
 */
export async function startLocalStepFunctions(options: LocalStepFunctionsOptions): Promise<LocalStepFunctions> {
  const now = options.now ?? (() => new Date());
  const log: Log = options.log ?? ((message, details) => console.log(`[step-functions] ${message}`, details ?? ''));
  const machines = loadMachines(options.stateMachines, now());
  const deadlines = new Deadlines(now);
  const tokens = new TaskTokens();
  const { store, records } = await ExecutionStore.open(options.dataDir);
  const engine = new ExecutionEngine(machines, store, records, {
    invokeLambda: options.invokeLambda,
    services: options.services ?? {},
    tokens,
    deadlines,
    now,
    log,
    timeoutError: await statesTimeoutErrorFactory(),
  });
  const server = await serveJsonProtocol(
    options.host ?? '127.0.0.1',
    options.port ?? 0,
    sfnOperations(engine, tokens),
    log,
  );
  // After the server is up: a re-driven task may call back at once.
  engine.redrive();
  return {
    endpoint: server.endpoint,
    close: async () => {
      await server.close();
      await engine.close();
      tokens.clear();
      deadlines.clear();
    },
    clockAdvanced: () => deadlines.check(),
    idle: () => engine.idle(),
  };
}

function loadMachines(
  configs: LocalStepFunctionsOptions['stateMachines'],
  creationDate: Date,
): Map<string, LoadedMachine> {
  const machines = new Map<string, LoadedMachine>();
  for (const { name, arn, definition } of configs) {
    if (!arn.endsWith(`:stateMachine:${name}`))
      throw new Error(`State machine ARN '${arn}' does not end in ':stateMachine:${name}'`);
    if (machines.has(arn)) throw new Error(`State machine '${arn}' is configured twice`);
    try {
      machines.set(arn, { name, arn, definition, prepared: prepareDefinition(definition), creationDate });
    } catch (error) {
      throw new Error(`State machine '${name}': ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
  }
  return machines;
}
