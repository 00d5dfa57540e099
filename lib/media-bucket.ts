import { Duration } from 'aws-cdk-lib';
import { Key } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { StageConfig } from './stage-config.ts';

/** How long citizens' uploaded media is kept: long enough for an officer to review an application, no longer. */
const MEDIA_EXPIRY_DAYS = 30;

export interface MediaBucketProps {
  readonly config: StageConfig;
  readonly accessLogs: IBucket;
}

/**
 * Inbound citizen media (photos of documents). Kept apart from the WORM archive because it must be deletable and
 * expire; encrypted with its own key because it is identity documents, never public, TLS only, accesses logged.
 */
export class MediaBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, { config, accessLogs }: MediaBucketProps) {
    super(scope, id);
    const key = new Key(this, 'Key', {
      description: `Mitra ${config.stage}: encrypts inbound citizen media`,
      alias: `alias/mitra-${config.stage}-media`,
      enableKeyRotation: true,
      removalPolicy: config.removalPolicy,
      pendingWindow: Duration.days(7),
    });
    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.KMS,
      encryptionKey: key,
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      lifecycleRules: [
        {
          id: 'expire-citizen-media',
          expiration: Duration.days(MEDIA_EXPIRY_DAYS),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'media/',
      removalPolicy: config.removalPolicy,
    });
  }
}
