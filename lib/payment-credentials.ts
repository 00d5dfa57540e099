import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { issuedSecret } from './issued-secret.ts';
import type { StageConfig } from './stage-config.ts';

export interface PaymentCredentialsProps {
  readonly config: StageConfig;
}

/**
 * What Mitra needs to take fees through a payment gateway:
 * - the gateway's API key (creates payment links) and webhook secret (signs its callbacks), in ONE Secrets Manager
 *   secret `{"apiKey","webhookSecret"}`, either imported (context `paymentSecretArn`) or created here with generated
 *   placeholders the operator overwrites after the first deploy; no secret value is ever in code or in the template;
 * - the gateway's HTTPS API endpoint, from context `paymentGatewayEndpoint` (`unconfigured` without it: a fee then
 *   cannot be taken, and the application fails with a message saying so).
 */
export class PaymentCredentials extends Construct {
  readonly secret: ISecret;
  readonly endpoint: string;

  constructor(scope: Construct, id: string, { config }: PaymentCredentialsProps) {
    super(scope, id);
    this.secret = issuedSecret(this, 'Secret', {
      existingArn: config.paymentSecretArn,
      description:
        `Mitra ${config.stage}: payment gateway credentials as JSON {"apiKey","webhookSecret"}. ` +
        "Replace both values with the gateway's after the first deploy.",
      // A random webhook secret: every callback is refused (401) until the gateway's real one is put here.
      placeholders: { apiKey: 'replace-with-the-gateway-api-key' },
      generatedKey: 'webhookSecret',
      whyNoRotation:
        'The payment gateway issues both values in its merchant dashboard (API key and webhook secret); they are ' +
        'regenerated there and put into this secret. No rotation Lambda can obtain new ones from the gateway.',
      removalPolicy: config.removalPolicy,
    });
    this.endpoint = config.paymentGatewayEndpoint ?? 'unconfigured';
  }
}
