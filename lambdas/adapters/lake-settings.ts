import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ConfigurationError } from '#core/errors.ts';
import { optionalEnv, requireEnv } from './env.ts';

/**
 * The key of the lake's citizen tokens: in AWS a generated secret named by LAKE_TOKEN_KEY_SECRET_ARN, readable by the
 * events function only; the embedded runtime passes its local key as LAKE_TOKEN_KEY. Changing it starts new tokens,
 * so a citizen counted before and after would count twice: it is never rotated.
 */
export async function lakeTokenKey(): Promise<string> {
  const local = optionalEnv('LAKE_TOKEN_KEY');
  if (local) return local;
  const secretArn = requireEnv('LAKE_TOKEN_KEY_SECRET_ARN');
  const { SecretString } = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: secretArn }));
  if (!SecretString || SecretString.length < 32)
    throw new ConfigurationError(`secret ${secretArn} must hold a key of at least 32 characters`);
  return SecretString;
}
