import { Duration } from 'aws-cdk-lib';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import type { StageConfig } from './stage-config.ts';

export interface SigningKeyProps {
  readonly config: StageConfig;
  /** What the key signs: certificates, transparency-log checkpoints, or the witness's co-signatures of them. */
  readonly purpose: 'certificate' | 'checkpoint' | 'witness';
}

/**
 * An ECDSA P-256 signing key in KMS: the private half never leaves KMS, signatures are DER as KMS returns them, and
 * the public half is published (GET /keys, keys/{keyId}.pem). Asymmetric keys cannot rotate automatically: a new key
 * is a new SigningKey, and old ones are kept so that old certificates still verify.
 */
export class SigningKey extends Construct {
  readonly key: Key;

  constructor(scope: Construct, id: string, { config, purpose }: SigningKeyProps) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: `Mitra ${config.stage}: signs ${purpose === 'witness' ? 'co-signatures of log checkpoints' : `${purpose}s`} (ECDSA P-256)`,
      alias: `alias/mitra-${config.stage}-${purpose}-signing`,
      keySpec: KeySpec.ECC_NIST_P256,
      keyUsage: KeyUsage.SIGN_VERIFY,
      removalPolicy: config.removalPolicy,
      pendingWindow: Duration.days(config.stage === 'prod' ? 30 : 7),
    });
  }
}
