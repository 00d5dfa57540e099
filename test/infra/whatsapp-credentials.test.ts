import { beforeAll, describe, expect, it } from 'vitest';
import { PROD_WITH_EVERYTHING, resourcesOfType, type SynthesizedMitra, synthesizeMitra } from './mitra-template.ts';

let dev: SynthesizedMitra;
let prod: SynthesizedMitra;

beforeAll(() => {
  dev = synthesizeMitra();
  prod = synthesizeMitra(PROD_WITH_EVERYTHING);
});

describe('WhatsApp credentials', () => {
  it('creates one secret with a generated app secret and no value in the template', () => {
    const secrets = whatsAppSecrets(dev);
    expect(secrets).toHaveLength(1);
    const [, secret] = secrets[0]!;
    expect(secret.Properties.SecretString).toBeUndefined();
    expect(secret.Properties.GenerateSecretString).toMatchObject({ GenerateStringKey: 'appSecret' });
    const template = JSON.parse(
      (secret.Properties.GenerateSecretString as { SecretStringTemplate: string }).SecretStringTemplate,
    );
    expect(Object.keys(template)).toEqual(['accessToken']);
  });

  it('imports the secret by ARN instead of creating one when whatsAppSecretArn is given', () => {
    expect(whatsAppSecrets(prod)).toEqual([]);
    prod.template.hasOutput('WhatsAppSecretArn', { Value: PROD_WITH_EVERYTHING.whatsAppSecretArn });
  });

  it("never carries the embedded runtime's local credentials or any literal secret", () => {
    for (const { json } of [dev, prod]) {
      expect(json).not.toContain('local-app-secret');
      expect(json).not.toContain('local-verify-token');
      expect(json).not.toContain('100000000000001');
      expect(json).not.toMatch(/"(WHATSAPP_APP_SECRET|WHATSAPP_ACCESS_TOKEN)"/);
    }
  });
});

/** The stack's other secret (the Aadhaar hash key) is not the WhatsApp one. */
function whatsAppSecrets(synthesized: SynthesizedMitra) {
  return resourcesOfType(synthesized.template, 'AWS::SecretsManager::Secret').filter(([id]) =>
    id.startsWith('WhatsApp'),
  );
}
