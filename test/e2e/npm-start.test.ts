import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../local/ports.ts';

// `npm start` as a person runs it: the command prints its URLs, serves /health, keeps data across a restart,
// stops every child on Ctrl-C, explains in one line what to do when it cannot start, and shows nothing else but real
// warnings, one readable line each.

const dataDir = mkdtempSync(join(tmpdir(), 'mitra-start-'));

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// As `npm start` runs it: one node process with tsx's loader, so Ctrl-C reaches the runtime itself and not a relay
// that kills it when it is slow to answer.
function start(port: number, env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/main.ts'], {
    env: { ...env, PORT: String(port), MITRA_DATA_DIR: dataDir },
    stdio: 'pipe',
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

interface FlagReport {
  userValue?: unknown;
  recommendedValue: unknown;
  unconfiguredBehavesLike?: { v2?: unknown };
}
/** Flags the CDK CLI no longer counts as unconfigured. */
const OBSOLETE_FLAGS = [
  '@aws-cdk/core:enableStackNameDuplicates',
  '@aws-cdk/aws-s3:grantWriteWithoutAcl',
  '@aws-cdk/aws-kms:defaultKeyPolicies',
];

async function untilRunning(run: ReturnType<typeof start>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!run.output().includes('Mitra is running')) {
    if (run.child.exitCode !== null) throw new Error(`npm start exited: ${run.output()}`);
    if (Date.now() > deadline) throw new Error(`npm start did not come up within ${timeoutMs} ms: ${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function dynamoDbLocalProcesses(): string[] {
  const out = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.includes('DynamoDBLocal') && line.includes(dataDir));
}

async function stop(child: ChildProcess, exited: Promise<number | null>): Promise<number | null> {
  child.kill('SIGINT');
  return exited;
}

describe('npm start', () => {
  it('comes up healthy, prints its URLs, and Ctrl-C stops every child process', async () => {
    const port = await freePort();
    const run = start(port);
    await untilRunning(run);
    expect(run.output()).toContain(`http://127.0.0.1:${port}/sim`);
    expect(run.output()).toContain('local-verify-token');
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { components: Record<string, string> }).components).toMatchObject({
      dynamodb: 'up',
      s3: 'up',
      streams: 'up',
    });
    expect(dynamoDbLocalProcesses()).toHaveLength(1);

    // A conversation before the restart…
    const send = (text: string) =>
      fetch(`http://127.0.0.1:${port}/sim/api/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from: '919876543210', text }),
      });
    expect((await send('Hi')).status).toBe(200);

    expect(await stop(run.child, run.exited)).toBe(0);
    expect(dynamoDbLocalProcesses()).toHaveLength(0);

    // …is still there after it: the language question is answered by a number, which only the stored session explains,
    // and the data protection notice (two buttons, like the language question) follows.
    const again = start(port);
    await untilRunning(again);
    expect((await send('1')).status).toBe(200);
    const deadline = Date.now() + 20_000;
    let questions = 0;
    while (Date.now() < deadline && questions < 2) {
      const sent = (await (await fetch(`http://127.0.0.1:${port}/sim/api/messages?wa_id=919876543210`)).json()) as {
        interactive?: { type: string; body: { text: string } };
      }[];
      questions = sent.filter((m) => m.interactive?.type === 'button').length;
      if (questions === 2) expect(sent.at(-1)?.interactive?.body.text).toContain('Data Protection Act');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(questions).toBe(2);
    expect(await stop(again.child, again.exited)).toBe(0);
  });

  it('prints its URLs and real warnings only: one readable line each, no JSON records, no feature-flag notices', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const run = start(port);
    await untilRunning(run);
    // A forged webhook is refused with a warning…
    expect((await fetch(`${base}/webhook`, { method: 'POST', body: '{}' })).status).toBe(401);
    // …and a reply WhatsApp could not deliver is a warning and a DeliveryFailed metric record.
    const waId = '919876543211';
    await fetch(`${base}/sim/api/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: waId, text: 'Hi' }),
    });
    let replyId: string | undefined;
    for (let deadline = Date.now() + 20_000; !replyId && Date.now() < deadline; ) {
      replyId = ((await (await fetch(`${base}/sim/api/messages?wa_id=${waId}`)).json()) as { id: string }[]).at(-1)?.id;
      if (!replyId) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await fetch(`${base}/sim/api/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: replyId, status: 'failed', error_code: 131026 }),
    });
    for (let deadline = Date.now() + 20_000; !run.output().includes('message delivery failed'); ) {
      if (Date.now() > deadline) throw new Error(`no delivery warning: ${run.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await stop(run.child, run.exited)).toBe(0);

    const lines = run.output().split('\n');
    expect(lines.filter((line) => line.trimStart().startsWith('{'))).toEqual([]);
    expect(run.output()).not.toContain('CloudWatchMetrics');
    expect(run.output()).not.toMatch(/feature flags/i);
    expect(lines).toContainEqual(
      expect.stringMatching(/^\d\d:\d\d:\d\d WARN {2}\[webhook\] webhook rejected: missing or wrong signature/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^\d\d:\d\d:\d\d WARN {2}\[webhook\] message delivery failed .*code.*131026/),
    );
  });

  it('synthesizes without a feature-flag notice: every flag whose default is not the recommendation is set', () => {
    // The notice `cdk synth` prints (and `npm start` would show) lists exactly these flags; cdk.out holds the report.
    const manifest = JSON.parse(readFileSync('cdk.out/manifest.json', 'utf8')) as {
      artifacts: Record<string, { type: string; properties?: { flags?: Record<string, FlagReport> } }>;
    };
    const report = Object.values(manifest.artifacts).find((a) => a.type === 'cdk:feature-flag-report');
    const flags = Object.entries(report?.properties?.flags ?? {});
    expect(flags.length).toBeGreaterThan(0);
    const unconfigured = flags
      .filter(([name]) => !OBSOLETE_FLAGS.includes(name))
      .filter(([, flag]) => !('userValue' in flag))
      .filter(([, flag]) => (flag.unconfiguredBehavesLike?.v2 ?? false) !== flag.recommendedValue)
      .map(([name]) => name);
    expect(unconfigured).toEqual([]);
  });

  it('explains in one line that the port is busy', async () => {
    const blocker = createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      const run = start(port);
      expect(await run.exited).toBe(1);
      const lines = run.output().trim().split('\n');
      expect(lines.at(-1)).toMatch(new RegExp(`^Mitra could not start: port ${port} .* is busy.*PORT=`));
    } finally {
      blocker.close();
    }
  });

  it('explains in one line that Java is missing', async () => {
    const port = await freePort();
    // Only Node on the PATH: no java.
    const run = start(port, { ...process.env, PATH: dirname(process.execPath) });
    expect(await run.exited).toBe(1);
    expect(run.output().trim().split('\n').at(-1)).toMatch(/^Mitra could not start: Java is missing.*Java 17/);
  });
});
