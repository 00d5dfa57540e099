import { Aws, Duration } from 'aws-cdk-lib';
import { AnyPrincipal, Effect, type IRole, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { type Alias, Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
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
 * the public half is published (GET /keys, keys/{keyId}.pem). Its policy denies scheduling its deletion to everyone
 * but the key administrator: losing it would leave every certificate it signed unverifiable.
 *
 * Asymmetric keys cannot rotate automatically. Signers sign through the alias, and `npm run rotate-key` rotates: it
 * creates the next key with this key's policy, has the log record it endorsed by the current one, and moves the
 * alias. The key created here stays the trust anchor's; old keys are kept so old certificates still verify.
 */
export class SigningKey extends Construct {
  readonly key: Key;
  /** `alias/mitra-<stage>-<purpose>-signing`: what signers name, so a rotation needs no deployment. */
  readonly alias: Alias;
  private readonly administrator: string;

  constructor(scope: Construct, id: string, { config, purpose }: SigningKeyProps) {
    super(scope, id);
    this.administrator = keyAdministratorArn(config);
    this.key = new Key(this, 'Key', {
      description: `Mitra ${config.stage}: signs ${purpose === 'witness' ? 'co-signatures of log checkpoints' : `${purpose}s`} (ECDSA P-256)`,
      keySpec: KeySpec.ECC_NIST_P256,
      keyUsage: KeyUsage.SIGN_VERIFY,
      removalPolicy: config.removalPolicy,
      pendingWindow: Duration.days(config.stage === 'prod' ? 30 : 7),
    });
    this.alias = this.key.addAlias(`alias/mitra-${config.stage}-${purpose}-signing`);
    this.deny(['kms:ScheduleKeyDeletion'], [this.administrator]);
  }

  /**
   * Whatever IAM allows, only these roles and the key administrator may sign with the key: a deny in the key's own
   * policy for every other principal. The administrator signs a rotation's endorsement of the next key (and, with the
   * checkpoint key, the checkpoints of `npm run revoke`); the next key is created with this same policy.
   */
  signOnlyBy(roles: readonly IRole[]): this {
    this.deny(['kms:Sign'], [...roles.map((role) => role.roleArn), this.administrator]);
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
