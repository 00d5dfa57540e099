import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * An append-only JSON-lines file: the simulator's state survives a restart of `npm start` without a database.
 * Writes are synchronous so a record is on disk before the HTTP answer that reports it leaves.
 */
export class JsonlFile<T> {
  constructor(private readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
  }

  /** Every record in order. A torn last line (a crash mid-write) is skipped rather than failing the start. */
  readAll(): T[] {
    if (!existsSync(this.path)) return [];
    const records: T[] = [];
    for (const line of readFileSync(this.path, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      try {
        records.push(JSON.parse(line) as T);
      } catch {
        // Only the last line can be torn; anything else unparsable is skipped the same way.
      }
    }
    return records;
  }

  append(record: T): void {
    appendFileSync(this.path, `${JSON.stringify(record)}\n`);
  }
}
