import { attachmentKindKey } from '../../forms/attachment-values.ts';
import { validateAttachment } from '../../forms/validators.ts';
import { nextPhotoField } from '../../grievances/photos.ts';
import { locationValues, typedPlaceValues } from '../../grievances/place.ts';
import { t } from '../../i18n/strings.ts';
import { mediaKey } from '../../media-keys.ts';
import { photosScreen, placeScreen } from '../grievance-screens.ts';
import type { Session } from '../session.ts';
import { confirmForm, toSummary } from './form.ts';
import type { GrievanceFormIntent } from './intent.ts';
import { home } from './navigation.ts';
import { findService, type IntentHandlers, languageOf, show, type Turn, type TurnEnv, textScreen } from './turn.ts';

/**
 * What registering a grievance asks after its questions: the place (a shared location, or a typed village and
 * mandal), then up to three photos, then its summary; and, when the citizen registered a similar one in the last 24
 * hours, whether this is the same one.
 */
export const grievanceFormTurns: IntentHandlers<GrievanceFormIntent['kind']> = {
  'grievance-place'(session, intent, env) {
    const { step } = session;
    const service = step.name === 'grievance-place' ? findService(env.catalog, step.serviceId) : undefined;
    if (step.name !== 'grievance-place' || !service) return home(session, env);
    const language = languageOf(session);
    const place = intent.location ? locationValues(intent.location) : typedPlaceValues(intent.text ?? '');
    if (!place) return show(session, step, placeScreen(language, [t('grievancePlaceUnclear', language)]), env);
    const values = { ...step.values, ...place };
    return show(
      session,
      { name: 'grievance-photos', serviceId: service.id, values },
      photosScreen(values, language, env.token),
      env,
    );
  },
  'grievance-photo'(session, { media }, env) {
    const { step } = session;
    const service = step.name === 'grievance-photos' ? findService(env.catalog, step.serviceId) : undefined;
    if (step.name !== 'grievance-photos' || !service) return home(session, env);
    const language = languageOf(session);
    const field = nextPhotoField(step.values);
    if (!field) return toSummary(session, service, step.values, env);
    const result = validateAttachment(field, {
      ...media,
      key: mediaKey({ waId: env.inbound.waId, mediaId: media.mediaId }, env.context.settings.aadhaarHashKey),
    });
    if (!result.ok)
      return show(session, step, photosScreen(step.values, language, env.token, [t(result.error, language)]), env);
    const values = { ...step.values, [field.id]: result.value, [attachmentKindKey(field.id)]: result.kind };
    if (!nextPhotoField(values)) return toSummary(session, service, values, env);
    return show(session, { ...step, values }, photosScreen(values, language, env.token), env);
  },
  'photos-done'(session, _intent, env) {
    const { step } = session;
    const service = step.name === 'grievance-photos' ? findService(env.catalog, step.serviceId) : undefined;
    if (step.name !== 'grievance-photos' || !service) return home(session, env);
    return toSummary(session, service, step.values, env);
  },
  'similar-same'(session, _intent, env) {
    const { step } = session;
    if (step.name !== 'grievance-similar') return home(session, env);
    const kept = t('grievanceSameKept', languageOf(session), { applicationId: step.applicationId });
    return show(session, { name: 'menu', page: 0 }, textScreen([kept]), env);
  },
  'similar-new'(session, _intent, env) {
    return registerAnyway(session, env);
  },
};

function registerAnyway(session: Session, env: TurnEnv): Turn {
  const { step } = session;
  const service = step.name === 'grievance-similar' ? findService(env.catalog, step.serviceId) : undefined;
  if (step.name !== 'grievance-similar' || !service) return home(session, env);
  return confirmForm(session, service, step.values, env);
}
