import { Validations } from 'aws-cdk-lib';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { StageConfig } from './stage-config.ts';

/**
 * The key of the keyed hash (HMAC-SHA256) that stands in for Aadhaar numbers wherever Mitra must recognise one again
 * (the citizen's verified identity, an application's applicant). Generated at the first deploy, never shown, readable
 * only by the webhook. Without it the 10^11 possible Aadhaar numbers could be hashed and matched by anyone.
 */
export class AadhaarHashKey extends Construct {
  readonly secret: ISecret;

  constructor(scope: Construct, id: string, { config }: { config: StageConfig }) {
    super(scope, id);
    const secret = new Secret(this, 'Secret', {
      description: `Mitra ${config.stage}: key of the Aadhaar number hashes (HMAC-SHA256). Never change it.`,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: config.removalPolicy,
    });
    Validations.of(secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating this key would make every stored Aadhaar hash unmatchable (verified identities, the applicant of ' +
        'each application); it is generated once, never leaves Secrets Manager but for the webhook, and is kept.',
    });
    this.secret = secret;
  }
}
