import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indiaDate } from '#core/events/lake-event.ts';
import { downloadLake, runSavedQueries } from '../../local/lake/duckdb-lake.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/local-aws.ts';
import { applyForIncomeCertificate } from '../support/certificates.ts';
import { rowIdOf, say, startTestRuntime } from '../support/runtime.ts';

// A citizen's income certificate, from "Hi" to the document, on the embedded runtime: its events leave the table's
// stream, land as Parquet in the local lake under the deployed layout, and the saved queries answer from DuckDB.
const citizen = '919812345670';
let env: Awaited<ReturnType<typeof startTestRuntime>>;
let lakeDir: string;

beforeAll(async () => {
  env = await startTestRuntime();
  lakeDir = mkdtempSync(join(tmpdir(), 'mitra-lake-'));
  await say(env.runtime, citizen, { text: 'Hi' });
  await say(env.runtime, citizen, { reply_id: 'lang:en' });
  await say(env.runtime, citizen, { reply_id: await rowIdOf(env.runtime, citizen, 'consent:yes') });
  await applyForIncomeCertificate(env.runtime, citizen);
  await env.runtime.drained();
  await env.runtime.lake.flush();
  const s3 = new S3Client({
    endpoint: env.runtime.endpoints.s3,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    forcePathStyle: true,
  });
  await downloadLake(s3, env.runtime.lake.bucket, lakeDir);
}, 300_000);
afterAll(async () => {
  await env?.stop();
  if (lakeDir) rmSync(lakeDir, { recursive: true, force: true });
});

const today = () => indiaDate(new Date());

describe('the lake on one machine', () => {
  it('holds Parquet files under events/dt=<day>/department=<id>/, as Firehose writes them', () => {
    const days = readdirSync(join(lakeDir, 'events'));
    expect(days).toContain(`dt=${today()}`);
    const departments = readdirSync(join(lakeDir, 'events', `dt=${today()}`));
    expect(departments).toEqual(expect.arrayContaining(['department=channel', 'department=revenue']));
    const files = readdirSync(join(lakeDir, 'events', `dt=${today()}`, 'department=revenue'));
    expect(files.every((f) => f.endsWith('.parquet'))).toBe(true);
  });

  it('keeps no phone number in any file', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    const reader = await connection.runAndReadAll(
      `SELECT count(*)::INTEGER AS n FROM read_parquet('${lakeDir}/events/**/*.parquet', union_by_name = true)
       WHERE contains(CAST(COLUMNS(*) AS VARCHAR), '${citizen}')`,
    );
    connection.closeSync();
    expect(reader.getRowObjectsJson()[0]!.n).toBe(0);
  });

  it('answers every saved query with DuckDB', async () => {
    const answers = Object.fromEntries(
      (await runSavedQueries(lakeDir, today())).map((a) => [a.query.name, a.rows] as const),
    );
    expect(answers['applications-by-service-and-district']).toEqual([
      { service_id: 'revenue.income-certificate', district: 'guntur', applications: '1' },
    ]);
    const timing = answers['time-to-document-by-service']!;
    expect(timing).toHaveLength(1);
    expect(timing[0]).toMatchObject({ service_id: 'revenue.income-certificate', issued: '1' });
    // One document: its median and 90th percentile are its own time to issue.
    expect(timing[0]!.median_seconds).toBe(timing[0]!.p90_seconds);
    expect(answers['top-services']).toEqual([
      { service_id: 'revenue.income-certificate', applications: '1', issued: '1', rejected: '0' },
    ]);
    expect(answers['sla-breaches-by-office']).toEqual([]);
    expect(answers['payment-totals-by-biller']).toEqual([]);
    expect(answers['unresolved-grievances-by-mandal']).toEqual([]);
    expect(answers['grievance-ratings']).toEqual([]);
  });
});
