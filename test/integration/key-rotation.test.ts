import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incomeAnswers } from '../support/income-answers.ts';
import { runTool } from '../support/run-tool.ts';
import { startTestRuntime } from '../support/runtime.ts';

// An operator rotates the certificate and checkpoint keys with `npm run rotate-key`: new certificates are signed with
// the new keys, old ones still verify, and an auditor holding only the original keys chains the new ones through
// their endorsements in the log.

let env: Awaited<ReturnType<typeof startTestRuntime>>;

async function issue(applicationId: string, name: string): Promise<{ certId: string; keyId: string }> {
  const certificate = [...env.runtime.functions.values()].find((fn) => fn.spec.name === 'certificate')!;
  const { certId } = (await certificate.invoke({
    applicationId,
    serviceId: 'revenue.income-certificate',
    applicant: { name },
    values: incomeAnswers(name),
  })) as { certId: string };
  const answer = await fetch(`${env.runtime.baseUrl}/v/${certId}`, { headers: { accept: 'application/json' } });
  expect(await answer.json()).toMatchObject({ status: 'valid' });
  return { certId, keyId: await signingKeyOf(certId) };
}

/** The key that signed a certificate, as its leaf in the public log says. */
async function signingKeyOf(certId: string): Promise<string> {
  const proof = await fetch(`${env.runtime.baseUrl}/log/proof/${certId}`);
  return ((await proof.json()) as { certificate: { entry: { keyId: string } } }).certificate.entry.keyId;
}

beforeAll(async () => {
  env = await startTestRuntime();
});
afterAll(async () => {
  await env?.stop();
});

describe('npm run rotate-key', () => {
  it('signs new certificates with the new keys, keeps old ones valid, and the audit chains the keys to the anchor', {
    timeout: 600_000,
  }, async () => {
    const before = await issue('AP-ROTATEKEY001', 'Ravi Kumar Reddy');
    const { dataDir } = env;
    await env.runtime.stop();
    for (const use of ['certificate', 'checkpoint']) {
      const rotated = await runTool('tools/rotate-key.ts', use, '--data-dir', dataDir);
      expect(rotated.output).toMatch(new RegExp(`Rotated alias/mitra-dev-${use}-signing: \\S+ → \\S+`));
      expect(rotated.status).toBe(0);
    }
    const refused = await runTool('tools/rotate-key.ts', 'witness', '--data-dir', dataDir);
    expect(refused.status).toBe(2);
    expect(refused.output).toContain('certificate or checkpoint');

    env = await startTestRuntime({ dataDir });
    const after = await issue('AP-ROTATEKEY002', 'Lakshmi Devi Naidu');
    expect(after.keyId).not.toBe(before.keyId);
    const old = await fetch(`${env.runtime.baseUrl}/v/${before.certId}`, { headers: { accept: 'application/json' } });
    expect(await old.json()).toMatchObject({ status: 'valid' });
    expect(await signingKeyOf(before.certId)).toBe(before.keyId);

    await env.runtime.drained();
    // The local anchor is the stack's first keys (the stack output TrustAnchor, in AWS): the rotated keys are not in
    // it and are trusted only through their endorsements.
    const audited = await runTool(
      'tools/audit.ts',
      '--data-dir',
      dataDir,
      '--state',
      join(dataDir, 'audit-state.json'),
      '--first-audit',
      '--json',
    );
    expect(audited.status, audited.output).toBe(0);
    const report = JSON.parse(audited.output) as { ok: boolean; trust: { keys: { use: string; via: string }[] } };
    expect(report.ok).toBe(true);
    expect(report.trust.keys.map(({ use, via }) => `${use} ${via.replace(/ \S+ at leaf \d+$/, '')}`).sort()).toEqual([
      'certificate-signing endorsed by',
      'certificate-signing trust anchor',
      'checkpoint-signing endorsed by',
      'checkpoint-signing trust anchor',
    ]);
  });
});
