import type { Language, Service } from '../catalog/schema.ts';
import { locationRequest } from '../grievances/actions.ts';
import { photoCount } from '../grievances/photos.ts';
import { placeText } from '../grievances/place.ts';
import { t } from '../i18n/strings.ts';
import { rowId } from './actions.ts';
import { type Screen, text } from './screens.ts';

/** The grievance's place: WhatsApp's "Send location" request, which also says a typed village and mandal will do. */
export function placeScreen(language: Language, before: string[] = []): Screen {
  return { replies: [...before.map(text), locationRequest(language)], options: [] };
}

/** Up to three photos, none required: Skip before the first, Done after it. */
export function photosScreen(values: Record<string, string>, language: Language, token: number, before: string[] = []) {
  const count = photoCount(values);
  const body = count === 0 ? t('grievancePhotosAsk', language) : t('grievancePhotoReceived', language, { count });
  const title = t(count === 0 ? 'grievanceSkipButton' : 'grievanceDoneButton', language);
  return {
    replies: [...before.map(text), { type: 'buttons', body, buttons: [{ id: rowId('photos-done', token), title }] }],
    options: ['photos-done'],
  } satisfies Screen;
}

/** "You registered a similar grievance…: is this the same one?" */
export function similarScreen(
  service: Service,
  earlier: { applicationId: string; values: Record<string, string> },
  language: Language,
  token: number,
): Screen {
  return {
    replies: [
      {
        type: 'buttons',
        body: t('grievanceSimilar', language, {
          applicationId: earlier.applicationId,
          service: service.name[language],
          place: placeText(earlier.values, language),
        }),
        buttons: [
          { id: rowId('similar-same', token), title: t('grievanceSameButton', language) },
          { id: rowId('similar-new', token), title: t('grievanceNewButton', language) },
        ],
      },
    ],
    options: ['similar-same', 'similar-new'],
  };
}
