import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { FunctionSpec } from './cloud-assembly.ts';

type Handler = (event: unknown, context: unknown) => Promise<unknown>;

let loads = 0;

export interface LoadedFunction {
  spec: FunctionSpec;
  invoke(event: unknown): Promise<unknown>;
}

/**
 * Loads a function from its bundle in cdk.out, as Lambda would: its environment is in place before the module's
 * first line runs (config is read at cold start), and every event and result crosses a JSON boundary.
 * All functions share this process, so variables that differ between them are read at cold start only.
 */
export async function loadFunction(spec: FunctionSpec, environment: Record<string, string>): Promise<LoadedFunction> {
  Object.assign(process.env, environment);
  // Each load is a cold start with its own module instance: a runtime started again in the same process (tests)
  // must not reuse clients built for the previous one's endpoints.
  const url = `${pathToFileURL(spec.handlerFile).href}?load=${++loads}`;
  const module = (await import(url)) as Record<string, unknown>;
  const handler = module[spec.exportName];
  if (typeof handler !== 'function')
    throw new Error(`bundle ${spec.handlerFile} exports no function ${spec.exportName}`);
  return {
    spec,
    async invoke(event) {
      const context = lambdaContext(spec, environment);
      const result = await (handler as Handler)(JSON.parse(JSON.stringify(event ?? null)), context);
      return result === undefined ? null : JSON.parse(JSON.stringify(result));
    },
  };
}

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
