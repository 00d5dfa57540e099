import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { catalog } from '#core/catalog/catalog.ts';
import type { Catalog } from '#core/catalog/schema.ts';
import { extractFields } from '#core/understanding/extract-fields.ts';
import { FREE_TEXT_ANSWERS, type Understand, understand } from '#core/understanding/understand.ts';
import type { Figure } from './results-file.ts';

/** The day the evaluation set's relative dates ("tomorrow", "repu") are read from: 5 December 2026, 11:30 in India. */
const EVALUATION_NOW = new Date('2026-12-05T06:00:00Z');

const RequestSchema = z.strictObject({
  id: z.string(),
  language: z.enum(['en', 'te', 'te-latn']),
  split: z.enum(['tuning', 'held-out']),
  text: z.string().min(1),
  service: z.string(),
  fields: z.record(z.string(), z.string()),
});
export type EvaluationRequest = z.infer<typeof RequestSchema>;

export function evaluationSet(file = new URL('./understanding/requests.jsonl', import.meta.url)): EvaluationRequest[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const parsed = RequestSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`requests.jsonl line ${index + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}

export interface Outcome {
  request: EvaluationRequest;
  /** The best-ranked service: started at once, or first of the services offered. */
  serviceId: string | undefined;
  values: Record<string, string>;
}

export interface Scores {
  count: number;
  top1: number;
  fieldsF1: number;
  misses: Outcome[];
}

/**
 * Reads every request as the conversation would: the best-ranked service, and the answers read for it (when several
 * services are offered, those the message states for the first one, as a tap on it would fill them).
 */
export function runEvaluation(requests: EvaluationRequest[], source: Catalog = catalog(), by: Understand = understand) {
  return requests.map((request): Outcome => {
    const language = request.language === 'en' ? 'en' : 'te';
    const understood = by(source, request.text, EVALUATION_NOW, language);
    if (understood.kind === 'service') return { request, serviceId: understood.serviceId, values: understood.values };
    const serviceId = understood.kind === 'choices' ? understood.serviceIds[0] : undefined;
    const service = source.services.find((s) => s.id === serviceId);
    const values = service ? extractFields(service, request.text, EVALUATION_NOW, language) : {};
    return { request, serviceId, values };
  });
}

/** Top-1 accuracy of the service, and the micro-averaged F1 of (field, value) pairs; a complaint's text is not scored. */
export function score(outcomes: Outcome[]): Scores {
  let truePositives = 0;
  let predicted = 0;
  let expected = 0;
  const pairs = (values: Record<string, string>) => Object.entries(values).filter(([id]) => !FREE_TEXT_ANSWERS.has(id));
  for (const { request, values } of outcomes) {
    const want = pairs(request.fields);
    const got = pairs(values);
    expected += want.length;
    predicted += got.length;
    truePositives += got.filter(([id, value]) => request.fields[id] === value).length;
  }
  const precision = predicted === 0 ? 1 : truePositives / predicted;
  const recall = expected === 0 ? 1 : truePositives / expected;
  const misses = outcomes.filter((o) => o.serviceId !== o.request.service);
  return {
    count: outcomes.length,
    top1: (outcomes.length - misses.length) / outcomes.length,
    fieldsF1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    misses,
  };
}

export function understandingFigures(): Figure[] {
  const requests = evaluationSet();
  const started = performance.now();
  const outcomes = runEvaluation(requests);
  const msPerRequest = (performance.now() - started) / requests.length;
  const all = score(outcomes);
  const heldOut = score(outcomes.filter((o) => o.request.split === 'held-out'));
  const figures: Figure[] = [
    { name: 'understanding.top1', value: all.top1, unit: 'share' },
    { name: 'understanding.fields_f1', value: all.fieldsF1, unit: 'F1' },
    { name: 'understanding.held_out.top1', value: heldOut.top1, unit: 'share' },
    { name: 'understanding.held_out.fields_f1', value: heldOut.fieldsF1, unit: 'F1' },
    { name: 'understanding.ms_per_request', value: msPerRequest, unit: 'ms' },
  ];
  for (const language of ['en', 'te', 'te-latn'] as const) {
    const part = score(outcomes.filter((o) => o.request.language === language));
    figures.push({ name: `understanding.${language}.top1`, value: part.top1, unit: 'share' });
  }
  return figures;
}
