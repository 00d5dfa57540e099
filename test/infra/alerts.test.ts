import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  actionsOf,
  environmentOf,
  mitraFunction,
  resourcesOfType,
  type SynthesizedMitra,
  statementsOfFunction,
  synthesizeMitra,
} from './mitra-template.ts';

let dev: SynthesizedMitra;
beforeAll(() => {
  dev = synthesizeMitra();
});

const arnOfFunction = (name: string) => ({ 'Fn::GetAtt': [mitraFunction(dev.template, name)[0], 'Arn'] });
const leadingKeysOf = (statement: { Condition?: unknown }) =>
  (statement.Condition as { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': string[] } })[
    'ForAllValues:StringLike'
  ]['dynamodb:LeadingKeys'];

describe('alerts: a schedule runs the sending function, the dashboard starts campaigns', () => {
  it('runs the alerts function every minute, and only it, without retries that would pace twice', () => {
    const rules = resourcesOfType(dev.template, 'AWS::Events::Rule').filter(([id]) =>
      id.startsWith('AlertsEveryMinute'),
    );
    expect(rules).toHaveLength(1);
    const [ruleId, rule] = rules[0]!;
    expect(rule.Properties).toMatchObject({ ScheduleExpression: 'rate(1 minute)', State: 'ENABLED' });
    expect(rule.Properties.Targets).toEqual([
      expect.objectContaining({ Arn: arnOfFunction('alerts'), RetryPolicy: { MaximumRetryAttempts: 0 } }),
    ]);
    // The embedded runtime drives the same rule with its own timer.
    expect(rule.Metadata).toMatchObject({ 'mitra:embedded-schedule': true });
    // EventBridge may invoke it for this rule only.
    dev.template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: arnOfFunction('alerts'),
      Principal: 'events.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': [ruleId, 'Arn'] },
    });
    // One run at a time: two would each pace at the full rate.
    dev.template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: Match.absent(),
      ReservedConcurrentExecutions: 1,
      Environment: { Variables: Match.objectLike({ WHATSAPP_ALERT_TEMPLATE: 'mitra_alert', ALERTS_PER_DAY: '250' }) },
    });
  });

  it('limits the alerts function to subscriptions, sessions, campaigns and the outbox, deleting only sending marks', () => {
    const statements = statementsOfFunction(dev.template, 'alerts');
    const table = statements.find((s) => actionsOf([s]).includes('dynamodb:GetItem'))!;
    expect(leadingKeysOf(table)).toEqual(['ALERTS#*', 'CITIZEN#*', 'CAMPAIGN#*', 'CAMPAIGNS#*', 'OUTBOX#*']);
    const deleting = statements.filter((s) => actionsOf([s]).includes('dynamodb:DeleteItem'));
    expect(deleting.map(leadingKeysOf)).toEqual([['CAMPAIGNS#SENDING']]);
    // Nothing else: no secrets, no Graph API token, no other service (the sender sends what it queues).
    expect(actionsOf(statements).filter((a) => !/^(dynamodb|logs|xray):/.test(a))).toEqual([]);
  });

  it("lets the dashboard's alert desk read subscriptions, campaigns and their outbox statuses and only add campaigns", () => {
    const statements = statementsOfFunction(dev.template, 'alert-desk');
    const dynamodb = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('dynamodb:')));
    const reading = dynamodb.find((s) => actionsOf([s]).includes('dynamodb:GetItem'))!;
    expect(actionsOf([reading]).sort()).toEqual(['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query']);
    expect(leadingKeysOf(reading)).toEqual(['ALERTS#*', 'CAMPAIGN#*', 'CAMPAIGNS#*', 'OUTBOX#*']);
    const writing = dynamodb.filter((s) =>
      actionsOf([s]).some((a) => /Put|Update|Delete|Write|ConditionCheck/.test(a)),
    );
    expect(writing).toEqual([
      expect.objectContaining({
        Action: 'dynamodb:PutItem',
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['CAMPAIGN#*', 'CAMPAIGNS#*'] } },
      }),
    ]);
    expect(environmentOf(dev.template, 'alert-desk')).toMatchObject({
      ALERT_SENDERS: 'alert-senders',
      WHATSAPP_ALERT_TEMPLATE: 'mitra_alert',
    });
    dev.template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'alert-senders' });
  });

  it("puts the dashboard's alerts behind the dashboard's Cognito authorizer, on the alert desk", () => {
    const routes = Object.fromEntries(
      resourcesOfType(dev.template, 'AWS::ApiGatewayV2::Route').map(([, route]) => [
        String(route.Properties.RouteKey),
        route.Properties,
      ]),
    );
    const figures = routes['GET /dashboard/api/figures']!;
    for (const key of ['GET /dashboard/api/alerts', 'GET /dashboard/api/alerts/reach', 'POST /dashboard/api/alerts']) {
      expect(routes[key]).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: figures.AuthorizerId });
      expect(JSON.stringify(routes[key]!.Target)).not.toBe(JSON.stringify(figures.Target));
    }
    expect(routes['GET /dashboard/alerts.js']?.AuthorizationType ?? 'NONE').toBe('NONE');
  });
});
