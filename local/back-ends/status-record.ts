/** A text in English and Telugu, as the status registers answer it. */
export interface LocalText {
  en: string;
  te: string;
}

export interface LocalFact {
  label: LocalText;
  value: LocalText;
  personName?: boolean;
}

/** A record as the status-register contract (docs/department-systems.md) returns it. */
interface LocalStatusRecord {
  title: LocalText;
  facts: LocalFact[];
  updatedAt?: string;
  extract?: boolean;
}

/**
 * One record of a register, found by `key` (the query's answers; `aadhaar` stands for the UID token the identity
 * service issues for that number, as the real registers hold no Aadhaar numbers).
 */
export interface RegisterEntry {
  service: string;
  key: Record<string, string>;
  record: LocalStatusRecord;
}

/** A fact whose value reads the same in both languages (numbers, codes, dates). */
export const fact = (en: string, te: string, value: string, valueTe = value): LocalFact => ({
  label: { en, te },
  value: { en: value, te: valueTe },
});

/** A fact whose value is a person's name: Mitra masks it. */
export const person = (en: string, te: string, name: string, nameTe: string): LocalFact => ({
  ...fact(en, te, name, nameTe),
  personName: true,
});

export const text = (en: string, te: string): LocalText => ({ en, te });

/** DD-MM-YYYY in India, `days` after `now`. */
export function istDay(now: Date, days = 0): string {
  const date = new Date(now.getTime() + 330 * 60_000 + days * 86_400_000).toISOString();
  return `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}`;
}

/** The latest 06:00 in India at or before `now`, when the daily bulletins are published. */
export function morningBulletin(now: Date): string {
  const ist = new Date(now.getTime() + 330 * 60_000);
  const six = Date.UTC(ist.getUTCFullYear(), ist.getUTCMonth(), ist.getUTCDate(), 6) - 330 * 60_000;
  return new Date(six <= now.getTime() ? six : six - 86_400_000).toISOString();
}
