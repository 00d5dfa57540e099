import { t } from '../../i18n/strings.ts';
import { understand } from '../../understanding/understand.ts';
import { normalizeText } from '../commands.ts';
import { displayValue, searchScreen, text } from '../screens.ts';
import { offeredServices } from '../search.ts';
import { department } from './citizen.ts';
import { startForm } from './form.ts';
import type { CitizenIntent } from './intent.ts';
import { findService, type IntentHandlers, languageOf, say, show } from './turn.ts';

/** The longest message kept as the query of the services offered for it (the session keeps it to fill a form). */
const MAX_QUERY = 500;

/**
 * Free text outside a form: a department's name opens it; a request the understanding is sure of starts its service
 * with the answers the message states (said back to the citizen first); otherwise the likeliest services are offered.
 */
export const freeTextTurns: IntentHandlers<Extract<CitizenIntent['kind'], 'search'>> = {
  search(session, { text: typed }, env) {
    const language = languageOf(session);
    const named = env.catalog.departments.find((d) =>
      [d.name.en, d.name.te, d.id].some((name) => normalizeText(name) === normalizeText(typed)),
    );
    if (named) return department(session, named.id, env);
    const understood = env.context.understood ?? understand(env.catalog, typed, env.now, language);
    const service = understood.kind === 'service' ? findService(env.catalog, understood.serviceId) : undefined;
    if (service && understood.kind === 'service' && (understood.request || Object.keys(understood.values).length > 0)) {
      const facts = service.fields
        .filter((f) => understood.values[f.id] !== undefined)
        .map((f) => `• ${f.label[language]}: ${displayValue(f, understood.values, language)}`);
      const said = facts.length
        ? t('understoodWithAnswers', language, { service: service.name[language], answers: facts.join('\n') })
        : t('understood', language, { service: service.name[language] });
      return startForm(session, service, env, { values: understood.values, before: [said] });
    }
    const query = typed.trim().slice(0, MAX_QUERY);
    const offered = offeredServices(env.catalog, understood, query);
    if (offered.length === 0)
      return say(session, [text(t('searchNothing', language, { query: typed.trim().slice(0, 60) }))]);
    return show(session, { name: 'search', query }, searchScreen(offered, language, query, env.token), env);
  },
};
