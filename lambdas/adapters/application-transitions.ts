import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '#core/table-keys.ts';
import { dynamodb } from './dynamodb-client.ts';
import type { OutboxItem } from './outbox.ts';

/** One step of an application's life: from one of some states to another, with the notices it sends. */
export interface ApplicationTransition {
  applicationId: string;
  /** The states it may leave: the write happens only while the application is in one of them. */
  from: readonly string[];
  to: string;
  /** More attributes to set; a dotted name sets a nested attribute (`payment.received`). */
  set?: Record<string, unknown>;
  /** Attributes to remove (for instance the worklist index's keys once it is decided). */
  remove?: readonly string[];
  /** A further condition, with its own placeholders in `values`, e.g. that the link paid is the one stored. */
  condition?: { expression: string; names?: Record<string, string>; values: Record<string, unknown> };
  /** Outbox replies queued in the same transaction: all or nothing with the change of state. */
  notices?: readonly OutboxItem[];
}

/**
 * Applies the transition in one DynamoDB transaction. Answers false, writing nothing, when the application is not
 * in a state it may leave (or the further condition fails): a retried step that already did it, or a race lost.
 */
export async function transitionApplication(
  tableName: string,
  transition: ApplicationTransition,
  now: Date,
): Promise<boolean> {
  const names: Record<string, string> = { '#state': 'state', ...transition.condition?.names };
  const values: Record<string, unknown> = {
    ':to': transition.to,
    ':now': now.toISOString(),
    ...transition.condition?.values,
  };
  const sets = ['#state = :to', 'updatedAt = :now'];
  Object.entries(transition.set ?? {}).forEach(([attribute, value], i) => {
    const path = attribute.split('.').map((part, j) => {
      names[`#s${i}_${j}`] = part;
      return `#s${i}_${j}`;
    });
    values[`:s${i}`] = value;
    sets.push(`${path.join('.')} = :s${i}`);
  });
  transition.from.forEach((state, i) => {
    values[`:from${i}`] = state;
  });
  const inFrom = `#state IN (${transition.from.map((_, i) => `:from${i}`).join(', ')})`;
  const removes = transition.remove?.length ? ` REMOVE ${transition.remove.join(', ')}` : '';
  try {
    await dynamodb.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName,
              Key: keys.application(transition.applicationId),
              UpdateExpression: `SET ${sets.join(', ')}${removes}`,
              ConditionExpression: transition.condition ? `${inFrom} AND ${transition.condition.expression}` : inFrom,
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: values,
            },
          },
          ...(transition.notices ?? []).map((Item) => ({ Put: { TableName: tableName, Item } })),
        ],
      }),
    );
    return true;
  } catch (error) {
    if (
      error instanceof TransactionCanceledException &&
      error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed'
    )
      return false;
    throw error;
  }
}
