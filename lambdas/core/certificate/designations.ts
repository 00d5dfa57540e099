import type { Officer } from '../officers.ts';

/** How a document names an officer's role, in English and Telugu. */
export const DESIGNATIONS: Readonly<Record<Officer['role'], { en: string; te: string }>> = {
  clerk: { en: 'Clerk', te: 'గుమాస్తా' },
  'section-officer': { en: 'Section Officer', te: 'సెక్షన్ అధికారి' },
  tahsildar: { en: 'Tahsildar', te: 'తహసీల్దార్' },
  'revenue-divisional-officer': { en: 'Revenue Divisional Officer', te: 'రెవెన్యూ డివిజనల్ అధికారి' },
  'district-collector': { en: 'District Collector', te: 'జిల్లా కలెక్టర్' },
  'head-of-department': { en: 'Head of Department', te: 'శాఖాధిపతి' },
};

/** The line a document prints when no officer decided: the state's household records confirmed every fact. */
export const ISSUED_ON_RECORDS = {
  en: 'Issued automatically on the household records',
  te: 'గృహ రికార్డుల ఆధారంగా స్వయంచాలకంగా జారీ చేయబడింది',
} as const;
