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

/**
 * The containers of one function in this thread: the first is loaded before this resolves. In a thread that other
 * functions share, one cold start runs at a time: a module reads its environment until its top-level awaits are done,
 * and another function's cold start must not change it meanwhile. In a thread of the function's own (`ownThread`),
 * every container has the same environment, so its cold starts run at once and their top-level awaits (the secrets
 * they fetch) overlap, as Lambda's containers start side by side.
 */
export async function startContainers(
  spec: FunctionSpec,
  environment: Record<string, string>,
  maxContainers = DEFAULT_MAX_CONTAINERS,
  ownThread = false,
): Promise<Containers> {
  bundleUrls.add(pathToFileURL(spec.handlerFile).href);
  loadBundlesAsTheyAre();
  const load = (): Promise<Handler> => {
    const loaded = (ownThread ? Promise.resolve() : coldStarts).then(async () => {
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
    if (!ownThread) coldStarts = loaded.catch(() => undefined);
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
  /** Work no one waits on as it runs: its threads run below the caller's priority. */
  background?: boolean;
  maxContainers?: number;
  /**
   * Threads the function's containers are spread over (1 unless told), each with its share of the containers: a burst
   * of invocations starts its cold starts on as many cores, as Lambda starts each container on a machine of its own.
   */
  threads?: number;
}

/** What a function's thread answers for one invocation. */
export type ThreadAnswer =
  | { id: number; result: unknown; timing: Timing }
  | { id: number; error: { name: string; message: string; stack?: string }; timing?: Timing };

/** What a function's thread is told: an invocation, or variables to set in its environment. */
export type ThreadRequest = { id: number; event: unknown } | { environment: Record<string, string> };

/** What a function's thread is started with (function-thread.ts). */
export interface ThreadData {
  spec: FunctionSpec;
  environment: Record<string, string>;
  maxContainers: number;
  background: boolean;
}

/**
 * Loads a function as `loadFunction` does, in worker threads of its own: its containers' work (their cold starts,
 * rendering, signing, the SDK's calls) runs on other cores than the caller's, as each Lambda container has a machine
 * of its own. An invocation goes to the thread with the fewest in flight. Events and results cross the thread as JSON
 * does. Reserved concurrency is counted here, over all the threads: an invocation past it is throttled at once. A
 * thread that dies (an error no invocation caught) fails the invocations it was running, and its next invocation
 * starts another, as Lambda replaces a broken sandbox.
 */
export async function loadFunctionInThread(
  spec: FunctionSpec,
  environment: Record<string, string>,
  { background = false, maxContainers = DEFAULT_MAX_CONTAINERS, threads = 1 }: ThreadOptions = {},
): Promise<LoadedFunction> {
  const reserved = spec.reservedConcurrency;
  const most = reserved === undefined ? maxContainers : Math.min(reserved, MAX_CONTAINERS_RESERVED);
  const count = Math.max(1, Math.min(threads, most));
  const variables: Record<string, string> = {};
  let ids = 0;
  let closed = false;
  let loaded: LoadedFunction | undefined;
  // The threads' containers never throttle: the reserved concurrency is counted here, over them all.
  const unreserved: FunctionSpec = { ...spec };
  delete unreserved.reservedConcurrency;
  const pool = Array.from(
    { length: count },
    (_, i) =>
      new FunctionThread(
        spec.name,
        () => ({
          spec: unreserved,
          environment: { ...environment, ...variables },
          // The containers shared out, the first threads taking what does not divide.
          maxContainers: Math.floor(most / count) + (i < most % count ? 1 : 0),
          background,
        }),
        () => ({ ...process.env, ...variables }),
        (timing) => loaded?.observer?.(timing),
      ),
  );
  await Promise.all(pool.map((thread) => thread.started()));
  loaded = {
    spec,
    async invoke(event) {
      if (closed) throw new Error(`the ${spec.name} function is stopped`);
      const inFlight = pool.reduce((sum, thread) => sum + thread.inFlight, 0);
      if (reserved !== undefined && inFlight >= reserved) throw new Throttled(spec.name, reserved);
      const least = pool.reduce((best, thread) => (thread.inFlight < best.inFlight ? thread : best));
      return least.invoke(++ids, event ?? null);
    },
    setEnvironment(values) {
      Object.assign(variables, values);
      for (const thread of pool) thread.tell({ environment: values });
    },
    async close() {
      closed = true;
      await Promise.all(pool.map((thread) => thread.close()));
    },
  };
  return loaded;
}

/** One worker thread of a function's: started again on the next invocation after it dies. */
class FunctionThread {
  /** The invocations in flight, each with the thread (by its start) it was posted to. */
  private readonly pending = new Map<
    number,
    { start: number; resolve(value: unknown): void; reject(error: Error): void }
  >();
  private starts = 0;
  private worker: Promise<Worker> | undefined;

  // Fields set in the constructor, not parameter properties: the thread's entry loads this file with Node's type
  // stripping, which has none.
  private readonly name: string;
  private readonly data: () => ThreadData;
  private readonly env: () => NodeJS.ProcessEnv;
  private readonly observe: (timing: Timing) => void;

  constructor(name: string, data: () => ThreadData, env: () => NodeJS.ProcessEnv, observe: (timing: Timing) => void) {
    this.name = name;
    this.data = data;
    this.env = env;
    this.observe = observe;
    this.worker = this.start();
  }

  get inFlight(): number {
    return this.pending.size;
  }

  async started(): Promise<void> {
    await this.worker;
  }

  async invoke(id: number, event: unknown): Promise<unknown> {
    this.worker ??= this.start();
    const start = this.starts;
    const answer = new Promise((resolve, reject) => this.pending.set(id, { start, resolve, reject }));
    // Counted in flight while the thread starts; if it fails to, the start's error is the one thrown.
    answer.catch(() => undefined);
    try {
      const worker = await this.worker;
      worker.ref();
      // The container takes the event through JSON, as Lambda's wire does.
      worker.postMessage({ id, event } satisfies ThreadRequest);
      return await answer;
    } finally {
      this.pending.delete(id);
      if (this.pending.size === 0)
        void this.worker?.then(
          (worker) => worker.unref(),
          () => undefined,
        );
    }
  }

  tell(request: ThreadRequest): void {
    void this.worker?.then(
      (worker) => worker.postMessage(request),
      () => undefined,
    );
  }

  async close(): Promise<void> {
    const worker = await this.worker?.catch(() => undefined);
    await worker?.terminate();
  }

  private start(): Promise<Worker> {
    const start = ++this.starts;
    const worker = new Worker(new URL('./function-thread.ts', import.meta.url), {
      name: this.name,
      workerData: this.data(),
      env: this.env(),
    });
    const failAll = (error: Error) => {
      // Only what this thread ran: its exit may come after the next thread has started and taken invocations.
      for (const [id, invocation] of this.pending) {
        if (invocation.start !== start) continue;
        this.pending.delete(id);
        invocation.reject(error);
      }
      if (this.worker === started) this.worker = undefined;
    };
    worker.on('message', (answer: ThreadAnswer) => {
      const invocation = this.pending.get(answer.id);
      if (!invocation) return;
      this.pending.delete(answer.id);
      if (answer.timing) this.observe(answer.timing);
      if ('result' in answer) invocation.resolve(answer.result);
      else invocation.reject(errorFrom(answer.error));
    });
    worker.on('error', (error) => failAll(error));
    worker.on('exit', (code) => failAll(new Error(`the ${this.name} function's thread stopped (exit code ${code})`)));
    const started: Promise<Worker> = new Promise((resolve, reject) => {
      const ready = (message: unknown) => {
        if (message !== 'ready') return;
        worker.off('message', ready);
        worker.off('error', reject);
        worker.unref();
        resolve(worker);
      };
      worker.on('message', ready);
      worker.once('error', reject);
      worker.once('exit', (code) =>
        reject(new Error(`the ${this.name} function's thread stopped at start (exit code ${code})`)),
      );
    });
    return started;
  }
}

/** The error a thread reported, as the caller would have caught it in its own thread. */
function errorFrom(reported: { name: string; message: string; stack?: string }) {
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
