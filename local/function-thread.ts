import { constants, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { startContainers, type ThreadAnswer, type ThreadData, type ThreadRequest, type Timing } from './lambda-host.ts';

// One function's thread (see `loadFunctionInThread`): its containers, serving the invocations its caller posts.

const { spec, environment, maxContainers, background } = workerData as ThreadData;
const port = parentPort!;
// Background work runs below the caller's priority: on a machine short of cores, the conversation's replies come
// before it. (On Linux a priority is a thread's own: 0 names this thread.)
if (background) setPriority(0, constants.priority.PRIORITY_BELOW_NORMAL);
const run = await startContainers(spec, environment, maxContainers, true);

port.on('message', (request: ThreadRequest) => {
  if ('environment' in request) {
    Object.assign(environment, request.environment);
    Object.assign(process.env, request.environment);
    return;
  }
  let timing: Timing | undefined;
  run(request.event, (served) => {
    timing = served;
  }).then(
    (result) => port.postMessage({ id: request.id, result, timing: timing! } satisfies ThreadAnswer),
    (error: unknown) => {
      const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ id: request.id, error: { name, message, stack }, timing } satisfies ThreadAnswer);
    },
  );
});
port.postMessage('ready');
