import {
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';

/**
 * Write-once objects in the WORM archive: a put with `IfNoneMatch: '*'`, which S3 refuses (412) for a key that holds
 * an object already, so a retried write costs one request and never replaces what was archived (the embedded
 * runtime's S3 refuses it the same way: local/s3-local.ts).
 */
export class ArchiveObjects {
  constructor(
    private readonly s3: S3Client,
    readonly bucket: string,
  ) {}

  async exists(key: string): Promise<boolean> {
    try {
      await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  /** The object's text, metadata and last-modified time; undefined when there is none. */
  async get(
    key: string,
  ): Promise<{ text: string; metadata: Record<string, string>; lastModified: string } | undefined> {
    try {
      const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return {
        text: await object.Body!.transformToString('utf-8'),
        metadata: object.Metadata ?? {},
        lastModified: object.LastModified?.toISOString() ?? '',
      };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async getText(key: string): Promise<string | undefined> {
    return (await this.get(key))?.text;
  }

  async putIfAbsent(
    key: string,
    body: Uint8Array | string,
    contentType: string,
    metadata: Record<string, string> = {},
  ): Promise<void> {
    try {
      await this.s3.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body),
          ContentType: contentType,
          Metadata: metadata,
          IfNoneMatch: '*',
        }),
      );
    } catch (error) {
      // Written before, by an earlier attempt or one running at the same time: what it wrote is the same bytes.
      if (error instanceof S3ServiceException && [409, 412].includes(error.$metadata.httpStatusCode ?? 0)) return;
      throw error;
    }
  }
}

function isMissing(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    (error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata.httpStatusCode === 404)
  );
}
