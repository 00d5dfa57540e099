import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { type Actor, historyEntry, ruleOf, type TransitionName } from '#core/applications/lifecycle.ts';
import { keys } from '#core/table-keys.ts';
import { dynamodb } from './dynamodb-client.ts';
import type { OutboxItem } from './outbox.ts';

/** One transition of the application lifecycle (lambdas/core/applications/lifecycle.ts), with what it writes. */
export interface ApplicationTransition {
  applicationId: string;
  transition: TransitionName;
  actor: Actor;
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
 * Applies the transition in one DynamoDB transaction: the state it leads to, its entry appended to the application's
 * history, and its notices. Answers false, writing nothing, when the application is not in a state the transition
 * leaves (or the further condition fails): a retried step that already did it, or a race lost.
 */
export async function transitionApplication(
  tableName: string,
  transition: ApplicationTransition,
  now: Date,
  /** The table's client: the functions' shared one, or an administrator tool's own. */
  client: DynamoDBDocumentClient = dynamodb,
): Promise<boolean> {
  const rule = ruleOf(transition.transition, transition.actor);
  const names: Record<string, string> = { '#state': 'state', '#history': 'history', ...transition.condition?.names };
  const values: Record<string, unknown> = {
    ':to': rule.to,
    ':now': now.toISOString(),
    ':entry': [historyEntry(transition.transition, transition.actor, now)],
    ':noHistory': [],
    ...transition.condition?.values,
  };
  const sets = [
    '#state = :to',
    'updatedAt = :now',
    '#history = list_append(if_not_exists(#history, :noHistory), :entry)',
  ];
  Object.entries(transition.set ?? {}).forEach(([attribute, value], i) => {
    const path = attribute.split('.').map((part, j) => {
      names[`#s${i}_${j}`] = part;
      return `#s${i}_${j}`;
    });
    values[`:s${i}`] = value;
    sets.push(`${path.join('.')} = :s${i}`);
  });
  rule.from.forEach((state, i) => {
    values[`:from${i}`] = state;
  });
  const inFrom = `#state IN (${rule.from.map((_, i) => `:from${i}`).join(', ')})`;
  const removes = transition.remove?.length ? ` REMOVE ${transition.remove.join(', ')}` : '';
  try {
    await client.send(
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
