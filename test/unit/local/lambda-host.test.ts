import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FunctionSpec } from '../../../local/cloud-assembly.ts';
import { type LoadedFunction, loadFunction, loadFunctionInThread } from '../../../local/lambda-host.ts';

// A bundle whose containers count themselves: each cold start is a new instance of the module.
const BUNDLE = `
import { threadId } from 'node:worker_threads';
const container = (globalThis.__containers = (globalThis.__containers ?? 0) + 1);
const coldStart = { from: performance.now() };
await new Promise((resolve) => setTimeout(resolve, Number(process.env.COLD_START_MS ?? 0)));
coldStart.to = performance.now();
export const handler = async (event) => {
  await new Promise((resolve) => setTimeout(resolve, event.ms ?? 0));
  if (event.fail) throw Object.assign(new Error(event.fail), { name: 'RecordsUnavailable' });
  if (event.die) setTimeout(() => { throw new Error('a timer the handler left failed'); });
  return { container, coldStart, threadId, offset: process.env.CLOCK_OFFSET ?? null, stage: process.env.STAGE ?? null };
};
`;

type Answer = {
  container: number;
  coldStart: { from: number; to: number };
  threadId: number;
  offset: string | null;
  stage: string | null;
};

let dir: string;
const spec = (name: string, reservedConcurrency?: number): FunctionSpec => ({
  logicalId: `${name}Function`,
  name,
  bundleDir: dir,
  handlerFile: join(dir, 'index.mjs'),
  exportName: 'handler',
  environment: {},
  ...(reservedConcurrency === undefined ? {} : { reservedConcurrency }),
});

/** Invokes `count` at once; answers how many distinct containers served them and how many were throttled. */
async function burst(fn: Awaited<ReturnType<typeof loadFunction>>, count: number) {
  const outcomes = await Promise.allSettled(
    Array.from({ length: count }, () => fn.invoke({ ms: 30 }) as Promise<{ container: number }>),
  );
  const served = outcomes.filter((o) => o.status === 'fulfilled').map((o) => o.value.container);
  const throttled = outcomes.filter((o) => o.status === 'rejected').map((o) => (o.reason as Error).name);
  return { containers: new Set(served).size, served: served.length, throttled };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mitra-lambda-host-'));
  writeFileSync(join(dir, 'index.mjs'), BUNDLE);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the embedded runtime’s containers', () => {
  it('runs a function in at most its containers; the invocations past them wait and are all served', async () => {
    const fn = await loadFunction(spec('background'), {}, 3);
    const { containers, served, throttled } = await burst(fn, 12);
    expect(served).toBe(12);
    expect(throttled).toEqual([]);
    expect(containers).toBe(3);
  });

  it('gives a function with a large reserved concurrency fewer containers than that, and throttles none within it', async () => {
    const fn = await loadFunction(spec('route', 100), {}, 3);
    const { containers, served, throttled } = await burst(fn, 90);
    expect(served).toBe(90);
    expect(throttled).toEqual([]);
    // More than the default for other functions, far fewer than the 90 Lambda would start.
    expect(containers).toBeGreaterThan(3);
    expect(containers).toBeLessThan(90);
  });

  it('throttles what is past the reserved concurrency, running or waiting, as Lambda does', async () => {
    const small = await loadFunction(spec('small', 4), {}, 10);
    const a = await burst(small, 7);
    expect(a.served).toBe(4);
    expect(a.throttled).toEqual(Array(3).fill('TooManyRequestsException'));

    const large = await loadFunction(spec('large', 100), {}, 10);
    const b = await burst(large, 130);
    expect(b.served).toBe(100);
    expect(b.throttled).toHaveLength(30);
  });
});

describe('a function in a thread of its own', () => {
  it('serves its invocations on another thread, in its containers, with its environment', async () => {
    const fn = await loadFunctionInThread(spec('threaded'), { STAGE: 'test' }, { maxContainers: 3 });
    try {
      const timings: number[] = [];
      fn.observer = (timing) => timings.push(timing.ranMs);
      const { containers, served } = await burst(fn, 9);
      expect(served).toBe(9);
      expect(containers).toBe(3);
      expect(timings).toHaveLength(9);
      const answer = (await fn.invoke({})) as Answer;
      expect(answer.threadId).not.toBe(threadId);
      expect(answer.stage).toBe('test');
    } finally {
      await fn.close();
    }
  });

  it('hands back a handler’s error with its name, and sets variables in the running containers', async () => {
    const fn = await loadFunctionInThread(spec('erring'), {}, { maxContainers: 2, background: true });
    try {
      const failed = await fn.invoke({ fail: 'the register is down' }).catch((error: Error) => error);
      expect(failed).toBeInstanceOf(Error);
      expect((failed as Error).name).toBe('RecordsUnavailable');
      expect((failed as Error).message).toBe('the register is down');

      fn.setEnvironment({ CLOCK_OFFSET: '86400000' });
      expect(((await fn.invoke({})) as Answer).offset).toBe('86400000');
    } finally {
      await fn.close();
    }
  });

  it('starts its containers cold side by side, where functions sharing a thread start theirs one at a time', async () => {
    /** The cold starts of the containers a burst of four started (the first was loaded with the function). */
    const coldStartsOf = async (fn: LoadedFunction) => {
      const answers = (await Promise.all(Array.from({ length: 4 }, () => fn.invoke({ ms: 300 })))) as Answer[];
      const byContainer = new Map(answers.map((answer) => [answer.container, answer.coldStart]));
      expect(byContainer.size).toBe(4);
      return [...byContainer.values()].sort((a, b) => a.from - b.from).slice(1);
    };
    const own = await loadFunctionInThread(spec('side-by-side'), { COLD_START_MS: '100' }, { maxContainers: 4 });
    try {
      const started = await coldStartsOf(own);
      // Each began before any other had finished.
      expect(Math.max(...started.map((c) => c.from))).toBeLessThan(Math.min(...started.map((c) => c.to)));
    } finally {
      await own.close();
    }
    const shared = await loadFunction(spec('one-at-a-time'), { COLD_START_MS: '100' }, 4);
    const started = await coldStartsOf(shared);
    for (let i = 1; i < started.length; i++) expect(started[i]!.from).toBeGreaterThanOrEqual(started[i - 1]!.to);
  });

  it('spreads its containers over its threads, and throttles past its reserved concurrency over them all', async () => {
    const fn = await loadFunctionInThread(spec('spread', 6), {}, { threads: 2 });
    try {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 9 }, () => fn.invoke({ ms: 100 }) as Promise<Answer>),
      );
      const served = outcomes.filter((o) => o.status === 'fulfilled').map((o) => o.value);
      const throttled = outcomes.filter((o) => o.status === 'rejected').map((o) => (o.reason as Error).name);
      expect(served).toHaveLength(6);
      expect(throttled).toEqual(Array(3).fill('TooManyRequestsException'));
      // Three containers on each of two threads, none of them the caller's.
      const threads = new Set(served.map((answer) => answer.threadId));
      expect(threads.size).toBe(2);
      expect(threads.has(threadId)).toBe(false);
      for (const thread of threads)
        expect(new Set(served.filter((a) => a.threadId === thread).map((a) => a.container)).size).toBe(3);
      // Within the reservation again once those are done.
      expect(((await fn.invoke({})) as Answer).stage).toBeNull();
    } finally {
      await fn.close();
    }
  });

  it('starts another thread when one dies, failing only what it was running', async () => {
    const fn = await loadFunctionInThread(spec('dying'), {}, { maxContainers: 2 });
    try {
      const first = (await fn.invoke({})) as Answer;
      const running = fn.invoke({ ms: 200 });
      await fn.invoke({ die: true });
      await expect(running).rejects.toThrow(/a timer the handler left failed|thread stopped/);
      const after = (await fn.invoke({})) as Answer;
      expect(after.threadId).not.toBe(first.threadId);
    } finally {
      await fn.close();
    }
    await expect(fn.invoke({})).rejects.toThrow(/stopped/);
  });
});
