import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { buildMitra, PROD_WITH_EVERYTHING, type SynthesizedMitra, synthesizeMitra } from './mitra-template.ts';

interface Acknowledgement {
  path: string;
  id: string;
  reason: string;
}

function acknowledgementsIn(root: IConstruct): Acknowledgement[] {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          id: id.replace(/^annotation::/i, ''),
          reason,
        })),
      ),
  );
}

/** What AwsSolutions would report if nothing were acknowledged: rule id → violating construct paths. */
function rawFindings(s: SynthesizedMitra): Map<string, string[]> {
  // cdk-nag consults `isAcknowledged` for every finding; answering "no" shows the unfiltered findings.
  const pack = new AwsSolutionsChecks();
  Object.defineProperty(pack, 'isAcknowledged', { value: () => false });
  const report = pack.validateScope(s.app);
  return new Map(report.violations.map((v) => [v.ruleName, v.violatingResources.map((r) => r.constructPath!)]));
}

describe.each([
  ['dev', {}],
  ['prod with a custom domain, an imported secret and alarm e-mail', PROD_WITH_EVERYTHING],
])('cdk-nag AwsSolutions, %s', (_, context) => {
  const s = synthesizeMitra(context);

  it('reports no unacknowledged error or warning', () => {
    const report = new AwsSolutionsChecks().validateScope(s.app);
    expect(
      report.violations.map((v) => `${v.ruleName} ${v.severity} ${v.violatingResources[0]?.constructPath}`),
    ).toEqual([]);
    // Synthesis ran the same plugin: the assembly's validation report must be empty too.
    const reportFile = join(s.app.synth().directory, 'validation-report.json');
    if (existsSync(reportFile)) {
      const written = JSON.parse(readFileSync(reportFile, 'utf8')) as { pluginReports: { violations?: unknown[] }[] };
      expect(written.pluginReports.flatMap((r) => r.violations ?? [])).toEqual([]);
    }
  });

  it('acknowledges each finding individually, with a reason a reviewer can check', () => {
    const acknowledgements = acknowledgementsIn(s.app);
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const { id, reason, path } of acknowledgements) {
      expect(id, path).toMatch(/^AwsSolutions-[A-Z]+\d+(\[.+\])?$/);
      expect(reason.length, `${id} on ${path}`).toBeGreaterThanOrEqual(60);
    }
  });

  it('has no stale acknowledgement: each one covers a finding that would otherwise be reported', () => {
    const findings = rawFindings(s);
    for (const { id, path } of acknowledgementsIn(s.app)) {
      const covered = (findings.get(id) ?? []).some((resource) => resource === path || resource.startsWith(`${path}/`));
      expect(covered, `${id} acknowledged on ${path} matches no finding`).toBe(true);
    }
  });
});

describe('cdk-nag in the app', () => {
  it('fails synthesis on an unacknowledged finding', () => {
    const { stack } = buildMitra();
    // An unlogged bucket that allows plain HTTP: AwsSolutions-S1 and S10.
    new Bucket(stack, 'Unlogged');
    expect(() => Template.fromStack(stack)).toThrow(/AwsSolutions-S1/);
  });
});
