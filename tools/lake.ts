import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { S3Client } from '@aws-sdk/client-s3';
import { indiaDate } from '../lambdas/core/events/lake-event.ts';
import { readCloudAssembly } from '../local/cloud-assembly.ts';
import { deliveryStreamsOf } from '../local/firehose/index.ts';
import { downloadLake, runSavedQueries } from '../local/lake/duckdb-lake.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../local/local-aws.ts';
import { runningRuntimeEndpoints } from '../local/runtime-endpoints.ts';
import { startS3Local } from '../local/s3-local.ts';

const USAGE = `Runs the lake's saved queries (lake/queries/*.sql) with DuckDB over the embedded runtime's lake.

  npm run lake                     today (India date)
  npm run lake -- --day 2026-12-05
  npm run lake -- --json           the answers as JSON

Options:
  --data-dir <dir>   the embedded runtime's data folder (default .mitra); it may be running or not`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      day: { type: 'string' },
      json: { type: 'boolean' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const day = values.day ?? indiaDate(new Date());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
    console.error(`--day must be a date as yyyy-mm-dd, got "${day}"\n\n${USAGE}`);
    return 2;
  }
  const dataDir = resolve(values['data-dir'] ?? '.mitra');
  const [stream] = deliveryStreamsOf(readCloudAssembly('cdk.out'), (logicalId) => logicalId.toLowerCase());
  if (!stream) throw new Error('the stack declares no lake delivery stream: run `npm run synth`');

  const running = await runningRuntimeEndpoints(dataDir);
  const local = running ? undefined : await startS3Local(join(dataDir, 's3'), [stream.bucket]);
  const lakeDir = mkdtempSync(join(tmpdir(), 'mitra-lake-'));
  try {
    const s3 = new S3Client({
      endpoint: running?.s3 ?? local!.endpoint,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      forcePathStyle: true,
    });
    const files = await downloadLake(s3, stream.bucket, lakeDir);
    if (files === 0) {
      console.error('the lake is empty: start the embedded runtime (npm start) and use it; events land within seconds');
      return 1;
    }
    const answers = await runSavedQueries(lakeDir, day);
    if (values.json) {
      console.log(
        JSON.stringify({ day, answers: answers.map((a) => ({ query: a.query.name, rows: a.rows })) }, null, 2),
      );
    } else {
      for (const { query, rows } of answers) {
        console.log(`\n${query.name}: ${query.description}`);
        if (rows.length === 0) console.log('  (no rows)');
        else console.table(rows);
      }
    }
    return 0;
  } finally {
    rmSync(lakeDir, { recursive: true, force: true });
    await local?.stop();
  }
}

process.exitCode = await main().catch((error: unknown) => {
  console.error((error as Error).message);
  return 1;
});
