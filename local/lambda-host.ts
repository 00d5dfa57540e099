import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
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
  observer?: (timing: { waitedMs: number; ranMs: number }) => void;
}

/**
 * Loads a function from its bundle in cdk.out, as Lambda would: its environment is in place before the module's
 * first line runs (config is read at cold start), and every event and result crosses a JSON boundary.
 * Each invocation runs in a container of its own, as in Lambda: an instance of the module (with its own AWS SDK
 * clients, sockets and retry quota) serving one invocation at a time. Another is loaded (a cold start) when all are
 * busy, up to the containers one machine can keep busy (`maxContainers`, or `MAX_CONTAINERS_RESERVED` for a function
 * with reserved concurrency); past them an invocation waits for one to be free. A function with reserved concurrency
 * takes at most that many invocations at once, running or waiting: one more is throttled (TooManyRequestsException)
 * as Lambda throttles it. All functions share this process, so variables that differ between them are read at cold
 * start only.
 */
export async function loadFunction(
  spec: FunctionSpec,
  environment: Record<string, string>,
  maxContainers = DEFAULT_MAX_CONTAINERS,
): Promise<LoadedFunction> {
  bundleUrls.add(pathToFileURL(spec.handlerFile).href);
  loadBundlesAsTheyAre();
  const load = (): Promise<Handler> => {
    // One cold start at a time in the process: a module reads its environment until its top-level awaits are done,
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
  const loaded: LoadedFunction = {
    spec,
    async invoke(event) {
      const called = performance.now();
      const handler = await acquire();
      const started = performance.now();
      try {
        const context = lambdaContext(spec, environment);
        const result = await handler(JSON.parse(JSON.stringify(event ?? null)), context);
        return result === undefined ? null : JSON.parse(JSON.stringify(result));
      } finally {
        release(handler);
        loaded.observer?.({ waitedMs: started - called, ranMs: performance.now() - started });
      }
    },
  };
  return loaded;
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
