import type { Language } from '../catalog/schema.ts';
import type { Reply } from '../conversation/messages.ts';
import { t } from '../i18n/strings.ts';
import { maskPhone } from '../masking.ts';
import { attachmentKey } from '../media-keys.ts';
import * as z from '../validation.ts';

/** What an officer does with a grievance in the chat; each is a button on the grievance's notice. */
const GRIEVANCE_ACTIONS = ['accept', 'ask', 'resolve', 'transfer'] as const;
export type GrievanceAction = (typeof GRIEVANCE_ACTIONS)[number];

/** What the citizen does with their grievance: answer the officer's question, rate the resolution, or reopen it. */
export type CitizenGrievanceAction = 'reply' | 'reopen' | `rate-${1 | 2 | 3 | 4 | 5}`;

const ACTION_BUTTON = /^grievance:(accept|ask|resolve|transfer|reply|reopen|rate-[1-5]):(AP-[0-9A-Z]{12})$/;

/** A button's (or row's) id names the grievance, so a tap on an old notice still acts on the right one. */
function grievanceButtonId(action: GrievanceAction | CitizenGrievanceAction, applicationId: string): string {
  return `grievance:${action}:${applicationId}`;
}

export type GrievanceTap =
  | { by: 'officer'; action: GrievanceAction; applicationId: string }
  | { by: 'citizen'; action: CitizenGrievanceAction; applicationId: string };

export function grievanceButtonOf(id: string): GrievanceTap | undefined {
  const match = ACTION_BUTTON.exec(id);
  if (!match) return undefined;
  const applicationId = match[2]!;
  const action = match[1]!;
  return (GRIEVANCE_ACTIONS as readonly string[]).includes(action)
    ? { by: 'officer', action: action as GrievanceAction, applicationId }
    : { by: 'citizen', action: action as CitizenGrievanceAction, applicationId };
}

/**
 * The buttons an officer gets for a grievance in this state (WhatsApp shows at most three): Accept and Transfer on
 * arrival; once accepted, Ask citizen, Resolve and Transfer.
 */
export function officerButtons(state: string, applicationId: string, language: Language) {
  const button = (action: GrievanceAction, title: Parameters<typeof t>[0]) => ({
    id: grievanceButtonId(action, applicationId),
    title: t(title, language),
  });
  const taken = state === 'accepted';
  return taken
    ? [
        button('ask', 'grievanceAskButton'),
        button('resolve', 'grievanceResolveButton'),
        button('transfer', 'grievanceTransferButton'),
      ]
    : [button('accept', 'grievanceAcceptButton'), button('transfer', 'grievanceTransferButton')];
}

/**
 * The citizen as an officer sees them: a masked number. The relay carries questions and answers, so neither side
 * ever needs the other's number.
 */
export function citizenAsOfficerSeesThem(waId: string): string {
  return maskPhone(waId);
}

/** An officer's question, note or reason: printable, one paragraph, as the citizen will read it. */
export const GrievanceTextSchema = z.pipe(
  z.pipe(
    z.string(),
    z.transform((text) => text.normalize('NFC').replace(/\s+/g, ' ').trim()),
  ),
  z.string().check(z.minLength(3, 'write at least 3 characters'), z.maxLength(500, 'keep it under 500 characters')),
);

/** A rating of the resolution: a single digit 1 to 5 (Telugu digits too), or undefined. */
export function ratingOf(text: string): number | undefined {
  const digits = text.trim().replace(/[౦-౯]/g, (d) => String(d.charCodeAt(0) - 0x0c66));
  return /^[1-5]$/.test(digits) ? Number(digits) : undefined;
}

const REOPEN_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

/** Whether a grievance resolved at `resolvedAt` may still be reopened at `now` (within 7 days). */
export function mayReopen(resolvedAt: string, now: Date): boolean {
  const age = now.getTime() - Date.parse(resolvedAt);
  return age >= 0 && age <= REOPEN_WINDOW_MS;
}

const STARS = ['1 ★', '2 ★★', '3 ★★★', '4 ★★★★', '5 ★★★★★'];

/**
 * What the citizen reads on resolution: the officer's note, and a list to rate it 1 to 5 or reopen it. Outside the
 * 24-hour window, the resolution template with the same choices as quick replies, and the officer's photo (a media
 * bucket key) in its header when there is one.
 */
export function resolutionNotice(applicationId: string, note: string, language: Language, photo?: string): Reply {
  const rows = STARS.map((title, i) => ({
    id: grievanceButtonId(`rate-${(i + 1) as 1 | 2 | 3 | 4 | 5}`, applicationId),
    title,
  }));
  return {
    type: 'list',
    body: t('grievanceResolvedNote', language, { applicationId, note }),
    button: t('grievanceRateButton', language),
    sections: [
      {
        title: t('grievanceRateSection', language),
        rows: [
          ...rows,
          { id: grievanceButtonId('reopen', applicationId), title: t('grievanceReopenButton', language) },
        ],
      },
    ],
    closedWindow: photo
      ? { template: 'grievanceResolvedPhoto', parameters: [applicationId, note], image: photo }
      : { template: 'grievanceResolved', parameters: [applicationId, note] },
  };
}

/** Where an officer's photo of a resolution is kept with its grievance (the media bucket; no phone number in it). */
export function resolutionPhotoKey(applicationId: string): string {
  return attachmentKey(applicationId, 'resolution-photo');
}

/**
 * The officer's photo of the resolution, shown to the citizen before the note. Outside the 24-hour window the
 * resolution's template carries it in its header, so it is not sent on its own there.
 */
export function resolutionPhoto(applicationId: string, photo: string, language: Language): Reply {
  return {
    type: 'media',
    bucket: 'media',
    key: photo,
    mediaType: 'image',
    caption: t('grievanceResolutionPhotoCaption', language, { applicationId }),
    closedWindow: { template: 'none' },
  };
}

/** The officer's question as the citizen reads it, with a Reply button that makes their next message the answer. */
export function questionNotice(applicationId: string, department: string, question: string, language: Language): Reply {
  return {
    type: 'buttons',
    body: t('grievanceQuestion', language, { applicationId, department, question }),
    buttons: [{ id: grievanceButtonId('reply', applicationId), title: t('grievanceReplyButton', language) }],
    closedWindow: { template: 'grievanceQuestion', parameters: [applicationId, department, question] },
  };
}

/** WhatsApp's location request: the citizen taps "Send location" and the answer is an inbound `location` message. */
export function locationRequest(language: Language): Reply {
  return { type: 'location-request', body: t('grievanceLocationRequest', language) };
}
