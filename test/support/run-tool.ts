import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** Runs an operator command (`tools/*.ts`) as `npm run` would, with its exit status and everything it printed. */
export function runTool(script: string, ...args: string[]): Promise<{ status: number | null; output: string }> {
  const child = spawn(join('node_modules', '.bin', 'tsx'), [script, ...args], { env: { ...process.env, PORT: '1' } });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, output })));
}
