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
 * s3rver with its objects in `dataDir` and the given buckets created, and S3's conditional writes, which s3rver lacks
 * (`conditionalWrites`). It has no versioning or Object Lock: those are asserted on the synthesized template instead.
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
  server.middleware.unshift(conditionalWrites(server));
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

const PRECONDITION_FAILED =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>PreconditionFailed</Code><Message>At least one of the ' +
  'pre-conditions you specified did not hold</Message><Condition>If-None-Match</Condition></Error>';

/**
 * A PUT with `If-None-Match: *` writes only a key that holds no object, and is refused 412 PreconditionFailed
 * otherwise, as S3 does: the archive writes once this way, without a HEAD first. Writes to one key wait for each
 * other, so of two at once one writes and the other is refused, as in S3.
 */
function conditionalWrites(server: S3rver): S3rver['middleware'][number] {
  const writing = new Map<string, Promise<void>>();
  return async (context, next) => {
    const [bucket, ...path] = context.path.slice(1).split('/');
    const key = decodeURIComponent(path.join('/'));
    if (context.method !== 'PUT' || context.get('if-none-match') !== '*' || !bucket || !key || context.query.uploadId)
      return next();
    const id = `${bucket}/${key}`;
    const before = writing.get(id) ?? Promise.resolve();
    let done!: () => void;
    const mine = new Promise<void>((resolve) => {
      done = resolve;
    });
    const turn = before.then(() => mine);
    writing.set(id, turn);
    await before;
    try {
      if (await server.store.existsObject(bucket, key)) {
        context.status = 412;
        context.type = 'application/xml';
        context.body = PRECONDITION_FAILED;
        return;
      }
      await next();
    } finally {
      done();
      if (writing.get(id) === turn) writing.delete(id);
    }
  };
}
