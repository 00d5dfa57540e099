import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';

/** The resource a Wait state is rewritten to, so that our clock-aware handler runs it (see prepareDefinition). */
const WAIT_RESOURCE = 'arn:aws:states:::mitra-local:wait';
// The longest timeout the library's own per-task setTimeout can hold (it defaults to 60 s, which would end every
// officer approval). The timeouts the definition asks for are enforced by the task runner against the clock.
const LIBRARY_TASK_TIMEOUT_SECONDS = 2_147_483;

const LAMBDA_INVOKE = /^arn:[\w-]+:states:::lambda:invoke(\.waitForTaskToken)?$/;
const LAMBDA_FUNCTION = /^arn:[\w-]+:lambda:[\w-]*:\d*:function:[^:]+(:[^:]+)?$/;
const CALLBACK_SUFFIX = '.waitForTaskToken';

export type TaskTarget =
  | { kind: 'lambda-invoke' }
  | { kind: 'lambda-function'; functionArn: string }
  | { kind: 'service'; resource: string };

export interface TaskSpec {
  kind: 'task';
  target: TaskTarget;
  callback: boolean;
  timeoutSeconds?: number;
  heartbeatSeconds?: number;
  /**
   * TimeoutSecondsPath / HeartbeatSecondsPath were given: Parameters were wrapped so the library evaluates the paths,
   * and the task's input arrives as `{ parameters, timeoutSeconds?, heartbeatSeconds? }` (see wrapDynamicTimeouts).
   */
  dynamicTimeouts?: true;
}

/** A Wait state; SecondsPath / TimestampPath arrive already evaluated, as the task's `seconds` / `timestamp`. */
export interface WaitSpec {
  kind: 'wait';
  seconds?: number;
  timestamp?: string;
}

export type StateSpec = TaskSpec | WaitSpec;

export interface PreparedDefinition {
  /** The definition the library runs: Wait states became Tasks, timeouts moved out of its hands. */
  runnable: StateMachine;
  /** Every Task (and former Wait) state by name; ASL names are unique across branches and iterators. */
  states: Map<string, StateSpec>;
  /** The execution's own TimeoutSeconds, enforced by the engine against the clock. */
  timeoutSeconds?: number;
}

type Json = Record<string, unknown>;

/**
 * Turns an ASL definition into one that aws-local-stepfunctions runs the way AWS would, given our task handlers.
 * The library validates the original first, so errors name the states the author wrote. What the local runtime
 * cannot honour is rejected here, at start-up, rather than silently run differently from AWS.
 */
export function prepareDefinition(definition: Json): PreparedDefinition {
  rejectJsonata(definition, 'the state machine');
  // Throws "State machine definition is invalid" with the validator's findings.
  new StateMachine(definition as unknown as StateMachineDefinition, { validationOptions: { checkArn: false } });
  const copy = structuredClone(definition);
  const states = new Map<string, StateSpec>();
  prepareStates(copy, states);
  const timeoutSeconds = typeof copy.TimeoutSeconds === 'number' ? copy.TimeoutSeconds : undefined;
  delete copy.TimeoutSeconds;
  const runnable = new StateMachine(copy as unknown as StateMachineDefinition, {
    validationOptions: { noValidate: true },
  });
  return { runnable, states, timeoutSeconds };
}

function prepareStates(machine: Json, specs: Map<string, StateSpec>): void {
  const states = machine.States as Record<string, Json>;
  for (const [name, state] of Object.entries(states)) {
    if (specs.has(name)) throw new Error(`State name '${name}' is used twice; AWS requires unique state names`);
    rejectJsonata(state, `state '${name}'`);
    // The library writes `ResultPath: "$"` into a key named "$" instead of replacing the input; "$" is the
    // default, so dropping it restores AWS's behaviour.
    if (state.ResultPath === '$') delete state.ResultPath;
    for (const catcher of (state.Catch as Json[] | undefined) ?? []) {
      if (catcher.ResultPath === '$') delete catcher.ResultPath;
    }
    switch (state.Type) {
      case 'Task':
        specs.set(name, prepareTask(state));
        break;
      case 'Wait':
        specs.set(name, { kind: 'wait', seconds: state.Seconds as number, timestamp: state.Timestamp as string });
        states[name] = waitAsTask(state);
        break;
      case 'Parallel':
        for (const branch of state.Branches as Json[]) prepareStates(branch, specs);
        break;
      case 'Map': {
        const processor = (state.ItemProcessor ?? state.Iterator) as Json;
        if ((processor.ProcessorConfig as Json | undefined)?.Mode === 'DISTRIBUTED' || state.ItemReader) {
          throw new Error(`Map state '${name}': distributed maps and ItemReader are not supported locally`);
        }
        prepareStates(processor, specs);
        break;
      }
    }
  }
}

function prepareTask(state: Json): TaskSpec {
  const resource = String(state.Resource);
  const spec: TaskSpec = {
    kind: 'task',
    target: taskTarget(resource),
    callback: resource.endsWith(CALLBACK_SUFFIX),
    timeoutSeconds: state.TimeoutSeconds as number | undefined,
    heartbeatSeconds: state.HeartbeatSeconds as number | undefined,
  };
  if (typeof state.TimeoutSecondsPath === 'string' || typeof state.HeartbeatSecondsPath === 'string') {
    wrapDynamicTimeouts(state);
    spec.dynamicTimeouts = true;
  }
  state.TimeoutSeconds = LIBRARY_TASK_TIMEOUT_SECONDS;
  delete state.HeartbeatSeconds;
  return spec;
}

/**
 * The library knows nothing of TimeoutSecondsPath / HeartbeatSecondsPath. Wrapping Parameters lets it evaluate the
 * paths (against the input after InputPath, as Parameters are) beside the real Parameters; the task runner unwraps
 * them before calling the integration, which sees exactly the original Parameters.
 */
function wrapDynamicTimeouts(state: Json): void {
  const wrapped: Json = 'Parameters' in state ? { parameters: state.Parameters } : { 'parameters.$': '$' };
  if (typeof state.TimeoutSecondsPath === 'string') wrapped['timeoutSeconds.$'] = state.TimeoutSecondsPath;
  if (typeof state.HeartbeatSecondsPath === 'string') wrapped['heartbeatSeconds.$'] = state.HeartbeatSecondsPath;
  state.Parameters = wrapped;
  delete state.TimeoutSecondsPath;
  delete state.HeartbeatSecondsPath;
}

function taskTarget(resource: string): TaskTarget {
  if (LAMBDA_INVOKE.test(resource)) return { kind: 'lambda-invoke' };
  if (LAMBDA_FUNCTION.test(resource)) return { kind: 'lambda-function', functionArn: resource };
  return { kind: 'service', resource };
}

/**
 * The library's Wait sleeps on the wall clock and reads Timestamps against Date.now(), deaf to the embedded
 * runtime's clock. As a Task without ResultSelector or ResultPath it produces the same output (its effective input),
 * and its Parameters let the library evaluate SecondsPath / TimestampPath, context paths included.
 */
function waitAsTask(state: Json): Json {
  const parameters: Json = { 'input.$': '$' };
  if (typeof state.SecondsPath === 'string') parameters['seconds.$'] = state.SecondsPath;
  if (typeof state.TimestampPath === 'string') parameters['timestamp.$'] = state.TimestampPath;
  const task: Json = {
    Type: 'Task',
    Resource: WAIT_RESOURCE,
    Parameters: parameters,
    TimeoutSeconds: LIBRARY_TASK_TIMEOUT_SECONDS,
  };
  for (const field of ['Comment', 'InputPath', 'OutputPath', 'Next', 'End']) {
    if (field in state) task[field] = state[field];
  }
  return task;
}

function rejectJsonata(node: Json, where: string): void {
  // The library ignores QueryLanguage and would evaluate JSONata fields as nothing at all.
  if (node.QueryLanguage === 'JSONata') {
    throw new Error(`${where} uses JSONata, which the local interpreter does not run; use JSONPath`);
  }
}
