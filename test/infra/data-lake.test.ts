import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '#core/catalog/catalog.ts';
import { LAKE_COLUMNS, LAKE_PARTITIONS } from '#core/events/lake-event.ts';
import { LAKE_DEPARTMENTS, LAKE_PREFIX, savedQueries } from '../../lib/data-lake.ts';
import { resourcesOfType, type SynthesizedMitra, synthesizeMitra } from './mitra-template.ts';

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation properties, read as the template has them
type Cfn = { Properties: any };
type Statement = { Action: string | string[]; Resource: unknown };
let dev: SynthesizedMitra;
beforeAll(() => {
  dev = synthesizeMitra();
});

describe('the data lake', () => {
  it("converts events to Parquet with the Glue table's schema, partitioned by day and department, encrypted", () => {
    dev.template.hasResourceProperties('AWS::KinesisFirehose::DeliveryStream', {
      DeliveryStreamEncryptionConfigurationInput: { KeyType: 'CUSTOMER_MANAGED_CMK' },
      ExtendedS3DestinationConfiguration: Match.objectLike({
        Prefix: LAKE_PREFIX,
        DynamicPartitioningConfiguration: { Enabled: true, RetryOptions: Match.anyValue() },
        // Records hold several events (newline-delimited JSON): split before the partition keys are read.
        ProcessingConfiguration: {
          Enabled: true,
          Processors: [
            { Type: 'RecordDeAggregation', Parameters: [{ ParameterName: 'SubRecordType', ParameterValue: 'JSON' }] },
            Match.objectLike({ Type: 'MetadataExtraction' }),
          ],
        },
        DataFormatConversionConfiguration: Match.objectLike({
          Enabled: true,
          OutputFormatConfiguration: { Serializer: { ParquetSerDe: { Compression: 'SNAPPY' } } },
          SchemaConfiguration: Match.objectLike({ TableName: 'events', VersionId: 'LATEST' }),
        }),
        EncryptionConfiguration: { KMSEncryptionConfig: { AWSKMSKeyARN: Match.anyValue() } },
      }),
    });
  });

  it('declares the columns the events function produces, and projects every department of the catalog', () => {
    const [, table] = resourcesOfType(dev.template, 'AWS::Glue::Table')[0] as unknown as [string, Cfn];
    const input = table.Properties.TableInput;
    expect(input.StorageDescriptor.Columns).toEqual(LAKE_COLUMNS.map(([Name, Type]) => ({ Name, Type })));
    expect(input.PartitionKeys).toEqual(LAKE_PARTITIONS.map(([Name, Type]) => ({ Name, Type })));
    expect(input.Parameters['projection.enabled']).toBe('true');
    const projected = String(input.Parameters['projection.department.values']).split(',');
    expect(new Set(projected)).toEqual(new Set(['channel', ...catalog().departments.map((d) => d.id)]));
    expect([...LAKE_DEPARTMENTS].sort()).toEqual([...projected].sort());
  });

  it('keeps lake and query results in KMS-encrypted, TLS-only buckets, and enforces encrypted Athena results', () => {
    dev.template.hasResourceProperties('AWS::Athena::WorkGroup', {
      WorkGroupConfiguration: Match.objectLike({
        EnforceWorkGroupConfiguration: true,
        ResultConfiguration: Match.objectLike({
          EncryptionConfiguration: { EncryptionOption: 'SSE_KMS', KmsKey: Match.anyValue() },
        }),
      }),
    });
    const lakeBuckets = resourcesOfType(dev.template, 'AWS::S3::Bucket').filter(([id]) => id.startsWith('DataLake'));
    expect(lakeBuckets).toHaveLength(2);
    for (const [, bucket] of lakeBuckets as unknown as [string, Cfn][]) {
      expect(
        bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault
          .SSEAlgorithm,
      ).toBe('aws:kms');
      expect(bucket.Properties.PublicAccessBlockConfiguration.BlockPublicAcls).toBe(true);
    }
  });

  it('deploys every saved query of lake/queries as an Athena named query, word for word', () => {
    const named = resourcesOfType(dev.template, 'AWS::Athena::NamedQuery') as unknown as [string, Cfn][];
    const queries = savedQueries();
    expect(queries.length).toBeGreaterThanOrEqual(6);
    expect(named.map(([, q]) => [q.Properties.Name, q.Properties.QueryString]).sort()).toEqual(
      queries.map((q) => [q.name, q.sql]).sort(),
    );
  });

  it('lets the events function put records into the delivery stream and nothing else of the lake', () => {
    const policies = resourcesOfType(dev.template, 'AWS::IAM::Policy') as unknown as [string, Cfn][];
    const statements = policies.flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Statement[]);
    const firehose = statements.filter((s) => JSON.stringify(s.Action).includes('firehose:'));
    expect(firehose).toHaveLength(1);
    expect(firehose[0].Action).toBe('firehose:PutRecordBatch');
    expect(JSON.stringify(firehose[0].Resource)).toContain('DataLakeDeliveryStream');
    // The delivery role writes objects only under events/ and errors/.
    const puts = statements.filter(
      (s) => JSON.stringify(s.Action).includes('s3:PutObject') && JSON.stringify(s.Resource).includes('DataLakeBucket'),
    );
    expect(JSON.stringify(puts)).not.toMatch(/DataLakeBucket[^"]*\.Arn"\]},"\/\*"/);
    expect(JSON.stringify(puts)).toContain('/events/*');
  });
});
