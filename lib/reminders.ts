import { Duration, Stack } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { Construct } from 'constructs';
import { MitraFunction, type TableRef } from './mitra-function.ts';
import type { OperationsKey } from './operations-key.ts';
import type { StageConfig } from './stage-config.ts';

/**
 * CloudFormation Metadata on a function the embedded runtime invokes every second with this event (local/runtime.ts),
 * in place of a service it has no emulator for: here EventBridge Scheduler's one-time schedules.
 */
const EMBEDDED_TIMER_METADATA_KEY = 'mitra:embedded-timer';

export interface RemindersProps {
  readonly config: StageConfig;
  readonly operationsKey: OperationsKey;
  readonly table: TableRef;
}

/**
 * Reminders before a booked bus leaves or a darshan begins, and before a remembered bill is due, sent as the approved UTILITY template `reminderTemplate`
 * (default `mitra_reminder`). Each is a one-time EventBridge Scheduler schedule in the reminders' group, deleted by
 * the scheduler after it ran, invoking the reminder function through a role that may invoke nothing else.
 */
export class Reminders extends Construct {
  readonly function: MitraFunction;
  readonly group: ScheduleGroup;
  readonly schedulerRole: Role;

  constructor(scope: Construct, id: string, props: RemindersProps) {
    super(scope, id);
    this.function = new MitraFunction(this, 'Function', {
      config: props.config,
      operationsKey: props.operationsKey,
      name: 'reminders',
      description: 'Sends a reminder when its schedule fires, unless STOP, a cancelled booking or my bills says not to',
      memorySize: 256,
      timeout: Duration.seconds(30),
    });
    this.function
      // The reminder and its due mark; the session (language, STOP); the booking's state; the outbox it queues into.
      .useTable(props.table, 'readWrite', {
        leadingKeys: ['REMINDER#*', 'REMINDERS#*', 'CITIZEN#*', 'APP#*', 'OUTBOX#*'],
      })
      .deleteFromTable(props.table, ['REMINDERS#DUE'])
      .addEnvironment(
        'WHATSAPP_REMINDER_TEMPLATE',
        String(this.node.tryGetContext('reminderTemplate') ?? 'mitra_reminder'),
      );
    (this.function.function.node.defaultChild as CfnFunction).addMetadata(EMBEDDED_TIMER_METADATA_KEY, { due: true });
    this.group = new ScheduleGroup(this, 'Group', {});
    const stack = Stack.of(this);
    const schedules = stack.formatArn({
      service: 'scheduler',
      resource: 'schedule',
      resourceName: `${this.group.scheduleGroupName}/*`,
    });
    this.schedulerRole = new Role(this, 'SchedulerRole', {
      description: 'Lets EventBridge Scheduler invoke the reminder function, and nothing else',
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: { 'aws:SourceArn': schedules },
        },
      }),
    });
    this.schedulerRole.addToPolicy(
      new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.function.function.functionArn] }),
    );
  }
}
