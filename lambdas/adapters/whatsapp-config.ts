import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import * as z from '#core/validation.ts';
import { optionalEnv, requireEnv } from './env.ts';

const SecretSchema = z.strictObject({
  accessToken: z.string().check(z.minLength(1)),
  appSecret: z.string().check(z.minLength(1)),
});

export interface WhatsAppConfig {
  /** The Graph API base including the version, e.g. https://graph.facebook.com/v23.0 */
  graphApiBase: string;
  phoneNumberId: string;
  accessToken: string;
  appSecret: string;
}

let cached: Promise<WhatsAppConfig> | undefined;

/**
 * The WhatsApp credentials. In AWS the access token and app secret live in one Secrets Manager secret (JSON
 * `{ accessToken, appSecret }`) named by WHATSAPP_SECRET_ARN and are read once per cold start; the embedded runtime
 * passes its local defaults as WHATSAPP_ACCESS_TOKEN and WHATSAPP_APP_SECRET instead. (The verify token of Meta's
 * subscription handshake is the webhook's alone: it reads WHATSAPP_VERIFY_TOKEN itself.)
 */
export function whatsAppConfig(): Promise<WhatsAppConfig> {
  cached ??= load().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function load(): Promise<WhatsAppConfig> {
  const base = {
    graphApiBase: requireEnv('GRAPH_API_BASE').replace(/\/+$/, ''),
    phoneNumberId: requireEnv('WHATSAPP_PHONE_NUMBER_ID'),
  };
  const secretArn = optionalEnv('WHATSAPP_SECRET_ARN');
  if (!secretArn) {
    return { ...base, accessToken: requireEnv('WHATSAPP_ACCESS_TOKEN'), appSecret: requireEnv('WHATSAPP_APP_SECRET') };
  }
  const client = new SecretsManagerClient({});
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
  const parsed = SecretSchema.safeParse(JSON.parse(SecretString ?? '{}'));
  if (!parsed.success) {
    // Never echo the secret's content: name only the keys that are wrong.
    throw new Error(
      `secret ${secretArn} must be JSON {"accessToken","appSecret"}: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
    );
  }
  return { ...base, ...parsed.data };
}
