import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { DuckDBInstance } from '@duckdb/node-api';

/** lake/queries/*.sql: the saved queries deployed as Athena named queries (lib/data-lake.ts). */
const QUERIES_DIR = new URL('../../lake/queries/', import.meta.url);

export interface SavedQuery {
  name: string;
  description: string;
  sql: string;
}

function readSavedQueries(): SavedQuery[] {
  return readdirSync(QUERIES_DIR)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => {
      const sql = readFileSync(new URL(file, QUERIES_DIR), 'utf8').trim();
      return { name: file.replace(/\.sql$/, ''), description: /^--\s*(.+)$/m.exec(sql)?.[1] ?? file, sql };
    });
}

/**
 * The one difference between Athena's SQL and DuckDB's that the saved queries meet: Athena's `approx_percentile`
 * is DuckDB's `quantile_disc` (an actual value of the column at that rank). docs/events.md lists it; the lake's
 * integration test checks the answers against percentiles computed from the events themselves.
 */
function toDuckDb(sql: string): string {
  return sql.replace(/\bapprox_percentile\s*\(/gi, 'quantile_disc(');
}

/** Copies the lake's Parquet objects (events/…) from S3 into a folder, keeping their keys as paths. */
export async function downloadLake(s3: S3Client, bucket: string, into: string): Promise<number> {
  let count = 0;
  let ContinuationToken: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'events/', ContinuationToken }));
    for (const object of page.Contents ?? []) {
      if (!object.Key?.endsWith('.parquet')) continue;
      const { Body } = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: object.Key }));
      const file = join(into, object.Key);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, await Body!.transformToByteArray());
      count++;
    }
    ContinuationToken = page.NextContinuationToken;
  } while (ContinuationToken);
  return count;
}

export interface QueryAnswer {
  query: SavedQuery;
  rows: Record<string, unknown>[];
}

/**
 * Runs the saved queries with DuckDB over a folder holding the lake's layout: `events` is the Parquet files under
 * events/ with their `dt` and `department` partitions read from the path, as Athena's table projects them. Every
 * `?` of a query is the day asked (India date, yyyy-mm-dd).
 */
export async function runSavedQueries(
  lakeDir: string,
  day: string,
  queries = readSavedQueries(),
): Promise<QueryAnswer[]> {
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  try {
    const files = join(lakeDir, 'events', '**', '*.parquet').replaceAll("'", "''");
    await connection.run(
      `CREATE VIEW events AS SELECT * FROM read_parquet('${files}', hive_partitioning = true, ` +
        `hive_types = {'dt': VARCHAR, 'department': VARCHAR}, union_by_name = true)`,
    );
    const answers: QueryAnswer[] = [];
    for (const query of queries) {
      const statement = await connection.prepare(toDuckDb(query.sql));
      for (let index = 1; index <= statement.parameterCount; index++) statement.bindVarchar(index, day);
      const reader = await statement.runAndReadAll();
      answers.push({ query, rows: reader.getRowObjectsJson() as Record<string, unknown>[] });
    }
    return answers;
  } finally {
    connection.closeSync();
  }
}
