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
  export default class S3rver {
    constructor(options: S3rverOptions);
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
    /** s3rver is a Koa application: it emits an S3 event notification (`event`) for each object written. */
    on(event: 'event', listener: (notification: unknown) => void): this;
  }
}
