import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { addMitraStack } from '../../lib/mitra-app.ts';
import type { MitraStack } from '../../lib/mitra-stack.ts';

const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>;
};

/** Context of a prod deployment with every optional setting given, for tests of what those settings produce. */
export const PROD_WITH_EVERYTHING = {
  stage: 'prod',
  domainName: 'verify.example.gov.in',
  certificateArn: 'arn:aws:acm:ap-south-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789',
  whatsAppSecretArn: 'arn:aws:secretsmanager:ap-south-1:123456789012:secret:mitra/whatsapp-AbC123',
  alarmEmail: 'mitra-oncall@example.gov.in',
  archiveRetentionDays: '2555',
} as const;

export interface SynthesizedMitra {
  app: App;
  stack: MitraStack;
  template: Template;
  /** The template as JSON text, for "this string never appears" checks. */
  json: string;
}

/**
 * Builds the app exactly as bin/mitra.ts does (same cdk.json feature flags, same cdk-nag plugin), with `context` on
 * top, without synthesizing it. Bundling is skipped unless asked for: esbuild is slow on this machine and most tests
 * look only at the template; `npx cdk synth` and bundle.test.ts keep the bundling path honest.
 */
export function buildMitra(
  context: Record<string, unknown> = {},
  options: { bundle?: boolean; outdir?: string } = {},
): { app: App; stack: MitraStack } {
  const app = new App({
    outdir: options.outdir,
    context: {
      ...cdkJson.context,
      // The CLI turns this on; an in-process App must ask.
      'aws:cdk:enable-asset-metadata': true,
      ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
      ...context,
    },
  });
  // No CDK_DEFAULT_* from the machine running the tests: the defaults are what is tested.
  return { app, stack: addMitraStack(app, {}) };
}

/** Builds and synthesizes the app (running cdk-nag, which throws on any unacknowledged finding). */
export function synthesizeMitra(
  context: Record<string, unknown> = {},
  options: { bundle?: boolean; outdir?: string } = {},
): SynthesizedMitra {
  const { app, stack } = buildMitra(context, options);
  const template = Template.fromStack(stack);
  return { app, stack, template, json: JSON.stringify(template.toJSON()) };
}

export type Resource = { Type: string; Properties: Record<string, unknown>; Metadata?: Record<string, unknown> };

export function resourcesOfType(template: Template, type: string): [string, Resource][] {
  return Object.entries(template.findResources(type)) as [string, Resource][];
}

/** A Mitra function by its `mitra:function` metadata: [logical id, resource]. */
export function mitraFunction(template: Template, name: string): [string, Resource] {
  const found = resourcesOfType(template, 'AWS::Lambda::Function').find(
    ([, resource]) => resource.Metadata?.['mitra:function'] === name,
  );
  if (!found) throw new Error(`no function with mitra:function = ${name}`);
  return found;
}

export function environmentOf(template: Template, name: string): Record<string, unknown> {
  const [, resource] = mitraFunction(template, name);
  return (resource.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
}

export interface Statement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

export const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** Every IAM statement granted to a role, from its attached AWS::IAM::Policy resources and inline policies. */
export function statementsOfRole(template: Template, roleLogicalId: string): Statement[] {
  const statements: Statement[] = [];
  for (const [, policy] of resourcesOfType(template, 'AWS::IAM::Policy')) {
    const roles = (policy.Properties.Roles as unknown[]).map((role) => (role as { Ref?: string }).Ref);
    if (roles.includes(roleLogicalId)) {
      statements.push(...(policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
    }
  }
  const role = template.findResources('AWS::IAM::Role')[roleLogicalId] as Resource | undefined;
  for (const inline of (role?.Properties.Policies as { PolicyDocument: { Statement: Statement[] } }[]) ?? []) {
    statements.push(...inline.PolicyDocument.Statement);
  }
  return statements;
}

export function statementsOfFunction(template: Template, name: string): Statement[] {
  const [, fn] = mitraFunction(template, name);
  const roleArn = fn.Properties.Role as { 'Fn::GetAtt': [string, string] };
  return statementsOfRole(template, roleArn['Fn::GetAtt'][0]);
}

export function actionsOf(statements: Statement[]): string[] {
  return statements.filter((s) => s.Effect === 'Allow').flatMap((s) => asArray(s.Action));
}

/** `{ "Fn::GetAtt": [id, "Arn"] }` of the only resource of a type whose logical id starts with `prefix`. */
export function arnOf(template: Template, type: string, prefix: string): unknown {
  const matches = resourcesOfType(template, type).filter(([id]) => id.startsWith(prefix));
  if (matches.length !== 1) throw new Error(`expected one ${type} named ${prefix}…, found ${matches.length}`);
  return { 'Fn::GetAtt': [matches[0]![0], 'Arn'] };
}
