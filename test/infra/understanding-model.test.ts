import { beforeAll, describe, expect, it } from 'vitest';
import { readStageConfig } from '../../lib/stage-config.ts';
import { environmentOf, type SynthesizedMitra, statementsOfFunction, synthesizeMitra } from './mitra-template.ts';

let plain: SynthesizedMitra;
let withModel: SynthesizedMitra;
let withProfile: SynthesizedMitra;

beforeAll(() => {
  plain = synthesizeMitra({});
  withModel = synthesizeMitra({ understandingModelId: 'amazon.nova-lite-v1:0' });
  withProfile = synthesizeMitra({ understandingModelId: 'apac.amazon.nova-lite-v1:0' });
}, 240_000);

const bedrockStatements = (mitra: SynthesizedMitra) =>
  statementsOfFunction(mitra.template, 'webhook').filter((s) => JSON.stringify(s.Action).includes('bedrock:'));

describe('the language model that reads free text, and the speech service', () => {
  it('is off unless the stage names a model: no variable, no Bedrock permission anywhere', () => {
    expect(environmentOf(plain.template, 'webhook')).not.toHaveProperty('UNDERSTANDING_MODEL_ID');
    expect(plain.json).not.toContain('bedrock:');
  });

  it('lets the webhook invoke the one model named, and nothing else of Bedrock', () => {
    expect(environmentOf(withModel.template, 'webhook').UNDERSTANDING_MODEL_ID).toBe('amazon.nova-lite-v1:0');
    const statements = bedrockStatements(withModel);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({ Effect: 'Allow', Action: 'bedrock:InvokeModel' });
    expect(JSON.stringify(statements[0]!.Resource)).toContain('foundation-model/amazon.nova-lite-v1:0');
  });

  it('grants a cross-region inference profile and its one model', () => {
    const resources = JSON.stringify(bedrockStatements(withProfile)[0]!.Resource);
    expect(resources).toContain('inference-profile/apac.amazon.nova-lite-v1:0');
    expect(resources).toContain('foundation-model/amazon.nova-lite-v1:0');
  });

  it('gives the webhook the speech service of the stage, or none', () => {
    expect(environmentOf(plain.template, 'webhook').SPEECH_ENDPOINT).toBe('unconfigured');
    const speech = synthesizeMitra({ speechEndpoint: 'https://asr.example.gov.in/v1' });
    expect(environmentOf(speech.template, 'webhook').SPEECH_ENDPOINT).toBe('https://asr.example.gov.in/v1');
    expect(() =>
      readStageConfig((key) => (key === 'speechEndpoint' ? 'http://asr.example.gov.in' : undefined), {}),
    ).toThrow(/speechEndpoint must be an https/);
  });

  it('refuses a model id that is not one', () => {
    expect(() => readStageConfig((key) => (key === 'understandingModelId' ? 'gpt 4; drop' : undefined), {})).toThrow(
      /understandingModelId must be a Bedrock model/,
    );
  });
});
