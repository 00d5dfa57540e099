import { S3Client } from '@aws-sdk/client-s3';

// s3rver only understands path-style addressing; S3 itself prefers virtual-hosted style.
export const s3 = new S3Client({ forcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true' });
