import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incomeAnswers } from '../support/income-answers.ts';
import { runTool } from '../support/run-tool.ts';
import { startTestRuntime } from '../support/runtime.ts';

// An administrator revokes with `npm run revoke` over the embedded runtime's data; the verify page, the log proof
// and the audit all see it after the next start.

let env: Awaited<ReturnType<typeof startTestRuntime>>;

beforeAll(async () => {
  env = await startTestRuntime();
});
afterAll(async () => {
  await env?.stop();
});

describe('npm run revoke', () => {
  it('revokes a certificate with its reason, as a leaf of the log', { timeout: 180_000 }, async () => {
    const certificate = [...env.runtime.functions.values()].find((fn) => fn.spec.name === 'certificate')!;
    const issued = (await certificate.invoke({
      applicationId: 'AP-REVOKECLI001',
      serviceId: 'revenue.income-certificate',
      applicant: { name: 'Ravi Kumar Reddy' },
      values: incomeAnswers('Ravi Kumar Reddy'),
    })) as { certId: string; logIndex: number };
    const { dataDir } = env;
    await env.runtime.stop();

    const revoked = await runTool(
      'tools/revoke.ts',
      issued.certId,
      '--reason',
      'issued-in-error: the income was entered twice',
      '--data-dir',
      dataDir,
      '--by',
      'administrator:test',
    );
    expect(revoked.output).toContain(`Revoked ${issued.certId}`);
    expect(revoked.status).toBe(0);
    const unknown = await runTool(
      'tools/revoke.ts',
      'AAAAAAAAAAAAAAAAAAAAAA',
      '--reason',
      'Issued in error',
      '--data-dir',
      dataDir,
    );
    expect(unknown.status).toBe(1);
    expect(unknown.output).toContain('no certificate');
    // A certificate id is base64url and may begin with "-": it is read as the id, not as an option.
    const dashed = await runTool(
      'tools/revoke.ts',
      '-AAAAAAAAAAAAAAAAAAAAA',
      '--reason',
      'Issued in error',
      '--data-dir',
      dataDir,
    );
    expect(dashed.output).toContain('no certificate -AAAAAAAAAAAAAAAAAAAAA');
    expect(dashed.status).toBe(1);

    env = await startTestRuntime({ dataDir });
    const answer = await fetch(`${env.runtime.baseUrl}/v/${issued.certId}`, {
      headers: { accept: 'application/json' },
    });
    expect(await answer.json()).toMatchObject({
      status: 'revoked',
      certificate: {
        revocationReason: { code: 'issued-in-error', en: 'Issued in error' },
        revokedAt: expect.stringMatching(/^\d{4}-/),
      },
    });
    const proof = (await (await fetch(`${env.runtime.baseUrl}/log/proof/${issued.certId}`)).json()) as {
      certificate: { leafIndex: number };
      revocation: { leafIndex: number; entry: { type: string; revokedBy: string } };
    };
    expect(proof.certificate.leafIndex).toBe(issued.logIndex);
    expect(proof.revocation.entry).toMatchObject({ type: 'revocation', revokedBy: 'administrator:test' });

    // The witness co-signs, once the runtime is up again, the checkpoint the revocation archived while it was down.
    await env.runtime.drained();
    const audit = await runTool('tools/audit.ts', '--data-dir', dataDir, '--first-audit', '--json');
    expect(JSON.parse(audit.output)).toMatchObject({ ok: true, certificates: { revoked: 1 } });
    // The embedded runtime's audit keeps its checkpoint with its own data, not beside every other data folder's.
    expect(existsSync(join(dataDir, 'audit-state.json'))).toBe(true);
  });

  it('revokes through the running runtime while `npm start` is up, and the verify page says so at once', async () => {
    const certificate = [...env.runtime.functions.values()].find((fn) => fn.spec.name === 'certificate')!;
    const issued = (await certificate.invoke({
      applicationId: 'AP-REVOKECLI002',
      serviceId: 'revenue.income-certificate',
      applicant: { name: 'Lakshmi Devi Naidu' },
      values: incomeAnswers('Lakshmi Devi Naidu', '90000'),
    })) as { certId: string };
    const revoked = await runTool(
      'tools/revoke.ts',
      issued.certId,
      '--reason',
      'Wrong income',
      '--data-dir',
      env.dataDir,
    );
    expect(revoked.output).toContain(`Revoked ${issued.certId}`);
    expect(revoked.status).toBe(0);
    const answer = await fetch(`${env.runtime.baseUrl}/v/${issued.certId}`, {
      headers: { accept: 'application/json' },
    });
    // Words without a reason code are a private note on a certificate issued in error.
    const body = await answer.json();
    expect(body).toMatchObject({ status: 'revoked', certificate: { revocationReason: { code: 'issued-in-error' } } });
    expect(JSON.stringify(body)).not.toContain('Wrong income');
  });
});
