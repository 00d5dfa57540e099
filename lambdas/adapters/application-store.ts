import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Language, Service } from '#core/catalog/schema.ts';
import { t } from '#core/i18n/strings.ts';
import { keys } from '#core/table-keys.ts';
import { dynamodb } from './dynamodb-client.ts';
import { outboxItem } from './outbox.ts';

interface IssuedCertificate {
  certId: string;
  pdfKey: string;
  verifyUrl: string;
}

/** Application records, and the notices a workflow queues for the citizen when an application settles. */
export class ApplicationStore {
  constructor(private readonly tableName: string) {}

  async get(applicationId: string): Promise<Record<string, unknown> | undefined> {
    const { Item } = await dynamodb.send(
      new GetCommand({ TableName: this.tableName, Key: keys.application(applicationId), ConsistentRead: true }),
    );
    return Item;
  }

  /**
   * Marks the application issued and queues the certificate for the citizen, in one transaction that only runs
   * while the application is still processing: a retried step queues nothing twice.
   */
  async markIssued(
    applicationId: string,
    waId: string,
    certificate: IssuedCertificate,
    service: Service | undefined,
    language: Language,
    now: Date,
  ) {
    const serviceName = service?.name[language] ?? 'certificate';
    await this.settle(applicationId, 'issued', { certId: certificate.certId }, now, [
      outboxItem(
        waId,
        `${applicationId}#issued`,
        {
          type: 'document',
          archiveKey: certificate.pdfKey,
          filename: `${certificate.certId}.pdf`,
          caption: t('certificateIssued', language, { service: serviceName, certId: certificate.certId }),
        },
        now,
      ),
    ]);
  }

  async markFailed(applicationId: string, waId: string, language: Language, now: Date) {
    await this.settle(applicationId, 'failed', {}, now, [
      outboxItem(
        waId,
        `${applicationId}#failed`,
        { type: 'text', text: t('applicationFailed', language, { applicationId }) },
        now,
      ),
    ]);
  }

  private async settle(
    applicationId: string,
    state: string,
    details: Record<string, unknown>,
    now: Date,
    notices: ReturnType<typeof outboxItem>[],
  ) {
    // A citizen who sent STOP gets nothing until START: the application settles, the notice is not queued, and
    // "status" shows the outcome when they come back.
    if (notices.length > 0 && (await this.hasStopped(notices[0]!.waId))) notices = [];
    try {
      await dynamodb.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: keys.application(applicationId),
                UpdateExpression: 'SET #state = :state, updatedAt = :now, outcome = :details',
                ConditionExpression: '#state IN (:processing, :received)',
                ExpressionAttributeNames: { '#state': 'state' },
                ExpressionAttributeValues: {
                  ':state': state,
                  ':now': now.toISOString(),
                  ':details': details,
                  ':processing': 'processing',
                  ':received': 'received',
                },
              },
            },
            ...notices.map((Item) => ({ Put: { TableName: this.tableName, Item } })),
          ],
        }),
      );
    } catch (error) {
      // The application already settled: this is a retry of a step that succeeded.
      if (
        error instanceof TransactionCanceledException &&
        error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed'
      )
        return;
      throw error;
    }
  }

  private async hasStopped(waId: string): Promise<boolean> {
    const { Item } = await dynamodb.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.session(waId),
        ConsistentRead: true,
        ProjectionExpression: '#session.stopped',
        ExpressionAttributeNames: { '#session': 'session' },
      }),
    );
    return (Item?.session as { stopped?: boolean } | undefined)?.stopped === true;
  }
}
