import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROD_WITH_EVERYTHING, resourcesOfType, type SynthesizedMitra, synthesizeMitra } from './mitra-template.ts';

let dev: SynthesizedMitra;
let prod: SynthesizedMitra;
let prodDefaults: SynthesizedMitra;

beforeAll(() => {
  dev = synthesizeMitra();
  prod = synthesizeMitra(PROD_WITH_EVERYTHING);
  prodDefaults = synthesizeMitra({ stage: 'prod' });
});

function bucketWithObjectLock(s: SynthesizedMitra) {
  const archives = resourcesOfType(s.template, 'AWS::S3::Bucket').filter(
    ([, bucket]) => bucket.Properties.ObjectLockEnabled === true,
  );
  expect(archives).toHaveLength(1);
  return archives[0]!;
}

describe('state table', () => {
  it('is encrypted, point-in-time recoverable, expires items by expiresAt and streams new and old images', () => {
    dev.template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      SSESpecification: { SSEEnabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      GlobalSecondaryIndexes: [
        Match.objectLike({
          IndexName: 'byCitizen',
          KeySchema: [
            { AttributeName: 'gsi1pk', KeyType: 'HASH' },
            { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
          ],
        }),
        Match.objectLike({
          IndexName: 'officersByDepartment',
          KeySchema: [
            { AttributeName: 'department', KeyType: 'HASH' },
            { AttributeName: 'waId', KeyType: 'RANGE' },
          ],
        }),
        Match.objectLike({
          IndexName: 'awaitingDecision',
          KeySchema: [
            { AttributeName: 'awaitingDepartment', KeyType: 'HASH' },
            { AttributeName: 'approvalDueAt', KeyType: 'RANGE' },
          ],
        }),
        Match.objectLike({
          IndexName: 'awaitingDecisionInDistrict',
          KeySchema: [
            { AttributeName: 'awaitingDistrict', KeyType: 'HASH' },
            { AttributeName: 'approvalDueAt', KeyType: 'RANGE' },
          ],
        }),
      ],
    });
  });

  it('is deleted with a dev stack but retained and deletion-protected in prod', () => {
    dev.template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
    prod.template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
    });
  });
});

describe('certificate archive', () => {
  it('is versioned, SSE-KMS with its own rotating key and a bucket key, never public, logged', () => {
    const [, archive] = bucketWithObjectLock(dev);
    expect(archive.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(archive.Properties.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [
        {
          BucketKeyEnabled: true,
          ServerSideEncryptionByDefault: {
            SSEAlgorithm: 'aws:kms',
            KMSMasterKeyID: { 'Fn::GetAtt': [expect.stringMatching(/^CertificateArchiveKey/), 'Arn'] },
          },
        },
      ],
    });
    expect(archive.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(archive.Properties.LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: expect.stringMatching(/^AccessLogs/) },
      LogFilePrefix: 'archive/',
    });
    dev.template.hasResourceProperties('AWS::KMS::Key', {
      Description: Match.stringLikeRegexp('certificate archive'),
      EnableKeyRotation: true,
    });
  });

  it('refuses, for every principal, a put of an object without If-None-Match: nothing archived is written over', () => {
    const [archiveId] = bucketWithObjectLock(dev);
    dev.template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: archiveId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'WriteOnce',
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Action: 's3:PutObject',
            Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [archiveId, 'Arn'] }, '/*']] },
            Condition: { Null: { 's3:if-none-match': 'true' } },
          }),
        ]),
      },
    });
  });

  it('locks objects in GOVERNANCE mode for a day in dev, so the stack can be torn down', () => {
    const [, archive] = bucketWithObjectLock(dev);
    expect(archive.Properties.ObjectLockConfiguration).toEqual({
      ObjectLockEnabled: 'Enabled',
      Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 1 } },
    });
  });

  it('locks objects in COMPLIANCE mode in prod: ten years by default, or archiveRetentionDays', () => {
    expect(bucketWithObjectLock(prodDefaults)[1].Properties.ObjectLockConfiguration).toEqual({
      ObjectLockEnabled: 'Enabled',
      Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 3650 } },
    });
    expect(bucketWithObjectLock(prod)[1].Properties.ObjectLockConfiguration).toEqual({
      ObjectLockEnabled: 'Enabled',
      Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 2555 } },
    });
    prod.template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ ObjectLockEnabled: true }),
    });
  });
});

describe('every bucket', () => {
  it('denies requests that do not use TLS', () => {
    const buckets = resourcesOfType(dev.template, 'AWS::S3::Bucket').map(([id]) => id);
    expect(buckets).toHaveLength(5);
    for (const id of buckets) {
      dev.template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: id },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Action: 's3:*',
              Principal: { AWS: '*' },
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
    }
  });

  it('blocks all public access and is encrypted', () => {
    for (const [, bucket] of resourcesOfType(dev.template, 'AWS::S3::Bucket')) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties.BucketEncryption).toBeDefined();
    }
  });
});

describe('media bucket', () => {
  it('expires citizen media after 30 days, is KMS-encrypted and logs its accesses', () => {
    const media = resourcesOfType(dev.template, 'AWS::S3::Bucket').filter(([id]) => id.startsWith('MediaBucket'));
    expect(media).toHaveLength(1);
    const [, bucket] = media[0]!;
    expect(bucket.Properties.LifecycleConfiguration).toEqual({
      Rules: [
        expect.objectContaining({ Id: 'expire-citizen-media', Prefix: 'inbound/', ExpirationInDays: 30 }),
        // Attachments of submitted applications outlive the longest SLA and the escalated wait.
        expect.objectContaining({
          Id: 'expire-application-attachments',
          Prefix: 'applications/',
          ExpirationInDays: 150,
        }),
      ],
    });
    expect(bucket.Properties.BucketEncryption).toMatchObject({
      ServerSideEncryptionConfiguration: [
        { BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } },
      ],
    });
    expect(bucket.Properties.LoggingConfiguration).toMatchObject({ LogFilePrefix: 'media/' });
    expect(bucket.Properties.ObjectLockEnabled).toBeUndefined();
  });
});

describe('access-log bucket', () => {
  it('is S3-encrypted (log delivery cannot use KMS) and expires logs', () => {
    const logs = resourcesOfType(dev.template, 'AWS::S3::Bucket').filter(([id]) => id.startsWith('AccessLogs'));
    expect(logs).toHaveLength(1);
    const [, bucket] = logs[0]!;
    expect(bucket.Properties.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    });
    expect(bucket.Properties.LifecycleConfiguration).toEqual({
      Rules: [expect.objectContaining({ ExpirationInDays: 30, Status: 'Enabled' })],
    });
  });
});

describe('certificate signing key', () => {
  it('is an ECDSA P-256 signing key under the stage alias', () => {
    dev.template.hasResourceProperties('AWS::KMS::Key', { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
    dev.template.hasResourceProperties('AWS::KMS::Alias', {
      AliasName: 'alias/mitra-dev-certificate-signing',
      TargetKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^CertificateSigningKey'), 'Arn'] },
    });
  });

  it('has a separate checkpoint signing key for the transparency log', () => {
    dev.template.hasResourceProperties('AWS::KMS::Alias', {
      AliasName: 'alias/mitra-dev-checkpoint-signing',
      TargetKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^CheckpointSigningKey'), 'Arn'] },
    });
    dev.template.hasResourceProperties('AWS::KMS::Key', {
      Description: 'Mitra dev: signs checkpoints (ECDSA P-256)',
      KeySpec: 'ECC_NIST_P256',
    });
  });

  it('is retained in prod, so certificates keep verifying after the stack is gone', () => {
    prod.template.hasResource('AWS::KMS::Key', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ KeySpec: 'ECC_NIST_P256' }),
    });
    prod.template.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/mitra-prod-certificate-signing' });
  });
});
