import type { Field, Language, Service } from '../catalog/schema.ts';
import type { Reply } from '../conversation/messages.ts';
import { type Attachment, attachmentsOf } from '../forms/attachment-values.ts';
import { t } from '../i18n/strings.ts';
import { attachmentKey } from '../media-keys.ts';

/** How many photos a grievance takes: optional, asked after its place. */
const MAX_GRIEVANCE_PHOTOS = 3;

/**
 * A grievance's photos, as attachment answers (`photo-1`…`photo-3`, each a media bucket key, and its kind) so that they
 * are kept, retained and sent to the officer as every other attachment is. They are not catalog questions: the form
 * asks for them together, and none is required.
 */
const GRIEVANCE_PHOTO_FIELDS: readonly Field[] = Array.from({ length: MAX_GRIEVANCE_PHOTOS }, (_, i) => ({
  id: `photo-${i + 1}`,
  type: 'attachment',
  accepts: ['image'],
  printed: false,
  label: { en: `Photo ${i + 1}`, te: `ఫోటో ${i + 1}` },
  prompt: { en: 'Please send a photo of the problem.', te: 'సమస్య ఫోటో పంపండి.' },
}));

/** The photos a grievance's answers hold so far. */
export function photoCount(values: Readonly<Record<string, string>>): number {
  return GRIEVANCE_PHOTO_FIELDS.filter((field) => values[field.id] !== undefined).length;
}

/** The question the next photo answers, or undefined once there are three. */
export function nextPhotoField(values: Readonly<Record<string, string>>): Field | undefined {
  return GRIEVANCE_PHOTO_FIELDS.find((field) => values[field.id] === undefined);
}

/** Everything an application's answers attach: its questions' photos and PDFs, and a grievance's photos. */
export function applicationAttachments(service: Service, values: Record<string, string>): Attachment[] {
  const photos = service.kind === 'grievance' ? GRIEVANCE_PHOTO_FIELDS : [];
  return attachmentsOf([...service.fields, ...photos], values);
}

/** The grievance's photos for its officer, from where the webhook retained them on submission. */
export function grievancePhotoReplies(
  applicationId: string,
  values: Record<string, string>,
  language: Language,
): Reply[] {
  return attachmentsOf(GRIEVANCE_PHOTO_FIELDS, values).map(({ field }) => ({
    type: 'media',
    bucket: 'media',
    key: attachmentKey(applicationId, field.id),
    mediaType: 'image',
    caption: t('grievancePhotoCaption', language, { applicationId, label: field.label[language] }),
  }));
}
