import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  mitraFunction,
  PROD_WITH_EVERYTHING,
  resourcesOfType,
  type SynthesizedMitra,
  synthesizeMitra,
} from './mitra-template.ts';

let dev: SynthesizedMitra;
let prod: SynthesizedMitra;

beforeAll(() => {
  dev = synthesizeMitra();
  prod = synthesizeMitra(PROD_WITH_EVERYTHING);
});

const alarms = (s: SynthesizedMitra) =>
  resourcesOfType(s.template, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
const topicRef = { Ref: expect.stringMatching(/^MonitoringAlarmTopic/) };

describe('monitoring', () => {
  it('alarms on errors of every function', () => {
    for (const name of [
      'webhook',
      'sender',
      'workflow-steps',
      'certificate',
      'certificate-tasks',
      'verify',
      'catalog',
    ]) {
      const [fnId] = mitraFunction(dev.template, name);
      expect(alarms(dev)).toContainEqual(
        expect.objectContaining({
          Namespace: 'AWS/Lambda',
          MetricName: 'Errors',
          Dimensions: [{ Name: 'FunctionName', Value: { Ref: fnId } }],
          AlarmActions: [topicRef],
        }),
      );
    }
  });

  it('alarms when certificate tasks are given up on: a photo left unanswered', () => {
    expect(alarms(dev)).toContainEqual(
      expect.objectContaining({
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [
          {
            Name: 'QueueName',
            Value: { 'Fn::GetAtt': [expect.stringMatching(/^CertificateTaskFailures/), 'QueueName'] },
          },
        ],
        AlarmActions: [topicRef],
      }),
    );
  });

  it('alarms when the sender gives up on outbox records, or falls behind', () => {
    expect(alarms(dev)).toContainEqual(
      expect.objectContaining({
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [
          { Name: 'QueueName', Value: { 'Fn::GetAtt': [expect.stringMatching(/^SenderFailures/), 'QueueName'] } },
        ],
        Threshold: 1,
      }),
    );
    expect(alarms(dev)).toContainEqual(expect.objectContaining({ Namespace: 'AWS/Lambda', MetricName: 'IteratorAge' }));
  });

  it("alarms on the sender's own metrics: Graph API auth failures and replies that finally failed", () => {
    for (const metricName of ['GraphAuthFailures', 'RepliesFailed']) {
      expect(alarms(dev)).toContainEqual(
        expect.objectContaining({
          Namespace: 'Mitra',
          MetricName: metricName,
          Dimensions: [{ Name: 'service', Value: 'sender' }],
          Threshold: 1,
          AlarmActions: [topicRef],
        }),
      );
    }
    expect(alarms(dev)).toContainEqual(expect.objectContaining({ Namespace: 'Mitra', MetricName: 'TemplateProblems' }));
    expect(alarms(dev)).toContainEqual(
      expect.objectContaining({
        Namespace: 'Mitra',
        MetricName: 'DeliveryFailed',
        Dimensions: [{ Name: 'service', Value: 'webhook' }],
      }),
    );
  });

  it('alarms on payments to refund and on applications no officer is registered to decide', () => {
    for (const [service, name] of [
      ['payments', 'PaymentsNeedingRefund'],
      ['workflow-steps', 'NoOfficerToDecide'],
    ]) {
      expect(alarms(dev)).toContainEqual(
        expect.objectContaining({
          Namespace: 'Mitra',
          MetricName: name,
          Dimensions: [{ Name: 'service', Value: service }],
          Threshold: 1,
          AlarmActions: [topicRef],
        }),
      );
    }
  });

  it('alarms on grievances routed by fallback, wherever they are routed (the workflow, or a transfer or reopening)', () => {
    const alarm = alarms(dev).find((a) => String(a.AlarmDescription).startsWith('A grievance reached'));
    expect(alarm).toMatchObject({ Threshold: 1, AlarmActions: [topicRef] });
    const metrics = (alarm!.Metrics as { MetricStat?: { Metric: unknown } }[]).flatMap((m) =>
      m.MetricStat ? [m.MetricStat.Metric] : [],
    );
    expect(metrics).toEqual(
      expect.arrayContaining(
        ['workflow-steps', 'certificate-tasks'].map((service) =>
          expect.objectContaining({
            Namespace: 'Mitra',
            MetricName: 'GrievancesRoutedByFallback',
            Dimensions: [{ Name: 'service', Value: service }],
          }),
        ),
      ),
    );
  });

  it.each(['Certificate', 'Application', 'Grievance', 'BillPayment', 'Booking'])(
    'alarms on failed and timed-out executions of the %s workflow',
    (kind) => {
      for (const MetricName of ['ExecutionsFailed', 'ExecutionsTimedOut']) {
        expect(alarms(dev)).toContainEqual(
          expect.objectContaining({
            Namespace: 'AWS/States',
            MetricName,
            Dimensions: [
              {
                Name: 'StateMachineArn',
                Value: { Ref: expect.stringMatching(new RegExp(`^${kind}WorkflowStateMachine`)) },
              },
            ],
          }),
        );
      }
    },
  );

  it("alarms on the webhook URL's 5xx and p99 latency", () => {
    const webhookUrl = [{ Name: 'FunctionName', Value: { Ref: expect.stringMatching(/^WebhookFunction/) } }];
    const url = alarms(dev).filter((a) => a.Namespace === 'AWS/Lambda');
    expect(url).toContainEqual(expect.objectContaining({ MetricName: 'Url5xxCount', Dimensions: webhookUrl }));
    expect(url).toContainEqual(
      expect.objectContaining({ MetricName: 'UrlRequestLatency', ExtendedStatistic: 'p99', Dimensions: webhookUrl }),
    );
  });

  it('notifies an encrypted, TLS-only topic, and subscribes alarmEmail when given', () => {
    dev.template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    dev.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
    dev.template.resourceCountIs('AWS::SNS::Subscription', 0);
    prod.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: PROD_WITH_EVERYTHING.alarmEmail,
    });
  });

  it('lets CloudWatch alarms use the topic key', () => {
    dev.template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          }),
        ]),
      },
    });
  });
});
