import { createHmac } from 'node:crypto';

/**
 * Where citizens' media lives in the media bucket. `inbound/` holds everything a citizen sends, for days; an
 * attachment of a submitted application is copied under `applications/`, which lasts until its officer has decided
 * (lib/media-bucket.ts sets both expiries).
 */

/**
 * By a keyed digest (HMAC-SHA256) of the citizen's key and the media id, so a redelivered message writes the same
 * object and no phone number appears in an object key (keys reach the logs and the bucket's access logs). The key is
 * the deployment's secret for personal-data hashes (the Aadhaar hash key, which is never rotated): without it, the
 * folder of a number cannot be found by hashing every possible number. Keys written before (under the plain number,
 * or an unkeyed digest) are read as stored: every reader takes the key recorded with the message, never rebuilds it.
 */
export function mediaKey(media: { waId: string; mediaId: string }, secret: string): string {
  return `inbound/${citizenFolder(media.waId, secret)}/${media.mediaId}`;
}

function citizenFolder(waId: string, secret: string): string {
  return createHmac('sha256', secret).update(`mitra-inbound-media\n${waId}`).digest('hex').slice(0, 32);
}

/** One object per application and question, so copying it again (a retried submission) writes the same object. */
export function attachmentKey(applicationId: string, fieldId: string): string {
  return `applications/${applicationId}/${fieldId}`;
}
