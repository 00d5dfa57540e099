import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { BillPosting } from '#core/fulfilment/bills.ts';
import { keys } from '#core/table-keys.ts';
import type { OutboundReply } from '#core/whatsapp/limits.ts';
import { transitionApplication } from './application-transitions.ts';
import { dynamodb } from './dynamodb-client.ts';
import { type OutboxItem, outboxItem } from './outbox.ts';

const WORKFLOW = { type: 'workflow' } as const;

/** What an application awaiting its fee keeps: the link the citizen pays on and the token that resumes the workflow. */
export interface AwaitedPayment {
  taskToken: string;
  linkId: string;
  url: string;
  amountPaise: number;
  expiresAt: string;
  /** The citizen was asked to pay inside WhatsApp (an order_details message with the application id as reference). */
  inChat?: boolean;
  /** The captured payment, once the gateway confirmed it. */
  received?: ReceivedPayment;
}

export interface ReceivedPayment {
  paymentId: string;
  amountPaise: number;
  paidAt: string;
  method?: string;
}

/** A captured payment Mitra did not accept: an operator reconciles it (usually a refund). */
export interface PaymentIssue extends ReceivedPayment {
  reason: 'wrong-amount' | 'not-awaiting-payment' | 'after-link-expired' | 'wait-closed';
  currency: string;
  recordedAt: string;
}

export interface PaymentApplicationRecord {
  applicationId: string;
  waId: string;
  language?: string;
  state: string;
  payment?: AwaitedPayment;
  /** The biller's answer to the payment posted against the bill (bill payments only), recorded once. */
  billPosting?: BillPosting;
}

/** The payment side of application records: awaiting the fee, paid, expired, and what could not be accepted. */
export class PaymentStore {
  constructor(private readonly tableName: string) {}

  async get(applicationId: string): Promise<PaymentApplicationRecord | undefined> {
    const { Item } = await dynamodb.send(
      new GetCommand({ TableName: this.tableName, Key: keys.application(applicationId), ConsistentRead: true }),
    );
    return Item as PaymentApplicationRecord | undefined;
  }

  /**
   * The application awaits its fee on this link with this task token, and the citizen's notice is queued, in one
   * transaction. A retried or re-driven step replaces the token (the old one is dead); its notice is rewritten under
   * the same key, which the sender does not send again. Answers false when the application is not open to a payment
   * request (it moved on; nothing is written).
   */
  async awaitPayment(applicationId: string, payment: AwaitedPayment, notice: OutboxItem | undefined, now: Date) {
    return transitionApplication(
      this.tableName,
      {
        applicationId,
        transition: 'request-payment',
        actor: WORKFLOW,
        set: { payment },
        notices: notice ? [notice] : [],
      },
      now,
    );
  }

  /**
   * awaiting-payment → paid with the captured payment, and the citizen's receipt queued, in one transaction
   * conditional on the link still being the one paid on. Answers the task token to resume the workflow with, or
   * undefined when the application was no longer awaiting this payment (a concurrent callback won).
   */
  async markPaid(
    applicationId: string,
    linkId: string,
    received: ReceivedPayment,
    notice: OutboxItem | undefined,
    now: Date,
  ): Promise<string | undefined> {
    const application = await this.get(applicationId);
    const token = application?.payment?.taskToken;
    if (!token) return undefined;
    const paid = await transitionApplication(
      this.tableName,
      {
        applicationId,
        transition: 'pay',
        actor: { type: 'payment-gateway' },
        set: { 'payment.received': received },
        // The token read above is the one stored: a re-driven step that replaced it cancels this write.
        condition: {
          expression: 'payment.linkId = :linkId AND payment.taskToken = :token',
          values: { ':linkId': linkId, ':token': token },
        },
        notices: notice ? [notice] : [],
      },
      now,
    );
    return paid ? token : undefined;
  }

  /** awaiting-payment → payment-expired, with the citizen's notice. False when the application had moved on. */
  async expire(applicationId: string, notice: OutboxItem | undefined, now: Date): Promise<boolean> {
    return transitionApplication(
      this.tableName,
      { applicationId, transition: 'expire-payment', actor: WORKFLOW, notices: notice ? [notice] : [] },
      now,
    );
  }

  /** Records the biller's answer to the posting once; false when one is recorded already (the first one stands). */
  async recordPosting(applicationId: string, posting: BillPosting): Promise<boolean> {
    try {
      await dynamodb.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.application(applicationId),
          UpdateExpression: 'SET billPosting = :posting',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(billPosting)',
          ExpressionAttributeValues: { ':posting': posting },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  /** paid → refund-due with what is owed back, and the citizen's notice. False when it had moved on already. */
  async refundDue(
    applicationId: string,
    refund: ReceivedPayment & { reason: string; recordedAt: string },
    notice: OutboxItem | undefined,
    now: Date,
  ): Promise<boolean> {
    return transitionApplication(
      this.tableName,
      { applicationId, transition: 'refund-due', actor: WORKFLOW, set: { refund }, notices: notice ? [notice] : [] },
      now,
    );
  }

  /**
   * Records on the application a captured payment that was not accepted, once per payment id (a repeated callback
   * records nothing more). Answers whether this call recorded it.
   */
  async recordIssue(applicationId: string, issue: PaymentIssue): Promise<boolean> {
    try {
      await dynamodb.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.application(applicationId),
          UpdateExpression:
            'SET paymentIssues = list_append(if_not_exists(paymentIssues, :none), :issue) ADD paymentIssueIds :ids',
          ConditionExpression: 'attribute_exists(pk) AND NOT contains(paymentIssueIds, :id)',
          ExpressionAttributeValues: {
            ':none': [],
            ':issue': [issue],
            ':ids': new Set([issue.paymentId]),
            ':id': issue.paymentId,
          },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}

/** A notice for the citizen (a text, or any reply), or none for one who sent STOP. */
export function noticeFor(
  stopped: boolean,
  waId: string,
  ref: string,
  notice: string | OutboundReply,
  now: Date,
): OutboxItem | undefined {
  if (stopped) return undefined;
  return outboxItem(waId, ref, typeof notice === 'string' ? { type: 'text', text: notice } : notice, now);
}
