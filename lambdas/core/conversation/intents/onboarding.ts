import type { Language } from '../../catalog/schema.ts';
import { t } from '../../i18n/strings.ts';
import { understand } from '../../understanding/understand.ts';
import { consentScreen, languageScreen, text } from '../screens.ts';
import { newSession, type Session } from '../session.ts';
import { freeTextTurns } from './free-text.ts';
import type { CitizenIntent, SessionIntent } from './intent.ts';
import { home, render } from './navigation.ts';
import { type IntentHandlers, languageOf, say, show, type Turn, type TurnEnv } from './turn.ts';

type OnboardingKind =
  | Extract<CitizenIntent['kind'], 'choose-language' | 'consent'>
  | Extract<SessionIntent['kind'], 'ask-language' | 'ask-consent'>;

/**
 * A new citizen's first steps: the language, then the data protection notice. What they asked for before agreeing
 * ("naaku income certificate kavali") is kept with those screens, and carried out once they agree, so a first
 * message is never lost to the formalities.
 */
export const onboardingTurns: IntentHandlers<OnboardingKind> = {
  'ask-language': (session, { request }, env) =>
    show(session, { name: 'choose-language', request: request ?? requestOf(session) }, languageScreen(env.token), env),
  'ask-consent': (session, { request }, env) =>
    show(
      session,
      { name: 'consent', request: request ?? requestOf(session) },
      consentScreen(languageOf(session), env.token),
      env,
    ),
  'choose-language': (session, { language }, env) => chooseLanguage(session, language, env),
  consent(session, { accepted }, env) {
    if (accepted) return carryOut({ ...session, consentedAt: env.now.toISOString() }, requestOf(session), env);
    // Nothing the citizen typed is kept; only the language they chose to read this in.
    const fresh: Session = { ...newSession(session.waId), version: session.version, language: languageOf(session) };
    return say(fresh, [text(t('consentDeclined', languageOf(session)))]);
  },
};

function chooseLanguage(session: Session, language: Language, env: TurnEnv): Turn {
  const chosen = { ...session, language };
  const request = requestOf(session);
  if (!chosen.consentedAt) return show(chosen, { name: 'consent', request }, consentScreen(language, env.token), env);
  if (session.step.name === 'new' || session.step.name === 'choose-language') return carryOut(chosen, request, env);
  return render(chosen, env);
}

const requestOf = (session: Session): string | undefined =>
  session.step.name === 'choose-language' || session.step.name === 'consent' ? session.step.request : undefined;

/** The first request, if it names or asks for services; otherwise (a greeting, a question) the main menu. */
function carryOut(session: Session, request: string | undefined, env: TurnEnv): Turn {
  if (!request) return home(session, env);
  const understood = understand(env.catalog, request, env.now, languageOf(session));
  if (understood.kind === 'none' || (understood.kind === 'choices' && !understood.request)) return home(session, env);
  // The model's reading, if any, was of the tap that agreed, not of the request: the request is read here.
  return freeTextTurns.search(
    { ...session, step: { name: 'menu', page: 0 } },
    { kind: 'search', text: request },
    { ...env, context: { ...env.context, understood } },
  );
}
