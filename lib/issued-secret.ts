import { type RemovalPolicy, Validations } from 'aws-cdk-lib';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';

export interface IssuedSecretProps {
  /** A complete ARN of an existing secret to use instead of creating one. */
  readonly existingArn?: string;
  readonly description: string;
  /** The JSON the secret starts with: placeholders the operator replaces. */
  readonly placeholders: Record<string, string>;
  /** The key that gets a random value, so nothing signed with the placeholder verifies before it is replaced. */
  readonly generatedKey: string;
  /** Who issues the values, hence why no rotation Lambda can renew them (AwsSolutions-SMG4). */
  readonly whyNoRotation: string;
  readonly removalPolicy: RemovalPolicy;
}

/**
 * A secret whose values a third party issues (Meta, a payment gateway): imported by ARN, or created with generated
 * placeholders that the operator overwrites after the first deploy. No value is ever in code or in the template.
 */
export function issuedSecret(scope: Construct, id: string, props: IssuedSecretProps): ISecret {
  if (props.existingArn) return Secret.fromSecretCompleteArn(scope, id, props.existingArn);
  const secret = new Secret(scope, id, {
    description: props.description,
    generateSecretString: {
      secretStringTemplate: JSON.stringify(props.placeholders),
      generateStringKey: props.generatedKey,
      passwordLength: 48,
      excludePunctuation: true,
    },
    removalPolicy: props.removalPolicy,
  });
  Validations.of(secret).acknowledge({ id: 'AwsSolutions-SMG4', reason: props.whyNoRotation });
  return secret;
}
