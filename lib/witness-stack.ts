import { CfnOutput, Duration, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, Stats, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { MitraFunction } from './mitra-function.ts';
import { OperationsKey } from './operations-key.ts';
import { SigningKey } from './signing-key.ts';
import type { StageConfig } from './stage-config.ts';

export interface WitnessStackProps extends StackProps {
  readonly config: StageConfig;
  /**
   * Export names of the Mitra stack: the certificate archive (whose `log/checkpoints/` the witness co-signs into
   * `log/cosignatures/`), its KMS key, and the public base URL, where the witness asks `GET /log/consistency` for its
   * proofs as any outsider could.
   */
  readonly imports: { archiveBucketName: string; archiveKeyArn: string; publicBaseUrl: string };
}

/**
 * The transparency log's witness, in a stack of its own with its own signing key, table, log key and alarm topic:
 * nothing of the Mitra stack can sign for it or move its state. Each checkpoint archived under `log/checkpoints/`
 * (S3 "Object Created" through EventBridge) is co-signed when it is consistent with the last one the witness
 * co-signed; a rolled-back or forked log gets no co-signature and raises the `CheckpointRefused` alarm. Deployed
 * with `-c witness=true` (docs/archive-format.md, "Witness").
 */
export class WitnessStack extends Stack {
  readonly key: SigningKey;

  constructor(scope: Construct, id: string, props: WitnessStackProps) {
    super(scope, id, props);
    const { config, imports } = props;
    const archive = Bucket.fromBucketAttributes(this, 'Archive', {
      bucketName: Fn.importValue(imports.archiveBucketName),
      encryptionKey: Key.fromKeyArn(this, 'ArchiveKey', Fn.importValue(imports.archiveKeyArn)),
    });

    const operationsKey = new OperationsKey(this, 'OperationsKey', {
      stage: `${config.stage}-witness`,
      removalPolicy: config.removalPolicy,
    });
    this.key = new SigningKey(this, 'WitnessKey', { config, purpose: 'witness' });
    // One item: the largest checkpoint co-signed so far.
    const state = new Table(this, 'State', {
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: config.deletionProtection,
      removalPolicy: config.removalPolicy,
    });

    const witness = new MitraFunction(this, 'Witness', {
      config,
      operationsKey,
      name: 'witness',
      description: 'Co-signs each transparency-log checkpoint that extends the last one it co-signed',
      memorySize: 256,
      timeout: Duration.seconds(30),
    })
      .useCosignatures(archive)
      .useSigningKey(this.key.key, 'sign', 'WITNESS_KEY_ID')
      .addEnvironment('LOG_API_BASE_URL', Fn.importValue(imports.publicBaseUrl))
      .addEnvironment('WITNESS_TABLE', state.tableName);
    // The head item is read and replaced, nothing else.
    state.grant(witness.role, 'dynamodb:GetItem', 'dynamodb:PutItem');

    new Rule(this, 'CheckpointArchived', {
      description: 'A checkpoint of the transparency log was archived',
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['Object Created'],
        detail: {
          bucket: { name: [archive.bucketName] },
          object: { key: [{ prefix: 'log/checkpoints/' }] },
        },
      },
      targets: [new LambdaFunction(witness.function, { retryAttempts: 185, maxEventAge: Duration.hours(24) })],
    });

    const topic = new Topic(this, 'AlarmTopic', {
      displayName: `Mitra ${config.stage} witness alarms`,
      masterKey: operationsKey.key,
      enforceSSL: true,
    });
    if (config.alarmEmail) topic.addSubscription(new EmailSubscription(config.alarmEmail));
    const refused = new Alarm(this, 'CheckpointRefused', {
      alarmDescription:
        'The witness refused a checkpoint that does not extend the last one it co-signed: the log may have been ' +
        'rolled back or forked. Audit the archive now.',
      metric: new Metric({
        namespace: 'Mitra',
        metricName: 'CheckpointRefused',
        dimensionsMap: { service: 'witness' },
        period: Duration.minutes(5),
        statistic: Stats.SUM,
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    refused.addAlarmAction(new SnsAction(topic));

    new CfnOutput(this, 'WitnessKeyArn', {
      value: this.key.key.keyArn,
      description:
        'KMS key of the witness: its public key (aws kms get-public-key) is what auditors pass as --witness-key',
    });
    new CfnOutput(this, 'WitnessAlarmTopicArn', {
      value: topic.topicArn,
      description: 'Subscribe on-call to this topic',
    });
  }
}
