import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { ConflictException, CreateScheduleCommand } from '@aws-sdk/client-scheduler';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  paginateQuery,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Language } from '#core/catalog/schema.ts';
import type { SavedBill } from '#core/conversation/session.ts';
import {
  type Reminder,
  type ReminderDecision,
  ReminderSchema,
  reminderDecision,
  reminderTemplate,
} from '#core/reminders/reminder.ts';
import { BY_CITIZEN_INDEX, keys } from '#core/table-keys.ts';
import { dynamodb } from './dynamodb-client.ts';
import { requireEnv } from './env.ts';
import { outboxItem } from './outbox.ts';
import { scheduler } from './scheduler-client.ts';

/** A reminder's item is kept 30 days after it was due: whether it went, for the citizen's questions. */
const REMINDER_RETENTION_SECONDS = 30 * 24 * 60 * 60;

/** Where reminders fire from: EventBridge Scheduler in AWS; `embedded` when the embedded runtime's timer sends them. */
export interface ReminderScheduling {
  group: string;
  functionArn: string;
  roleArn: string;
}

const EMBEDDED = 'embedded';

/** The scheduling a function was given (lib/mitra-function.ts `useReminderScheduling`), read at cold start. */
export function reminderSchedulingFromEnv(): ReminderScheduling {
  return {
    group: requireEnv('REMINDER_SCHEDULE_GROUP'),
    functionArn: requireEnv('REMINDER_FUNCTION_ARN'),
    roleArn: requireEnv('REMINDER_SCHEDULER_ROLE_ARN'),
  };
}

/**
 * Reminders in the single table, each fired by its own one-time schedule (deleted by the scheduler once it ran).
 * Scheduling is repeatable (a re-driven workflow step): the item and the schedule are created once.
 */
export class Reminders {
  constructor(
    private readonly tableName: string,
    private readonly client: DynamoDBDocumentClient = dynamodb,
  ) {}

  async schedule(reminder: Reminder, scheduling: ReminderScheduling): Promise<void> {
    const expiresAt = Math.floor(Date.parse(reminder.at) / 1000) + REMINDER_RETENTION_SECONDS;
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.reminder(reminder.reminderId), kind: 'reminder', ...reminder, expiresAt },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.dueReminder(reminder.at, reminder.reminderId), kind: 'due-reminder', expiresAt },
              },
            },
          ],
        }),
      );
    } catch (error) {
      if (!conditionFailed(error, 0)) throw error;
    }
    if (scheduling.group === EMBEDDED) return;
    try {
      await scheduler.send(
        new CreateScheduleCommand({
          Name: reminder.reminderId,
          GroupName: scheduling.group,
          ScheduleExpression: `at(${reminder.at.slice(0, 19)})`,
          ScheduleExpressionTimezone: 'UTC',
          FlexibleTimeWindow: { Mode: 'OFF' },
          ActionAfterCompletion: 'DELETE',
          Target: {
            Arn: scheduling.functionArn,
            RoleArn: scheduling.roleArn,
            Input: JSON.stringify({ reminderId: reminder.reminderId }),
            RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 },
          },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConflictException)) throw error;
    }
  }

  /** The ids of the reminders whose time has come and that have not fired (the embedded runtime's timer). */
  async due(now: Date): Promise<string[]> {
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk <= :now',
        ExpressionAttributeValues: { ':pk': keys.dueReminders().pk, ':now': `${now.toISOString()}~` },
        Limit: 100,
      }),
    );
    return Items.map((item) => String(item.sk).split('#').slice(1).join('#'));
  }

  /** Whether the citizen paid the reminded bill (the biller's bill id) in the chat: its application paid or receipted. */
  private async paidInChat(reminder: Reminder): Promise<boolean> {
    const { serviceId, billId } = reminder.bill ?? {};
    if (!serviceId || !billId) return false;
    const pages = paginateQuery(
      { client: this.client },
      {
        TableName: this.tableName,
        IndexName: BY_CITIZEN_INDEX,
        KeyConditionExpression: 'gsi1pk = :pk',
        FilterExpression: 'serviceId = :service AND #values.#billId = :billId AND #state IN (:paid, :issued)',
        ExpressionAttributeNames: { '#values': 'values', '#billId': 'bill-id', '#state': 'state' },
        ExpressionAttributeValues: {
          ':pk': keys.applicationsOfCitizen(reminder.waId).gsi1pk,
          ':service': serviceId,
          ':billId': billId,
          ':paid': 'paid',
          ':issued': 'issued',
        },
        ProjectionExpression: 'applicationId',
      },
    );
    for await (const page of pages) if ((page.Items ?? []).length > 0) return true;
    return false;
  }

  /**
   * Fires one reminder: sends it as the template unless STOP, the booking's state or the citizen's "my bills" says not
   * to (decided now, not when it was scheduled). The outbox item and the sent mark are one conditional write: fired twice, it goes once.
   */
  async fire(reminderId: string, templateName: string, now: Date): Promise<ReminderDecision | 'unknown'> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.reminder(reminderId), ConsistentRead: true }),
    );
    if (!Item) return 'unknown';
    // The item's own `kind` is the table's (`reminder`), not the reminder's: its subject is `about`.
    const reminder = ReminderSchema.parse(
      Object.fromEntries(Object.entries(Item).filter(([name]) => name in ReminderSchema.shape)),
    );
    const [session, application, billPaid] = await Promise.all([
      this.client.send(
        new GetCommand({
          TableName: this.tableName,
          Key: keys.session(reminder.waId),
          ProjectionExpression: '#session.#language, #session.stopped, #session.bills',
          ExpressionAttributeNames: { '#session': 'session', '#language': 'language' },
        }),
      ),
      reminder.applicationId
        ? this.client.send(
            new GetCommand({
              TableName: this.tableName,
              Key: keys.application(reminder.applicationId),
              ProjectionExpression: '#state',
              ExpressionAttributeNames: { '#state': 'state' },
              ConsistentRead: true,
            }),
          )
        : Promise.resolve({ Item: undefined }),
      reminder.about === 'bill' ? this.paidInChat(reminder) : Promise.resolve(false),
    ]);
    const stored = session.Item?.session as
      | { language?: string; stopped?: boolean; bills?: { remindersAt?: string; saved?: SavedBill[] } }
      | undefined;
    const decision = reminderDecision(reminder, {
      fired: Item.status !== undefined,
      stopped: stored?.stopped === true,
      ...(typeof application.Item?.state === 'string' ? { applicationState: application.Item.state } : {}),
      bills: { reminders: Boolean(stored?.bills?.remindersAt), saved: stored?.bills?.saved ?? [] },
      billPaid,
    });
    const language: Language = stored?.language === 'te' ? 'te' : 'en';
    const outbox =
      decision === 'send'
        ? outboxItem(reminder.waId, `REMINDER#${reminderId}`, reminderTemplate(reminder, language, templateName), now)
        : undefined;
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: keys.reminder(reminderId),
                UpdateExpression: 'SET #status = :status, firedAt = :at',
                ConditionExpression: 'attribute_not_exists(#status)',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':status': decision, ':at': now.toISOString() },
              },
            },
            { Delete: { TableName: this.tableName, Key: keys.dueReminder(reminder.at, reminderId) } },
            ...(outbox
              ? [{ Put: { TableName: this.tableName, Item: outbox, ConditionExpression: 'attribute_not_exists(pk)' } }]
              : []),
          ],
        }),
      );
    } catch (error) {
      if (conditionFailed(error, 0) || conditionFailed(error, 2)) return 'already-fired';
      throw error;
    }
    return decision;
  }
}

function conditionFailed(error: unknown, index: number): boolean {
  const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
  return reasons[index]?.Code === 'ConditionalCheckFailed';
}
