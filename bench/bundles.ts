import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { type FunctionSpec, readCloudAssembly } from '../local/cloud-assembly.ts';
import { LOCAL_SECRETS } from '../local/runtime.ts';
import type { Figure } from './results-file.ts';

const RUNS = 5;

/**
 * A cold start's configuration from the function's own template variables: literal values kept, references
 * replaced by placeholders, and secrets by the variables the embedded runtime passes instead,
 * so the import completes without reaching any service.
 */
function coldStartEnv(fn: FunctionSpec): Record<string, string> {
  const env: Record<string, string> = { AWS_REGION: 'local' };
  for (const [name, value] of Object.entries(fn.environment)) {
    if (name in LOCAL_SECRETS) Object.assign(env, LOCAL_SECRETS[name]);
    else env[name] = placeholder(name, value);
  }
  if (env.GRAPH_API_BASE) env.GRAPH_API_BASE = 'http://127.0.0.1:9';
  if (env.PUBLIC_BASE_URL) env.PUBLIC_BASE_URL = 'http://127.0.0.1:9';
  return env;
}

/**
 * A template value with its references replaced: a joined value keeps its literal parts (a JSON setting stays
 * JSON), each reference inside it becomes a plain word, and a value that is only a reference becomes an ARN.
 */
function placeholder(name: string, value: unknown): string {
  if (typeof value === 'string') return value;
  const join = (value as { 'Fn::Join'?: [string, unknown[]] } | undefined)?.['Fn::Join'];
  if (join) {
    return join[1]
      .map((part) => (typeof part === 'string' ? part : name.toLowerCase().replaceAll('_', '-')))
      .join(join[0]);
  }
  return `arn:aws:local:local:000000000000:${name.toLowerCase()}`;
}

/** Median milliseconds to import a module in a fresh Node process: the code part of a Lambda cold start. */
function coldImportMs(file: string, env: Record<string, string> = {}): number {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(resolve(file)).href)}); console.log(performance.now() - t);`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH, ...env },
      encoding: 'utf8',
    });
    if (run.status !== 0) {
      const lines = run.stderr
        .split('\n')
        .filter((line) => line.trim() && line.length < 300 && !line.trimStart().startsWith('at '));
      throw new Error(`importing ${file} failed: ${lines.at(-2) ?? run.stderr.slice(-300)}`);
    }
    const out = run.stdout;
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
    const ms = coldImportMs(fn.handlerFile, coldStartEnv(fn));
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
