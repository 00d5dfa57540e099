import type { LocalTemplate } from './whatsapp/index.ts';

const STARS = ['1 ★', '2 ★★', '3 ★★★', '4 ★★★★', '5 ★★★★★'];

/**
 * The grievance templates the README asks an operator to create (`mitra_grievance_*`), as Meta would hold them: a
 * question to the citizen with Reply; the resolution with the rating and Reopen, with and without the officer's photo
 * as an image header; a grievance for an officer with Accept / Transfer; the citizen's answer with Ask citizen /
 * Resolve / Transfer. Each body starts and ends with fixed words, as Meta requires of a template.
 */
export function grievanceTemplates(language: 'en' | 'te'): LocalTemplate[] {
  const te = language === 'te';
  const resolved = te
    ? 'మీ ఫిర్యాదు {{1}} పరిష్కరించబడింది. అధికారి గమనిక: {{2}} ఎలా పరిష్కరించారు? 1 (బాగాలేదు) నుండి 5 (చాలా బాగుంది) వరకు నొక్కండి; పరిష్కారం కాకపోతే 7 రోజుల్లో "తిరిగి తెరువు" నొక్కండి.'
    : "Your grievance {{1}} has been resolved. The officer's note: {{2}} How was it handled? Tap 1 (poor) to 5 (very good), or Reopen within 7 days if it is not resolved.";
  const rating = [...STARS, te ? 'తిరిగి తెరువు' : 'Reopen'];
  const common = { language, category: 'UTILITY' as const };
  return [
    {
      ...common,
      name: 'mitra_grievance_question',
      body: te
        ? 'మీ ఫిర్యాదు {{1}} చూస్తున్న {{2}} అధికారి అడుగుతున్నారు: {{3}} సమాధానం ఇవ్వడానికి "జవాబివ్వు" నొక్కండి; మిత్ర దాన్ని అందజేస్తుంది, మీ ఇద్దరికీ ఒకరి నంబర్ మరొకరికి కనిపించదు.'
        : "The {{2}} officer handling your grievance {{1}} asks: {{3}} Tap Reply to answer; Mitra passes it on, and neither of you sees the other's number.",
      quickReplies: [te ? 'జవాబివ్వు' : 'Reply'],
    },
    { ...common, name: 'mitra_grievance_resolved', body: resolved, quickReplies: rating },
    {
      ...common,
      name: 'mitra_grievance_resolved_photo',
      body: resolved,
      header: te ? 'చేసిన పని ఫోటో' : 'Photo of the work done',
      headerFormat: 'image',
      quickReplies: rating,
    },
    {
      ...common,
      name: 'mitra_grievance_officer',
      body: te
        ? 'మీ వద్దకు ఒక ఫిర్యాదు వచ్చింది: {{1}} చేపట్టడానికి "స్వీకరించు", మరో శాఖకు పంపడానికి "బదిలీ" నొక్కండి.'
        : 'A grievance is in your hands: {{1}} Tap Accept to take it up, or Transfer it to another department.',
      quickReplies: te ? ['స్వీకరించు', 'బదిలీ'] : ['Accept', 'Transfer'],
    },
    {
      ...common,
      name: 'mitra_grievance_answer',
      body: te
        ? 'ఫిర్యాదు {{1}} పై పౌరుడు {{2}} సమాధానం: {{3}} మళ్ళీ అడగండి, పరిష్కరించండి, లేదా బదిలీ చేయండి.'
        : 'Citizen {{2}} answers on grievance {{1}}: {{3}} Ask again, resolve it, or transfer it.',
      quickReplies: te ? ['పౌరుడిని అడుగు', 'పరిష్కరించు', 'బదిలీ'] : ['Ask citizen', 'Resolve', 'Transfer'],
    },
  ];
}
