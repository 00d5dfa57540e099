import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import S3rver from 's3rver';

export interface LocalS3 {
  endpoint: string;
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
    async stop() {
      await server.close();
    },
  };
}
