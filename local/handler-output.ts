import { StringDecoder } from 'node:string_decoder';

/**
 * What a person running `npm start` sees of the handlers' own output. The handlers run in this process and write as
 * they do in Lambda: Powertools log records and CloudWatch Embedded Metric Format records, one JSON line each. In AWS
 * the log pipeline files those away; on a terminal they would be a wall of JSON. So metric records are left out (the
 * alarms that read them exist only in AWS), each log record becomes one readable line, and every other line passes
 * through unchanged.
 */

/** Keys every Powertools record carries: the function's context, not what happened. */
const CONTEXT_KEYS = new Set([
  'level',
  'message',
  'timestamp',
  'service',
  'cold_start',
  'function_arn',
  'function_memory_size',
  'function_name',
  'function_request_id',
  'sampling_rate',
  'xray_trace_id',
]);
const VALUE_LIMIT = 200;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;

function oneLine(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > VALUE_LIMIT ? `${flat.slice(0, VALUE_LIMIT - 1)}…` : flat;
}

function detail(key: string, value: unknown): string {
  if (key === 'error' && isObject(value) && typeof value['message'] === 'string') {
    const where = typeof value['location'] === 'string' ? ` at ${value['location']}` : '';
    return `error="${oneLine(`${String(value['name'] ?? 'Error')}: ${value['message']}${where}`)}"`;
  }
  if (typeof value === 'string')
    return /[\s"=]/.test(value) ? `${key}=${JSON.stringify(oneLine(value))}` : `${key}=${value}`;
  return `${key}=${oneLine(JSON.stringify(value) ?? String(value))}`;
}

function clockTime(timestamp: unknown): string {
  const at = typeof timestamp === 'string' || typeof timestamp === 'number' ? new Date(timestamp) : new Date();
  return (Number.isNaN(at.getTime()) ? new Date() : at).toTimeString().slice(0, 8);
}

/** One line of handler output as a person should see it; undefined when it is a metric record. */
export function readableLine(line: string): string | undefined {
  if (!line.trimStart().startsWith('{')) return line;
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return line;
  }
  if (!isObject(record)) return line;
  if (isObject(record['_aws']) && Array.isArray(record['_aws']['CloudWatchMetrics'])) return undefined;
  if (typeof record['level'] !== 'string' || typeof record['message'] !== 'string') return line;
  const details = Object.entries(record)
    .filter(([key]) => !CONTEXT_KEYS.has(key))
    .map(([key, value]) => detail(key, value));
  const source = typeof record['service'] === 'string' ? `[${record['service']}] ` : '';
  return [
    `${clockTime(record['timestamp'])} ${record['level'].padEnd(5)} ${source}${oneLine(record['message'])}`,
    ...details,
  ].join('  ');
}

/**
 * Passes everything written to `stream` through `readableLine`, line by line, until the returned function is called.
 * A JSON line may arrive in pieces, so an unfinished line that opens a JSON object waits for its end; any other
 * unfinished text (a prompt) is written at once.
 */
export function makeHandlerOutputReadable(stream: NodeJS.WriteStream): () => void {
  const write = stream.write.bind(stream) as (chunk: string, callback?: (error?: Error | null) => void) => boolean;
  const decoder = new StringDecoder('utf8');
  let pending = '';
  const readableWrite = (
    chunk: string | Uint8Array,
    encodingOrCallback?: BufferEncoding | ((error?: Error | null) => void),
    maybeCallback?: (error?: Error | null) => void,
  ): boolean => {
    const callback = typeof encodingOrCallback === 'function' ? encodingOrCallback : maybeCallback;
    const text =
      typeof chunk === 'string' ? chunk : decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    const lines = (pending + text).split('\n');
    const rest = lines.pop() ?? '';
    pending = rest.trimStart().startsWith('{') ? rest : '';
    const shown = lines.map(readableLine).filter((line) => line !== undefined);
    const out = (shown.length ? `${shown.join('\n')}\n` : '') + (pending ? '' : rest);
    if (out === '') {
      if (callback) process.nextTick(callback);
      return true;
    }
    return write(out, callback);
  };
  stream.write = readableWrite as typeof stream.write;
  return () => {
    stream.write = write as typeof stream.write;
  };
}
