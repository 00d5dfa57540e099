/**
 * An officer as the runtime registers it. The simulator is independent of the product's code, so it names the fields
 * it shows here rather than importing the product's type; they are passed on exactly as the runtime gives them.
 */
export interface SampleOfficer {
  waId: string;
  id: string;
  name: string;
  /** The catalog's department id. */
  department: string;
  district?: string | undefined;
  role: string;
}

/** GET /sim/api/officers: one officer, with the fields CONTRACT.md names and nothing else. */
export interface OfficerView {
  waId: string;
  id: string;
  name: string;
  department: string;
  district?: string;
  role: string;
}

/** Someone the simulator can chat as: a sample citizen or a sample officer. */
export type SamplePerson =
  | { kind: 'citizen'; waId: string; name: string; district?: string; aadhaar?: string }
  | { kind: 'officer'; waId: string; name: string; id: string; department: string; district?: string; role: string };

type Json = Record<string, unknown>;

export function officerView(officer: SampleOfficer): OfficerView {
  return {
    waId: officer.waId,
    id: officer.id,
    name: officer.name,
    department: officer.department,
    ...(officer.district !== undefined ? { district: officer.district } : {}),
    role: officer.role,
  };
}

const text = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value;
  const english = (value as Json | null | undefined)?.['en'];
  return typeof english === 'string' ? english : undefined;
};

/**
 * A sample citizen's WhatsApp id and profile name, read defensively: the runtime supplies its department records
 * as they are (mobile or phone, name as a string or as { en, te }). Ten-digit mobiles get India's country code.
 */
function citizenContact(citizen: unknown): Extract<SamplePerson, { kind: 'citizen' }> | undefined {
  if (typeof citizen !== 'object' || citizen === null) return undefined;
  const c = citizen as Json;
  const digits = String(c['mobile'] ?? c['phone'] ?? c['wa_id'] ?? '').replace(/\D/g, '');
  if (digits.length < 10) return undefined;
  const name = text(c['name']);
  const district = text(c['district']);
  const aadhaar = String(c['aadhaar'] ?? c['aadhaar_number'] ?? c['aadhaarNumber'] ?? '').replace(/\s/g, '');
  return {
    kind: 'citizen',
    waId: digits.length === 10 ? `91${digits}` : digits,
    name: name ?? 'Citizen',
    ...(district ? { district } : {}),
    ...(/^\d{12}$/.test(aadhaar) ? { aadhaar } : {}),
  };
}

/** Everyone the simulator can switch to: the sample citizens first, then the sample officers. */
export function samplePeople(citizens: readonly unknown[], officers: readonly SampleOfficer[]): SamplePerson[] {
  return [
    ...citizens.map(citizenContact).filter((person) => person !== undefined),
    ...officers.map((officer): SamplePerson => ({ kind: 'officer', ...officerView(officer) })),
  ];
}

/** The profile name WhatsApp would show for a sample person's number; undefined for anyone else. */
export function samplePersonName(people: readonly SamplePerson[], waId: string): string | undefined {
  return people.find((person) => person.waId === waId)?.name;
}
