import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FunctionSpec } from '../../../local/cloud-assembly.ts';
import { loadFunction } from '../../../local/lambda-host.ts';

// A bundle whose containers count themselves: each cold start is a new instance of the module.
const BUNDLE = `
const container = (globalThis.__containers = (globalThis.__containers ?? 0) + 1);
export const handler = async (event) => {
  await new Promise((resolve) => setTimeout(resolve, event.ms));
  return { container };
};
`;

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
