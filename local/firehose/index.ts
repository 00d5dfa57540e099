import { randomUUID } from 'node:crypto';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { DuckDBInstance } from '@duckdb/node-api';
import { type CloudAssembly, referencedLogicalId } from '../cloud-assembly.ts';

/**
 * A delivery stream as the template declares it: where it writes, its partitioned prefix, the partition keys its
 * metadata extraction query takes from each record, and the columns (Glue types) of the table it converts to.
 */
export interface DeliveryStreamSpec {
  name: string;
  bucket: string;
  prefix: string;
  partitionKeys: Record<string, string>;
  columns: { name: string; type: string }[];
  /** Whether its RecordDeAggregation processor splits a record of several JSON objects (one a line) into events. */
  deaggregates: boolean;
}

export interface LocalFirehose {
  endpoint: string;
  /** Writes every buffered record to the lake now (tests, and the runtime's stop). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

const DUCKDB_TYPES: Record<string, string> = { string: 'VARCHAR', int: 'INTEGER', bigint: 'BIGINT', double: 'DOUBLE' };

/**
 * A local Kinesis Data Firehose API (JSON 1.1, `Firehose_20150804.PutRecordBatch` and `PutRecord`) that does what the
 * deployed delivery stream does with the lake's events: record format conversion to Parquet against the Glue
 * table's columns, dynamic partitioning by the metadata extraction query, objects under the stream's prefix in
 * (local) S3. Records are appended to a spool file before they are acknowledged, so a restart loses none; they are
 * written every `flushSeconds`, as Firehose's buffering interval would.
 */
export async function startLocalFirehose(options: {
  host: string;
  dataDir: string;
  streams: DeliveryStreamSpec[];
  s3: S3Client;
  flushSeconds?: number;
  log: (line: string) => void;
}): Promise<LocalFirehose> {
  mkdirSync(options.dataDir, { recursive: true });
  const spool = (stream: string) => join(options.dataDir, `${stream}.spool.jsonl`);
  const byName = new Map(options.streams.map((s) => [s.name, s]));
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  let flushing: Promise<void> = Promise.resolve();

  const writeStream = async (stream: DeliveryStreamSpec) => {
    const file = spool(stream.name);
    if (!existsSync(file)) return;
    const taken = `${file}.${Date.now()}.taking`;
    renameSync(file, taken);
    const groups = new Map<string, string[]>();
    for (const line of readFileSync(taken, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const record = JSON.parse(line) as Record<string, unknown>;
      let prefix = stream.prefix;
      for (const [key, field] of Object.entries(stream.partitionKeys))
        prefix = prefix.replace(`!{partitionKeyFromQuery:${key}}`, String(record[field] ?? 'unknown'));
      groups.set(prefix, [...(groups.get(prefix) ?? []), line]);
    }
    const columns = stream.columns.map((c) => `'${c.name}': '${DUCKDB_TYPES[c.type] ?? 'VARCHAR'}'`).join(', ');
    for (const [prefix, lines] of groups) {
      const id = randomUUID();
      const input = join(options.dataDir, `${id}.jsonl`);
      const output = join(options.dataDir, `${id}.parquet`);
      writeFileSync(input, `${lines.join('\n')}\n`);
      await connection.run(
        `COPY (SELECT * FROM read_json('${input}', format = 'newline_delimited', columns = {${columns}})) ` +
          `TO '${output}' (FORMAT PARQUET, COMPRESSION SNAPPY)`,
      );
      const stamp = new Date().toISOString().slice(0, 19).replace(/[T:]/g, '-');
      await options.s3.send(
        new PutObjectCommand({
          Bucket: stream.bucket,
          Key: `${prefix}${stream.name}-1-${stamp}-${id}.parquet`,
          Body: readFileSync(output),
        }),
      );
      rmSync(input);
      rmSync(output);
    }
    rmSync(taken);
  };
  const flush = () => {
    flushing = flushing.then(async () => {
      for (const stream of options.streams) await writeStream(stream);
    });
    return flushing;
  };
  // Records spooled before a restart, taken or not, go out first.
  for (const stream of options.streams) {
    const leftovers = readdirSync(options.dataDir).filter((f) => f.startsWith(`${stream.name}.spool.jsonl.`));
    for (const leftover of leftovers)
      appendFileSync(spool(stream.name), readFileSync(join(options.dataDir, leftover), 'utf8'));
    for (const leftover of leftovers) rmSync(join(options.dataDir, leftover));
  }
  await flush();

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.log(`[firehose] ${(error as Error).message}`);
      answer(res, 500, { __type: 'ServiceUnavailableException', message: 'local Firehose failed' });
    });
  });
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const target = String(req.headers['x-amz-target'] ?? '');
    const body = JSON.parse((await readBody(req)).toString('utf8') || '{}') as {
      DeliveryStreamName?: string;
      Records?: { Data: string }[];
      Record?: { Data: string };
    };
    const stream = byName.get(String(body.DeliveryStreamName));
    if (!stream)
      return answer(res, 400, {
        __type: 'ResourceNotFoundException',
        message: `Firehose ${body.DeliveryStreamName} under account 000000000000 not found.`,
      });
    const records = target.endsWith('.PutRecordBatch') ? (body.Records ?? []) : body.Record ? [body.Record] : [];
    if (records.length > 500)
      return answer(res, 400, { __type: 'InvalidArgumentException', message: 'at most 500 records per batch' });
    const events = records.map((r) => Buffer.from(r.Data, 'base64').toString('utf8').trim().split('\n'));
    // Without the processor, Firehose would read a record of several events as one and fail to partition it: the
    // local stream refuses such a record, so a template that lost the processor fails here rather than in AWS.
    const refused = events.map((lines) => lines.length > 1 && !stream.deaggregates);
    appendFileSync(
      spool(stream.name),
      events
        .filter((_, index) => !refused[index])
        .flat()
        .map((line) => `${line}\n`)
        .join(''),
    );
    const responses = records.map((_, index) =>
      refused[index]
        ? {
            ErrorCode: 'InvalidArgumentException',
            ErrorMessage: 'several JSON objects in one record need the RecordDeAggregation processor',
          }
        : { RecordId: randomUUID() },
    );
    const failed = refused.filter(Boolean).length;
    answer(
      res,
      200,
      target.endsWith('.PutRecordBatch')
        ? { FailedPutCount: failed, Encrypted: true, RequestResponses: responses }
        : { RecordId: responses[0]?.RecordId, Encrypted: true },
    );
  };
  const port = await new Promise<number>((done) =>
    server.listen(0, options.host, () => done((server.address() as AddressInfo).port)),
  );
  const timer = setInterval(
    () => {
      flush().catch((error: unknown) => options.log(`[firehose] flush failed: ${(error as Error).message}`));
    },
    (options.flushSeconds ?? 5) * 1000,
  );
  return {
    endpoint: `http://${options.host}:${port}`,
    flush,
    async close() {
      clearInterval(timer);
      await new Promise<void>((done) => server.close(() => done()));
      await flush().catch(() => undefined);
      connection.closeSync();
    },
  };
}

function answer(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
  res.end(JSON.stringify(body));
}

/** Firehose takes at most 4 MiB of records per call, base64 in JSON. */
const MAX_BODY_BYTES = 6 * 1024 * 1024;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('request larger than Firehose accepts');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The delivery streams of the template, with the bucket, prefix, partition keys and Glue columns each writes with. */
export function deliveryStreamsOf(assembly: CloudAssembly, bucketName: (logicalId: string) => string) {
  const tables = assembly.resourcesOfType('AWS::Glue::Table').map(([, r]) => r.Properties?.TableInput as GlueTable);
  return assembly.resourcesOfType('AWS::KinesisFirehose::DeliveryStream').map(([logicalId, resource]) => {
    const destination = resource.Properties?.ExtendedS3DestinationConfiguration as ExtendedS3;
    const bucket = referencedLogicalId(destination.BucketARN);
    const schema = destination.DataFormatConversionConfiguration?.SchemaConfiguration;
    const table = tables.find((t) => t.Name === schema?.TableName);
    if (!bucket || !table) throw new Error(`delivery stream ${logicalId} has no bucket or Glue table to convert with`);
    const processors = destination.ProcessingConfiguration?.Processors ?? [];
    const query =
      processors.flatMap((p) => p.Parameters ?? []).find((p) => p.ParameterName === 'MetadataExtractionQuery')
        ?.ParameterValue ?? '{}';
    // `{dt: .dt, department: .department}`: each partition key from a top-level field of the record.
    const partitionKeys = Object.fromEntries(
      [...query.matchAll(/(\w+)\s*:\s*\.(\w+)/g)].map((m) => [m[1]!, m[2]!] as const),
    );
    return {
      name: logicalId,
      bucket: bucketName(bucket.logicalId),
      prefix: destination.Prefix,
      partitionKeys,
      columns: table.StorageDescriptor.Columns.map((c) => ({ name: c.Name, type: c.Type })),
      deaggregates: processors.some((p) => p.Type === 'RecordDeAggregation'),
    } satisfies DeliveryStreamSpec;
  });
}

interface GlueTable {
  Name: string;
  StorageDescriptor: { Columns: { Name: string; Type: string }[] };
}
interface ExtendedS3 {
  BucketARN: unknown;
  Prefix: string;
  ProcessingConfiguration?: {
    Processors?: { Type?: string; Parameters?: { ParameterName: string; ParameterValue: string }[] }[];
  };
  DataFormatConversionConfiguration?: { SchemaConfiguration?: { TableName?: string } };
}
