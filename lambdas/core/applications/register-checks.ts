import * as z from 'zod';
import type { Service } from '../catalog/schema.ts';
import { compareName, compareValue, type FactOutcome, verdictOf } from './fact-matching.ts';
import type { RecordCheck, RegisterName } from './record-check.ts';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');
const Text = z.string().trim().min(1).max(200);

/**
 * An entry of the birth or death register (the Civil Registration System), as the register answers it
 * (docs/department-systems.md). Names are in English, and in Telugu where the register holds them.
 */
const CivilRegistrationEntrySchema = z.strictObject({
  registrationNumber: Text,
  /** The child's, or the deceased's, name. */
  name: Text,
  nameTe: Text.optional(),
  /** The date of birth, or of death. */
  date: IsoDate,
  gender: z.enum(['female', 'male', 'other']).optional(),
  /** A district option id of the catalog, e.g. `guntur`. */
  district: Text,
  /** The village or town where the birth or death took place and was registered. */
  place: Text,
  placeTe: Text.optional(),
  /** The father's name (for a death: the father's or husband's, as the register records it). */
  fatherName: Text.optional(),
  fatherNameTe: Text.optional(),
  motherName: Text.optional(),
  motherNameTe: Text.optional(),
  registeredOn: IsoDate,
});
export type CivilRegistrationEntry = z.infer<typeof CivilRegistrationEntrySchema>;

/** A completed course in the skill development corporation's training records. */
const TrainingEntrySchema = z.strictObject({
  certificateNumber: Text,
  enrolmentNumber: Text,
  /** The trainee's name. */
  name: Text,
  nameTe: Text.optional(),
  course: z.strictObject({ en: Text, te: Text }),
  completedOn: IsoDate,
  district: Text.optional(),
});
export type TrainingEntry = z.infer<typeof TrainingEntrySchema>;

/** What a register search answers: the entries found, none when nothing matches the query. */
export const CivilRegistrationAnswerSchema = z.strictObject({
  entries: z.array(CivilRegistrationEntrySchema).max(200),
});
export const TrainingAnswerSchema = z.strictObject({ entries: z.array(TrainingEntrySchema).max(10) });

/**
 * What a register is searched by. A birth or death: its date and its place (the district, or the village or town as
 * typed), which a register indexes and which find a handful of entries; the names, parents and gender are then
 * compared here, so that the officer can be told which of them differ. A course: the enrolment or certificate number.
 */
export type RegisterQuery =
  | { register: 'births' | 'deaths'; query: { date: string; district?: string; village?: string } }
  | { register: 'training'; query: { number: string } };

type RegisterEntry = CivilRegistrationEntry | TrainingEntry;

interface RegisterFacts {
  register: RegisterName;
  /** The field naming the person the certificate is about: the entry is chosen by it. */
  person: string;
  query: (values: Record<string, string>) => RegisterQuery | undefined;
  /** How each field the register speaks to compares with an entry. */
  facts: Partial<Record<string, (declared: string, entry: RegisterEntry) => FactOutcome>>;
}

const civil = (entry: RegisterEntry) => entry as CivilRegistrationEntry;

function civilRegister(register: 'births' | 'deaths', person: string, dateField: string): RegisterFacts {
  return {
    register,
    person,
    query: (values) => {
      const date = values[dateField];
      const { district, village } = values;
      if (!date || (!district && !village)) return undefined;
      return { register, query: { date, ...(district ? { district } : {}), ...(village ? { village } : {}) } };
    },
    facts: {
      [person]: (d, e) => compareName(d, e.name, e.nameTe),
      [dateField]: (d, e) => compareValue(d, civil(e).date),
      gender: (d, e) => compareValue(d, civil(e).gender),
      'father-name': (d, e) => compareName(d, civil(e).fatherName, civil(e).fatherNameTe),
      district: (d, e) => compareValue(d, civil(e).district),
      village: (d, e) => compareName(d, civil(e).place, civil(e).placeTe),
    },
  };
}

/** Which register checks a certificate, by the document it issues (the catalog's `issues`). */
const REGISTER_OF_DOCUMENT: Partial<Record<string, RegisterFacts>> = {
  'birth-certificate': civilRegister('births', 'child-name', 'date-of-birth'),
  'death-certificate': civilRegister('deaths', 'deceased-name', 'event-date'),
  'training-certificate': {
    register: 'training',
    person: 'applicant-name',
    query: (values) => {
      const number = values['reference-number'];
      return number ? { register: 'training', query: { number } } : undefined;
    },
    facts: {
      'applicant-name': (d, e) => compareName(d, e.name, e.nameTe),
      'reference-number': (d, e) => {
        const { certificateNumber, enrolmentNumber } = e as TrainingEntry;
        return d === certificateNumber || d === enrolmentNumber ? 'match' : 'mismatch';
      },
    },
  },
};

/** The register that checks this certificate; undefined for a service no register speaks to. */
export function registerFor(service: Service): RegisterName | undefined {
  return service.kind === 'certificate' ? REGISTER_OF_DOCUMENT[service.document]?.register : undefined;
}

/**
 * The register search for this certificate, from the values the citizen declared; undefined when no register speaks
 * to it, or the values lack what the register is searched by (then nothing can confirm it).
 */
export function registerQuery(service: Service, values: Record<string, string>): RegisterQuery | undefined {
  return registerFor(service) ? REGISTER_OF_DOCUMENT[service.document]?.query(values) : undefined;
}

/**
 * Checks the declared values against the entries the register found. The entry is the one with the declared name
 * (the closest, if several have it); an entry of another name counts only when it is the only one the search found,
 * so that the officer learns the name differs. No such entry: not found. Verified only when every fact the
 * certificate states and the register holds matched, and the register holds them all.
 */
export function checkAgainstRegister(
  service: Service,
  values: Record<string, string>,
  register: RegisterName,
  entries: readonly RegisterEntry[] | undefined,
): RecordCheck {
  const notFound: RecordCheck = { verified: false, noRecord: true, mismatches: [], register };
  const checks = REGISTER_OF_DOCUMENT[service.document];
  if (!checks || !entries) return notFound;
  const judged = entries.map((entry) => {
    const outcomes = service.fields.flatMap((field) => {
      const compare = checks.facts[field.id];
      const declared = values[field.id];
      return compare && declared !== undefined ? [[field.id, compare(declared, entry)] as const] : [];
    });
    const named = outcomes.some(([id, outcome]) => id === checks.person && outcome === 'match');
    return { named, verdict: verdictOf(outcomes) };
  });
  const candidates = judged.filter((j) => j.named);
  const closest = (candidates.length > 0 ? candidates : judged.length === 1 ? judged : []).sort(
    (a, b) =>
      Number(b.verdict.verified) - Number(a.verdict.verified) ||
      a.verdict.mismatches.length - b.verdict.mismatches.length,
  )[0];
  return closest ? { ...closest.verdict, register } : notFound;
}
