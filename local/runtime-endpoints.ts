import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where a running embedded runtime's emulators answer, for the administrator tools (`npm run revoke`). */
export interface RuntimeEndpoints {
  pid: number;
  baseUrl: string;
  dynamodb: string;
  s3: string;
  kms: string;
  stepFunctions: string;
}

/** In the data folder while the runtime runs. */
const FILE = 'runtime-endpoints.json';

/** Writes the file; answers the function that removes it when the runtime stops. */
export function publishRuntimeEndpoints(dataDir: string, endpoints: RuntimeEndpoints): () => void {
  const file = join(dataDir, FILE);
  writeFileSync(file, JSON.stringify(endpoints, null, 2));
  return () => rmSync(file, { force: true });
}

/**
 * The endpoints of the runtime running on this data folder, or undefined when none runs there (a file left by a
 * runtime that was killed names endpoints nobody serves, so the runtime must also answer /health).
 */
export async function runningRuntimeEndpoints(dataDir: string): Promise<RuntimeEndpoints | undefined> {
  let endpoints: RuntimeEndpoints;
  try {
    endpoints = JSON.parse(readFileSync(join(dataDir, FILE), 'utf8')) as RuntimeEndpoints;
  } catch {
    return undefined;
  }
  const healthy = await fetch(`${endpoints.baseUrl}/health`, { signal: AbortSignal.timeout(2000) }).then(
    (response) => response.ok,
    () => false,
  );
  return healthy ? endpoints : undefined;
}
