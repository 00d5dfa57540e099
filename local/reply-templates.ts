import { grievanceTemplates } from './grievance-templates.ts';
import type { LocalTemplate } from './whatsapp/index.ts';

// Meta refuses a template whose body begins or ends with a variable: each body has fixed words at both ends.
const UPDATE = {
  en: 'Update from Mitra: {{1}} Reply here to continue.',
  te: 'మిత్ర నుండి సమాచారం: {{1}} కొనసాగించడానికి ఇక్కడ జవాబు ఇవ్వండి.',
};
const DECISION = {
  en: 'Update from Mitra: {{1}} Tap Approve or Reject.',
  te: 'మిత్ర నుండి సమాచారం: {{1}} ఆమోదించు లేదా తిరస్కరించు నొక్కండి.',
};

/**
 * The UTILITY templates the README asks an operator to create in WhatsApp Manager, declared to the local Graph API
 * so it refuses a template name or parameter count that Meta would refuse.
 */
export const LOCAL_TEMPLATES: LocalTemplate[] = (['en', 'te'] as const).flatMap((language) => [
  { name: 'mitra_update', language, category: 'UTILITY' as const, body: UPDATE[language] },
  {
    name: 'mitra_document',
    language,
    category: 'UTILITY' as const,
    body: UPDATE[language],
    header: language === 'te' ? 'పత్రం' : 'Document',
    headerFormat: 'document' as const,
  },
  {
    name: 'mitra_decision',
    language,
    category: 'UTILITY' as const,
    body: DECISION[language],
    quickReplies: language === 'te' ? ['ఆమోదించు', 'తిరస్కరించు'] : ['Approve', 'Reject'],
  },
  {
    name: 'mitra_alert',
    language,
    category: 'UTILITY' as const,
    body:
      language === 'te'
        ? 'హెచ్చరిక: {{1}}, {{2}} జిల్లా. {{3}} అన్ని హెచ్చరికలు ఆపడానికి "ఆపు" అని పంపండి.'
        : 'Alert: {{1}}, {{2}} district. {{3}} Reply STOP to end all alerts.',
  },
  {
    name: 'mitra_reminder',
    language,
    category: 'UTILITY' as const,
    body:
      language === 'te'
        ? 'మిత్ర నుండి గుర్తు: {{1}} ఈ సందేశాలు ఆపడానికి "ఆపు" అని పంపండి.'
        : 'Reminder from Mitra: {{1}} Reply STOP to stop these messages.',
  },
  ...grievanceTemplates(language),
]);
