import { t } from '../../i18n/strings.ts';
import { mediaKey } from '../../media-keys.ts';
import { languageScreen, servicesScreen, text } from '../screens.ts';
import type { Session, SessionStep } from '../session.ts';
import { changed } from './alerts.ts';
import type { CitizenIntent, SessionIntent } from './intent.ts';
import { home, render } from './navigation.ts';
import { type IntentHandlers, languageOf, say, show, type Turn, type TurnEnv } from './turn.ts';

/** Finding one's way: the menus, help, STOP and START (the language and consent: onboarding.ts; free text: free-text.ts). */
export const citizenTurns: IntentHandlers<
  | Exclude<CitizenIntent['kind'], 'search' | 'choose-language' | 'consent'>
  | Exclude<SessionIntent['kind'], 'ask-language' | 'ask-consent'>
> = {
  silent: (session) => say(session, []),
  resume: (session, _intent, env) => home({ ...session, stopped: false }, env, [t('resumed', languageOf(session))]),
  stop(session, _intent, env) {
    const step: SessionStep = session.language ? { name: 'menu', page: 0 } : { name: 'new' };
    const language = languageOf(session);
    // STOP ends every alert too: the subscription items go with this turn, and the confirmation says so.
    const { session: unsubscribed, effects } = changed(session, { topics: [], districts: [] });
    const ended = session.alerts.topics.length > 0 ? [t('alertsEndedWithStop', language)] : [];
    return say(
      { ...unsubscribed, stopped: true, step, menu: { token: env.token, options: [] } },
      [text([t('stopped', language), ...ended].join('\n\n'))],
      effects,
    );
  },
  expired: (session, _intent, env) =>
    home({ ...session, step: { name: 'menu', page: 0 } }, env, [
      t('sessionExpired', languageOf(session), { minutes: env.context.settings.inactivityMinutes }),
    ]),
  'language-menu': (session, _intent, env) => show(session, session.step, languageScreen(env.token), env),
  greet: (session, _intent, env) => home(session, env),
  department: (session, { departmentId }, env) => department(session, departmentId, env),
  page(session, { step: by }, env) {
    const { step } = session;
    if (step.name !== 'menu' && step.name !== 'services' && step.name !== 'form' && step.name !== 'alert-districts')
      return render(session, env);
    return render({ ...session, step: { ...step, page: Math.max(0, step.page + by) } }, env);
  },
  help: (session) => say(session, [text(t('help', languageOf(session)))]),
  image(session, { mediaId }, env) {
    const language = languageOf(session);
    const key = mediaKey({ waId: session.waId, mediaId }, env.context.settings.aadhaarHashKey);
    return say(
      session,
      [text(t('scanChecking', language))],
      [{ type: 'scan-certificate', waId: session.waId, mediaKey: key, language }],
    );
  },
  unreadable: (session, _intent, env) =>
    say(session, [text(t(env.inbound.content.type === 'voice' ? 'voiceUnclear' : 'textOnly', languageOf(session)))]),
  stale: (session, _intent, env) => render(session, env, [t('staleMenu', languageOf(session))]),
  'bad-number': (session, { number }) =>
    say(session, [text(t('noSuchOption', languageOf(session), { number, count: session.menu.options.length }))]),
  'not-understood': (session, _intent, env) => render(session, env, [t('notUnderstood', languageOf(session))]),
};

/** A department's services. */
export function department(session: Session, departmentId: string, env: TurnEnv): Turn {
  const language = languageOf(session);
  if (!env.catalog.departments.some((d) => d.id === departmentId))
    return home(session, env, [t('notUnderstood', language)]);
  return show(
    session,
    { name: 'services', departmentId, page: 0 },
    servicesScreen(env.catalog, language, departmentId, 0, env.token),
    env,
  );
}
