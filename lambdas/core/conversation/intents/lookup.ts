import type { Service } from '../../catalog/schema.ts';
import { extractWorkflowOf } from '../../fulfilment/registry.ts';
import { lookupAnswer, lookupQuery, offersExtract } from '../../fulfilment/status-lookup.ts';
import { t } from '../../i18n/strings.ts';
import { rowId } from '../actions.ts';

import { identityCurrent } from '../context.ts';
import type { Session } from '../session.ts';
import { home } from './navigation.ts';
import { draftApplication, languageOf, show, type Turn, type TurnEnv, textScreen, withText } from './turn.ts';

/**
 * A status lookup answered within the turn, from what the webhook asked the department's register (or Mitra's own
 * table) for this message: the record, "not found", or "the system is not answering". Nothing is stored. A record
 * the department offers an extract of (land records) comes with a button for the signed extract.
 */
export function answerLookup(
  session: Session,
  service: Service,
  values: Record<string, string>,
  env: TurnEnv,
  before: string[] = [],
): Turn {
  const language = languageOf(session);
  const outcome = env.context.lookup ?? { unavailable: true };
  const answer = lookupAnswer(service, outcome, language, values);
  if (!offersExtract(outcome) || !extractWorkflowOf(service))
    return show(session, { name: 'menu', page: 0 }, textScreen([...before, answer]), env);
  const extract = t('extractButton', language);
  const menu = t('homeButton', language);
  const actions = ['extract', 'home'];
  const offer = [t('extractOffer', language), `1. ${extract}\n2. ${menu}`].join('\n\n');
  return show(
    session,
    { name: 'lookup-answered', serviceId: service.id, values },
    withText([...before, answer], {
      replies: [
        {
          type: 'buttons',
          body: offer,
          buttons: [
            { id: rowId(actions[0]!, env.token), title: extract },
            { id: rowId(actions[1]!, env.token), title: menu },
          ],
        },
      ],
      options: actions,
    }),
    env,
  );
}

/**
 * The signed extract of the record the last lookup found, as an application the extract's workflow issues: it
 * looks the record up again at the department's system and prints what it holds then, signed like a certificate.
 */
export function requestExtract(session: Session, service: Service, values: Record<string, string>, env: TurnEnv): Turn {
  const language = languageOf(session);
  const workflow = extractWorkflowOf(service);
  if (!workflow) return home(session, env, [t('notUnderstood', language)]);
  // A land record is public: the extract is issued to whoever asks, listed under "status" once they are verified.
  const citizenHash = identityCurrent(session, env.now, env.context.settings) ? session.identity.aadhaarHash! : '';
  // As the department's system writes them (survey number 212/3A, not 212/3a): the extract prints them.
  const canonical = lookupQuery(service, values) ?? values;
  const application = { ...draftApplication(session, service, canonical, citizenHash, env), workflow };
  const { applicationId } = application;
  const document = env.catalog.documents[service.document]!.title[language];
  const done = t('extractRequested', language, { document, applicationId });
  return show(session, { name: 'menu', page: 0 }, textScreen([done]), env, [
    { type: 'start-application', application },
  ]);
}
