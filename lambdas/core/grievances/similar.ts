import type { ApplicationSummary } from '../conversation/context.ts';
import { type GrievancePlace, placeOf } from './routing.ts';

/** A grievance the citizen registered before, as far as the duplicate check needs it. */
export interface EarlierGrievance {
  applicationId: string;
  serviceId: string;
  submittedAt: string;
  place: GrievancePlace;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Two shared locations this close (metres) are the same place: a street, a transformer, a hand pump. */
const SAME_PLACE_METRES = 300;

/**
 * The citizen's grievance of the same category (service) and place registered in the 24 hours before `now`, if any:
 * the citizen is asked whether the new one is the same before a second is registered. Places match by shared
 * location (within a few hundred metres), else by the typed village, mandal and district.
 */
export function similarGrievance(
  earlier: readonly EarlierGrievance[],
  serviceId: string,
  place: GrievancePlace,
  now: Date,
): EarlierGrievance | undefined {
  return earlier
    .filter((g) => g.serviceId === serviceId)
    .filter((g) => {
      const age = now.getTime() - Date.parse(g.submittedAt);
      return age >= 0 && age < DAY_MS;
    })
    .filter((g) => samePlace(g.place, place))
    .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))[0];
}

function samePlace(a: GrievancePlace, b: GrievancePlace): boolean {
  if (a.location && b.location) return metresBetween(a.location, b.location) <= SAME_PLACE_METRES;
  if (!a.district || a.district !== b.district) return false;
  if (a.mandal !== b.mandal) return false;
  return a.village === undefined || b.village === undefined || a.village === b.village;
}

/** Great-circle distance (haversine), good to a metre at these distances. */
function metresBetween(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

/**
 * The citizen's earlier application (from "status"'s look-up of their applications) that this grievance repeats, if
 * any: with its answers, to say where it was.
 */
export function similarApplication(
  applications: readonly ApplicationSummary[],
  serviceId: string,
  values: Readonly<Record<string, string>>,
  now: Date,
): (ApplicationSummary & { values: Record<string, string> }) | undefined {
  const withPlaces = applications.flatMap((a) => (a.values ? [{ ...a, values: a.values }] : []));
  const earlier = withPlaces.map((a) => ({ ...a, place: placeOf(a.values) }));
  const found = similarGrievance(earlier, serviceId, placeOf(values), now);
  return found && withPlaces.find((a) => a.applicationId === found.applicationId);
}
