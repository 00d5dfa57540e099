import { GetObjectCommand, PutObjectCommand, S3ServiceException } from '@aws-sdk/client-s3';
import type { InboundMedia } from '#core/whatsapp/webhook-payload.ts';
import type { GraphApi } from './graph-api.ts';
import { s3 } from './s3-client.ts';

/** Where a citizen's media is kept: by citizen and media id, so a redelivered message writes the same object. */
export function mediaKey(media: Pick<InboundMedia, 'waId' | 'mediaId'>): string {
  return `inbound/${media.waId}/${media.mediaId}`;
}

/**
 * Copies media a citizen sent from Meta into the expiring media bucket at once: Meta's download URL lasts minutes
 * and the media id a week, and officers review applications later than that.
 */
export class MediaStore {
  constructor(
    private readonly bucket: string,
    private readonly graph: GraphApi,
  ) {}

  async keep(media: InboundMedia): Promise<string> {
    const { bytes, mimeType } = await this.graph.downloadMedia(media.mediaId);
    const key = mediaKey(media);
    await this.s3Put(key, bytes, media.mimeType ?? mimeType, {
      'message-id': media.messageId,
      'media-type': media.mediaType,
      ...(media.filename ? { filename: encodeURIComponent(media.filename) } : {}),
    });
    return key;
  }

  private async s3Put(key: string, body: Uint8Array, contentType: string, metadata: Record<string, string>) {
    await s3.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType, Metadata: metadata }),
    );
  }
}

/** The bytes of media kept by `MediaStore.keep`, or undefined when there are none (Meta refused it, or it expired). */
export async function readMedia(bucket: string, key: string): Promise<Uint8Array | undefined> {
  try {
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return await object.Body!.transformToByteArray();
  } catch (error) {
    if (error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404))
      return undefined;
    throw error;
  }
}
