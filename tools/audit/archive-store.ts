import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { startS3Local } from '../../local/s3-local.ts';

/** What the audit reads: the archive through the S3 API, whether it is in AWS or in the embedded runtime's folder. */
export interface ArchiveStore {
  bucket: string;
  /** Where the archive is, for the report. */
  location: string;
  list(prefix: string): Promise<string[]>;
  get(key: string): Promise<{ bytes: Uint8Array; metadata: Record<string, string> } | undefined>;
  head(key: string): Promise<Record<string, string> | undefined>;
  /** Every version and delete marker, or undefined when the store keeps no versions (s3rver). */
  versions(): Promise<{ key: string; versionId: string; isLatest: boolean; deleteMarker: boolean }[] | undefined>;
  close(): Promise<void>;
}

// s3rver 3.7.1 accepts one access key pair, S3RVER/S3RVER.
const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface StoreOptions {
  /** An S3 bucket (AWS, or any S3 API at `endpoint`). */
  bucket?: string;
  endpoint?: string;
  region?: string;
  /** The embedded runtime's data folder; its archive is read through a private s3rver over `<dataDir>/s3`. */
  dataDir?: string;
}

export async function openArchive(options: StoreOptions): Promise<ArchiveStore> {
  if (options.bucket && !options.dataDir) {
    const client = new S3Client({
      region: options.region ?? process.env.AWS_REGION ?? 'ap-south-1',
      ...(options.endpoint
        ? { endpoint: options.endpoint, forcePathStyle: true, credentials: S3RVER_CREDENTIALS }
        : {}),
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    return s3Store(client, options.bucket, options.endpoint ?? `s3://${options.bucket}`, async () => undefined);
  }
  const dataDir = resolve(options.dataDir ?? process.env.MITRA_DATA_DIR ?? '.mitra');
  const folder = join(dataDir, 's3');
  if (!existsSync(folder)) {
    throw new UsageError(`no local archive in ${folder}: run \`npm start\` first, or audit AWS with --bucket <name>`);
  }
  // Reading the folder through s3rver (not the files directly) keeps one code path: the S3 API, as in AWS.
  const server = await startS3Local(folder, []);
  const client = new S3Client({
    region: 'us-east-1',
    endpoint: server.endpoint,
    forcePathStyle: true,
    credentials: S3RVER_CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  let bucket = options.bucket;
  if (!bucket) {
    const { Buckets = [] } = await client.send(new ListBucketsCommand({}));
    const names = Buckets.map((b) => b.Name!).filter(Boolean);
    const archives = names.filter((name) => name.startsWith('certificatearchive'));
    if (archives.length !== 1) {
      await server.stop();
      throw new UsageError(
        `cannot tell which bucket in ${folder} is the archive (${names.join(', ')}); name it with --bucket`,
      );
    }
    bucket = archives[0]!;
  }
  // The client's keep-alive sockets would hold the server's close open for seconds: end them first.
  return s3Store(client, bucket, `${folder} (${bucket})`, async () => {
    client.destroy();
    await server.stop();
  });
}

export class UsageError extends Error {}

function s3Store(client: S3Client, bucket: string, location: string, close: () => Promise<void>): ArchiveStore {
  return {
    bucket,
    location,
    async list(prefix) {
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
        );
        for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return keys.sort();
    },
    async get(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return { bytes: await object.Body!.transformToByteArray(), metadata: object.Metadata ?? {} };
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
    async head(key) {
      try {
        return (await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).Metadata ?? {};
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
    async versions() {
      const found: { key: string; versionId: string; isLatest: boolean; deleteMarker: boolean }[] = [];
      let keyMarker: string | undefined;
      let versionMarker: string | undefined;
      try {
        do {
          const page = await client.send(
            new ListObjectVersionsCommand({ Bucket: bucket, KeyMarker: keyMarker, VersionIdMarker: versionMarker }),
          );
          for (const v of page.Versions ?? []) {
            found.push({ key: v.Key!, versionId: v.VersionId ?? 'null', isLatest: !!v.IsLatest, deleteMarker: false });
          }
          for (const m of page.DeleteMarkers ?? []) {
            found.push({ key: m.Key!, versionId: m.VersionId ?? 'null', isLatest: !!m.IsLatest, deleteMarker: true });
          }
          keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
          versionMarker = page.IsTruncated ? page.NextVersionIdMarker : undefined;
        } while (keyMarker);
      } catch (error) {
        // s3rver has no versioning API; AWS always answers (versions are "null" in an unversioned bucket).
        if (/NotImplemented|not implemented|MethodNotAllowed/i.test(String((error as Error).name ?? error)))
          return undefined;
        if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 501) return undefined;
        throw error;
      }
      // s3rver answers a versions listing as a plain listing: no version ids at all means no versioning.
      if (found.length > 0 && found.every((v) => v.versionId === 'null' && !v.deleteMarker)) return undefined;
      return found;
    },
    close,
  };
}

function isMissing(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
}
