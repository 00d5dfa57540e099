import { Duration } from 'aws-cdk-lib';
import { AnyPrincipal, Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  type IBucket,
  ObjectLockRetention,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { StageConfig } from './stage-config.ts';

export interface CertificateArchiveProps {
  readonly config: StageConfig;
  readonly accessLogs: IBucket;
}

/**
 * The WORM archive of issued certificates, their signed records, the transparency log and every public key
 * (docs/archive-format.md). Versioning with Object Lock default retention: GOVERNANCE for a day in dev so the stack
 * can be torn down, COMPLIANCE for `archiveRetentionDays` (default ten years) in prod, which not even the account's
 * root user can shorten. Written once: the bucket policy refuses a put that could replace an object. SSE-KMS with its
 * own rotating key and an S3 bucket key (one KMS call per object stream, not per object), never public, TLS only,
 * every access logged.
 */
export class CertificateArchive extends Construct {
  readonly bucket: Bucket;
  readonly key: Key;

  constructor(scope: Construct, id: string, { config, accessLogs }: CertificateArchiveProps) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: `Mitra ${config.stage}: encrypts the certificate archive`,
      alias: `alias/mitra-${config.stage}-archive`,
      enableKeyRotation: true,
      removalPolicy: config.removalPolicy,
      pendingWindow: Duration.days(config.stage === 'prod' ? 30 : 7),
    });
    const retention = Duration.days(config.archiveRetentionDays);
    this.bucket = new Bucket(this, 'Bucket', {
      versioned: true,
      objectLockEnabled: true,
      objectLockDefaultRetention:
        config.archiveRetentionMode === 'COMPLIANCE'
          ? ObjectLockRetention.compliance(retention)
          : ObjectLockRetention.governance(retention),
      encryption: BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'archive/',
      // Not emptied on destroy: objects under retention cannot be deleted anyway, and in prod nothing may be.
      removalPolicy: config.removalPolicy,
    });
    // Every object is written once. A put without `If-None-Match: *` would add a version over an archived object
    // (Object Lock keeps the old version, but a reader gets the new one): refused for every principal, the stack's
    // own functions and its administrators alike. The archive's writers all put this way (ArchiveObjects.putIfAbsent).
    this.bucket.addToResourcePolicy(
      new PolicyStatement({
        sid: 'WriteOnce',
        effect: Effect.DENY,
        principals: [new AnyPrincipal()],
        actions: ['s3:PutObject'],
        resources: [this.bucket.arnForObjects('*')],
        conditions: { Null: { 's3:if-none-match': 'true' } },
      }),
    );
    // "Object Created" events on the default event bus, for the witness (lib/witness-stack.ts) to co-sign checkpoints.
    // Set on the bucket itself: `eventBridgeEnabled` would add a notifications custom resource and its function.
    (this.bucket.node.defaultChild as CfnBucket).notificationConfiguration = {
      eventBridgeConfiguration: { eventBridgeEnabled: true },
    };
  }
}
