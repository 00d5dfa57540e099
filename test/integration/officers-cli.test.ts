import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { say, sentTo, startTestRuntime } from '../support/runtime.ts';

// An administrator registers officers with `npm run officers` over the embedded runtime's data: through the running
// runtime while `npm start` is up, and over the data folder itself when it is not. The chat reads the registry at
// once.

let env: Awaited<ReturnType<typeof startTestRuntime>>;

function officers(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(join('node_modules', '.bin', 'tsx'), ['tools/officers.ts', ...args, '--data-dir', env.dataDir]);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

const nelloreTahsildar = '919000000777';
const add = [
  'add',
  '--wa-id',
  nelloreTahsildar,
  '--id',
  'REV-NLR-0777',
  '--name',
  'A. Venkataramana',
  '--department',
  'revenue',
  '--district',
  'nellore',
  '--role',
  'tahsildar',
];

beforeAll(async () => {
  env = await startTestRuntime();
}, 120_000);
afterAll(async () => {
  await env?.stop();
});

describe('npm run officers', () => {
  it('adds an officer the chat knows at once, lists it masked, and refuses a second registration', async () => {
    const added = await officers(...add);
    expect(added.stderr).toBe('');
    expect(added.stdout).toContain(
      `Registered REV-NLR-0777 A. Venkataramana (tahsildar, revenue, nellore), acting from ${nelloreTahsildar}`,
    );
    expect(added.status).toBe(0);

    // The new officer's "pending" is their own district's worklist, by the catalog's names.
    await say(env.runtime, nelloreTahsildar, { text: 'pending' });
    const worklist = (await sentTo(env.runtime, nelloreTahsildar)).at(-1);
    expect(worklist?.text?.body).toContain('Revenue (SPS Nellore): no application is waiting');

    const listed = await officers('list', '--department', 'revenue');
    expect(listed.status).toBe(0);
    expect(listed.stdout).toMatch(/REV-NLR-0777\s+A\. Venkataramana\s+revenue\s+nellore\s+tahsildar\s+\*{8}0777/);
    expect(listed.stdout).toMatch(/REV-GNT-0042\s+K\. Srinivas\s+revenue\s+guntur\s+tahsildar/);
    expect(listed.stdout).not.toContain('919000000');
    expect(listed.stdout).not.toContain('SE-APS-0202');

    const again = await officers(...add);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('registered already');
  }, 120_000);

  it('refuses a department or district outside the catalog, writing nothing', async () => {
    const wrong = await officers(...add.slice(0, 8), 'Revenue Department', ...add.slice(9));
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('department');
    const district = await officers(...add.slice(0, 10), 'nelore', ...add.slice(11));
    expect(district.status).toBe(2);
    expect(district.stderr).toMatch(/unknown district "nelore"; one of .*nellore/);
  }, 120_000);

  it('removes an officer over the data folder when the runtime is not running; the chat no longer knows them', async () => {
    const { dataDir } = env;
    await env.runtime.stop();
    const offline = await officers('list');
    expect(offline.status).toBe(0);
    expect(offline.stdout).toContain('REV-NLR-0777');
    expect(offline.stdout).toContain('HE-APS-0301');

    const removed = await officers('remove', '--wa-id', nelloreTahsildar);
    expect(removed.status).toBe(0);
    expect(removed.stdout).toContain(
      'Removed REV-NLR-0777 A. Venkataramana (tahsildar, revenue, nellore), who acted from ********0777',
    );
    expect(removed.stdout).not.toContain(nelloreTahsildar);
    env = await startTestRuntime({ dataDir });
    expect((await officers('list', '--department', 'revenue')).stdout).not.toContain('REV-NLR-0777');
    const twice = await officers('remove', '--wa-id', nelloreTahsildar);
    expect(twice.status).toBe(1);
    expect(twice.stderr).toContain('no officer is registered for ********0777');
    const before = (await sentTo(env.runtime, nelloreTahsildar)).length;
    await say(env.runtime, nelloreTahsildar, { text: 'pending' });
    const answers = (await sentTo(env.runtime, nelloreTahsildar)).slice(before);
    expect(JSON.stringify(answers)).not.toContain('Revenue (SPS Nellore)');
    // Opening the data folder starts DynamoDB Local for each command.
  }, 300_000);
});
