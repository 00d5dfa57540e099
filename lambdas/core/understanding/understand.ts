import type { Catalog, Language } from '../catalog/schema.ts';
import { extractFields } from './extract-fields.ts';
import { type ScoredService, scoreServices, wordsOf } from './match-service.ts';
import { REQUEST_WORDS } from './vocabulary.ts';

/**
 * What a free-text message asks for: one service with the answers it states, or the few services it may mean.
 * Whatever produces it (the rules here, or a language model in AWS), a service is always one of the catalog's and a
 * value always one its question's validator accepted (see check.ts).
 */
export type Understanding =
  | {
      kind: 'service';
      serviceId: string;
      /** Answers stated in the message, by field id, as the field's validator returned them. */
      values: Record<string, string>;
      /** From 0 to 1: how far the best service stands above the next. */
      confidence: number;
      /** The message asks for something ("kavali", "I want", "కట్టాలి"), rather than only naming a service. */
      request: boolean;
    }
  | { kind: 'choices'; serviceIds: string[]; request: boolean }
  | { kind: 'none' };

/** An understanding of free text, deterministic here; an adapter may offer another behind the same signature. */
export type Understand = (catalog: Catalog, text: string, now: Date, language: Language) => Understanding;

/** Below this, the message is answered with the likeliest services to choose from instead of starting one. */
const CONFIDENCE_THRESHOLD = 0.58;
/** A best score below this names nothing well enough to start a service (one rare word matched loosely). */
const MIN_SCORE = 3;
const CHOICES = 3;

/** Picks the service from the catalog's names, synonyms and spellings, and reads the answers the message states. */
export const understand: Understand = (catalog, text, now, language) => {
  const ranked = rerank(scoreServices(catalog, text), text, now, language);
  const request = wordsOfRequest(text);
  const [best, next] = ranked;
  if (!best) return { kind: 'none' };
  const confidence = next ? best.score / (best.score + next.score) : 1;
  if (best.score < MIN_SCORE || confidence < CONFIDENCE_THRESHOLD) {
    const close = ranked.filter((r) => r.score >= best.score * 0.5).slice(0, CHOICES);
    return { kind: 'choices', serviceIds: close.map((r) => r.service.id), request };
  }
  return { kind: 'service', serviceId: best.service.id, values: best.values, confidence, request };
};

/** How many of the likeliest services are read for the answers the message states. */
const RERANKED = 6;
/** What each stated answer adds: a survey number and a village point to land records more than to a correction. */
const PER_ANSWER = 0.8;

/** The likeliest services again, each raised by the answers the message states for its own questions. */
function rerank(ranked: ScoredService[], text: string, now: Date, language: Language) {
  const top = ranked.slice(0, RERANKED).map((entry) => {
    const values = extractFields(entry.service, text, now, language);
    const stated = Object.keys(values).filter((id) => !FREE_TEXT_ANSWERS.has(id)).length;
    return { ...entry, values, score: entry.score + PER_ANSWER * stated };
  });
  return top.sort((a, b) => b.score - a.score);
}

/** Answers that are the message itself (a complaint), which say nothing of which service it is. */
export const FREE_TEXT_ANSWERS = new Set(['complaint']);

function wordsOfRequest(text: string): boolean {
  const lower = text.toLowerCase();
  return (
    lower.split(/[^\p{L}\p{M}]+/u).some((word) => REQUEST_WORDS.has(word)) ||
    // More than a service's name: a sentence.
    wordsOf(text).length >= 4
  );
}
