import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { ApplicationStore } from '#adapters/application-store.ts';
import { BookingCancellations } from '#adapters/booking-cancellation.ts';
import { BookingInventory } from '#adapters/booking-inventory.ts';
import { CertificateCheck } from '#adapters/certificate-check.ts';
import { CertificateStore } from '#adapters/certificate-store.ts';
import { now } from '#adapters/clock.ts';
import { ConversationStore } from '#adapters/conversation-store.ts';
import { decideApplication } from '#adapters/decisions.ts';
import { HttpApsrtc } from '#adapters/departments/apsrtc.ts';
import { dynamodb } from '#adapters/dynamodb-client.ts';
import { requireEnv } from '#adapters/env.ts';
import { performGrievanceTask } from '#adapters/grievances.ts';
import { kms } from '#adapters/kms-client.ts';
import { copyMedia, readMedia } from '#adapters/media-store.ts';
import { OfficerRegistry } from '#adapters/officers.ts';
import { queueReply } from '#adapters/outbox.ts';
import { refundPayment } from '#adapters/payment-gateway.ts';
import { logger } from '#adapters/powertools.ts';
import { RevocationService } from '#adapters/revocation.ts';
import { citizenRevocationNotice } from '#adapters/revocation-notice.ts';
import { s3 } from '#adapters/s3-client.ts';
import { createKmsSigner } from '#adapters/signer.ts';
import { TransparencyLog } from '#adapters/transparency-log.ts';
import { decisionAnswer } from '#core/applications/approval.ts';
import { cancellationAnswer } from '#core/bookings/cancellation.ts';
import { catalog } from '#core/catalog/catalog.ts';
import { mayRevoke } from '#core/certificate/revocation.ts';
import { scanCertificateImage } from '#core/certificate/scan.ts';
import {
  type CertificateTask,
  CertificateTaskSchema,
  type RevocationOutcome,
  revocationAnswer,
  scanAnswer,
} from '#core/certificate/tasks.ts';
import type { Reply } from '#core/conversation/messages.ts';
import { maskPhone } from '#core/masking.ts';

const tableName = requireEnv('TABLE_NAME');
const mediaBucket = requireEnv('MEDIA_BUCKET');
const archive = { tableName, bucket: requireEnv('ARCHIVE_BUCKET') };
const store = new CertificateStore({ dynamodb, s3 }, archive);
const check = new CertificateCheck(store);
const officers = new OfficerRegistry(tableName);
const applications = new ApplicationStore(tableName);
const services = catalog();
const conversations = new ConversationStore(tableName);
const grievanceDesk = {
  tableName,
  applications,
  officers,
  conversations,
  catalog: services,
  copyMedia: (from: string, to: string) => copyMedia(mediaBucket, from, to),
};
const log = new TransparencyLog(
  { dynamodb, s3 },
  {
    ...archive,
    now,
    signer: createKmsSigner(kms, requireEnv('CHECKPOINT_SIGNING_KEY_ID')),
    publishKey: (key, validFrom) => store.archivePublicKey(key, validFrom, 'checkpoint-signing'),
  },
);
const revocations = new RevocationService(store, log, now, citizenRevocationNotice(dynamodb, tableName, now));
const reservationsEndpoint = requireEnv('RESERVATIONS_ENDPOINT');
const cancellations = new BookingCancellations({
  tableName,
  inventory: new BookingInventory(tableName),
  ...(reservationsEndpoint === 'unconfigured' ? {} : { apsrtc: new HttpApsrtc(reservationsEndpoint) }),
  refund: refundPayment,
  // The citizen hears of the cancellation itself, not of a revocation.
  revocations: new RevocationService(store, log, now),
});

/**
 * Performs the work the chat asked for off the webhook's path (a photographed QR code to check, an officer's
 * revocation or decision on an application, a citizen's cancelled ticket) and answers through the outbox. A retried record answers at most once:
 * the answer's key derives from the asking message, a repeated revocation appends no second leaf, and a repeated
 * decision finds the workflow no longer waiting.
 */
async function handle(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const failures: { itemIdentifier: string }[] = [];
  for (const record of event.Records) {
    const image = record.dynamodb?.NewImage;
    if (record.eventName !== 'INSERT' || !image) continue;
    const parsed = CertificateTaskSchema.safeParse(unmarshall(image as Record<string, AttributeValue>));
    if (!parsed.success) {
      // Not worth a retry: a malformed task fails the same way every time.
      logger.error('certificate task unreadable; skipped', { issues: parsed.error.issues });
      continue;
    }
    const task = parsed.data;
    try {
      const started = performance.now();
      const { answer, outcome } = await perform(task);
      const queued = await queueReply(tableName, task.waId, `${task.messageId}#answer`, answer, now());
      logger.info('certificate task done', {
        task: task.task,
        waId: maskPhone(task.waId),
        messageId: task.messageId,
        outcome,
        queued,
        ms: Math.round(performance.now() - started),
      });
    } catch (error) {
      logger.error('certificate task failed; retried from the stream', {
        messageId: task.messageId,
        error: error as Error,
      });
      failures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
    }
  }
  return { batchItemFailures: failures };
}

function perform(task: CertificateTask): Promise<{ answer: Reply; outcome: string }> {
  switch (task.task) {
    case 'scan':
      return scan(task);
    case 'revoke':
      return revoke(task);
    case 'decide':
      return decide(task);
    case 'grievance':
      return performGrievanceTask(task, grievanceDesk, now());
    case 'cancel-booking':
      return cancelBooking(task);
  }
}

async function cancelBooking(task: Extract<CertificateTask, { task: 'cancel-booking' }>) {
  const result = await cancellations.cancel(task.applicationId, task.waId, now());
  return {
    answer: { type: 'text' as const, text: cancellationAnswer(result, services, task.language) },
    outcome: result.outcome,
  };
}

async function scan(task: Extract<CertificateTask, { task: 'scan' }>) {
  const bytes = await readMedia(mediaBucket, task.mediaKey);
  const result = await check.check(bytes ? scanCertificateImage(bytes) : { ok: false, reason: 'unreadable-image' });
  return { answer: { type: 'text' as const, text: scanAnswer(result, task.language) }, outcome: result.status };
}

async function revoke(task: Extract<CertificateTask, { task: 'revoke' }>) {
  const result = await revocationFor(task);
  return { answer: { type: 'text' as const, text: revocationAnswer(result, task.language) }, outcome: result.outcome };
}

async function decide(task: Extract<CertificateTask, { task: 'decide' }>) {
  const [officer, person] = await Promise.all([officers.find(task.waId), conversations.personOf(task.waId)]);
  const result = await decideApplication(applications, task, officer, person.identity, now());
  if (result.outcome === 'not-allowed' || result.outcome === 'own-application') {
    const why = result.outcome === 'not-allowed' ? result.why : 'the officer is the applicant';
    logger.warn('decision refused', { applicationId: task.applicationId, waId: maskPhone(task.waId), why });
  }
  const text = decisionAnswer(result, services, task.language);
  return { answer: { type: 'text' as const, text }, outcome: result.outcome };
}

/** The registry is read again here: an officer removed since the message arrived revokes nothing. */
async function revocationFor(task: Extract<CertificateTask, { task: 'revoke' }>): Promise<RevocationOutcome> {
  const [officer, certificate] = await Promise.all([officers.find(task.waId), store.getCertificate(task.certId)]);
  if (!certificate) return { outcome: 'unknown', certId: task.certId };
  const decision = officer
    ? mayRevoke(officer, certificate)
    : { allowed: false as const, why: 'not a registered officer' };
  if (!decision.allowed) {
    logger.warn('revocation refused', { certId: task.certId, waId: maskPhone(task.waId), why: decision.why });
    return { outcome: 'not-allowed', certId: task.certId, department: certificate.issuer.department };
  }
  return revocations.revoke({ certId: task.certId, reason: task.reason, revokedBy: decision.revokedBy });
}

export const handler = middy(handle).use(injectLambdaContext(logger, { resetKeys: true }));
