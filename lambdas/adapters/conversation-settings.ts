import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { type ConversationSettings, DEFAULT_SETTINGS } from '#core/conversation/context.ts';
import { ConfigurationError } from '#core/errors.ts';
import { optionalEnv, requireEnv } from './env.ts';

/**
 * The conversation's settings, read once at cold start: SESSION_INACTIVITY_MINUTES, and the Aadhaar hash key, which in
 * AWS is a generated Secrets Manager secret named by AADHAAR_HASH_KEY_SECRET_ARN (the embedded runtime passes its
 * local key as AADHAAR_HASH_KEY). Changing the key makes every stored hash unmatchable, so it is never rotated.
 */
export async function conversationSettings(): Promise<ConversationSettings> {
  const minutes = Number(optionalEnv('SESSION_INACTIVITY_MINUTES') ?? DEFAULT_SETTINGS.inactivityMinutes);
  if (!Number.isInteger(minutes) || minutes < 1)
    throw new ConfigurationError('SESSION_INACTIVITY_MINUTES must be a whole number of minutes, at least 1');
  return { ...DEFAULT_SETTINGS, inactivityMinutes: minutes, aadhaarHashKey: await aadhaarHashKey() };
}

async function aadhaarHashKey(): Promise<string> {
  const local = optionalEnv('AADHAAR_HASH_KEY');
  if (local) return local;
  const secretArn = requireEnv('AADHAAR_HASH_KEY_SECRET_ARN');
  const { SecretString } = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: secretArn }));
  if (!SecretString || SecretString.length < 32)
    throw new ConfigurationError(`secret ${secretArn} must hold a key of at least 32 characters`);
  return SecretString;
}
