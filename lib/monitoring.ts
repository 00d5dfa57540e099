import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  MathExpression,
  Metric,
  Stats,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { MitraFunction } from './mitra-function.ts';
import type { StageConfig } from './stage-config.ts';

/** Meta retries a webhook that has not answered within a few seconds; p99 above this means we are close. */
const WEBHOOK_P99_LATENCY_MS = 3000;
/** The outbox is late when the sender reads records older than this: citizens are waiting for replies. */
const OUTBOX_MAX_AGE_MS = 5 * 60 * 1000;

export interface MonitoringProps {
  readonly config: StageConfig;
  readonly key: IKey;
  readonly functions: readonly MitraFunction[];
  readonly sender: MitraFunction;
  readonly senderFailures: IQueue;
  /** The certificate-tasks stream mapping's failure queue: photos that were never answered. */
  readonly certificateTaskFailures: IQueue;
  /** The fulfilment workflows, by the service kind each fulfils. */
  readonly workflows: Readonly<Record<string, IStateMachine>>;
  /** The function behind Meta's callback URL (lib/webhook-url.ts). */
  readonly webhook: MitraFunction;
}

/**
 * Alarms on what a citizen would notice: replies that could not be sent (sender failure queue, outbox lag), errors
 * in any function, workflows that failed or timed out, and the webhook answering Meta with 5xx or slowly. All go to
 * one encrypted, TLS-only SNS topic; context `alarmEmail` subscribes an address to it.
 */
export class Monitoring extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const { config } = props;

    this.topic = new Topic(this, 'AlarmTopic', {
      displayName: `Mitra ${config.stage} alarms`,
      masterKey: props.key,
      enforceSSL: true,
    });
    if (config.alarmEmail) {
      this.topic.addSubscription(new EmailSubscription(config.alarmEmail));
    }

    this.alarm('SenderFailures', {
      description: 'Outbox records the sender gave up on (on-failure queue of the table stream): replies not sent',
      metric: props.senderFailures.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: Stats.MAXIMUM,
      }),
      threshold: 1,
    });
    this.alarm('CertificateTaskFailures', {
      description: 'Certificate tasks (photos of QR codes to check) given up on: the citizen got no answer',
      metric: props.certificateTaskFailures.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: Stats.MAXIMUM,
      }),
      threshold: 1,
    });
    // Mitra's own metrics, emitted by the functions in CloudWatch Embedded Metric Format (lambdas/adapters/metrics.ts).
    const own = (service: string, metricName: string) =>
      new Metric({
        namespace: 'Mitra',
        metricName,
        dimensionsMap: { service },
        period: Duration.minutes(5),
        statistic: Stats.SUM,
      });
    this.alarm('GraphAuthFailures', {
      description:
        'The Graph API refused our access token (190 or another auth error): no reply reaches any citizen until the ' +
        'token in the WhatsApp secret is renewed',
      metric: own('sender', 'GraphAuthFailures'),
      threshold: 1,
    });
    this.alarm('RepliesFailed', {
      description: 'Replies that finally failed (undeliverable, over limits, rejected by Meta): see the outbox status',
      metric: own('sender', 'RepliesFailed'),
      threshold: 1,
    });
    this.alarm('DeliveryFailures', {
      description: 'Meta reported 5 or more sent messages as failed in 5 minutes (statuses[].errors): see the logs',
      metric: own('webhook', 'DeliveryFailed'),
      threshold: 5,
    });
    this.alarm('TemplateProblems', {
      description: 'A reply template was rejected, paused, disabled or re-categorised: late notices may not be sent',
      metric: own('webhook', 'TemplateProblems'),
      threshold: 1,
    });
    this.alarm('PaymentsNeedingRefund', {
      description:
        'A citizen paid and Mitra could not accept the payment (wrong amount, link expired, application no longer ' +
        'waiting): refund it; the application item lists it under paymentIssues',
      metric: own('payments', 'PaymentsNeedingRefund'),
      threshold: 1,
    });
    this.alarm('NoOfficerToDecide', {
      description:
        'An application needs an officer of a department that has no deciding officer registered: register one ' +
        '(README "Officers"); the application waits until one decides',
      metric: own('workflow-steps', 'NoOfficerToDecide'),
      threshold: 1,
    });
    // Emitted where a grievance is routed: by the workflow on arrival and escalation, by the tasks on transfer and reopening.
    this.alarm('GrievancesRoutedByFallback', {
      description:
        "A grievance reached the department's district (or state-level) officer because no officer is registered " +
        'for its mandal or district: register one (README "Officers", --mandal)',
      metric: new MathExpression({
        expression: 'FILL(steps, 0) + FILL(tasks, 0)',
        usingMetrics: {
          steps: own('workflow-steps', 'GrievancesRoutedByFallback'),
          tasks: own('certificate-tasks', 'GrievancesRoutedByFallback'),
        },
        period: Duration.minutes(5),
      }),
      threshold: 1,
    });
    this.alarm('OutboxLag', {
      description: 'The sender is reading outbox records more than 5 minutes old: replies are late',
      metric: props.sender.function.metric('IteratorAge', { period: Duration.minutes(5), statistic: Stats.MAXIMUM }),
      threshold: OUTBOX_MAX_AGE_MS,
      evaluationPeriods: 2,
    });
    for (const fn of props.functions) {
      this.alarm(`${pascal(fn.name)}Errors`, {
        description: `The ${fn.name} function threw or timed out`,
        metric: fn.function.metricErrors({ period: Duration.minutes(5), statistic: Stats.SUM }),
        threshold: 1,
      });
    }
    for (const [kind, workflow] of Object.entries(props.workflows)) {
      this.alarm(`${pascal(kind)}WorkflowFailed`, {
        description: `A ${kind} workflow execution failed (the citizen was told; the application needs a look)`,
        metric: workflow.metricFailed({ period: Duration.minutes(5), statistic: Stats.SUM }),
        threshold: 1,
      });
      this.alarm(`${pascal(kind)}WorkflowTimedOut`, {
        description: `A ${kind} workflow execution reached its 180-day timeout`,
        metric: workflow.metricTimedOut({ period: Duration.minutes(5), statistic: Stats.SUM }),
        threshold: 1,
      });
    }

    // The function URL's own metrics: only Meta's calls (the URL serves nothing else).
    const webhookUrl = { FunctionName: props.webhook.function.functionName };
    this.alarm('Webhook5xx', {
      description: 'The webhook answered Meta with 5xx: Meta retries, and disables webhooks that keep failing',
      metric: new Metric({
        namespace: 'AWS/Lambda',
        metricName: 'Url5xxCount',
        dimensionsMap: webhookUrl,
        period: Duration.minutes(5),
        statistic: Stats.SUM,
      }),
      threshold: 5,
    });
    this.alarm('WebhookLatencyP99', {
      description: `The webhook's p99 latency above ${WEBHOOK_P99_LATENCY_MS} ms for 15 minutes`,
      metric: new Metric({
        namespace: 'AWS/Lambda',
        metricName: 'UrlRequestLatency',
        dimensionsMap: webhookUrl,
        period: Duration.minutes(5),
        statistic: Stats.p(99),
      }),
      threshold: WEBHOOK_P99_LATENCY_MS,
      evaluationPeriods: 3,
    });
  }

  private alarm(
    id: string,
    props: { description: string; metric: IMetric; threshold: number; evaluationPeriods?: number },
  ): void {
    const alarm = new Alarm(this, id, {
      alarmDescription: props.description,
      metric: props.metric,
      threshold: props.threshold,
      evaluationPeriods: props.evaluationPeriods ?? 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No traffic is not an incident.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    const action = new SnsAction(this.topic);
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
    this.alarms.push(alarm);
  }
}

function pascal(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());
}
