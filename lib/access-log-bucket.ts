import { Duration } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { StageConfig } from './stage-config.ts';

export interface AccessLogBucketProps {
  readonly config: StageConfig;
}

/**
 * Receives S3 server access logs of the archive and media buckets. S3-managed encryption because the log delivery
 * service cannot write to an SSE-KMS bucket; logs expire after the stage's access-log retention. It does not log
 * its own accesses (that would log every log delivery); cdk-nag's S1 accepts a bucket that is a log destination.
 */
export class AccessLogBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, { config }: AccessLogBucketProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(config.accessLogRetentionDays) }],
      removalPolicy: config.removalPolicy,
    });
  }
}
