/**
 * The temples Mitra books and takes donations for, with each temple's registration under section 80G of the
 * Income-tax Act, 1961 where it holds one: a donation to it then qualifies for the deduction, and its receipt says
 * so with the registration number (the Income Tax Department's 16-character unique registration number). A temple
 * without one gets a receipt that says the donation does not qualify.
 */
export const TEMPLES = {
  tirumala: { name: ['Tirumala (TTD)', 'తిరుమల (టీటీడీ)'], section80G: 'AAATT3439QF20214' },
  srisailam: { name: ['Srisailam', 'శ్రీశైలం'], section80G: 'AAATS6123KF20215' },
  'kanaka-durga': { name: ['Kanaka Durga, Vijayawada', 'కనకదుర్గ, విజయవాడ'], section80G: 'AAATK2871DF20216' },
  simhachalam: { name: ['Simhachalam', 'సింహాచలం'], section80G: 'AAATS9054MF20214' },
  annavaram: { name: ['Annavaram', 'అన్నవరం'] },
  srikalahasti: { name: ['Srikalahasti', 'శ్రీకాళహస్తి'], section80G: 'AAATS4410PF20215' },
  'dwaraka-tirumala': { name: ['Dwaraka Tirumala', 'ద్వారకా తిరుమల'] },
} as const satisfies Record<string, { name: readonly [string, string]; section80G?: string }>;

export type Temple = keyof typeof TEMPLES;

/** The temple's 80G registration number, or undefined when donations to it do not qualify (or it is no temple of ours). */
export function section80GOf(temple: string): string | undefined {
  if (!Object.hasOwn(TEMPLES, temple)) return undefined;
  const entry = TEMPLES[temple as Temple];
  return 'section80G' in entry ? entry.section80G : undefined;
}
