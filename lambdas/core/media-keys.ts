import { createHash } from 'node:crypto';

/**
 * Where citizens' media lives in the media bucket. `inbound/` holds everything a citizen sends, for days; an
 * attachment of a submitted application is copied under `applications/`, which lasts until its officer has decided
 * (lib/media-bucket.ts sets both expiries).
 */

/**
 * By a digest of the citizen's key and the media id, so a redelivered message writes the same object and no phone
 * number appears in an object key (keys reach the logs and the bucket's access logs). Keys written before under the
 * plain number are read as stored: every reader takes the key recorded with the message, never rebuilds it.
 */
export function mediaKey(media: { waId: string; mediaId: string }): string {
  return `inbound/${citizenFolder(media.waId)}/${media.mediaId}`;
}

function citizenFolder(waId: string): string {
  return createHash('sha256').update(`mitra-inbound-media\n${waId}`).digest('hex').slice(0, 32);
}

/** One object per application and question, so copying it again (a retried submission) writes the same object. */
export function attachmentKey(applicationId: string, fieldId: string): string {
  return `applications/${applicationId}/${fieldId}`;
}
