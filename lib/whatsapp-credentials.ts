import { CfnParameter, Stack } from 'aws-cdk-lib';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { issuedSecret } from './issued-secret.ts';
import type { StageConfig } from './stage-config.ts';

export interface WhatsAppCredentialsProps {
  readonly config: StageConfig;
}

/**
 * What Mitra needs to talk to the WhatsApp Cloud API, and where each part lives:
 * - the access token and app secret, in ONE Secrets Manager secret `{"accessToken","appSecret"}`, either imported
 *   (context `whatsAppSecretArn`) or created here with a generated placeholder the operator overwrites after the first
 *   deploy; no secret value is ever in code or in the template;
 * - the webhook verify token and phone number id, as stack parameters (the token NoEcho);
 * - the Graph API base URL, with the version from context `graphApiVersion`.
 */
export class WhatsAppCredentials extends Construct {
  readonly secret: ISecret;
  readonly verifyToken: string;
  readonly phoneNumberId: string;
  readonly graphApiBase: string;

  constructor(scope: Construct, id: string, { config }: WhatsAppCredentialsProps) {
    super(scope, id);
    const stack = Stack.of(this);

    this.secret = issuedSecret(this, 'Secret', {
      existingArn: config.whatsAppSecretArn,
      description:
        `Mitra ${config.stage}: WhatsApp Cloud API credentials as JSON {"accessToken","appSecret"}. ` +
        'Replace both values with the ones from Meta after the first deploy.',
      // A random app secret: the webhook rejects every signature until the real one is put here.
      placeholders: { accessToken: 'replace-with-the-meta-access-token' },
      generatedKey: 'appSecret',
      whyNoRotation:
        'Meta issues both values: the app secret is reset and the system-user access token regenerated in Meta ' +
        'Business settings, then put into this secret. No rotation Lambda can obtain new ones from Meta.',
      removalPolicy: config.removalPolicy,
    });

    // Parameters belong to the stack, so their names are the ones `cdk deploy --parameters` documents.
    this.verifyToken = new CfnParameter(stack, 'WhatsAppVerifyToken', {
      type: 'String',
      noEcho: true,
      minLength: 8,
      description: 'The verify token entered in the Meta app dashboard for the webhook (GET /webhook handshake)',
    }).valueAsString;
    this.phoneNumberId = new CfnParameter(stack, 'WhatsAppPhoneNumberId', {
      type: 'String',
      allowedPattern: '^[0-9]+$',
      constraintDescription: 'the numeric phone number id from the WhatsApp Cloud API settings',
      description: 'The WhatsApp Business phone number id that messages are sent from',
    }).valueAsString;
    this.graphApiBase = `https://graph.facebook.com/${config.graphApiVersion}`;
  }
}
