import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { CfnNamedQuery, CfnWorkGroup } from 'aws-cdk-lib/aws-athena';
import { CfnDatabase, CfnTable } from 'aws-cdk-lib/aws-glue';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { CfnDeliveryStream } from 'aws-cdk-lib/aws-kinesisfirehose';
import { Key } from 'aws-cdk-lib/aws-kms';
import { LogStream } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { wildcardFindings } from './nag-findings.ts';
import type { OperationsKey } from './operations-key.ts';
import type { StageConfig } from './stage-config.ts';

/** The saved queries, one SQL text each, run by Athena here and by DuckDB on one machine (`npm run lake`). */
const QUERIES_DIR = fileURLToPath(new URL('../lake/queries', import.meta.url));

/**
 * The event columns, as docs/events.md lists them (schema version 1); test/infra/data-lake.test.ts holds them equal to
 * lambdas/core/events/lake-event.ts, which produces them.
 */
const EVENT_COLUMNS: readonly (readonly [string, string])[] = [
  ['event_id', 'string'],
  ['schema_version', 'int'],
  ['type', 'string'],
  ['occurred_at', 'string'],
  ['citizen', 'string'],
  ['service_id', 'string'],
  ['service_kind', 'string'],
  ['application_id', 'string'],
  ['district', 'string'],
  ['mandal', 'string'],
  ['office', 'string'],
  ['state', 'string'],
  ['previous_state', 'string'],
  ['transition', 'string'],
  ['actor', 'string'],
  ['seconds_since_submitted', 'bigint'],
  ['amount_paise', 'bigint'],
  ['biller', 'string'],
  ['document_type', 'string'],
  ['reason', 'string'],
  ['message_type', 'string'],
  ['delivery_status', 'string'],
  ['error_code', 'int'],
  ['language', 'string'],
  ['rating', 'int'],
];

/**
 * The `department` partition's values: the catalog's department ids and `channel` (messages, which belong to no
 * department). Partition projection needs them listed; the infra test fails when the catalog gains one not here.
 */
export const LAKE_DEPARTMENTS = [
  'channel',
  'revenue',
  'municipal',
  'energy',
  'civil-supplies',
  'apsrtc',
  'endowments',
  'police',
  'transport',
  'health',
  'agriculture',
  'school-education',
  'higher-education',
  'social-welfare',
  'registration',
  'panchayat-raj',
  'village-secretariat',
  'rural-development',
  'housing',
  'women-child',
  'labour',
  'industries',
  'forest',
  'fisheries',
  'animal-husbandry',
  'water-resources',
  'rwss',
  'tourism',
  'youth-sports',
  'minority-welfare',
  'bc-welfare',
  'tribal-welfare',
  'disability-welfare',
  'skill-development',
  'employment',
  'commercial-taxes',
  'excise',
] as const;

/** Where events land: the same layout on AWS and on one machine (docs/events.md). */
export const LAKE_PREFIX = 'events/dt=!{partitionKeyFromQuery:dt}/department=!{partitionKeyFromQuery:department}/';

export interface DataLakeProps {
  readonly config: StageConfig;
  readonly accessLogs: IBucket;
  readonly operationsKey: OperationsKey;
}

/**
 * The data lake: events from the table's stream go through Kinesis Data Firehose, which converts them to Parquet
 * against the Glue table's schema and writes them to S3 partitioned by day and department; Athena queries them in
 * a workgroup whose results are encrypted, with the department secretaries' questions saved as named queries.
 */
export class DataLake extends Construct {
  readonly bucket: Bucket;
  readonly resultsBucket: Bucket;
  readonly key: Key;
  readonly deliveryStream: CfnDeliveryStream;
  readonly database: CfnDatabase;
  readonly table: CfnTable;
  readonly workGroup: CfnWorkGroup;
  readonly namedQueries: CfnNamedQuery[];
  /** Key of the citizen tokens in events (HMAC-SHA256), readable by the events function only. */
  readonly tokenKey: ISecret;

  constructor(scope: Construct, id: string, { config, accessLogs, operationsKey }: DataLakeProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.key = new Key(this, 'Key', {
      description: `Mitra ${config.stage}: encrypts the data lake and its query results`,
      alias: `alias/mitra-${config.stage}-lake`,
      enableKeyRotation: true,
      removalPolicy: config.removalPolicy,
      pendingWindow: Duration.days(7),
    });
    const bucket = (bucketId: string, logPrefix: string, expiryDays?: number) =>
      new Bucket(this, bucketId, {
        encryption: BucketEncryption.KMS,
        encryptionKey: this.key,
        bucketKeyEnabled: true,
        blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
        enforceSSL: true,
        serverAccessLogsBucket: accessLogs,
        serverAccessLogsPrefix: logPrefix,
        removalPolicy: config.removalPolicy,
        ...(expiryDays ? { lifecycleRules: [{ id: 'expire-results', expiration: Duration.days(expiryDays) }] } : {}),
      });
    this.bucket = bucket('Bucket', 'lake/');
    const tokenKey = new Secret(this, 'TokenKey', {
      description: `Mitra ${config.stage}: key of the citizen tokens in the data lake (HMAC-SHA256). Never change it.`,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: config.removalPolicy,
    });
    Validations.of(tokenKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'A new key would give every citizen a new token, so the lake would count a citizen seen before and after as ' +
        'two; it is generated once and read only by the events function.',
    });
    this.tokenKey = tokenKey;
    this.resultsBucket = bucket('ResultsBucket', 'lake-results/', 30);

    const databaseName = `mitra_${config.stage}_lake`;
    this.database = new CfnDatabase(this, 'Database', {
      catalogId: stack.account,
      databaseInput: { name: databaseName, description: 'Mitra events: one row per domain event (docs/events.md)' },
    });
    this.table = new CfnTable(this, 'EventsTable', {
      catalogId: stack.account,
      databaseName,
      tableInput: {
        name: 'events',
        description: 'Domain events, schema version 1, Parquet, partitioned by India date and department',
        tableType: 'EXTERNAL_TABLE',
        partitionKeys: [
          { name: 'dt', type: 'string' },
          { name: 'department', type: 'string' },
        ],
        parameters: {
          classification: 'parquet',
          'projection.enabled': 'true',
          'projection.dt.type': 'date',
          'projection.dt.format': 'yyyy-MM-dd',
          'projection.dt.range': '2025-01-01,NOW',
          'projection.dt.interval': '1',
          'projection.dt.interval.unit': 'DAYS',
          'projection.department.type': 'enum',
          'projection.department.values': LAKE_DEPARTMENTS.join(','),
          'storage.location.template': `s3://${this.bucket.bucketName}/events/dt=\${dt}/department=\${department}/`,
        },
        storageDescriptor: {
          location: `s3://${this.bucket.bucketName}/events/`,
          inputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
          outputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
          serdeInfo: { serializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe' },
          columns: EVENT_COLUMNS.map(([name, type]) => ({ name, type })),
        },
      },
    });
    this.table.node.addDependency(this.database);

    const tableArn = `arn:${stack.partition}:glue:${stack.region}:${stack.account}:table/${databaseName}/events`;
    const deliveryLogs = operationsKey.logGroup(this, 'DeliveryLogs', config.logRetention, config.removalPolicy);
    const deliveryLogStream = new LogStream(this, 'DeliveryLogStream', { logGroup: deliveryLogs });
    const role = new Role(this, 'DeliveryRole', {
      assumedBy: new ServicePrincipal('firehose.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
      description: `Mitra ${config.stage}: Firehose writes events to the lake`,
    });
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['s3:AbortMultipartUpload', 's3:GetBucketLocation', 's3:ListBucket', 's3:ListBucketMultipartUploads'],
        resources: [this.bucket.bucketArn],
      }),
    );
    const objectActions = ['s3:PutObject', 's3:GetObject', 's3:AbortMultipartUpload'];
    const objectResources = [this.bucket.arnForObjects('events/*'), this.bucket.arnForObjects('errors/*')];
    role.addToPrincipalPolicy(new PolicyStatement({ actions: objectActions, resources: objectResources }));
    for (const finding of wildcardFindings(role, objectActions, objectResources))
      Validations.of(role).acknowledge({
        id: finding,
        reason:
          'Firehose names each object at delivery time (its day, department and a unique suffix), under the events/ ' +
          'and errors/ prefixes of the lake bucket only.',
      });
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: [this.key.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `s3.${stack.region}.amazonaws.com` } },
      }),
    );
    // Record format conversion reads the table's schema, and nothing else of the catalog.
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['glue:GetTable', 'glue:GetTableVersion', 'glue:GetTableVersions'],
        resources: [
          `arn:${stack.partition}:glue:${stack.region}:${stack.account}:catalog`,
          `arn:${stack.partition}:glue:${stack.region}:${stack.account}:database/${databaseName}`,
          tableArn,
        ],
      }),
    );
    role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['logs:PutLogEvents'], resources: [deliveryLogs.logGroupArn] }),
    );
    this.deliveryStream = new CfnDeliveryStream(this, 'DeliveryStream', {
      deliveryStreamType: 'DirectPut',
      deliveryStreamEncryptionConfigurationInput: { keyType: 'CUSTOMER_MANAGED_CMK', keyArn: this.key.keyArn },
      extendedS3DestinationConfiguration: {
        bucketArn: this.bucket.bucketArn,
        roleArn: role.roleArn,
        prefix: LAKE_PREFIX,
        errorOutputPrefix: 'errors/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd}/',
        // Dynamic partitioning asks at least 64 MB; a quiet day still lands within the interval.
        bufferingHints: { intervalInSeconds: 60, sizeInMBs: 64 },
        compressionFormat: 'UNCOMPRESSED',
        encryptionConfiguration: { kmsEncryptionConfig: { awskmsKeyArn: this.key.keyArn } },
        cloudWatchLoggingOptions: {
          enabled: true,
          logGroupName: deliveryLogs.logGroupName,
          logStreamName: deliveryLogStream.logStreamName,
        },
        dynamicPartitioningConfiguration: { enabled: true, retryOptions: { durationInSeconds: 300 } },
        processingConfiguration: {
          enabled: true,
          processors: [
            // The events function packs a batch's events into records of up to 5 KB (Firehose bills each record
            // rounded up to 5 KB; one event is about 400 bytes): split back into events before partitioning.
            { type: 'RecordDeAggregation', parameters: [{ parameterName: 'SubRecordType', parameterValue: 'JSON' }] },
            {
              type: 'MetadataExtraction',
              parameters: [
                { parameterName: 'MetadataExtractionQuery', parameterValue: '{dt: .dt, department: .department}' },
                { parameterName: 'JsonParsingEngine', parameterValue: 'JQ-1.6' },
              ],
            },
          ],
        },
        dataFormatConversionConfiguration: {
          enabled: true,
          inputFormatConfiguration: { deserializer: { openXJsonSerDe: {} } },
          outputFormatConfiguration: { serializer: { parquetSerDe: { compression: 'SNAPPY' } } },
          schemaConfiguration: {
            catalogId: stack.account,
            databaseName,
            tableName: 'events',
            region: stack.region,
            roleArn: role.roleArn,
            versionId: 'LATEST',
          },
        },
      },
    });
    this.deliveryStream.node.addDependency(role);
    this.deliveryStream.node.addDependency(this.table);

    this.workGroup = new CfnWorkGroup(this, 'WorkGroup', {
      name: `mitra-${config.stage}-lake`,
      description: "Department secretaries' questions over the Mitra data lake",
      recursiveDeleteOption: true,
      workGroupConfiguration: {
        enforceWorkGroupConfiguration: true,
        publishCloudWatchMetricsEnabled: true,
        // A runaway query stops at 10 GB scanned (about US$0.05).
        bytesScannedCutoffPerQuery: 10 * 1024 ** 3,
        resultConfiguration: {
          outputLocation: `s3://${this.resultsBucket.bucketName}/results/`,
          encryptionConfiguration: { encryptionOption: 'SSE_KMS', kmsKey: this.key.keyArn },
        },
      },
    });
    this.namedQueries = savedQueries().map(
      ({ name, description, sql }) =>
        new CfnNamedQuery(this, `Query-${name}`, {
          name,
          description,
          database: databaseName,
          workGroup: this.workGroup.ref,
          queryString: sql,
        }),
    );
    for (const query of this.namedQueries) query.node.addDependency(this.workGroup);
  }
}

/** lake/queries/*.sql: the file name is the query's name, its first comment line its description. */
export function savedQueries(): { name: string; description: string; sql: string }[] {
  return readdirSync(QUERIES_DIR)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => {
      const sql = readFileSync(join(QUERIES_DIR, file), 'utf8').trim();
      const description = /^--\s*(.+)$/m.exec(sql)?.[1] ?? file;
      return { name: file.replace(/\.sql$/, ''), description: description.slice(0, 1024), sql };
    });
}
