import { maskedAadhaar } from '../../forms/aadhaar.ts';
import { t } from '../../i18n/strings.ts';
import { understand } from '../../understanding/understand.ts';
import { alertConsentScreen, alertDistrictsScreen, alertsScreen } from '../alert-screens.ts';
import { photosScreen, placeScreen } from '../grievance-screens.ts';
import {
  consentScreen,
  departmentsScreen,
  editScreen,
  fieldScreen,
  languageScreen,
  type Row,
  searchScreen,
  servicesScreen,
  summaryScreen,
} from '../screens.ts';
import { offeredServices } from '../search.ts';
import type { Session } from '../session.ts';
import { findService, languageOf, show, type Turn, type TurnEnv, textScreen, withText } from './turn.ts';

/** The main menu (or whatever must come before it: the language, the consent). */
export function home(session: Session, env: TurnEnv, before: string[] = []): Turn {
  if (!session.language)
    return show(session, { name: 'choose-language' }, withText(before, languageScreen(env.token)), env);
  if (!session.consentedAt)
    return show(session, { name: 'consent' }, withText(before, consentScreen(session.language, env.token)), env);
  return show(
    session,
    { name: 'menu', page: 0 },
    withText(before, departmentsScreen(env.catalog, session.language, 0, env.token, shortcutsOf(session))),
    env,
  );
}

/** Rows the main menu starts with for this citizen: "My bills" once they remember any. */
function shortcutsOf(session: Session): Row[] {
  const language = languageOf(session);
  return session.bills.saved.length > 0
    ? [{ action: 'my-bills', title: t('billsMenuRow', language), description: t('billsMenuRowDescription', language) }]
    : [];
}

/** Shows the current step again (after a tap on an old menu, a turned page, or in a new language). */
export function render(session: Session, env: TurnEnv, before: string[] = []): Turn {
  const language = languageOf(session);
  const { step } = session;
  const service = 'serviceId' in step ? findService(env.catalog, step.serviceId) : undefined;
  switch (step.name) {
    case 'menu':
      return show(
        session,
        step,
        withText(before, departmentsScreen(env.catalog, language, step.page, env.token, shortcutsOf(session))),
        env,
      );
    case 'services':
      return show(
        session,
        step,
        withText(before, servicesScreen(env.catalog, language, step.departmentId, step.page, env.token)),
        env,
      );
    case 'search': {
      const results = offeredServices(env.catalog, understand(env.catalog, step.query, env.now, language), step.query);
      if (results.length > 0)
        return show(session, step, withText(before, searchScreen(results, language, step.query, env.token)), env);
      break;
    }
    case 'form':
      if (service)
        return show(session, step, fieldScreen(service, step.fieldIndex, step.page, language, env.token, before), env);
      break;
    case 'confirm':
      if (service) return show(session, step, summaryScreen(service, step.values, language, env.token, before), env);
      break;
    case 'edit':
      if (service)
        return show(session, step, withText(before, editScreen(service, step.values, language, env.token)), env);
      break;
    case 'grievance-place':
      return show(session, step, placeScreen(language, before), env);
    case 'grievance-photos':
      return show(session, step, photosScreen(step.values, language, env.token, before), env);
    case 'grievance-similar': {
      // Back to its summary: confirming it again asks again.
      const summary = { name: 'confirm', serviceId: step.serviceId, values: step.values } as const;
      if (service) return show(session, summary, summaryScreen(service, step.values, language, env.token, before), env);
      break;
    }
    case 'alerts':
      return show(session, step, alertsScreen(session.alerts, language, env.token, before), env);
    case 'alert-districts':
      return show(session, step, alertDistrictsScreen(session.alerts, step.page, language, env.token, before), env);
    case 'alert-consent':
      return show(session, step, withText(before, alertConsentScreen(language, env.token)), env);
    case 'identity-aadhaar':
      return show(session, step, textScreen([...before, t('identityNeeded', language)]), env);
    case 'identity-otp':
      return show(
        session,
        step,
        textScreen([...before, t('otpSent', language, { aadhaar: maskedAadhaar(step.last4) })]),
        env,
      );
  }
  return home(session, env, before);
}
