import { type BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import type { Catalog, Language } from '#core/catalog/schema.ts';
import { checkModelAnswer, modelPrompt } from '#core/understanding/model-answer.ts';
import type { Understanding } from '#core/understanding/understand.ts';
import { logger } from './powertools.ts';

/** A free-text request read by a language model, when one is configured (see `understandingModelId`). */
export interface ModelUnderstanding {
  understand(text: string, language: Language, now: Date): Promise<Understanding | undefined>;
}

/**
 * Amazon Bedrock's Converse API behind the understanding: the prompt offers only the catalog's likeliest services,
 * and the answer is checked against the catalog (lambdas/core/understanding/model-answer.ts) before the turn sees
 * it. A slow, failing or unusable answer is no answer: the built-in rules then read the message, as everywhere else.
 */
export class BedrockUnderstanding implements ModelUnderstanding {
  constructor(
    private readonly client: Pick<BedrockRuntimeClient, 'send'>,
    private readonly modelId: string,
    private readonly catalog: Catalog,
    /** The webhook answers Meta quickly: a model that takes longer than this is not waited for. */
    private readonly timeoutMs = 1500,
  ) {}

  async understand(text: string, language: Language, now: Date): Promise<Understanding | undefined> {
    const prompt = modelPrompt(this.catalog, text, now);
    if (!prompt) return undefined;
    try {
      const response = await this.client.send(
        new ConverseCommand({
          modelId: this.modelId,
          system: [{ text: prompt.system }],
          messages: [{ role: 'user', content: [{ text: prompt.user }] }],
          inferenceConfig: { temperature: 0, maxTokens: 400 },
        }),
        { abortSignal: AbortSignal.timeout(this.timeoutMs) },
      );
      const answer = (response.output?.message?.content ?? []).map((block) => block.text ?? '').join('');
      const understood = checkModelAnswer(this.catalog, prompt, text, answer, now, language);
      if (!understood) logger.warn('model answer refused', { modelId: this.modelId });
      return understood;
    } catch (error) {
      logger.warn('model understanding unavailable', {
        modelId: this.modelId,
        error: error instanceof Error ? error.name : String(error),
      });
      return undefined;
    }
  }
}
