import type { Language } from '../catalog/schema.ts';

/** Every user-facing string, in English and Telugu. Placeholders are `{name}`. */
export const strings = {
  greeting: {
    en: 'Namaste! I am Mitra, the Government of Andhra Pradesh on WhatsApp. Please choose your language.',
    te: 'నమస్తే! నేను మిత్ర, వాట్సాప్‌లో ఆంధ్రప్రదేశ్ ప్రభుత్వం. దయచేసి మీ భాష ఎంచుకోండి.',
  },
  languageEnglish: { en: 'English', te: 'English' },
  languageTelugu: { en: 'తెలుగు', te: 'తెలుగు' },
  mainMenu: {
    en: 'What would you like to do? Tap "Services" or type a number.',
    te: 'మీకు ఏ సేవ కావాలి? "సేవలు" నొక్కండి లేదా సంఖ్య టైప్ చేయండి.',
  },
  menuButton: { en: 'Services', te: 'సేవలు' },
  menuSection: { en: 'Certificates', te: 'ధృవపత్రాలు' },
  notUnderstood: {
    en: 'Sorry, I did not understand that. Please choose from the menu, or type "menu".',
    te: 'క్షమించండి, అర్థం కాలేదు. దయచేసి మెనూ నుండి ఎంచుకోండి, లేదా "menu" అని టైప్ చేయండి.',
  },
  textOnly: {
    en: 'Sorry, I can only read text messages and taps on the menu here. Type "menu" to see the services.',
    te: 'క్షమించండి, ఇక్కడ నేను టెక్స్ట్ సందేశాలు, మెనూ ఎంపికలు మాత్రమే చదవగలను. సేవల కోసం "menu" అని టైప్ చేయండి.',
  },
  invalidName: {
    en: 'Please type the name in letters only (2 to 100 characters).',
    te: 'దయచేసి పేరును అక్షరాలలో మాత్రమే టైప్ చేయండి (2 నుండి 100 అక్షరాలు).',
  },
  confirmSummary: {
    en: 'Please check your application:\nService: {service}\n{fields}\nFee: ₹{fee}\nTap Confirm to submit.',
    te: 'దయచేసి మీ దరఖాస్తును సరిచూసుకోండి:\nసేవ: {service}\n{fields}\nరుసుము: ₹{fee}\nసమర్పించడానికి నిర్ధారించు నొక్కండి.',
  },
  confirmButton: { en: 'Confirm', te: 'నిర్ధారించు' },
  cancelButton: { en: 'Cancel', te: 'రద్దు' },
  cancelled: { en: 'Cancelled. Nothing was submitted.', te: 'రద్దు చేయబడింది. ఏదీ సమర్పించబడలేదు.' },
  submitted: {
    en: 'Your application {applicationId} for {service} has been received. You will get it here within {sla} working day(s).',
    te: '{service} కోసం మీ దరఖాస్తు {applicationId} అందింది. {sla} పని దినం(ల)లో ఇక్కడే అందుతుంది.',
  },
  certificateIssued: {
    en: 'Your {service} is ready. Certificate number {certId}. Scan its QR code to verify it.',
    te: 'మీ {service} సిద్ధంగా ఉంది. సర్టిఫికెట్ సంఖ్య {certId}. ధృవీకరించడానికి QR కోడ్ స్కాన్ చేయండి.',
  },
  applicationFailed: {
    en: 'We could not complete your application {applicationId}. An officer has been told; please try again later.',
    te: 'మీ దరఖాస్తు {applicationId} పూర్తి చేయలేకపోయాము. అధికారికి తెలియజేశాము; దయచేసి తర్వాత మళ్లీ ప్రయత్నించండి.',
  },
} as const satisfies Record<string, Record<Language, string>>;

export type StringId = keyof typeof strings;

export function t(id: StringId, language: Language, values: Record<string, string | number> = {}): string {
  return strings[id][language].replace(/\{(\w+)\}/g, (match, key: string) =>
    key in values ? String(values[key]) : match,
  );
}
