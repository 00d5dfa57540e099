import { CopyObjectCommand, GetObjectCommand, PutObjectCommand, S3ServiceException } from '@aws-sdk/client-s3';
import { attachmentKey, mediaKey } from '#core/media-keys.ts';
import type { InboundMedia } from '#core/whatsapp/webhook-payload.ts';
import type { GraphApi } from './graph-api.ts';
import { s3 } from './s3-client.ts';

/**
 * Copies media a citizen sent from Meta into the expiring media bucket at once: Meta's download URL lasts minutes
 * and the media id a week, and officers review applications later than that.
 */
export class MediaStore {
  constructor(
    private readonly bucket: string,
    private readonly graph: GraphApi,
    /** The deployment's key for personal-data hashes: a citizen's media folder is a keyed digest of their number. */
    private readonly personalDataKey: string,
  ) {}

  /** Keeps the media; answers where, and the bytes kept (a voice note is transcribed from them in the same turn). */
  async keep(media: InboundMedia): Promise<{ key: string; bytes: Uint8Array; mimeType: string }> {
    const { bytes, mimeType } = await this.graph.downloadMedia(media.mediaId);
    const key = mediaKey(media, this.personalDataKey);
    const type = media.mimeType ?? mimeType;
    await this.s3Put(key, bytes, type, {
      'message-id': media.messageId,
      'media-type': media.mediaType,
      ...(media.filename ? { filename: encodeURIComponent(media.filename) } : {}),
    });
    return { key, bytes, mimeType: type };
  }

  /**
   * Copies a submitted application's attachments to where they outlive its SLA and escalation (`attachmentKey`), so
   * the citizen's other media can expire sooner. Copying again writes the same object. Media Meta never let us fetch
   * is not there to copy: the officer is then sent nothing for it.
   */
  async retainAttachments(applicationId: string, attachments: { fieldId: string; key: string }[]): Promise<void> {
    for (const { fieldId, key } of attachments)
      await copyMedia(this.bucket, key, attachmentKey(applicationId, fieldId));
  }

  private async s3Put(key: string, body: Uint8Array, contentType: string, metadata: Record<string, string>) {
    await s3.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType, Metadata: metadata }),
    );
  }
}

/**
 * Copies kept media to where an application keeps it; copying again writes the same object. False when there is
 * nothing to copy (Meta never let us fetch it, or it expired).
 */
export async function copyMedia(bucket: string, from: string, to: string): Promise<boolean> {
  try {
    await s3.send(new CopyObjectCommand({ Bucket: bucket, Key: to, CopySource: `${bucket}/${from}` }));
    return true;
  } catch (error) {
    if (error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404))
      return false;
    throw error;
  }
}

/** The bytes of media kept by `MediaStore.keep`, or undefined when there are none (Meta refused it, or it expired). */
export async function readMedia(bucket: string, key: string): Promise<Uint8Array | undefined> {
  return (await readMediaObject(bucket, key))?.bytes;
}

/** The bytes of kept media with the MIME type WhatsApp gave them, or undefined when there are none. */
export async function readMediaObject(
  bucket: string,
  key: string,
): Promise<{ bytes: Uint8Array; contentType: string } | undefined> {
  try {
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const bytes = await object.Body!.transformToByteArray();
    return { bytes, contentType: object.ContentType ?? 'application/octet-stream' };
  } catch (error) {
    if (error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404))
      return undefined;
    throw error;
  }
}
