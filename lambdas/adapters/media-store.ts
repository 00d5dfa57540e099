import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { InboundMedia } from '#core/whatsapp/webhook-payload.ts';
import { s3 } from './aws-clients.ts';
import type { GraphApi } from './graph-api.ts';

/** Where a citizen's media is kept: by citizen and media id, so a redelivered message writes the same object. */
function mediaKey(media: Pick<InboundMedia, 'waId' | 'mediaId'>): string {
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
