import { Aws, Duration } from 'aws-cdk-lib';
import { AnyPrincipal, Effect, type IRole, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import type { StageConfig } from './stage-config.ts';

export interface SigningKeyProps {
  readonly config: StageConfig;
  /** What the key signs: certificates, transparency-log checkpoints, or the witness's co-signatures of them. */
  readonly purpose: 'certificate' | 'checkpoint' | 'witness';
}

/**
 * The role of the people who administer Mitra's keys (and run `npm run revoke` against a deployment): only it may
 * schedule a signing key's deletion, or sign a checkpoint by hand. Created outside the stack, by the account's owners.
 */
function keyAdministratorArn(config: StageConfig): string {
  return `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:role/mitra-${config.stage}-key-administrator`;
}

/**
 * An ECDSA P-256 signing key in KMS: the private half never leaves KMS, signatures are DER as KMS returns them, and
 * the public half is published (GET /keys, keys/{keyId}.pem). Asymmetric keys cannot rotate automatically: a new key
 * is a new SigningKey, and old ones are kept so that old certificates still verify. Its policy denies scheduling its
 * deletion to everyone but the key administrator: losing it would leave every certificate it signed unverifiable.
 */
export class SigningKey extends Construct {
  readonly key: Key;
  private readonly administrator: string;

  constructor(scope: Construct, id: string, { config, purpose }: SigningKeyProps) {
    super(scope, id);
    this.administrator = keyAdministratorArn(config);
    this.key = new Key(this, 'Key', {
      description: `Mitra ${config.stage}: signs ${purpose === 'witness' ? 'co-signatures of log checkpoints' : `${purpose}s`} (ECDSA P-256)`,
      alias: `alias/mitra-${config.stage}-${purpose}-signing`,
      keySpec: KeySpec.ECC_NIST_P256,
      keyUsage: KeyUsage.SIGN_VERIFY,
      removalPolicy: config.removalPolicy,
      pendingWindow: Duration.days(config.stage === 'prod' ? 30 : 7),
    });
    this.deny(['kms:ScheduleKeyDeletion'], [this.administrator]);
  }

  /**
   * Whatever IAM allows, only these roles may sign with the key (the key administrator too, when `administrator`):
   * a deny in the key's own policy for every other principal.
   */
  signOnlyBy(roles: readonly IRole[], options: { administrator?: boolean } = {}): this {
    this.deny(
      ['kms:Sign'],
      [...roles.map((role) => role.roleArn), ...(options.administrator ? [this.administrator] : [])],
    );
    return this;
  }

  private deny(actions: string[], exceptPrincipals: string[]): void {
    this.key.addToResourcePolicy(
      new PolicyStatement({
        effect: Effect.DENY,
        principals: [new AnyPrincipal()],
        actions,
        resources: ['*'],
        conditions: { ArnNotEquals: { 'aws:PrincipalArn': exceptPrincipals } },
      }),
    );
  }
}
