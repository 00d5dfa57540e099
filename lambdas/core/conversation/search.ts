import type { Catalog, Service } from '../catalog/schema.ts';
import type { Understanding } from '../understanding/understand.ts';
import { normalizeText } from './commands.ts';

const MAX_RESULTS = 9;

/**
 * The services best matching free text, over names, descriptions and synonyms (English, Telugu and transliterations)
 * of the services and their departments. Whole-phrase matches rank above word matches; ties keep catalog order.
 */
function searchServices(catalog: Catalog, query: string): Service[] {
  const phrase = normalizeText(query);
  const words = phrase.split(' ').filter((w) => w.length >= 3 || /[\u0C00-\u0C7F]{2,}/.test(w));
  if (phrase.length < 2) return [];
  const departmentNames = new Map(catalog.departments.map((d) => [d.id, [d.name.en, d.name.te]]));
  const scored = catalog.services.map((service, index) => {
    const strong = [service.name.en, service.name.te, ...service.synonyms].map(normalizeText);
    const weak = [
      service.description.en,
      service.description.te,
      ...(departmentNames.get(service.department) ?? []),
    ].map(normalizeText);
    let score = 0;
    for (const text of strong) {
      if (text === phrase) score = Math.max(score, 100);
      else if (text.includes(phrase) || (phrase.includes(text) && text.length >= 3)) score = Math.max(score, 60);
    }
    for (const word of words) {
      if (strong.some((text) => text.split(' ').some((w) => w.startsWith(word)))) score += 10;
      else if (weak.some((text) => text.split(' ').some((w) => w.startsWith(word)))) score += 3;
    }
    return { service, index, score };
  });
  return scored
    .filter((s) => s.score >= 10)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, MAX_RESULTS)
    .map((s) => s.service);
}

/**
 * The services a free-text message is offered to choose from: the likeliest few when it asks for something the
 * understanding cannot tell apart, else what search finds, else what the understanding found despite misspellings.
 */
export function offeredServices(catalog: Catalog, understood: Understanding, query: string): Service[] {
  const candidates =
    understood.kind === 'choices' ? understood.serviceIds : understood.kind === 'service' ? [understood.serviceId] : [];
  const understoodServices = candidates.flatMap((id) => catalog.services.filter((s) => s.id === id));
  if (understood.kind === 'choices' && understood.request && understoodServices.length > 0) return understoodServices;
  const found = searchServices(catalog, query);
  return found.length > 0 ? found : understoodServices;
}
