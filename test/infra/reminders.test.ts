import { beforeAll, describe, expect, it } from 'vitest';
import {
  actionsOf,
  arnOf,
  asArray,
  environmentOf,
  mitraFunction,
  resourcesOfType,
  type Statement,
  type SynthesizedMitra,
  statementsOfFunction,
  statementsOfRole,
  synthesizeMitra,
} from './mitra-template.ts';

let dev: SynthesizedMitra;
beforeAll(() => {
  dev = synthesizeMitra();
});

const schedulerRole = () => {
  const roles = resourcesOfType(dev.template, 'AWS::IAM::Role').filter(([id]) =>
    id.startsWith('RemindersSchedulerRole'),
  );
  expect(roles).toHaveLength(1);
  return roles[0]!;
};
const reminderFunctionArn = () => ({ 'Fn::GetAtt': [mitraFunction(dev.template, 'reminders')[0], 'Arn'] });

describe('reminders: one-time EventBridge Scheduler schedules invoking only the reminder function', () => {
  it('has one schedule group, and a role only EventBridge Scheduler of this account may assume', () => {
    expect(resourcesOfType(dev.template, 'AWS::Scheduler::ScheduleGroup')).toHaveLength(1);
    const [, role] = schedulerRole();
    const trust = (role.Properties.AssumeRolePolicyDocument as { Statement: (Statement & { Principal: unknown })[] })
      .Statement;
    expect(trust).toHaveLength(1);
    expect(trust[0]!.Principal).toEqual({ Service: 'scheduler.amazonaws.com' });
    expect(JSON.stringify(trust[0]!.Condition)).toContain('aws:SourceAccount');
    expect(JSON.stringify(trust[0]!.Condition)).toContain('aws:SourceArn');
  });

  it("lets the scheduler's role invoke the reminder function and nothing else", () => {
    const [roleId] = schedulerRole();
    const statements = statementsOfRole(dev.template, roleId);
    expect(actionsOf(statements)).toEqual(['lambda:InvokeFunction']);
    expect(statements.flatMap((s) => asArray(s.Resource))).toEqual([reminderFunctionArn()]);
  });

  it.each(['workflow-steps', 'webhook'])(
    'lets %s (tickets; bills under my bills) create schedules in the reminders group only, and pass only that role, only to the scheduler',
    (scheduling) => {
      const statements = statementsOfFunction(dev.template, scheduling);
      const create = statements.filter((s) => actionsOf([s]).includes('scheduler:CreateSchedule'));
      expect(create).toHaveLength(1);
      expect(asArray(create[0]!.Action)).toEqual(['scheduler:CreateSchedule']);
      expect(JSON.stringify(create[0]!.Resource)).toMatch(/:schedule\//);
      const [, group] = resourcesOfType(dev.template, 'AWS::Scheduler::ScheduleGroup')[0]!;
      expect(JSON.stringify(create[0]!.Resource)).toContain(`:schedule/${String(group.Properties.Name)}/*`);
      const pass = statements.filter((s) => actionsOf([s]).includes('iam:PassRole'));
      expect(pass).toEqual([
        expect.objectContaining({
          Resource: arnOf(dev.template, 'AWS::IAM::Role', 'RemindersSchedulerRole'),
          Condition: { StringEquals: { 'iam:PassedToService': ['scheduler.amazonaws.com'] } },
        }),
      ]);
      // No other function schedules, deletes or changes schedules.
      for (const [, fn] of resourcesOfType(dev.template, 'AWS::Lambda::Function')) {
        const name = String(fn.Metadata?.['mitra:function']);
        const actions = actionsOf(statementsOfFunction(dev.template, name)).filter((a) => a.startsWith('scheduler:'));
        expect(actions).toEqual(['workflow-steps', 'webhook'].includes(name) ? ['scheduler:CreateSchedule'] : []);
      }
      const env = environmentOf(dev.template, scheduling);
      expect(env.REMINDER_FUNCTION_ARN).toEqual(reminderFunctionArn());
    },
  );

  it('limits the reminder function to reminders, sessions, applications and the outbox, deleting only due marks', () => {
    const statements = statementsOfFunction(dev.template, 'reminders');
    const table = statements.find((s) => actionsOf([s]).includes('dynamodb:GetItem'))!;
    expect(table.Condition).toEqual({
      'ForAllValues:StringLike': {
        'dynamodb:LeadingKeys': ['REMINDER#*', 'REMINDERS#*', 'CITIZEN#*', 'APP#*', 'OUTBOX#*'],
      },
    });
    expect(actionsOf(statements)).not.toContain('lambda:InvokeFunction');
    expect(environmentOf(dev.template, 'reminders').WHATSAPP_REMINDER_TEMPLATE).toBe('mitra_reminder');
  });
});
