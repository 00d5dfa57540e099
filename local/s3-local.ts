import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import S3rver from 's3rver';

/** The S3 event notification s3rver emits for each write. */
interface S3rverEvent {
  Records?: { eventName?: string; s3: { bucket: { name: string }; object: { key: string } } }[];
}

export interface LocalS3 {
  endpoint: string;
  /** Called after every object written (S3's "Object Created"), with its bucket and key. */
  onObjectCreated(listener: (bucket: string, key: string) => void): void;
  stop(): Promise<void>;
}

/**
 * s3rver with its objects in `dataDir` and the given buckets created. It has no versioning or Object Lock: those are
 * asserted on the synthesized template instead.
 */
export async function startS3Local(dataDir: string, buckets: string[], port = 0): Promise<LocalS3> {
  mkdirSync(dataDir, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1',
    port,
    silent: true,
    directory: dataDir,
    configureBuckets: buckets.map((name) => ({ name, configs: [] })),
  });
  const address = (await server.run()) as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    onObjectCreated(listener) {
      server.on('event', (notification) => {
        for (const record of (notification as S3rverEvent).Records ?? []) {
          if (!record.eventName?.startsWith('ObjectCreated:')) continue;
          listener(record.s3.bucket.name, decodeURIComponent(record.s3.object.key.replace(/\+/g, ' ')));
        }
      });
    },
    async stop() {
      await server.close();
    },
  };
}
