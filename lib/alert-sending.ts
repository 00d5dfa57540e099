import { Duration } from 'aws-cdk-lib';
import { type CfnRule, Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import { MitraFunction, type TableRef } from './mitra-function.ts';
import type { OperationsKey } from './operations-key.ts';
import type { StageConfig } from './stage-config.ts';

/**
 * CloudFormation Metadata on a schedule rule that the embedded runtime drives with its own timer (local/runtime.ts),
 * so the same handler paces the same way on one machine.
 */
const EMBEDDED_SCHEDULE_METADATA_KEY = 'mitra:embedded-schedule';

export interface AlertSendingProps {
  readonly config: StageConfig;
  readonly operationsKey: OperationsKey;
  readonly table: TableRef;
}

/** Seconds one run queues alerts for: within the function's timeout, and ending before the next minute's run. */
const RUN_SECONDS = 50;

/**
 * Opt-in alerts: a function, run every minute by a schedule, that queues the sending campaigns' alerts into the
 * outbox at the configured rate and within the business's 24-hour messaging limit (context `alertsPerSecond`,
 * `alertsPerDay`), as the approved UTILITY template `alertTemplate` (default `mitra_alert`).
 */
export class AlertSending extends Construct {
  readonly function: MitraFunction;
  /** The approved template alerts go as. */
  readonly templateName: string;

  constructor(scope: Construct, id: string, props: AlertSendingProps) {
    super(scope, id);
    const context = (key: string, fallback: number) => {
      const value = Number(this.node.tryGetContext(key) ?? fallback);
      if (!Number.isInteger(value) || value <= 0) throw new Error(`context ${key} must be a positive integer`);
      return String(value);
    };
    this.templateName = String(this.node.tryGetContext('alertTemplate') ?? 'mitra_alert');
    this.function = new MitraFunction(this, 'Function', {
      config: props.config,
      operationsKey: props.operationsKey,
      name: 'alerts',
      description: "Queues operators' alerts to their opted-in citizens, paced within the messaging limits",
      memorySize: 256,
      timeout: Duration.seconds(RUN_SECONDS + 20),
      // One run at a time: two would each pace at the full rate.
      reservedConcurrency: 1,
    });
    this.function
      // Subscriptions (read), sessions (language, STOP), campaigns and their marks, and the outbox it queues into.
      .useTable(props.table, 'readWrite', {
        leadingKeys: ['ALERTS#*', 'CITIZEN#*', 'CAMPAIGN#*', 'CAMPAIGNS#*', 'OUTBOX#*'],
      })
      .deleteFromTable(props.table, ['CAMPAIGNS#SENDING'])
      .addEnvironment('WHATSAPP_ALERT_TEMPLATE', this.templateName)
      .addEnvironment('ALERTS_PER_SECOND', context('alertsPerSecond', 20))
      .addEnvironment('ALERTS_PER_DAY', context('alertsPerDay', 250))
      .addEnvironment('ALERTS_RUN_SECONDS', String(RUN_SECONDS));
    const rule = new Rule(this, 'EveryMinute', {
      description: 'Queues the next alerts of the campaigns still sending',
      schedule: Schedule.rate(Duration.minutes(1)),
      targets: [new LambdaFunction(this.function.function, { retryAttempts: 0 })],
    });
    (rule.node.defaultChild as CfnRule).addMetadata(EMBEDDED_SCHEDULE_METADATA_KEY, true);
  }
}
