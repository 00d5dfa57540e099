import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { readCloudAssembly } from '../local/cloud-assembly.ts';
import type { Figure } from './results-file.ts';

const RUNS = 5;

// Enough configuration for every handler's cold start to complete without reaching any service.
const coldStartEnv = {
  TABLE_NAME: 't',
  ARCHIVE_BUCKET: 'a',
  MEDIA_BUCKET: 'm',
  SIGNING_KEY_ID: 'k',
  CERTIFICATE_WORKFLOW_ARN: 'arn:aws:states:local:000000000000:stateMachine:s',
  WHATSAPP_VERIFY_TOKEN: 'v',
  WHATSAPP_PHONE_NUMBER_ID: '1',
  WHATSAPP_ACCESS_TOKEN: 'a',
  WHATSAPP_APP_SECRET: 's',
  GRAPH_API_BASE: 'http://127.0.0.1:9',
  PUBLIC_BASE_URL: 'http://127.0.0.1:9',
  AWS_REGION: 'local',
  POWERTOOLS_TRACE_ENABLED: 'false',
};

/** Median milliseconds to import a module in a fresh Node process: the code part of a Lambda cold start. */
function coldImportMs(file: string): number {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const out = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t);`,
      ],
      { env: { ...process.env, ...coldStartEnv }, encoding: 'utf8' },
    );
    samples.push(Number(out.trim().split('\n').at(-1)));
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/** Size and cold import time of every function bundle in cdk.out, beside an empty handler built the same way. */
export async function bundleFigures(): Promise<Figure[]> {
  const assembly = readCloudAssembly('cdk.out');
  const dir = mkdtempSync(join(tmpdir(), 'mitra-bench-'));
  writeFileSync(join(dir, 'empty.ts'), 'export const handler = async () => ({ statusCode: 200 });\n');
  await build({
    entryPoints: [join(dir, 'empty.ts')],
    outfile: join(dir, 'empty.mjs'),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
  });
  const baseline = { name: 'empty handler', value: coldImportMs(join(dir, 'empty.mjs')) };
  const figures: Figure[] = [];
  for (const fn of assembly.functions) {
    figures.push({ name: `bundle.${fn.name}.bytes`, value: statSync(fn.handlerFile).size, unit: 'bytes' });
    const ms = coldImportMs(fn.handlerFile);
    figures.push({
      name: `bundle.${fn.name}.cold_import_ms`,
      value: ms,
      unit: 'ms',
      baseline,
      ratio: ms / baseline.value,
    });
  }
  return figures;
}
