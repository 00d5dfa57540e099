import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { hasStack, newestMtime } from './cloud-assembly.ts';
import { StartupError } from './startup-error.ts';

/**
 * Progress that `cdk synth` writes on stderr while it bundles each function: the asset being bundled, esbuild's
 * table of output sizes and its timing. A person starting the runtime needs none of it; warnings and errors differ.
 */
const PROGRESS = [
  /^Bundling asset \S+\.\.\.$/,
  /^\s*\S+\s+\d+(\.\d+)?[kmg]?b(\s+\S+)?$/i,
  /^⚡ Done in \d+(\.\d+)?m?s$/,
];

/** The lines of a successful synth's stderr worth showing: everything but bundling progress and blank lines. */
export function synthMessages(stderr: string): string[] {
  return stderr
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '' && !PROGRESS.some((pattern) => pattern.test(line)));
}

/**
 * Runs `cdk synth` when bin/, lib/, lambdas/ or assets/ changed since cdk.out was written, or cdk.out lacks the
 * witness stack: the runtime loads both, the witness included (`-c witness=true`), so one machine runs everything.
 */
export function synthesizeIfStale(log: (line: string) => void): void {
  const manifest = 'cdk.out/manifest.json';
  const sources = newestMtime(['bin', 'lib', 'lambdas', 'assets', 'package-lock.json', 'cdk.json']);
  if (existsSync(manifest) && statSync(manifest).mtimeMs >= sources && hasStack('cdk.out', 'Mitra-dev-Witness')) return;
  log('Building the function bundles and state machines (cdk synth)…');
  const result = spawnSync('npx', ['cdk', 'synth', '--quiet', '-c', 'witness=true'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    // A failed synth shows everything it said: the cause may be anywhere in it.
    log(result.stderr ?? String(result.error ?? ''));
    throw new StartupError('`cdk synth` failed (see above); fix it and run `npm start` again.');
  }
  for (const line of synthMessages(result.stderr)) log(line);
}
