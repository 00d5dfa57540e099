import { beforeAll, describe, expect, it } from 'vitest';
import {
  actionsOf,
  asArray,
  environmentOf,
  mitraFunction,
  resourcesOfType,
  type Statement,
  type SynthesizedMitra,
  statementsOfFunction,
  synthesizeMitra,
} from './mitra-template.ts';

let dev: SynthesizedMitra;
beforeAll(() => {
  dev = synthesizeMitra();
});

const keyPolicy = (prefix: string): Statement[] => {
  const [, key] = resourcesOfType(dev.template, 'AWS::KMS::Key').find(([id]) => id.startsWith(prefix))!;
  return (key.Properties.KeyPolicy as { Statement: Statement[] }).Statement;
};
const roleOf = (name: string) => mitraFunction(dev.template, name)[1].Properties.Role as { 'Fn::GetAtt': unknown[] };
const denyOf = (prefix: string, action: string) =>
  keyPolicy(prefix).find((s) => s.Effect === 'Deny' && asArray(s.Action).includes(action)) as
    | (Statement & { Principal: unknown; Condition: { ArnNotEquals: { 'aws:PrincipalArn': unknown[] } } })
    | undefined;
const tableStatement = (name: string) =>
  statementsOfFunction(dev.template, name).find((s) => asArray(s.Action).includes('dynamodb:GetItem'))!;

describe('signing keys: whatever IAM allows, the key policy decides who signs and who may delete', () => {
  it('denies kms:Sign with the certificate key to every principal but the certificate function and the key administrator', () => {
    const deny = denyOf('CertificateSigningKey', 'kms:Sign');
    expect(deny?.Principal).toEqual({ AWS: '*' });
    const allowed = deny?.Condition.ArnNotEquals['aws:PrincipalArn'];
    // The administrator signs only a rotation's endorsement of the next key (npm run rotate-key).
    expect(allowed).toHaveLength(2);
    expect(allowed![0]).toEqual(roleOf('certificate'));
    expect(JSON.stringify(allowed![1])).toContain(':role/mitra-dev-key-administrator');
  });

  it('denies kms:Sign with the checkpoint key to all but its two signers and the key administrator', () => {
    const allowed = denyOf('CheckpointSigningKey', 'kms:Sign')?.Condition.ArnNotEquals['aws:PrincipalArn'];
    expect(allowed).toHaveLength(3);
    expect(allowed).toEqual(expect.arrayContaining([roleOf('certificate'), roleOf('certificate-tasks')]));
    expect(JSON.stringify(allowed![2])).toContain(':role/mitra-dev-key-administrator');
  });

  it.each(['CertificateSigningKey', 'CheckpointSigningKey'])(
    'denies scheduling the deletion of %s to everyone but the key administrator',
    (key) => {
      const deny = denyOf(key, 'kms:ScheduleKeyDeletion');
      expect(deny?.Principal).toEqual({ AWS: '*' });
      expect(JSON.stringify(deny?.Condition.ArnNotEquals['aws:PrincipalArn'])).toContain(
        ':role/mitra-dev-key-administrator',
      );
    },
  );
});

describe('table: each function only the actions it uses, by key prefix where it can be', () => {
  it('gives no function BatchWriteItem, and DeleteItem only to the sender (its redrive) and, by key prefix, to alerts and reminders', () => {
    const deletesOnlyUnder: Record<string, string[]> = {
      webhook: ['ALERTS#*'],
      alerts: ['CAMPAIGNS#SENDING'],
      reminders: ['REMINDERS#DUE'],
    };
    for (const [, fn] of resourcesOfType(dev.template, 'AWS::Lambda::Function')) {
      const name = String(fn.Metadata?.['mitra:function']);
      const statements = statementsOfFunction(dev.template, name);
      expect(actionsOf(statements)).not.toContain('dynamodb:BatchWriteItem');
      if (name === 'sender') continue;
      const deleting = statements.filter((s) => actionsOf([s]).includes('dynamodb:DeleteItem'));
      if (!deletesOnlyUnder[name]) expect(deleting).toEqual([]);
      else
        expect(deleting).toEqual([
          expect.objectContaining({
            Action: 'dynamodb:DeleteItem',
            Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': deletesOnlyUnder[name] } },
          }),
        ]);
    }
  });

  it("limits the sender to the outbox, citizens' pacing and parked replies (dynamodb:LeadingKeys)", () => {
    expect(tableStatement('sender').Condition).toEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['OUTBOX#*', 'CITIZEN#*', 'PARKED-REPLIES'] },
    });
  });

  it('limits the verify page to certificates and the transparency log, reading only', () => {
    const statement = tableStatement('verify');
    expect(asArray(statement.Action).sort()).toEqual(['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query']);
    expect(statement.Condition).toEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['CERT#*', 'LOG', 'LOG#*'] },
    });
  });
});

describe('concurrency and secrets', () => {
  it('reserves concurrency for the webhook and the public read routes, and caps none of the rest', () => {
    const reserved = (name: string) =>
      mitraFunction(dev.template, name)[1].Properties.ReservedConcurrentExecutions as number | undefined;
    expect(reserved('webhook')).toBeGreaterThanOrEqual(50);
    expect(reserved('verify')).toBeGreaterThan(0);
    expect(reserved('catalog')).toBeGreaterThan(0);
    for (const name of ['sender', 'certificate', 'workflow-steps', 'certificate-tasks', 'payments'])
      expect(reserved(name)).toBeUndefined();
  });

  it('puts the verify token only in the webhook, and no secret value in any environment', () => {
    for (const [, fn] of resourcesOfType(dev.template, 'AWS::Lambda::Function')) {
      const name = String(fn.Metadata?.['mitra:function']);
      const variables = Object.keys(environmentOf(dev.template, name));
      if (name !== 'webhook') expect(variables).not.toContain('WHATSAPP_VERIFY_TOKEN');
      expect(
        variables.filter((v) =>
          /^(WHATSAPP_APP_SECRET|WHATSAPP_ACCESS_TOKEN|PAYMENT_API_KEY|PAYMENT_WEBHOOK_SECRET|AADHAAR_HASH_KEY)$/.test(
            v,
          ),
        ),
      ).toEqual([]);
    }
  });

  it('redrives parked replies on a schedule, through the sender', () => {
    const rules = resourcesOfType(dev.template, 'AWS::Events::Rule').filter(([id]) => id.startsWith('RedriveParked'));
    expect(rules).toHaveLength(1);
    const [, rule] = rules[0]!;
    expect(rule.Properties.ScheduleExpression).toBe('rate(5 minutes)');
    const [senderId] = mitraFunction(dev.template, 'sender');
    expect(JSON.stringify(rule.Properties.Targets)).toContain(senderId);
  });

  it("raises the sender's stream parallelisation (order is kept per citizen's partition key)", () => {
    const [senderId] = mitraFunction(dev.template, 'sender');
    const [, mapping] = resourcesOfType(dev.template, 'AWS::Lambda::EventSourceMapping').find(
      ([, m]) => (m.Properties.FunctionName as { Ref?: string }).Ref === senderId,
    )!;
    expect(mapping.Properties.ParallelizationFactor).toBe(10);
  });
});
