/**
 * Where citizens' media lives in the media bucket. `inbound/` holds everything a citizen sends, for days; an
 * attachment of a submitted application is copied under `applications/`, which lasts until its officer has decided
 * (lib/media-bucket.ts sets both expiries).
 */

/** By citizen and media id, so a redelivered message writes the same object. */
export function mediaKey(media: { waId: string; mediaId: string }): string {
  return `inbound/${media.waId}/${media.mediaId}`;
}

/** One object per application and question, so copying it again (a retried submission) writes the same object. */
export function attachmentKey(applicationId: string, fieldId: string): string {
  return `applications/${applicationId}/${fieldId}`;
}
