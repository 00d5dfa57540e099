import { districtOf, isDecidingRole, type Officer, SENIOR_ROLES } from '../officers.ts';

/** Where a grievance is: the district (a catalog id), and the mandal when the citizen named one or shared a place in it. */
export interface GrievancePlace {
  district?: string;
  mandal?: string;
  village?: string;
  /** A location the citizen shared from WhatsApp. */
  location?: { latitude: number; longitude: number };
}

/** How a grievance found its officers: the level of the officers found, and whether the place had none of its own. */
export interface GrievanceRoute {
  officers: Officer[];
  level: 'mandal' | 'district' | 'state' | 'none';
  /**
   * The place has no officer of the department registered for it (a mandal of a department that works by mandal, or
   * a district): it went to the department's district (or state-level) officer, and the operators are alarmed.
   */
  fallback: boolean;
}

/** A mandal or village as typed, as an id the registry keeps: lower case, words joined by hyphens ("Tadikonda" → `tadikonda`). */
export function placeId(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** The place a grievance's form named: its district option, mandal and village answers. */
export function placeOf(values: Readonly<Record<string, string>>): GrievancePlace {
  const district = districtOf(values);
  const mandal = values['mandal']?.trim() ? placeId(values['mandal']) : undefined;
  const village = values['village']?.trim() ? placeId(values['village']) : undefined;
  const latitude = Number(values['latitude']);
  const longitude = Number(values['longitude']);
  const located = values['latitude'] !== undefined && Number.isFinite(latitude) && Number.isFinite(longitude);
  return {
    ...(district ? { district } : {}),
    ...(mandal ? { mandal } : {}),
    ...(village ? { village } : {}),
    ...(located ? { location: { latitude, longitude } } : {}),
  };
}

/**
 * The officers a grievance goes to, from the registry's jurisdictions. A department that works at mandal level (some
 * of its officers are registered with a mandal) sends it to the officer of its mandal; every department to its
 * officer of the district. A place without one goes to the department's officer of the district (a mandal with no
 * officer of its own), else to its state-level officers, and is marked `fallback` so the operators hear of it.
 * Past the SLA, or reopened, it goes to the senior officers of that district, else the state-level ones, else
 * whoever had it, so it never goes unheard. An officer who filed the grievance (`isFiler`) is passed over: it goes to
 * another officer of the place, or the next level up; whether it fell back is judged by the registry as it is.
 */
export function routeGrievance(
  registry: readonly Officer[],
  department: string,
  place: GrievancePlace,
  senior = false,
  isFiler: (officer: Officer) => boolean = () => false,
): GrievanceRoute {
  const registered = registry.filter((o) => o.department === department && isDecidingRole(o.role));
  const { fallback } = firstRoute(registered, place, senior);
  return {
    ...firstRoute(
      registered.filter((o) => !isFiler(o)),
      place,
      senior,
    ),
    fallback,
  };
}

function firstRoute(deciding: readonly Officer[], place: GrievancePlace, senior: boolean): GrievanceRoute {
  const worksByMandal = deciding.some((o) => o.mandal !== undefined);
  const inDistrict = place.district ? deciding.filter((o) => o.district === place.district) : [];
  const ofMandal = place.mandal ? inDistrict.filter((o) => o.mandal === place.mandal) : [];
  const districtLevel = inDistrict.filter((o) => o.mandal === undefined);
  const stateLevel = deciding.filter((o) => o.district === undefined);
  const routes: GrievanceRoute[] = [
    { officers: ofMandal, level: 'mandal', fallback: false },
    { officers: districtLevel, level: 'district', fallback: worksByMandal && place.mandal !== undefined },
    { officers: stateLevel, level: 'state', fallback: place.district !== undefined },
  ];
  const first = routes.find((route) => route.officers.length > 0) ?? { officers: [], level: 'none', fallback: true };
  if (!senior) return first;
  const seniors = (officers: Officer[]) => officers.filter((o) => SENIOR_ROLES.includes(o.role));
  const escalated = [seniors(inDistrict), seniors(stateLevel)].find((group) => group.length > 0);
  return escalated ? { ...first, officers: escalated } : first;
}
