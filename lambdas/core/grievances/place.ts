import { DISTRICTS } from '../catalog/districts.ts';
import type { Language } from '../catalog/schema.ts';
import { t } from '../i18n/strings.ts';
import { photoCount } from './photos.ts';
import { placeOf } from './routing.ts';

/**
 * How the citizen gave the grievance's place, kept with its answers under `place`: a shared location (`latitude`,
 * `longitude`) or a typed village and mandal (`village`, `mandal`). The form asks it once the catalog's questions
 * (the district among them) are answered.
 */
const PLACE_KEY = 'place';

/** Whether the grievance's place has been asked and answered. */
export function placeGiven(values: Readonly<Record<string, string>>): boolean {
  return values[PLACE_KEY] !== undefined;
}

/** The answers without their place, to ask it again. */
export function withoutPlace(values: Readonly<Record<string, string>>): Record<string, string> {
  const { [PLACE_KEY]: _how, latitude: _latitude, longitude: _longitude, ...rest } = values;
  return rest;
}

/** The answers a shared location adds. */
export function locationValues(location: { latitude: number; longitude: number }): Record<string, string> {
  return {
    [PLACE_KEY]: 'location',
    latitude: location.latitude.toFixed(6),
    longitude: location.longitude.toFixed(6),
  };
}

const MANDAL_WORDS = /\s*(mandal(am)?|మండలం|మండల్)\s*$/iu;

/**
 * "Tadikonda, Tadikonda mandal, Guntur": the village, the mandal and (optionally, when the form asked none) a district
 * by its English or Telugu name. Undefined when it is no place: each part 2 to 60 characters with a letter in it.
 */
export function typedPlaceValues(typed: string): Record<string, string> | undefined {
  const parts = typed
    .normalize('NFC')
    .split(/[,;\n]+/)
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  if (parts.length === 0 || parts.length > 3) return undefined;
  if (parts.some((part) => part.length < 2 || part.length > 60 || !/\p{L}/u.test(part))) return undefined;
  const [village, mandal, districtName] = parts as [string, string?, string?];
  const district = districtName ? districtIdOf(districtName) : undefined;
  if (districtName && !district) return undefined;
  return {
    [PLACE_KEY]: 'typed',
    village,
    ...(mandal ? { mandal: mandal.replace(MANDAL_WORDS, '') || mandal } : {}),
    ...(district ? { district } : {}),
  };
}

function districtIdOf(name: string): string | undefined {
  const wanted = name.toLowerCase().replace(/\s*(district|జిల్లా)\s*$/iu, '');
  return DISTRICTS.find((o) => o.id === wanted || o.label.en.toLowerCase() === wanted || o.label.te === wanted)?.id;
}

/** The place as an officer or the citizen reads it: a map link for a shared location, else village, mandal, district. */
export function placeText(values: Readonly<Record<string, string>>, language: Language): string {
  const place = placeOf(values);
  if (place.location) return `https://maps.google.com/?q=${place.location.latitude},${place.location.longitude}`;
  const district = DISTRICTS.find((o) => o.id === place.district)?.label[language];
  return [values['village'], values['mandal'], district].filter(Boolean).join(', ') || '-';
}

/** The summary's lines for what a grievance adds to its questions: the place and how many photos. */
export function grievanceSummaryLines(values: Readonly<Record<string, string>>, language: Language): string[] {
  if (!placeGiven(values)) return [];
  return [
    t('grievanceSummaryPlace', language, { place: placeText(values, language) }),
    t('grievanceSummaryPhotos', language, { count: photoCount(values) }),
  ];
}
