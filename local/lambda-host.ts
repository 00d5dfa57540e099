import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FunctionSpec } from './cloud-assembly.ts';

type Handler = (event: unknown, context: unknown) => Promise<unknown>;

let loads = 0;
let coldStarts: Promise<unknown> = Promise.resolve();

/** The file URLs of the bundles loaded, which `loadBundlesAsTheyAre` hands to Node untouched. */
const bundleUrls = new Set<string>();
let bundlesHooked = false;

/**
 * A bundle is plain ESM that esbuild built: it is loaded as it is, ahead of any other loader hook of the process.
 * Under tsx, which runs `npm start`, every container's cold start otherwise went through its transform of the whole
 * bundle: importing the certificate bundle again took 340–600 ms of CPU that way, 210–290 ms this way.
 */
function loadBundlesAsTheyAre(): void {
  if (bundlesHooked || typeof nodeModule.registerHooks !== 'function') return;
  bundlesHooked = true;
  nodeModule.registerHooks({
    load(url, context, nextLoad) {
      const file = url.split('?')[0]!;
      if (!bundleUrls.has(file)) return nextLoad(url, context);
      return { format: 'module', source: readFileSync(fileURLToPath(file)), shortCircuit: true };
    },
  });
}

export interface LoadedFunction {
  spec: FunctionSpec;
  invoke(event: unknown): Promise<unknown>;
  /** Told of every invocation served: how long it waited for a container (a cold start included) and then ran. */
  observer?: (timing: Timing) => void;
  /** Sets variables in every container's environment as they run (the runtime's clock offset). */
  setEnvironment(variables: Record<string, string>): void;
  /** Stops the function's containers. */
  close(): Promise<void>;
}

export interface Timing {
  waitedMs: number;
  ranMs: number;
}

/** Serves one invocation in a free container and tells `timed` how long it waited and ran. */
type Containers = (event: unknown, timed: (timing: Timing) => void) => Promise<unknown>;

/**
 * Loads a function from its bundle in cdk.out, as Lambda would: its environment is in place before the module's
 * first line runs (config is read at cold start), and every event and result crosses a JSON boundary.
 * Each invocation runs in a container of its own, as in Lambda: an instance of the module (with its own AWS SDK
 * clients, sockets and retry quota) serving one invocation at a time. Another is loaded (a cold start) when all are
 * busy, up to the containers one machine can keep busy (`maxContainers`, or `MAX_CONTAINERS_RESERVED` for a function
 * with reserved concurrency); past them an invocation waits for one to be free. A function with reserved concurrency
 * takes at most that many invocations at once, running or waiting: one more is throttled (TooManyRequestsException)
 * as Lambda throttles it. The functions loaded this way share the calling thread, so variables that differ between
 * them are read at cold start only; `loadFunctionInThread` gives a function a thread of its own.
 */
export async function loadFunction(
  spec: FunctionSpec,
  environment: Record<string, string>,
  maxContainers = DEFAULT_MAX_CONTAINERS,
): Promise<LoadedFunction> {
  const run = await startContainers(spec, environment, maxContainers);
  const loaded: LoadedFunction = {
    spec,
    invoke: (event) => run(event, (timing) => loaded.observer?.(timing)),
    setEnvironment: (variables) => Object.assign(process.env, variables),
    close: async () => undefined,
  };
  return loaded;
}

/** The containers of one function in this thread: the first is loaded before this resolves. */
export async function startContainers(
  spec: FunctionSpec,
  environment: Record<string, string>,
  maxContainers = DEFAULT_MAX_CONTAINERS,
): Promise<Containers> {
  bundleUrls.add(pathToFileURL(spec.handlerFile).href);
  loadBundlesAsTheyAre();
  const load = (): Promise<Handler> => {
    // One cold start at a time in the thread: a module reads its environment until its top-level awaits are done,
    // and another function's cold start must not change it meanwhile.
    const loaded = coldStarts.then(async () => {
      Object.assign(process.env, environment);
      // Each load is a cold start with its own module instance: a runtime started again in the same process (tests)
      // must not reuse clients built for the previous one's endpoints.
      const url = `${pathToFileURL(spec.handlerFile).href}?load=${++loads}`;
      const module = (await import(url)) as Record<string, unknown>;
      const handler = module[spec.exportName];
      if (typeof handler !== 'function')
        throw new Error(`bundle ${spec.handlerFile} exports no function ${spec.exportName}`);
      return handler as Handler;
    });
    coldStarts = loaded.catch(() => undefined);
    return loaded;
  };
  const reserved = spec.reservedConcurrency;
  const most = reserved === undefined ? maxContainers : Math.min(reserved, MAX_CONTAINERS_RESERVED);
  const warm: Handler[] = [await load()];
  let containers = 1;
  const waiting: ((handler: Handler) => void)[] = [];
  const acquire = async (): Promise<Handler> => {
    const handler = warm.pop();
    if (handler) return handler;
    if (containers < most) {
      containers += 1;
      try {
        return await load();
      } catch (error) {
        containers -= 1;
        throw error;
      }
    }
    // Every container is busy: the invocations at once are the containers and those already waiting.
    if (reserved !== undefined && containers + waiting.length >= reserved) throw new Throttled(spec.name, reserved);
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (handler: Handler) => {
    const next = waiting.shift();
    if (next) next(handler);
    else warm.push(handler);
  };
  return async (event, timed) => {
    const called = performance.now();
    const handler = await acquire();
    const started = performance.now();
    try {
      const context = lambdaContext(spec, environment);
      const result = await handler(JSON.parse(JSON.stringify(event ?? null)), context);
      return result === undefined ? null : JSON.parse(JSON.stringify(result));
    } finally {
      release(handler);
      timed({ waitedMs: started - called, ranMs: performance.now() - started });
    }
  };
}

export interface ThreadOptions {
  /** Work no one waits on as it runs: its thread runs below the caller's priority. */
  background?: boolean;
  maxContainers?: number;
}

/** What a function's thread answers for one invocation. */
export type ThreadAnswer =
  | { id: number; result: unknown; timing: Timing }
  | { id: number; error: { name: string; message: string; stack?: string }; timing?: Timing };

/** What a function's thread is told: an invocation, or variables to set in its environment. */
export type ThreadRequest = { id: number; event: unknown } | { environment: Record<string, string> };

/**
 * Loads a function as `loadFunction` does, in a worker thread of its own: its containers' work (their cold starts,
 * rendering, signing, the SDK's calls) runs on another core than the caller's, as each Lambda container has a machine
 * of its own. Events and results cross the thread as JSON does. A thread that dies (an error no invocation caught)
 * fails the invocations it was running, and the next invocation starts another, as Lambda replaces a broken sandbox.
 */
export async function loadFunctionInThread(
  spec: FunctionSpec,
  environment: Record<string, string>,
  { background = false, maxContainers = DEFAULT_MAX_CONTAINERS }: ThreadOptions = {},
): Promise<LoadedFunction> {
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const variables: Record<string, string> = {};
  let ids = 0;
  let closed = false;
  let current: Worker | undefined;
  const start = async (): Promise<Worker> => {
    const worker = new Worker(new URL('./function-thread.ts', import.meta.url), {
      name: spec.name,
      workerData: { spec, environment: { ...environment, ...variables }, maxContainers, background },
      env: { ...process.env, ...variables },
    });
    const failAll = (error: Error) => {
      for (const [id, invocation] of pending) {
        pending.delete(id);
        invocation.reject(error);
      }
      if (current === worker) {
        current = undefined;
        thread = undefined;
      }
    };
    worker.on('message', (answer: ThreadAnswer) => {
      const invocation = pending.get(answer.id);
      if (!invocation) return;
      pending.delete(answer.id);
      if (answer.timing) loaded.observer?.(answer.timing);
      if ('result' in answer) invocation.resolve(answer.result);
      else invocation.reject(errorFrom(answer.error, spec, reserved));
    });
    worker.on('error', (error) => failAll(error));
    worker.on('exit', (code) => failAll(new Error(`the ${spec.name} function's thread stopped (exit code ${code})`)));
    await new Promise<void>((resolve, reject) => {
      const ready = (message: unknown) => {
        if (message !== 'ready') return;
        worker.off('message', ready);
        worker.off('error', reject);
        resolve();
      };
      worker.on('message', ready);
      worker.once('error', reject);
      worker.once('exit', (code) =>
        reject(new Error(`the ${spec.name} function's thread stopped at start (exit code ${code})`)),
      );
    });
    worker.unref();
    current = worker;
    return worker;
  };
  const reserved = spec.reservedConcurrency;
  let thread: Promise<Worker> | undefined = start();
  await thread;
  const loaded: LoadedFunction = {
    spec,
    async invoke(event) {
      if (closed) throw new Error(`the ${spec.name} function is stopped`);
      thread ??= start();
      const worker = await thread;
      const id = ++ids;
      const answer = new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
      worker.ref();
      try {
        // The container takes the event through JSON, as Lambda's wire does.
        worker.postMessage({ id, event: event ?? null } satisfies ThreadRequest);
        return await answer;
      } catch (error) {
        pending.delete(id);
        throw error;
      } finally {
        if (pending.size === 0) worker.unref();
      }
    },
    setEnvironment(values) {
      Object.assign(variables, values);
      void thread?.then((worker) => worker.postMessage({ environment: values } satisfies ThreadRequest));
    },
    async close() {
      closed = true;
      const worker = await thread?.catch(() => undefined);
      await worker?.terminate();
    },
  };
  return loaded;
}

/** The error a thread reported, as the caller would have caught it in its own thread. */
function errorFrom(reported: { name: string; message: string; stack?: string }, spec: FunctionSpec, reserved?: number) {
  if (reported.name === 'TooManyRequestsException' && reserved !== undefined) return new Throttled(spec.name, reserved);
  const error = new Error(reported.message);
  error.name = reported.name;
  if (reported.stack) error.stack = reported.stack;
  return error;
}

/** Lambda's answer to an invocation past the function's reserved concurrency. */
export class Throttled extends Error {
  override readonly name = 'TooManyRequestsException';
  constructor(functionName: string, reserved: number) {
    super(`Rate exceeded: ${functionName} is running its ${reserved} reserved invocations`);
  }
}

/**
 * Containers of one function at most. Lambda would start as many as invocations arrive (up to the account's
 * concurrency), each with a machine of its own; here every container shares one event loop, and each cold start
 * takes about a third of a second of it, so more than this only add cold starts and contention for the cores.
 */
const DEFAULT_MAX_CONTAINERS = 10;

/**
 * Containers at most of a function with reserved concurrency: the public routes (the webhook reserves 100), whose
 * invocations mostly wait on DynamoDB while Meta or a browser waits on them. Measured with `npm run soak` (200
 * citizens): up to 100 webhook containers spent the run's first seconds on cold starts (the first reply at p99 13 s,
 * the event loop stalled for up to 3 s); 10 left too few invocations in flight, which queued past the 100 reserved and
 * were throttled by the hundred; 25 gave the best run time and reply p99 of those tried.
 */
const MAX_CONTAINERS_RESERVED = 25;

function lambdaContext(spec: FunctionSpec, environment: Record<string, string>) {
  const deadline = Date.now() + 900_000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: environment.AWS_LAMBDA_FUNCTION_NAME ?? spec.name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${spec.logicalId}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${spec.name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
