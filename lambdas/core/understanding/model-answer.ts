import type { Catalog, Language, Service } from '../catalog/schema.ts';
import { validateField } from '../forms/validators.ts';
import * as z from '../validation.ts';
import { extractFields } from './extract-fields.ts';
import { scoreServices } from './match-service.ts';
import { type Understanding, understand } from './understand.ts';

/** How many of the likeliest services (by the rules) a language model may choose among. */
const CANDIDATES = 8;
/** Below this confidence in its own answer, the model's service is offered first among the likeliest instead. */
const MODEL_CONFIDENCE = 0.7;
/** Field types a model is never asked for: an Aadhaar number is asked at its question, an attachment is sent. */
const NEVER_FROM_TEXT = new Set(['aadhaar', 'attachment']);

/** What the model must answer: closed, so anything else it writes is refused with the whole answer. */
const ModelAnswerSchema = z.strictObject({
  service: z.nullable(z.string()),
  confidence: z.number().check(z.gte(0), z.lte(1)),
  fields: z.record(z.string(), z.string().check(z.maxLength(500))),
});

/** The request to a language model: the instructions and the services it may choose among, built from the catalog. */
export interface ModelPrompt {
  system: string;
  user: string;
  /** The services offered, best first by the rules: the only ones an answer may name. */
  candidates: string[];
}

function describeService(service: Service): unknown {
  return {
    id: service.id,
    name: service.name,
    about: service.description.en,
    synonyms: service.synonyms,
    fields: service.fields
      .filter((f) => !NEVER_FROM_TEXT.has(f.type))
      .map((f) => ({
        id: f.id,
        type: f.type,
        label: f.label.en,
        ...(f.options ? { options: f.options.map((o) => ({ id: o.id, en: o.label.en, te: o.label.te })) } : {}),
        ...(f.type === 'date' ? { format: 'DD-MM-YYYY', when: f.when ?? 'any' } : {}),
      })),
  };
}

/**
 * The prompt for a message: the likeliest services of the catalog with their questions, and the rule that every
 * value must be written in the message. `undefined` when no service is near enough to ask about.
 */
export function modelPrompt(catalog: Catalog, text: string, now: Date): ModelPrompt | undefined {
  const candidates = scoreServices(catalog, text)
    .slice(0, CANDIDATES)
    .map((s) => s.service);
  if (candidates.length === 0) return undefined;
  const today = new Date(now.getTime() + 330 * 60_000).toISOString().slice(0, 10);
  const system = [
    'You read requests that citizens of Andhra Pradesh send to a government WhatsApp service, in English, Telugu,',
    'or Telugu written in Latin letters, often misspelt. Pick the one service the request asks for from SERVICES,',
    'and copy the answers to its fields that the request itself states. Never guess: a field not stated is left out;',
    'a name, place or number is copied as written; a choice is given by its option id; a date as DD-MM-YYYY',
    `(today in India is ${today}); an amount in whole rupees. Never include an Aadhaar number.`,
    'Answer with one JSON object and nothing else: {"service": "<id>" or null, "confidence": 0..1, "fields": {"<field id>": "<value>"}}.',
  ].join(' ');
  const user = `SERVICES: ${JSON.stringify(candidates.map(describeService))}\n\nREQUEST: ${JSON.stringify(text)}`;
  return { system, user, candidates: candidates.map((s) => s.id) };
}

/** A value is stated when its words or digits are in the message, or the rules read the same value from it. */
function stated(value: string, text: string, ruled: string | undefined): boolean {
  if (ruled === value) return true;
  const squeeze = (s: string) => s.toLowerCase().replace(/[\s,.-]/g, '');
  return squeeze(value).length > 0 && squeeze(text).includes(squeeze(value));
}

/**
 * A model's answer, trusted for nothing: it must parse against the closed schema and name one of the services it was
 * offered; each value must be a question of that service, accepted by the question's validator, and stated in the
 * message. What survives is merged with what the rules read (the rules' value wins where both read one).
 * `undefined`: the answer is unusable, and the rules decide alone.
 */
export function checkModelAnswer(
  catalog: Catalog,
  prompt: ModelPrompt,
  text: string,
  raw: string,
  now: Date,
  language: Language,
): Understanding | undefined {
  const json = /\{[\s\S]*\}/.exec(raw)?.[0];
  if (!json) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return undefined;
  }
  const answer = ModelAnswerSchema.safeParse(parsed);
  if (!answer.success) return undefined;
  const { service: serviceId, confidence, fields } = answer.data;
  if (serviceId === null) return understand(catalog, text, now, language);
  if (!prompt.candidates.includes(serviceId)) return undefined;
  const service = catalog.services.find((s) => s.id === serviceId);
  if (!service) return undefined;
  const ruled = extractFields(service, text, now, language);
  const values: Record<string, string> = {};
  for (const [id, value] of Object.entries(fields)) {
    const field = service.fields.find((f) => f.id === id);
    if (!field || NEVER_FROM_TEXT.has(field.type)) continue;
    const result = validateField(field, value, now, language);
    if (result.ok && stated(value, text, field.type === 'date' ? undefined : ruled[id])) values[id] = result.value;
    else if (result.ok && field.type === 'date' && ruled[id] === result.value) values[id] = result.value;
  }
  const request = understand(catalog, text, now, language);
  const isRequest = request.kind !== 'none' && request.request;
  if (confidence < MODEL_CONFIDENCE) {
    const others = prompt.candidates.filter((id) => id !== serviceId).slice(0, 2);
    return { kind: 'choices', serviceIds: [serviceId, ...others], request: isRequest };
  }
  return { kind: 'service', serviceId, values: { ...values, ...ruled }, confidence, request: isRequest };
}
