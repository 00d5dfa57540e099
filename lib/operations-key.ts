import { Duration, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface OperationsKeyProps {
  readonly stage: string;
  readonly removalPolicy: RemovalPolicy;
}

/**
 * The customer-managed key for operational data: every log group (function logs carry citizens' phone numbers, the
 * workflow log carries applications) and the alarm topic. Its policy lets CloudWatch Logs use it only for this
 * account's log groups in this region, and CloudWatch alarms publish to the encrypted topic.
 */
export class OperationsKey extends Construct {
  readonly key: Key;

  constructor(scope: Construct, id: string, props: OperationsKeyProps) {
    super(scope, id);
    const { region, account, partition } = Stack.of(this);

    this.key = new Key(this, 'Key', {
      description: `Mitra ${props.stage}: encrypts log groups and the alarm topic`,
      alias: `alias/mitra-${props.stage}-operations`,
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy,
      pendingWindow: Duration.days(7),
    });

    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchLogsEncryptsThisAccountsLogGroups',
        principals: [new ServicePrincipal(`logs.${region}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: {
          ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${partition}:logs:${region}:${account}:log-group:*` },
        },
      }),
    );
    // Alarms publish to an encrypted topic only if CloudWatch itself may use the topic's key.
    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublishToTheEncryptedTopic',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': account } },
      }),
    );
  }

  /** A log group encrypted with this key; every log group of the stack is made here so none is left unencrypted. */
  logGroup(scope: Construct, id: string, retention: RetentionDays, removalPolicy: RemovalPolicy): LogGroup {
    return new LogGroup(scope, id, { encryptionKey: this.key, retention, removalPolicy });
  }
}
