import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EmbeddedRuntime, startEmbeddedRuntime } from '../local/runtime.ts';

/** The embedded runtime as `npm start` runs it, quiet, over a fresh data folder; `stop` removes the folder too. */
export async function startBenchRuntime(name: string): Promise<{ runtime: EmbeddedRuntime; stop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), `mitra-bench-${name}-`));
  const runtime = await startEmbeddedRuntime({
    port: 0,
    dataDir,
    logLevel: 'ERROR',
    statusWebhooks: false,
    log: () => undefined,
  });
  return {
    runtime,
    async stop() {
      await runtime.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
