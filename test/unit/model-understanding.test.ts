import { describe, expect, it } from 'vitest';
import { BedrockUnderstanding } from '#adapters/model-understanding.ts';
import { catalog } from '#core/catalog/catalog.ts';

const NOW = new Date('2026-12-05T06:00:00Z');
const answering = (text: string) => ({
  send: async () => ({ output: { message: { role: 'assistant' as const, content: [{ text }] } } }),
});

describe('the Bedrock understanding adapter', () => {
  it("reads the model's JSON answer, checked against the catalog", async () => {
    const model = new BedrockUnderstanding(
      answering('{"service":"energy.electricity-bill","confidence":0.92,"fields":{"consumer-number":"1123456789"}}'),
      'amazon.nova-lite-v1:0',
      catalog(),
    );
    expect(await model.understand('karent bil kattali 1123456789', 'te', NOW)).toMatchObject({
      kind: 'service',
      serviceId: 'energy.electricity-bill',
      values: { 'consumer-number': '1123456789' },
    });
  });

  it('gives no answer when the model fails or is slow, so the rules read the message', async () => {
    const failing = new BedrockUnderstanding(
      {
        send: async () => {
          throw Object.assign(new Error('throttled'), { name: 'ThrottlingException' });
        },
      },
      'amazon.nova-lite-v1:0',
      catalog(),
    );
    expect(await failing.understand('income certificate kavali', 'en', NOW)).toBeUndefined();
  });
});
