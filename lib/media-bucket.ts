import { Duration } from 'aws-cdk-lib';
import { Key } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { StageConfig } from './stage-config.ts';

/**
 * How long what citizens send is kept (`inbound/`): a photo of a QR code is checked at once, and an attachment is
 * copied for its application when the form is submitted, so a month is ample.
 */
const MEDIA_EXPIRY_DAYS = 30;
/**
 * How long an application's attachments are kept (`applications/`): until its officer can no longer decide it. The
 * longest SLA the catalog allows, 90 working days (about 105 calendar days, Sundays off), plus the 30-day escalated
 * wait, plus two weeks for a late decision. Only submitted applications' attachments get this long, never all media.
 */
const ATTACHMENT_EXPIRY_DAYS = 150;

export interface MediaBucketProps {
  readonly config: StageConfig;
  readonly accessLogs: IBucket;
}

/**
 * Inbound citizen media (photos of documents, applications' attachments). Kept apart from the WORM archive because it must be deletable and
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
          prefix: 'inbound/',
          expiration: Duration.days(MEDIA_EXPIRY_DAYS),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
        {
          id: 'expire-application-attachments',
          prefix: 'applications/',
          expiration: Duration.days(ATTACHMENT_EXPIRY_DAYS),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'media/',
      removalPolicy: config.removalPolicy,
    });
  }
}
