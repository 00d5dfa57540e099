import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as z from 'zod';

const executionStatus = z.enum(['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED']);
export type ExecutionStatus = z.infer<typeof executionStatus>;

// Our own format, so closed: a file that does not match is reported, not half-read.
const executionRecord = z.strictObject({
  executionArn: z.string(),
  stateMachineArn: z.string(),
  name: z.string(),
  status: executionStatus,
  /** JSON text, exactly as StartExecution received it (idempotency compares it). */
  input: z.string(),
  output: z.string().optional(),
  error: z.string().optional(),
  cause: z.string().optional(),
  startDate: z.iso.datetime(),
  stopDate: z.iso.datetime().optional(),
  /** How many times a restart has run this execution again from its start. */
  redriveCount: z.number().int().nonnegative(),
});
export type ExecutionRecord = z.infer<typeof executionRecord>;

const TEMP_SUFFIX = '.tmp';

/**
 * One JSON file per execution under `<dataDir>/executions/<state machine>/<execution>.json`, replaced atomically
 * (write a temporary file, fsync, rename) on every change, so a crash leaves either the old record or the new one.
 */
export class ExecutionStore {
  // Writes of one execution are chained so that an older snapshot never lands after a newer one.
  private readonly writes = new Map<string, Promise<void>>();

  private constructor(private readonly root: string) {}

  static async open(dataDir: string): Promise<{ store: ExecutionStore; records: ExecutionRecord[] }> {
    const root = join(dataDir, 'executions');
    await mkdir(root, { recursive: true });
    const records: ExecutionRecord[] = [];
    for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      if (entry.name.endsWith(TEMP_SUFFIX)) {
        // Left by a crash between write and rename; the record it was replacing is intact.
        await rm(path, { force: true });
        continue;
      }
      const parsed = executionRecord.safeParse(JSON.parse(await readFile(path, 'utf8')));
      if (!parsed.success) {
        throw new Error(`Execution record ${path} is not valid: ${z.prettifyError(parsed.error)}`);
      }
      records.push(parsed.data);
    }
    return { store: new ExecutionStore(root), records };
  }

  /** Persists a snapshot of the record as it is now. */
  save(record: ExecutionRecord): Promise<void> {
    const snapshot = JSON.stringify(record, null, 2);
    const path = this.pathOf(record);
    const previous = this.writes.get(path) ?? Promise.resolve();
    const write = previous.then(() => writeAtomically(path, snapshot));
    // The chain itself never rejects: a failed write is the caller's to report, and must not skip the next one.
    const settled = write.then(
      () => undefined,
      () => undefined,
    );
    this.writes.set(path, settled);
    void settled.then(() => {
      if (this.writes.get(path) === settled) this.writes.delete(path);
    });
    return write;
  }

  /** Resolves once every write started so far has landed (or failed). */
  async flush(): Promise<void> {
    await Promise.all([...this.writes.values()]);
  }

  private pathOf(record: ExecutionRecord): string {
    const stateMachineName = record.stateMachineArn.slice(record.stateMachineArn.lastIndexOf(':') + 1);
    return join(this.root, encodeURIComponent(stateMachineName), `${encodeURIComponent(record.name)}.json`);
  }
}

async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`;
  const file = await open(temp, 'w');
  try {
    await file.writeFile(text);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temp, path);
}
