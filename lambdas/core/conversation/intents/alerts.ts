import {
  type AlertChoice,
  districtName,
  isAlertDistrict,
  isAlertTopic,
  MAX_ALERT_DISTRICTS,
  subscriptionChange,
  topicName,
} from '../../alerts/topics.ts';
import { t } from '../../i18n/strings.ts';
import { alertConsentScreen, alertDistrictsScreen, alertsScreen, districtsText } from '../alert-screens.ts';
import { text } from '../screens.ts';
import type { Session } from '../session.ts';
import type { AlertIntent } from './intent.ts';
import { render } from './navigation.ts';
import { type Effect, type IntentHandlers, languageOf, say, show, type Turn, type TurnEnv } from './turn.ts';

/**
 * Opt-in alerts: the citizen picks topics and districts from lists; each change writes the subscription items with
 * the turn (an `alert-subscriptions` effect). The first subscription asks the alerts' own consent.
 */
export const alertTurns: IntentHandlers<AlertIntent['kind']> = {
  alerts: (session, _intent, env) => showAlerts(session, env),
  'alert-topic'(session, { topic }, env) {
    const language = languageOf(session);
    if (!isAlertTopic(topic)) return showAlerts(session, env, [t('notUnderstood', language)]);
    const { alerts } = session;
    if (alerts.topics.includes(topic))
      return choose(session, { ...alerts, topics: alerts.topics.filter((id) => id !== topic) }, env, [
        t('alertUnsubscribed', language, { topic: topicName(topic, language) }),
      ]);
    if (!alerts.consentedAt)
      return show(session, { name: 'alert-consent', topic }, alertConsentScreen(language, env.token), env);
    return subscribe(session, topic, env);
  },
  'alert-consent'(session, { accepted }, env) {
    const { step } = session;
    if (step.name !== 'alert-consent') return render(session, env);
    if (!accepted) return showAlerts(session, env, [t('alertConsentDeclined', languageOf(session))]);
    const agreed = { ...session, alerts: { ...session.alerts, consentedAt: env.now.toISOString() } };
    return subscribe(agreed, step.topic, env);
  },
  'alert-districts': (session, _intent, env) =>
    show(
      session,
      { name: 'alert-districts', page: 0 },
      alertDistrictsScreen(session.alerts, 0, languageOf(session), env.token),
      env,
    ),
  'alert-district'(session, { district }, env) {
    const language = languageOf(session);
    const { alerts } = session;
    if (!isAlertDistrict(district)) return render(session, env, [t('notUnderstood', language)]);
    const name = districtName(district, language);
    if (alerts.districts.includes(district))
      return choose(session, { ...alerts, districts: alerts.districts.filter((id) => id !== district) }, env, [
        t('alertDistrictRemoved', language, { district: name }),
      ]);
    if (alerts.districts.length >= MAX_ALERT_DISTRICTS)
      return say(session, [text(t('alertDistrictsFull', language, { max: MAX_ALERT_DISTRICTS }))]);
    const chosen = { ...alerts, districts: [...alerts.districts, district] };
    const topics = chosen.topics.map((id) => topicName(id, language)).join(', ');
    return choose(session, chosen, env, [
      topics
        ? t('alertSubscribed', language, { topic: topics, districts: districtsText(chosen, language) })
        : t('alertDistrictAdded', language, { district: name }),
    ]);
  },
  'alert-stop': (session, _intent, env) =>
    choose(session, { ...session.alerts, topics: [] }, env, [t('alertsStopped', languageOf(session))]),
};

function showAlerts(session: Session, env: TurnEnv, before: string[] = []): Turn {
  return show(session, { name: 'alerts' }, alertsScreen(session.alerts, languageOf(session), env.token, before), env);
}

/** A topic added: with no district yet, the districts are asked next. */
function subscribe(session: Session, topic: string, env: TurnEnv): Turn {
  const language = languageOf(session);
  const chosen = { ...session.alerts, topics: [...session.alerts.topics, topic] };
  if (chosen.districts.length > 0)
    return choose(session, chosen, env, [
      t('alertSubscribed', language, { topic: topicName(topic, language), districts: districtsText(chosen, language) }),
    ]);
  const { session: updated, effects } = changed(session, chosen);
  const prompt = t('alertChooseDistrict', language, { topic: topicName(topic, language) });
  return show(
    updated,
    { name: 'alert-districts', page: 0 },
    alertDistrictsScreen(chosen, 0, language, env.token, [prompt]),
    env,
    effects,
  );
}

/** The new choice, said, and the alerts shown again. */
function choose(session: Session, after: AlertChoice, env: TurnEnv, before: string[]): Turn {
  const { session: updated, effects } = changed(session, after);
  return show(updated, { name: 'alerts' }, alertsScreen(after, languageOf(session), env.token, before), env, effects);
}

/** The session with the new choice, and the subscription items that change with it. */
export function changed(session: Session, after: AlertChoice): { session: Session; effects: Effect[] } {
  const { add, remove } = subscriptionChange(session.alerts, after);
  const alerts = { ...session.alerts, topics: after.topics, districts: after.districts };
  const effects: Effect[] =
    add.length + remove.length > 0 ? [{ type: 'alert-subscriptions', waId: session.waId, add, remove }] : [];
  return { session: { ...session, alerts }, effects };
}
