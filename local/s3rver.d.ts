// s3rver ships no types; this is the part of its API the embedded runtime uses.
declare module 's3rver' {
  import type { AddressInfo } from 'node:net';

  interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    directory: string;
    resetOnClose?: boolean;
    configureBuckets?: { name: string; configs: Buffer[] | string[] }[];
  }
  /** The part of a Koa context a middleware in front of s3rver's routes uses. */
  interface S3rverContext {
    method: string;
    path: string;
    query: Record<string, string | string[] | undefined>;
    get(header: string): string;
    status: number;
    type: string;
    body: unknown;
  }
  export default class S3rver {
    constructor(options: S3rverOptions);
    /** Koa's middleware, composed when the server starts: one put first runs before s3rver's own. */
    middleware: ((context: S3rverContext, next: () => Promise<void>) => Promise<void>)[];
    /** Where s3rver keeps its objects. */
    store: { existsObject(bucket: string, key: string): Promise<boolean> };
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
    /** s3rver is a Koa application: it emits an S3 event notification (`event`) for each object written. */
    on(event: 'event', listener: (notification: unknown) => void): this;
  }
}
