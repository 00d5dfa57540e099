import type { Service } from '../../catalog/schema.ts';
import { lookupAnswer } from '../../fulfilment/status-lookup.ts';
import type { Session } from '../session.ts';
import { languageOf, show, type Turn, type TurnEnv, textScreen } from './turn.ts';

/**
 * A status lookup answered within the turn, from what the webhook asked the department's register (or Mitra's own
 * table) for this message: the record, "not found", or "the system is not answering". Nothing is stored.
 */
export function answerLookup(
  session: Session,
  service: Service,
  values: Record<string, string>,
  env: TurnEnv,
  before: string[] = [],
): Turn {
  const language = languageOf(session);
  const answer = lookupAnswer(service, env.context.lookup ?? { unavailable: true }, language, values);
  return show(session, { name: 'menu', page: 0 }, textScreen([...before, answer]), env);
}
