import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Actor } from '#core/applications/lifecycle.ts';
import { catalog } from '#core/catalog/catalog.ts';
import type { Language } from '#core/catalog/schema.ts';
import { revocationReasonText } from '#core/certificate/revocation.ts';
import { t } from '#core/i18n/strings.ts';
import { keys } from '#core/table-keys.ts';
import { transitionApplication } from './application-transitions.ts';
import { outboxItem } from './outbox.ts';

export interface RevokedDocument {
  certId: string;
  applicationId: string;
  revokedAt: string;
  reason: string;
  /** As the log records it: `officer:<id>` or `administrator:<name>`. */
  revokedBy: string;
}

/** Who revoked, as the application's history names them. */
function revokingActor(revokedBy: string): Actor {
  const [type, ...rest] = revokedBy.split(':');
  const id = rest.join(':') || revokedBy;
  return type === 'officer' ? { type: 'officer', id } : { type: 'administrator', id };
}

/**
 * Tells the citizen that the document issued for their application was revoked, and why: the application moves
 * from issued to revoked (lifecycle `revoke`) with the notice in the same write, once; a repeated revocation finds it
 * revoked already and tells nobody twice. A citizen who sent STOP is not told (status shows it).
 */
export function citizenRevocationNotice(client: DynamoDBDocumentClient, tableName: string, now: () => Date) {
  return async (revoked: RevokedDocument): Promise<boolean> => {
    const { Item: application } = await client.send(
      new GetCommand({ TableName: tableName, Key: keys.application(revoked.applicationId), ConsistentRead: true }),
    );
    if (!application) return false;
    const waId = String(application.waId);
    const language: Language = application.language === 'te' ? 'te' : 'en';
    const service = catalog().services.find((s) => s.id === application.serviceId);
    const stopped = await client
      .send(
        new GetCommand({
          TableName: tableName,
          Key: keys.session(waId),
          ProjectionExpression: '#session.stopped',
          ExpressionAttributeNames: { '#session': 'session' },
        }),
      )
      .then(({ Item }) => (Item?.session as { stopped?: boolean } | undefined)?.stopped === true);
    const at = now();
    const text = t('documentRevoked', language, {
      service: service?.name[language] ?? String(application.serviceId),
      applicationId: revoked.applicationId,
      certId: revoked.certId,
      reason: revocationReasonText(revoked.reason)[language],
    });
    return transitionApplication(
      tableName,
      {
        applicationId: revoked.applicationId,
        transition: 'revoke',
        actor: revokingActor(revoked.revokedBy),
        set: { revocation: { certId: revoked.certId, revokedAt: revoked.revokedAt, reason: revoked.reason } },
        notices: stopped ? [] : [outboxItem(waId, `${revoked.applicationId}#revoked`, { type: 'text', text }, at)],
      },
      at,
      client,
    );
  };
}
