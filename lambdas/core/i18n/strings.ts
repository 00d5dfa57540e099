import { bundleData } from '../bundle-data.ts';
import type { Language } from '../catalog/schema.ts';
import { alertStrings } from './alert-strings.ts';
import { billStrings } from './bill-strings.ts';
import { bookingStrings } from './booking-strings.ts';
import { grievanceStrings } from './grievance-strings.ts';
import { reminderStrings } from './reminder-strings.ts';

/**
 * The strings' literal, built in a call marked pure so that a function's bundle, which reads them from strings.json
 * instead (see `table`), leaves the literal out: a bundler keeps an unused object literal that spreads others. Every
 * string has both languages.
 */
const built = <const T extends Record<string, Record<Language, string>>>(make: () => T): T => make();

/**
 * Every user-facing string, in English and Telugu. Placeholders are `{name}`; a count is `{name|one|other}`, the form
 * for exactly 1 or the form for any other number, `#` standing for the number ("{sla|# working day|# working days}"). Button titles stay within 20 UTF-16
 * code units, list row titles within 24 and section titles within 24 (checked by tests).
 */
export const strings = /* @__PURE__ */ built(() => ({
  greeting: {
    en: 'Namaste! I am Mitra, the Government of Andhra Pradesh on WhatsApp. Please choose your language.',
    te: 'నమస్తే! నేను మిత్ర, వాట్సాప్‌లో ఆంధ్రప్రదేశ్ ప్రభుత్వం. దయచేసి మీ భాష ఎంచుకోండి.',
  },
  languageEnglish: { en: 'English', te: 'English' },
  languageTelugu: { en: 'తెలుగు', te: 'తెలుగు' },
  consentNotice: {
    en: 'Before we start: to provide government services, Mitra processes your WhatsApp number and the details you type (such as names, Aadhaar, addresses), only for the service you ask for, under the Digital Personal Data Protection Act, 2023. Aadhaar numbers are never stored in full. You can send STOP at any time to stop all messages.\n\nDo you agree?',
    te: 'ప్రారంభించే ముందు: ప్రభుత్వ సేవలు అందించడానికి, డిజిటల్ వ్యక్తిగత డేటా రక్షణ చట్టం, 2023 ప్రకారం, మిత్ర మీ వాట్సాప్ నంబర్‌ను, మీరు టైప్ చేసే వివరాలను (పేర్లు, ఆధార్, చిరునామాలు వంటివి) మీరు కోరిన సేవ కోసం మాత్రమే ఉపయోగిస్తుంది. ఆధార్ సంఖ్యను పూర్తిగా ఎప్పుడూ నిల్వ చేయము. ఎప్పుడైనా "ఆపు" అని పంపి సందేశాలు ఆపవచ్చు.\n\nమీరు అంగీకరిస్తారా?',
  },
  consentAccept: { en: 'I agree', te: 'అంగీకరిస్తున్నాను' },
  consentDecline: { en: 'No, thanks', te: 'వద్దు' },
  consentDeclined: {
    en: 'Understood. Without your consent Mitra cannot provide services, and nothing you typed has been kept. Send "Hi" whenever you change your mind.',
    te: 'సరే. మీ అంగీకారం లేకుండా మిత్ర సేవలు అందించలేదు; మీరు టైప్ చేసినది ఏదీ ఉంచలేదు. మనసు మార్చుకుంటే "నమస్తే" అని పంపండి.',
  },
  stopped: {
    en: 'You will get no more messages from Mitra. Send START to resume at any time.',
    te: 'మిత్ర నుండి ఇక సందేశాలు రావు. మళ్లీ ప్రారంభించడానికి ఎప్పుడైనా "ప్రారంభించు" అని పంపండి.',
  },
  resumed: { en: 'Welcome back!', te: 'తిరిగి స్వాగతం!' },
  mainMenu: {
    en: 'Choose a department: tap "Departments" or type its number. You can also type what you need (e.g. "income certificate"), "status" for your applications, "help", or "language".',
    te: 'శాఖను ఎంచుకోండి: "శాఖలు" నొక్కండి లేదా సంఖ్య టైప్ చేయండి. మీకు కావలసినది కూడా టైప్ చేయవచ్చు (ఉదా. "ఆదాయ"), దరఖాస్తుల కోసం "స్థితి", "సహాయం" లేదా "భాష".',
  },
  departmentsButton: { en: 'Departments', te: 'శాఖలు' },
  departmentsSection: { en: 'Departments', te: 'శాఖలు' },
  departmentsPage: { en: 'Departments, page {page} of {pages}', te: 'శాఖలు, పేజీ {page}/{pages}' },
  servicesIntro: {
    en: '{department}: choose a service. Tap "Services" or type its number; "menu" goes back.',
    te: '{department}: సేవను ఎంచుకోండి. "సేవలు" నొక్కండి లేదా సంఖ్య టైప్ చేయండి; వెనుకకు "మెనూ".',
  },
  servicesButton: { en: 'Services', te: 'సేవలు' },
  servicesSection: { en: 'Services', te: 'సేవలు' },
  moreRow: { en: 'More…', te: 'మరిన్ని…' },
  moreRowDescription: { en: 'Show the next page', te: 'తదుపరి పేజీ చూపండి' },
  previousRow: { en: 'Previous page', te: 'మునుపటి పేజీ' },
  previousRowDescription: { en: 'Show the page before', te: 'ముందరి పేజీ చూపండి' },
  searchResults: {
    en: 'Services that match "{query}". Tap "Services" or type a number:',
    te: '"{query}" కు సరిపోయే సేవలు. "సేవలు" నొక్కండి లేదా సంఖ్య టైప్ చేయండి:',
  },
  searchNothing: {
    en: 'Sorry, I found no service for "{query}". Try other words (e.g. "caste", "bus ticket", "ration card"), or type "menu" to see the departments.',
    te: 'క్షమించండి, "{query}" కు సేవ దొరకలేదు. వేరే పదాలు ప్రయత్నించండి (ఉదా. "కుల", "బస్ టికెట్", "రేషన్"), లేదా శాఖల కోసం "మెనూ" టైప్ చేయండి.',
  },
  understood: {
    en: 'You asked for: {service}.',
    te: 'మీరు అడిగినది: {service}.',
  },
  understoodWithAnswers: {
    en: 'You asked for: {service}. From your message:\n{answers}\nI will ask only for the rest; you can change any answer before you confirm.',
    te: 'మీరు అడిగినది: {service}. మీ సందేశం నుండి:\n{answers}\nమిగిలినవి మాత్రమే అడుగుతాను; నిర్ధారించే ముందు ఏ సమాధానమైనా మార్చవచ్చు.',
  },
  notUnderstood: {
    en: 'Sorry, I did not understand that. Please choose from the options shown, or type "menu".',
    te: 'క్షమించండి, అర్థం కాలేదు. చూపిన ఎంపికల నుండి ఎంచుకోండి, లేదా "మెనూ" అని టైప్ చేయండి.',
  },
  noSuchOption: {
    en: 'There is no option {number} here. Please type a number from 1 to {count}.',
    te: 'ఇక్కడ {number} వ ఎంపిక లేదు. దయచేసి 1 నుండి {count} వరకు సంఖ్య టైప్ చేయండి.',
  },
  staleMenu: {
    en: 'That was from an earlier message, so I have not acted on it. Here is where we are now:',
    te: 'అది పాత సందేశంలోనిది, కాబట్టి దానిపై చర్య తీసుకోలేదు. ఇప్పుడు మనం ఇక్కడ ఉన్నాం:',
  },
  heard: {
    en: 'I heard: "{transcript}". If that is not what you said, send the voice note again or type it.',
    te: 'నేను విన్నది: "{transcript}". మీరు చెప్పినది అది కాకపోతే, వాయిస్ నోట్ మళ్లీ పంపండి లేదా టైప్ చేయండి.',
  },
  voiceUnclear: {
    en: 'Sorry, I could not make out that voice note. Please send it again, speaking clearly, or type what you need.',
    te: 'క్షమించండి, ఆ వాయిస్ నోట్ అర్థం కాలేదు. స్పష్టంగా మాట్లాడి మళ్లీ పంపండి, లేదా మీకు కావలసినది టైప్ చేయండి.',
  },
  textOnly: {
    en: 'Sorry, I can only read text messages and taps on the menu here. Type "menu" to see the services.',
    te: 'క్షమించండి, ఇక్కడ నేను టెక్స్ట్ సందేశాలు, మెనూ ఎంపికలు మాత్రమే చదవగలను. సేవల కోసం "మెనూ" అని టైప్ చేయండి.',
  },
  scanChecking: {
    en: 'Thank you for the photo. Checking the certificate QR code in it…',
    te: 'ఫోటోకు ధన్యవాదాలు. అందులోని సర్టిఫికెట్ QR కోడ్‌ను తనిఖీ చేస్తున్నాం…',
  },
  scanValid: {
    en: '✅ Valid: {title}, issued to {holder} by {authority} ({department}) on {issueDate}. Certificate {certId}.',
    te: '✅ చెల్లుబాటు అవుతుంది: {title}, {holder} కు {authority} ({department}) {issueDate} న జారీ చేసింది. సర్టిఫికెట్ {certId}.',
  },
  scanRevoked: {
    en: '⛔ Revoked: {title}, issued to {holder} on {issueDate}, was revoked on {revokedDate}: {reason}. Do not accept it. Certificate {certId}.',
    te: '⛔ రద్దు చేయబడింది: {holder} కు {issueDate} న జారీ అయిన {title} {revokedDate} న రద్దు చేయబడింది: {reason}. దీన్ని అంగీకరించవద్దు. సర్టిఫికెట్ {certId}.',
  },
  scanInvalid: {
    en: '❌ Invalid: this QR code was not issued by the Government of Andhra Pradesh as shown, or it was altered. Do not accept the document.',
    te: '❌ చెల్లదు: ఈ QR కోడ్ ఆంధ్రప్రదేశ్ ప్రభుత్వం జారీ చేసినది కాదు, లేదా మార్చబడింది. ఈ పత్రాన్ని అంగీకరించవద్దు.',
  },
  scanNoQrCode: {
    en: 'Sorry, I could not find a QR code in that photo. Please send a clear, well-lit photo of the whole QR code on the certificate.',
    te: 'క్షమించండి, ఆ ఫోటోలో QR కోడ్ కనిపించలేదు. దయచేసి సర్టిఫికెట్‌పై ఉన్న QR కోడ్ మొత్తం స్పష్టంగా, వెలుతురులో ఫోటో తీసి పంపండి.',
  },
  scanUnreadable: {
    en: 'Sorry, I could not open that image. Please send the QR code as a photo (JPEG or PNG).',
    te: 'క్షమించండి, ఆ చిత్రాన్ని తెరవలేకపోయాను. దయచేసి QR కోడ్‌ను ఫోటోగా (JPEG లేదా PNG) పంపండి.',
  },
  scanNotCertificate: {
    en: 'That QR code is not a Mitra certificate, so I cannot vouch for it.',
    te: 'ఆ QR కోడ్ మిత్ర సర్టిఫికెట్‌ది కాదు, కాబట్టి దాన్ని ధృవీకరించలేను.',
  },
  revokeStarted: {
    en: 'Revoking certificate {certId}…',
    te: 'సర్టిఫికెట్ {certId} ను ఉపసంహరిస్తున్నాం…',
  },
  revokeNeedsReason: {
    en: 'To revoke, type "revoke", the certificate id and the reason (3 to 200 characters), e.g. "revoke <id> issued on a forged statement".',
    te: 'ఉపసంహరించడానికి "ఉపసంహరించు", సర్టిఫికెట్ ఐడి, కారణం (3 నుండి 200 అక్షరాలు) టైప్ చేయండి, ఉదా. "ఉపసంహరించు <id> నకిలీ పత్రంతో జారీ అయింది".',
  },
  revokeDone: {
    en: 'Certificate {certId} is revoked as of {revokedAt}: {reason}. The verify page now says so, and the revocation is entry {logIndex} of the public log.',
    te: 'సర్టిఫికెట్ {certId} {revokedAt} నుండి ఉపసంహరించబడింది: {reason}. ధృవీకరణ పేజీ ఇప్పుడు అదే చూపుతుంది; ఇది పబ్లిక్ లాగ్‌లో {logIndex} వ నమోదు.',
  },
  revokeAlready: {
    en: 'Certificate {certId} was already revoked on {revokedAt}: {reason}.',
    te: 'సర్టిఫికెట్ {certId} ఇప్పటికే {revokedAt} న ఉపసంహరించబడింది: {reason}.',
  },
  revokeUnknown: {
    en: 'No certificate {certId} was issued. Please check the id on the certificate.',
    te: 'సర్టిఫికెట్ {certId} జారీ కాలేదు. దయచేసి సర్టిఫికెట్‌పై ఉన్న ఐడిని తనిఖీ చేయండి.',
  },
  revokeNotAllowed: {
    en: 'You cannot revoke certificate {certId}: only a tahsildar, revenue divisional officer or district collector of the {department} can.',
    te: 'మీరు సర్టిఫికెట్ {certId} ను ఉపసంహరించలేరు: {department} యొక్క తహసీల్దార్, రెవెన్యూ డివిజనల్ అధికారి లేదా జిల్లా కలెక్టర్ మాత్రమే చేయగలరు.',
  },
  help: {
    en: 'Mitra gives you Andhra Pradesh government services on WhatsApp.\n• "menu": the departments\n• type what you need, e.g. "income certificate" or "bus ticket"\n• "status": your applications\n• "language": English or Telugu\n• "alerts": weather, power, water, scheme and health alerts for your district\n• "my bills": what is due on the bills you saved, one tap to pay\n• in a form: "back" for the previous question, "cancel" to stop\n• "STOP": no more messages',
    te: 'మిత్ర వాట్సాప్‌లో ఆంధ్రప్రదేశ్ ప్రభుత్వ సేవలు అందిస్తుంది.\n• "మెనూ": శాఖలు\n• కావలసినది టైప్ చేయండి, ఉదా. "ఆదాయ" లేదా "బస్ టికెట్"\n• "స్థితి": మీ దరఖాస్తులు\n• "భాష": ఇంగ్లీష్ లేదా తెలుగు\n• "హెచ్చరికలు": మీ జిల్లాకు వాతావరణ, విద్యుత్, నీరు, పథకాలు, ఆరోగ్య హెచ్చరికలు\n• "నా బిల్లులు": మీరు ఉంచిన బిల్లులపై బాకీ, ఒక్క నొక్కుతో చెల్లింపు\n• ఫారంలో: మునుపటి ప్రశ్నకు "వెనుకకు", ఆపడానికి "రద్దు"\n• "ఆపు": ఇక సందేశాలు వద్దు',
  },
  sessionExpired: {
    en: 'We stopped where we were after {minutes|# minute|# minutes} without a reply, and nothing was submitted. Let us start again.',
    te: '{minutes|# నిమిషం|# నిమిషాలు} స్పందన లేనందున ఆపేశాము, ఏదీ సమర్పించలేదు. మళ్లీ ప్రారంభిద్దాం.',
  },
  formIntro: {
    en: '{service}: {count|# question|# questions}. Type "back" for the previous one, "cancel" to stop.',
    te: '{service}: {count|# ప్రశ్న|# ప్రశ్నలు}. మునుపటిదానికి "వెనుకకు", ఆపడానికి "రద్దు" టైప్ చేయండి.',
  },
  choiceButton: { en: 'Choose', te: 'ఎంచుకోండి' },
  choiceSection: { en: 'Options', te: 'ఎంపికలు' },
  invalidName: {
    en: 'Please type the name in letters only (2 to 100 characters).',
    te: 'దయచేసి పేరును అక్షరాలలో మాత్రమే టైప్ చేయండి (2 నుండి 100 అక్షరాలు).',
  },
  invalidText: {
    en: 'Please type between {min} and {max} characters.',
    te: 'దయచేసి {min} నుండి {max} అక్షరాల మధ్య టైప్ చేయండి.',
  },
  invalidAadhaar: {
    en: 'That is not a valid Aadhaar number. Please type the 12 digits exactly as on the Aadhaar card.',
    te: 'అది సరైన ఆధార్ సంఖ్య కాదు. ఆధార్ కార్డుపై ఉన్న 12 అంకెలను సరిగ్గా టైప్ చేయండి.',
  },
  invalidMobile: {
    en: 'Please type a 10-digit mobile number starting with 6, 7, 8 or 9.',
    te: 'దయచేసి 6, 7, 8 లేదా 9 తో మొదలయ్యే 10 అంకెల మొబైల్ నంబర్ టైప్ చేయండి.',
  },
  invalidPincode: {
    en: 'Please type a 6-digit PIN code, e.g. 522001.',
    te: 'దయచేసి 6 అంకెల పిన్ కోడ్ టైప్ చేయండి, ఉదా. 522001.',
  },
  invalidDate: {
    en: 'Please type a real date as DD-MM-YYYY, e.g. 15-08-1990.',
    te: 'దయచేసి సరైన తేదీని DD-MM-YYYY గా టైప్ చేయండి, ఉదా. 15-08-1990.',
  },
  invalidDatePast: {
    en: 'That date must be today or earlier. Please type it as DD-MM-YYYY.',
    te: 'ఆ తేదీ ఈ రోజు లేదా అంతకు ముందుది కావాలి. DD-MM-YYYY గా టైప్ చేయండి.',
  },
  invalidDateFuture: {
    en: 'That date must be between today and a year from now. Please type it as DD-MM-YYYY.',
    te: 'ఆ తేదీ ఈ రోజు నుండి ఒక సంవత్సరం లోపు ఉండాలి. DD-MM-YYYY గా టైప్ చేయండి.',
  },
  invalidChoice: {
    en: 'Please choose one of the options: tap "Choose" or type its number.',
    te: 'దయచేసి ఎంపికలలో ఒకటి ఎంచుకోండి: "ఎంచుకోండి" నొక్కండి లేదా సంఖ్య టైప్ చేయండి.',
  },
  invalidDigits: {
    en: 'Please type only digits, {min} to {max} of them.',
    te: 'దయచేసి {min} నుండి {max} అంకెలు మాత్రమే టైప్ చేయండి.',
  },
  invalidPeriodOrder: {
    en: 'The period must end in or after the year it starts: {from} to {to} is not a period. Please type the year again.',
    te: 'కాలం ప్రారంభ సంవత్సరంలో లేదా ఆ తర్వాత ముగియాలి: {from} నుండి {to} సరైన కాలం కాదు. సంవత్సరాన్ని మళ్ళీ టైప్ చేయండి.',
  },
  invalidPeriodFuture: {
    en: 'The period cannot run past this year ({year}). Please type the year again.',
    te: 'కాలం ఈ సంవత్సరం ({year}) దాటి ఉండకూడదు. సంవత్సరాన్ని మళ్ళీ టైప్ చేయండి.',
  },
  invalidPeriodLength: {
    en: 'A search covers at most {years} years: {from} to {to} is longer. Please type the year again.',
    te: 'ఒక శోధన గరిష్ఠంగా {years} సంవత్సరాలు: {from} నుండి {to} అంతకంటే ఎక్కువ. సంవత్సరాన్ని మళ్ళీ టైప్ చేయండి.',
  },
  invalidDigitsExact: {
    en: 'Please type exactly {min|# digit|# digits}.',
    te: 'దయచేసి సరిగ్గా {min|# అంకె|# అంకెలు} టైప్ చేయండి.',
  },
  invalidAmount: {
    en: 'Please type an amount in whole rupees, from {min} to {max}.',
    te: 'దయచేసి {min} నుండి {max} వరకు పూర్తి రూపాయలలో మొత్తం టైప్ చేయండి.',
  },
  summary: {
    en: 'Please check your application:\nService: {service}\n{fields}\n\nConfirm to submit, Edit to change an answer.',
    te: 'దయచేసి మీ దరఖాస్తును సరిచూసుకోండి:\nసేవ: {service}\n{fields}\n\nసమర్పించడానికి నిర్ధారించు, మార్చడానికి సవరించు.',
  },
  summaryFee: { en: 'Fee: {fee}', te: 'రుసుము: {fee}' },
  confirmButton: { en: 'Confirm', te: 'నిర్ధారించు' },
  editButton: { en: 'Edit', te: 'సవరించు' },
  cancelButton: { en: 'Cancel', te: 'రద్దు' },
  editWhich: { en: 'Which answer do you want to change?', te: 'ఏ సమాధానం మార్చాలనుకుంటున్నారు?' },
  editButtonList: { en: 'Answers', te: 'సమాధానాలు' },
  cancelled: {
    en: 'Cancelled. Nothing was submitted. Type "menu" for the departments.',
    te: 'రద్దు చేయబడింది. ఏదీ సమర్పించలేదు. శాఖల కోసం "మెనూ" టైప్ చేయండి.',
  },
  submitted: {
    en: 'Submitted. Your application number is {applicationId} ({service}).\n{next}\nService level: within {sla|# working day|# working days}. Type "status" at any time to see it.',
    te: 'సమర్పించబడింది. మీ దరఖాస్తు సంఖ్య {applicationId} ({service}).\n{next}\nసేవా గడువు: {sla|# పని దినంలో|# పని దినాలలో}. ఎప్పుడైనా చూడటానికి "స్థితి" టైప్ చేయండి.',
  },
  nextFee: {
    en: 'First pay the fee of {fee} through the payment link we send you next.',
    te: 'ముందుగా తర్వాత పంపే చెల్లింపు లింక్ ద్వారా {fee} రుసుము చెల్లించండి.',
  },
  nextInstantIfRecords: {
    en: 'If the household records confirm your details, your document arrives here in a few minutes; if not, the {authority} decides by {due}.',
    te: 'కుటుంబ రికార్డులు మీ వివరాలను ధృవీకరిస్తే, మీ పత్రం కొన్ని నిమిషాల్లో ఇక్కడే అందుతుంది; లేకపోతే {authority} {due} లోగా నిర్ణయిస్తారు.',
  },
  nextInstant: {
    en: 'Your document is being prepared and will arrive here in a few minutes.',
    te: 'మీ పత్రం సిద్ధమవుతోంది, కొన్ని నిమిషాల్లో ఇక్కడే అందుతుంది.',
  },
  nextOfficerDecides: {
    en: 'The {authority} will decide by {due}; you will hear from us here.',
    te: '{authority} {due} లోగా నిర్ణయిస్తారు; ఇక్కడే మీకు తెలియజేస్తాము.',
  },
  nextOfficerResolves: {
    en: 'Your grievance goes to the {authority}, who will act on it by {due}; you will hear from us here.',
    te: 'మీ ఫిర్యాదు {authority} కు చేరుతుంది, వారు {due} లోగా చర్య తీసుకుంటారు; ఇక్కడే మీకు తెలియజేస్తాము.',
  },
  nextOfficerConfirms: {
    en: 'The {authority} will confirm it by {due}, and the confirmation comes here.',
    te: '{authority} {due} లోగా దీన్ని నిర్ధారిస్తారు; నిర్ధారణ ఇక్కడే అందుతుంది.',
  },
  identityNeeded: {
    en: 'To protect your information, please confirm who you are with Aadhaar OTP. Type your 12-digit Aadhaar number.',
    te: 'మీ సమాచార రక్షణ కోసం, ఆధార్ ఓటీపీతో మీ గుర్తింపు నిర్ధారించండి. మీ 12 అంకెల ఆధార్ సంఖ్య టైప్ చేయండి.',
  },
  otpSent: {
    en: 'We sent a one-time password (OTP) to the mobile number linked with Aadhaar {aadhaar}. Please type the 6-digit OTP.',
    te: 'ఆధార్ {aadhaar} కు అనుసంధానమైన మొబైల్‌కు ఓటీపీ పంపాము. దయచేసి 6 అంకెల ఓటీపీ టైప్ చేయండి.',
  },
  otpInvalidFormat: { en: 'Please type the 6-digit OTP.', te: 'దయచేసి 6 అంకెల ఓటీపీ టైప్ చేయండి.' },
  otpWrong: {
    en: 'That OTP is not correct. {left|# attempt|# attempts} left; please type it again.',
    te: 'ఆ ఓటీపీ సరైనది కాదు. ఇంకా {left|# ప్రయత్నం ఉంది|# ప్రయత్నాలు ఉన్నాయి}; మళ్లీ టైప్ చేయండి.',
  },
  otpLocked: {
    en: 'Too many wrong OTPs. For your safety, identity checks are paused until {until} (IST). Type "menu" for the departments.',
    te: 'చాలా తప్పు ఓటీపీలు. మీ భద్రత కోసం, {until} (IST) వరకు గుర్తింపు తనిఖీ నిలిపివేయబడింది. శాఖల కోసం "మెనూ" టైప్ చేయండి.',
  },
  identityUnavailable: {
    en: 'The Aadhaar identity service is not reachable right now. Please try again in a few minutes.',
    te: 'ఆధార్ గుర్తింపు సేవ ప్రస్తుతం అందుబాటులో లేదు. కొన్ని నిమిషాల తర్వాత మళ్లీ ప్రయత్నించండి.',
  },
  identityVerified: { en: 'Thank you, your identity is confirmed.', te: 'ధన్యవాదాలు, మీ గుర్తింపు నిర్ధారించబడింది.' },
  statusNone: {
    en: 'You have no applications yet. Type "menu" to apply for a service.',
    te: 'మీకు ఇంకా దరఖాస్తులు లేవు. సేవ కోసం "మెనూ" టైప్ చేయండి.',
  },
  statusList: { en: 'Your applications:\n{list}', te: 'మీ దరఖాస్తులు:\n{list}' },
  statusLine: {
    en: '• {applicationId}: {service}, {state} (submitted {submitted}, due by {due})',
    te: '• {applicationId}: {service}, {state} (సమర్పణ {submitted}, గడువు {due})',
  },
  stateReceived: { en: 'received, waiting for the department', te: 'స్వీకరించబడింది, శాఖ కోసం వేచి ఉంది' },
  stateProcessing: { en: 'being processed', te: 'ప్రాసెస్ అవుతోంది' },
  stateIssued: { en: 'issued', te: 'జారీ చేయబడింది' },
  stateFailed: { en: 'could not be completed', te: 'పూర్తి కాలేదు' },
  stateRejected: { en: 'rejected', te: 'తిరస్కరించబడింది' },
  stateUnknown: { en: 'in progress', te: 'పురోగతిలో ఉంది' },
  // Payments
  paymentRequested: {
    en: 'Your application {applicationId} ({service}) has a fee of {amount}. Pay it within 48 hours by UPI, card or net banking at this link: {url}',
    te: 'మీ దరఖాస్తు {applicationId} ({service}) కు రుసుము {amount}. 48 గంటల్లోగా ఈ లింక్ ద్వారా UPI, కార్డు లేదా నెట్ బ్యాంకింగ్‌తో చెల్లించండి: {url}',
  },
  paymentInChat: {
    en: 'Your application {applicationId} ({service}) has a fee of {amount}. Tap *Review and pay* to pay it here in WhatsApp by UPI, card or net banking within 48 hours.',
    te: 'మీ దరఖాస్తు {applicationId} ({service}) కు రుసుము {amount}. 48 గంటల్లోగా ఇక్కడే WhatsApp లో UPI, కార్డు లేదా నెట్ బ్యాంకింగ్‌తో చెల్లించడానికి *సమీక్షించి చెల్లించండి* నొక్కండి.',
  },
  paymentReceived: {
    en: 'We received your payment of {amount} for application {applicationId}. We will tell you when it moves on.',
    te: 'దరఖాస్తు {applicationId} కోసం మీ చెల్లింపు {amount} అందింది. తదుపరి దశ గురించి మీకు తెలియజేస్తాము.',
  },
  paymentFailed: {
    en: 'Your payment for application {applicationId} did not go through. You can try again with the same link: {url}',
    te: 'దరఖాస్తు {applicationId} కోసం మీ చెల్లింపు పూర్తి కాలేదు. అదే లింక్‌తో మళ్లీ ప్రయత్నించవచ్చు: {url}',
  },
  paymentFailedInChat: {
    en: 'Your payment for application {applicationId} did not go through. You can try again: tap *Review and pay* in the order above, or pay at this link: {url}',
    te: 'దరఖాస్తు {applicationId} కోసం మీ చెల్లింపు పూర్తి కాలేదు. మళ్లీ ప్రయత్నించవచ్చు: పై ఆర్డర్‌లో *సమీక్షించి చెల్లించండి* నొక్కండి, లేదా ఈ లింక్‌తో చెల్లించండి: {url}',
  },
  paymentExpired: {
    en: 'The fee for application {applicationId} was not paid within 48 hours, so the application is closed. You can apply again at any time.',
    te: 'దరఖాస్తు {applicationId} రుసుము 48 గంటల్లో చెల్లించనందున దరఖాస్తు మూసివేయబడింది. మీరు ఎప్పుడైనా మళ్లీ దరఖాస్తు చేయవచ్చు.',
  },
  stateAwaitingPayment: { en: 'waiting for the fee to be paid', te: 'రుసుము చెల్లింపు కోసం వేచి ఉంది' },
  statePaid: { en: 'fee paid', te: 'రుసుము చెల్లించబడింది' },
  statePaymentExpired: { en: 'closed, fee not paid', te: 'రుసుము చెల్లించనందున మూసివేయబడింది' },
  documentRevoked: {
    en: 'Your {service} (application {applicationId}, document {certId}) has been revoked and is no longer valid. Reason: {reason}\nYou may apply again if you need a new one.',
    te: 'మీ {service} (దరఖాస్తు {applicationId}, పత్రం {certId}) రద్దు చేయబడింది, ఇక చెల్లదు. కారణం: {reason}\nకొత్తది కావాలంటే మళ్లీ దరఖాస్తు చేయవచ్చు.',
  },
  grievanceResolved: {
    en: 'Your grievance {applicationId} ({service}) has been resolved by the {authority}. Their signed acknowledgement, number {certId}, is attached; scan its QR code to verify it.',
    te: 'మీ ఫిర్యాదు {applicationId} ({service}) ను {authority} పరిష్కరించారు. వారి సంతకం చేసిన రసీదు, సంఖ్య {certId}, జత చేశాము; ధృవీకరించడానికి QR కోడ్ స్కాన్ చేయండి.',
  },
  requestConfirmed: {
    en: 'Your {service} ({applicationId}) is confirmed by the {authority}. Document number {certId}; scan its QR code to verify it.',
    te: 'మీ {service} ({applicationId}) ను {authority} నిర్ధారించారు. పత్రం సంఖ్య {certId}; ధృవీకరించడానికి QR కోడ్ స్కాన్ చేయండి.',
  },
  documentIssued: {
    en: 'Your {service} is ready (application {applicationId}). Document number {certId}. Scan its QR code to verify it.',
    te: 'మీ {service} సిద్ధంగా ఉంది (దరఖాస్తు {applicationId}). పత్రం సంఖ్య {certId}. ధృవీకరించడానికి QR కోడ్ స్కాన్ చేయండి.',
  },
  applicationFailed: {
    en: 'We could not complete your application {applicationId}. An officer has been told; please try again later.',
    te: 'మీ దరఖాస్తు {applicationId} పూర్తి చేయలేకపోయాము. అధికారికి తెలియజేశాము; దయచేసి తర్వాత మళ్లీ ప్రయత్నించండి.',
  },
  // Officer approval
  stateAwaitingApproval: { en: 'with the officer for a decision', te: 'నిర్ణయం కోసం అధికారి వద్ద ఉంది' },
  approvalRequested: {
    en: 'Your application {applicationId} ({service}) is now with the {authority} for a decision, due by {due}.',
    te: 'మీ దరఖాస్తు {applicationId} ({service}) ఇప్పుడు నిర్ణయం కోసం {authority} వద్ద ఉంది; గడువు {due}.',
  },
  approvalRecordsUnconfirmed: {
    en: "The department's records could not confirm every detail of your application {applicationId} ({service}), so the {authority} will check it; a decision is due by {due}.",
    te: 'మీ దరఖాస్తు {applicationId} ({service}) లోని ప్రతి వివరాన్నీ శాఖ రికార్డులు నిర్ధారించలేకపోయాయి, కాబట్టి {authority} పరిశీలిస్తారు; నిర్ణయం గడువు {due}.',
  },
  recordsNoRecord: {
    en: 'Records check: no household record was found for this applicant.',
    te: 'రికార్డుల తనిఖీ: ఈ దరఖాస్తుదారుకు కుటుంబ రికార్డు దొరకలేదు.',
  },
  recordsMismatch: {
    en: 'Records check: the household records differ on: {fields}.',
    te: 'రికార్డుల తనిఖీ: కుటుంబ రికార్డులు వీటిలో భిన్నంగా ఉన్నాయి: {fields}.',
  },
  recordsIncomplete: {
    en: 'Records check: the household records do not hold all of these details.',
    te: 'రికార్డుల తనిఖీ: ఈ వివరాలన్నీ కుటుంబ రికార్డుల్లో లేవు.',
  },
  registerNoEntry: {
    en: 'Records check: the {register} holds no entry with these details.',
    te: 'రికార్డుల తనిఖీ: ఈ వివరాలతో {register}లో ఏ నమోదూ లేదు.',
  },
  registerMismatch: {
    en: 'Records check: the {register} differs on: {fields}.',
    te: 'రికార్డుల తనిఖీ: {register}లో వీటి వివరాలు భిన్నంగా ఉన్నాయి: {fields}.',
  },
  registerIncomplete: {
    en: 'Records check: the {register} does not hold all of these details.',
    te: 'రికార్డుల తనిఖీ: ఈ వివరాలన్నీ {register}లో లేవు.',
  },
  registerBirths: { en: 'birth register', te: 'జనన రిజిస్టర్' },
  registerDeaths: { en: 'death register', te: 'మరణ రిజిస్టర్' },
  registerTraining: { en: 'training register', te: 'నైపుణ్య శిక్షణ రిజిస్టర్' },
  approvalEscalated: {
    en: 'Your application {applicationId} was not decided by {due}. It has been escalated to a senior officer; we are sorry for the delay.',
    te: 'మీ దరఖాస్తు {applicationId} పై {due} లోగా నిర్ణయం రాలేదు. దీన్ని ఉన్నతాధికారికి పంపాము; ఆలస్యానికి క్షమించండి.',
  },
  officerAskDecide: {
    en: 'Application {applicationId} needs your decision.',
    te: 'దరఖాస్తు {applicationId} పై మీ నిర్ణయం కావాలి.',
  },
  officerAskResolve: {
    en: 'Grievance {applicationId} needs your action: resolve it, or reject it with a reason.',
    te: 'ఫిర్యాదు {applicationId} పై మీ చర్య కావాలి: పరిష్కరించండి, లేదా కారణంతో తిరస్కరించండి.',
  },
  officerAskConfirm: {
    en: 'Request {applicationId} needs your confirmation.',
    te: 'అభ్యర్థన {applicationId} కు మీ నిర్ధారణ కావాలి.',
  },
  resolvedButton: { en: 'Resolved', te: 'పరిష్కరించాం' },
  grievanceWithOfficer: {
    en: 'Your grievance {applicationId} ({service}) is now with the {authority}, who will act on it by {due}.',
    te: 'మీ ఫిర్యాదు {applicationId} ({service}) ఇప్పుడు {authority} వద్ద ఉంది; వారు {due} లోగా చర్య తీసుకుంటారు.',
  },
  confirmationRequested: {
    en: 'Your request {applicationId} ({service}) is now with the {authority} for confirmation, due by {due}.',
    te: 'మీ అభ్యర్థన {applicationId} ({service}) ఇప్పుడు నిర్ధారణ కోసం {authority} వద్ద ఉంది; గడువు {due}.',
  },
  officerApprovalRequest: {
    en: '{heading}\nService: {service}\nSubmitted {submitted}, due by {due}.\n{details}',
    te: '{heading}\nసేవ: {service}\nసమర్పణ {submitted}, గడువు {due}.\n{details}',
  },
  officerEscalatedRequest: {
    en: 'Escalated: application {applicationId} was not decided by {due}.\nService: {service}\nSubmitted {submitted}.\n{details}',
    te: 'ఉన్నత స్థాయికి: దరఖాస్తు {applicationId} పై {due} లోగా నిర్ణయం రాలేదు.\nసేవ: {service}\nసమర్పణ {submitted}.\n{details}',
  },
  /**
   * How to decide, after an officer's notice in the chat. The approved decision template has its own ("Tap Approve or
   * Reject.") and its quick replies, so a notice sent as the template leaves this out.
   */
  officerDecisionHow: {
    en: 'Tap {approve} or Reject, or type "approve {applicationId}" or "reject {applicationId} <reason>". Type "pending" for all that wait.',
    te: '{approve} లేదా తిరస్కరించు నొక్కండి, లేదా "ఆమోదించు {applicationId}" లేదా "తిరస్కరించు {applicationId} <కారణం>" అని టైప్ చేయండి. వేచి ఉన్నవన్నీ చూడటానికి "పెండింగ్" అని టైప్ చేయండి.',
  },
  officerEscalatedHow: {
    en: 'Tap {approve} or Reject, or type "approve {applicationId}" or "reject {applicationId} <reason>".',
    te: '{approve} లేదా తిరస్కరించు నొక్కండి, లేదా "ఆమోదించు {applicationId}" లేదా "తిరస్కరించు {applicationId} <కారణం>" అని టైప్ చేయండి.',
  },
  approveButton: { en: 'Approve', te: 'ఆమోదించు' },
  worklist: {
    en: '{department}: {total|# application waits|# applications wait} for a decision; the {shown} due soonest:\n{list}\n\nTap one to see it and decide.',
    te: '{department}: {total|# దరఖాస్తు నిర్ణయం కోసం వేచి ఉంది|# దరఖాస్తులు నిర్ణయం కోసం వేచి ఉన్నాయి}; ముందుగా గడువు ఉన్న {shown}:\n{list}\n\nచూసి నిర్ణయించడానికి ఒకదాన్ని నొక్కండి.',
  },
  worklistEmpty: {
    en: '{department}: no application is waiting for a decision.',
    te: '{department}: నిర్ణయం కోసం ఏ దరఖాస్తూ వేచి లేదు.',
  },
  worklistButton: { en: 'Applications', te: 'దరఖాస్తులు' },
  worklistSection: { en: 'Waiting for you', te: 'మీ కోసం వేచి ఉన్నవి' },
  worklistRow: { en: '{service}, due {due}', te: '{service}, గడువు {due}' },
  rejectButton: { en: 'Reject', te: 'తిరస్కరించు' },
  decisionAskReason: {
    en: 'Why is application {applicationId} rejected? Type the reason the citizen will read, or "cancel".',
    te: 'దరఖాస్తు {applicationId} ఎందుకు తిరస్కరిస్తున్నారు? పౌరుడు చదివే కారణాన్ని టైప్ చేయండి, లేదా "రద్దు".',
  },
  decisionNeedsReason: {
    en: 'To reject, give the reason (at least 3 characters): reject {applicationId} <reason>',
    te: 'తిరస్కరించడానికి కారణం ఇవ్వండి (కనీసం 3 అక్షరాలు): తిరస్కరించు {applicationId} <కారణం>',
  },
  decisionCancelled: {
    en: 'Nothing was recorded for {applicationId}.',
    te: '{applicationId} కోసం ఏదీ నమోదు చేయలేదు.',
  },
  decisionStarted: {
    en: 'Recording your decision on {applicationId}…',
    te: '{applicationId} పై మీ నిర్ణయాన్ని నమోదు చేస్తున్నాము…',
  },
  decisionApproved: {
    en: 'Approved: application {applicationId}. Its signed document is being issued to the citizen.',
    te: 'ఆమోదించబడింది: దరఖాస్తు {applicationId}. పౌరుడికి సంతకం చేసిన పత్రం జారీ అవుతోంది.',
  },
  decisionRejected: {
    en: 'Rejected: application {applicationId}. The citizen will be told your reason.',
    te: 'తిరస్కరించబడింది: దరఖాస్తు {applicationId}. మీ కారణాన్ని పౌరుడికి తెలియజేస్తాము.',
  },
  decisionNotWaiting: {
    en: 'Application {applicationId} is not waiting for a decision: it may already have been decided, or the id is mistyped.',
    te: 'దరఖాస్తు {applicationId} నిర్ణయం కోసం వేచి లేదు: ఇప్పటికే నిర్ణయం జరిగి ఉండవచ్చు, లేదా సంఖ్య తప్పుగా ఉండవచ్చు.',
  },
  decisionNotAllowed: {
    en: 'You cannot decide application {applicationId}: only deciding officers of {department} can.',
    te: 'దరఖాస్తు {applicationId} పై మీరు నిర్ణయించలేరు: {department} నిర్ణయాధికారులు మాత్రమే నిర్ణయించగలరు.',
  },
  decisionOwnApplication: {
    en: 'You cannot decide application {applicationId}: it is your own. Another officer decides it.',
    te: 'దరఖాస్తు {applicationId} మీ స్వంతది, కాబట్టి మీరు నిర్ణయించలేరు. మరొక అధికారి నిర్ణయిస్తారు.',
  },
  grievanceOwn: {
    en: 'You cannot act on grievance {applicationId}: you filed it. Another officer handles it.',
    te: 'ఫిర్యాదు {applicationId} మీరే నమోదు చేశారు, కాబట్టి దానిపై మీరు చర్య తీసుకోలేరు. మరొక అధికారి చూస్తారు.',
  },
  applicationRejected: {
    en: 'Your application {applicationId} ({service}) was rejected by the {authority}. Reason: {reason}\nYou may apply again with corrected details.',
    te: 'మీ దరఖాస్తు {applicationId} ({service}) ను {authority} తిరస్కరించారు. కారణం: {reason}\nసరైన వివరాలతో మళ్లీ దరఖాస్తు చేయవచ్చు.',
  },
  // Status lookups answered from department systems
  lookupAsOf: { en: 'As of {date}, {time} IST', te: '{date}, {time} (భారత కాలమానం) నాటి సమాచారం' },
  lookupMoreFacts: {
    en: '…and {count} more details, not shown here.',
    te: '…ఇంకా {count} వివరాలు ఉన్నాయి, ఇక్కడ చూపలేదు.',
  },
  lookupNotFound: {
    en: '{service}: no record was found for {looked}. Please check the {check} and try again.',
    te: '{service}: {looked} కు సంబంధించి ఏ రికార్డూ దొరకలేదు. {check} సరిచూసుకుని మళ్లీ ప్రయత్నించండి.',
  },
  lookupNotFoundPlain: {
    en: '{service}: no record was found for the details you gave. Please check the {check} and try again.',
    te: '{service}: మీరు ఇచ్చిన వివరాలకు ఏ రికార్డూ దొరకలేదు. {check} సరిచూసుకుని మళ్లీ ప్రయత్నించండి.',
  },
  lookupUnavailable: {
    en: "{service}: the department's system is not answering right now. Please try again in a few minutes.",
    te: '{service}: శాఖ వ్యవస్థ ప్రస్తుతం స్పందించడం లేదు. కొన్ని నిమిషాల తర్వాత మళ్లీ ప్రయత్నించండి.',
  },
  lookupOwnAadhaarOnly: {
    en: '{service}: for privacy, this is shown only for the Aadhaar number confirmed with an OTP in this chat, and {aadhaar} is not that number. Its holder can check it by confirming their own Aadhaar with an OTP.',
    te: '{service}: గోప్యత కోసం, ఈ చాట్‌లో ఓటీపీతో నిర్ధారించిన ఆధార్ సంఖ్యకు మాత్రమే ఈ వివరాలు చూపిస్తాము; {aadhaar} ఆ సంఖ్య కాదు. ఆ ఆధార్ కలిగినవారు తమ ఆధార్‌ను ఓటీపీతో నిర్ధారించి చూసుకోవచ్చు.',
  },
  // Bills fetched from the biller, paid in the chat, posted to the biller once.
  billTitle: { en: '{service}: your bill', te: '{service}: మీ బిల్లు' },
  billConsumer: { en: 'Consumer', te: 'వినియోగదారు' },
  billPeriod: { en: 'Period', te: 'కాలం' },
  billArrears: { en: 'Arrears', te: 'బకాయిలు' },
  billLateFee: { en: 'Late fee', te: 'ఆలస్య రుసుము' },
  billAmountDue: { en: 'Amount due', te: 'చెల్లించవలసిన మొత్తం' },
  billDueDate: { en: 'Due date', te: 'చివరి తేదీ' },
  billDisconnectionNotice: {
    en: '⚠ Disconnection notice: the supply will be cut on {date} unless this bill is paid.',
    te: '⚠ కనెక్షన్ తొలగింపు నోటీసు: ఈ బిల్లు చెల్లించకపోతే {date} న సరఫరా నిలిపివేయబడుతుంది.',
  },
  billDisconnected: {
    en: '⚠ The supply was disconnected on {date}. Paying this bill asks for it to be reconnected.',
    te: '⚠ {date} న సరఫరా నిలిపివేయబడింది. ఈ బిల్లు చెల్లిస్తే తిరిగి కనెక్షన్ కోసం అభ్యర్థన వెళ్తుంది.',
  },
  billNothingDue: {
    en: 'Nothing is due on this account now. Thank you!',
    te: 'ఈ ఖాతాపై ప్రస్తుతం చెల్లించవలసినది ఏమీ లేదు. ధన్యవాదాలు!',
  },
  billUnknown: {
    en: '{service}: the biller has no bill for {number}. Please check the number printed on your bill and try again.',
    te: '{service}: {number} కు బిల్లు ఏదీ లేదు. మీ బిల్లుపై ఉన్న సంఖ్యను సరిచూసుకుని మళ్లీ ప్రయత్నించండి.',
  },
  billUnavailable: {
    en: "{service}: the biller's system is not answering right now, so the bill cannot be shown. Please try again in a few minutes; nothing has been charged.",
    te: '{service}: బిల్లర్ వ్యవస్థ ప్రస్తుతం స్పందించడం లేదు, కాబట్టి బిల్లు చూపలేము. కొన్ని నిమిషాల తర్వాత మళ్లీ ప్రయత్నించండి; ఏమీ వసూలు చేయలేదు.',
  },
  billPayButton: { en: 'Pay {amount}', te: '{amount} చెల్లించండి' },
  billPayOffer: {
    en: 'Pay it here: tap "Pay", or type 1. Type 2 for the main menu.',
    te: 'ఇక్కడే చెల్లించండి: "చెల్లించండి" నొక్కండి, లేదా 1 టైప్ చేయండి. ప్రధాన మెనూ కోసం 2.',
  },
  billAmountChanged: {
    en: 'The bill changed since it was shown (now {amount}). Here it is again:',
    te: 'చూపిన తర్వాత బిల్లు మారింది (ఇప్పుడు {amount}). మళ్లీ ఇదిగో:',
  },
  billPaying: {
    en: 'Payment {applicationId} for {service}: {amount}. The payment request follows.',
    te: '{service} కోసం చెల్లింపు {applicationId}: {amount}. చెల్లింపు అభ్యర్థన తర్వాత వస్తుంది.',
  },
  billPaymentRequested: {
    en: 'Pay {amount} for {service} (payment {applicationId}) within 48 hours by UPI, card or net banking at this link: {url}',
    te: '{service} కోసం {amount} (చెల్లింపు {applicationId}) 48 గంటల్లోగా ఈ లింక్ ద్వారా UPI, కార్డు లేదా నెట్ బ్యాంకింగ్‌తో చెల్లించండి: {url}',
  },
  billPaymentInChat: {
    en: 'Pay {amount} for {service} (payment {applicationId}) here in WhatsApp: tap *Review and pay*, then pay by UPI, card or net banking within 48 hours.',
    te: '{service} కోసం {amount} (చెల్లింపు {applicationId}) ఇక్కడే WhatsApp లో చెల్లించండి: *సమీక్షించి చెల్లించండి* నొక్కి, 48 గంటల్లోగా UPI, కార్డు లేదా నెట్ బ్యాంకింగ్‌తో చెల్లించండి.',
  },
  billRefundDue: {
    en: 'The biller did not accept your payment of {amount} for {service} (payment {applicationId}): {reason}. The full amount will be refunded to you; nothing more is needed from you.',
    te: '{service} కోసం మీ చెల్లింపు {amount} (చెల్లింపు {applicationId}) ను బిల్లర్ అంగీకరించలేదు: {reason}. మొత్తం డబ్బు మీకు వాపసు చేయబడుతుంది; మీరు ఇంకేమీ చేయనవసరం లేదు.',
  },
  orderCompletedBill: {
    en: 'Order {applicationId} is complete: {amount} for {service} reached the biller, and your receipt is above.',
    te: 'ఆర్డర్ {applicationId} పూర్తయింది: {service} కోసం {amount} బిల్లర్‌కు చేరింది, మీ రసీదు పైన ఉంది.',
  },
  orderCompletedBooking: {
    en: 'Order {applicationId} is complete: {amount} paid for {service}, and your ticket is above.',
    te: 'ఆర్డర్ {applicationId} పూర్తయింది: {service} కోసం {amount} చెల్లించారు, మీ టికెట్ పైన ఉంది.',
  },
  stateRefundDue: { en: 'paid, not accepted by the biller: refund due', te: 'చెల్లించారు, బిల్లర్ అంగీకరించలేదు: వాపసు రావాలి' },
  // Mitra's own application numbers, looked up (grievance status).
  statusApplicationTitle: { en: 'Application {applicationId}', te: 'దరఖాస్తు {applicationId}' },
  statusFactService: { en: 'Service', te: 'సేవ' },
  statusFactState: { en: 'Status', te: 'స్థితి' },
  statusFactSubmitted: { en: 'Submitted', te: 'సమర్పణ' },
  statusFactDue: { en: 'Due by', te: 'గడువు' },
  invalidApplicationNumber: {
    en: 'That is not a Mitra application number. It looks like AP-7K2M9QX4B1TZ: AP and 12 letters and digits.',
    te: 'అది మిత్ర దరఖాస్తు సంఖ్య కాదు. అది AP-7K2M9QX4B1TZ లాగా ఉంటుంది: AP తర్వాత 12 అక్షరాలు, అంకెలు.',
  },
  stateRevoked: { en: 'issued, then revoked', te: 'జారీ చేసి, తర్వాత రద్దు చేయబడింది' },
  stateCancelled: { en: 'cancelled by you, refund recorded', te: 'మీరు రద్దు చేశారు, వాపసు నమోదైంది' },
  // A certificate the citizen already holds, and a decision on an application that no longer waits for one.
  certificateHeld: {
    en: 'You already hold a valid {service} (application {applicationId}). One valid certificate of a kind is issued per person at a time, so there is no need to apply again. Tap "Send it again" to get it here once more.',
    te: 'మీ వద్ద ఇప్పటికే చెల్లుబాటు అయ్యే {service} ఉంది (దరఖాస్తు {applicationId}). ఒక్కో రకం ధృవీకరణ పత్రం ఒక వ్యక్తికి ఒకేసారి ఒక్కటే చెల్లుతుంది, కాబట్టి మళ్లీ దరఖాస్తు చేయనవసరం లేదు. దాన్ని ఇక్కడ మళ్లీ పొందడానికి "మళ్లీ పంపండి" నొక్కండి.',
  },
  extractButton: { en: 'Signed extract', te: 'సంతకం చేసిన ప్రతి' },
  extractOffer: {
    en: 'A digitally signed extract of this record can be sent here as a PDF, free of charge. Its QR code proves it is genuine.',
    te: 'ఈ రికార్డు యొక్క డిజిటల్ సంతకం చేసిన ప్రతిని PDFగా ఇక్కడే ఉచితంగా పంపగలము. దాని QR కోడ్ అది నిజమైనదని రుజువు చేస్తుంది.',
  },
  extractRequested: {
    en: 'Your signed {document} is being prepared (number {applicationId}). It will arrive here in a minute.',
    te: 'మీ సంతకం చేసిన {document} సిద్ధమవుతోంది (సంఖ్య {applicationId}). ఒక నిమిషంలో ఇక్కడికి వస్తుంది.',
  },
  resendButton: { en: 'Send it again', te: 'మళ్లీ పంపండి' },
  homeButton: { en: 'Main menu', te: 'ప్రధాన మెనూ' },
  documentSentAgain: {
    en: 'Your {service} (application {applicationId}), sent again. Document number {certId}. Scan its QR code to verify it.',
    te: 'మీ {service} (దరఖాస్తు {applicationId}) మళ్లీ పంపాము. పత్రం సంఖ్య {certId}. ధృవీకరించడానికి QR కోడ్ స్కాన్ చేయండి.',
  },
  documentNotResent: {
    en: 'That document cannot be sent again now: it may have been revoked. Type "status" to see your applications, or "menu" for the departments.',
    te: 'ఆ పత్రాన్ని ఇప్పుడు మళ్లీ పంపలేము: అది రద్దు చేయబడి ఉండవచ్చు. మీ దరఖాస్తుల కోసం "స్థితి", శాఖల కోసం "మెనూ" టైప్ చేయండి.',
  },
  decisionAlreadyDecided: {
    en: 'Application {applicationId} was already decided; its status now: {outcome}. Nothing new was recorded.',
    te: 'దరఖాస్తు {applicationId} పై ఇప్పటికే నిర్ణయం జరిగింది; ప్రస్తుత స్థితి: {outcome}. కొత్తగా ఏదీ నమోదు చేయలేదు.',
  },
  // Attachments: a photo or a PDF sent as the answer to a question, and what the officer is sent of it.
  attachmentExpected: {
    en: 'Please send a photo or a PDF here: tap the 📎 clip, then Camera, Gallery or Document.',
    te: 'దయచేసి ఇక్కడ ఫోటో లేదా PDF పంపండి: 📎 క్లిప్ నొక్కి, కెమెరా, గ్యాలరీ లేదా డాక్యుమెంట్ ఎంచుకోండి.',
  },
  attachmentPhotoExpected: {
    en: 'Please send a photo here: tap the 📎 clip, then Camera or Gallery.',
    te: 'దయచేసి ఇక్కడ ఫోటో పంపండి: 📎 క్లిప్ నొక్కి, కెమెరా లేదా గ్యాలరీ ఎంచుకోండి.',
  },
  attachmentPdfExpected: {
    en: 'Please send a PDF here: tap the 📎 clip, then Document.',
    te: 'దయచేసి ఇక్కడ PDF పంపండి: 📎 క్లిప్ నొక్కి, డాక్యుమెంట్ ఎంచుకోండి.',
  },
  attachmentWrongType: {
    en: 'Sorry, that cannot be used here: only a photo (JPEG or PNG) or a PDF document can. Voice notes, videos and other files cannot.',
    te: 'క్షమించండి, అది ఇక్కడ పనికిరాదు: ఫోటో (JPEG లేదా PNG) లేదా PDF డాక్యుమెంట్ మాత్రమే. వాయిస్ సందేశాలు, వీడియోలు, ఇతర ఫైళ్లు పనికిరావు.',
  },
  attachmentPhotoReceived: { en: 'photo received', te: 'ఫోటో అందింది' },
  attachmentPdfReceived: { en: 'PDF received', te: 'PDF అందింది' },
  attachmentsSentBelow: {
    en: 'Attachments, sent below: {attachments}',
    te: 'జతపత్రాలు, కింద పంపినవి: {attachments}',
  },
  attachmentCaption: {
    en: 'Application {applicationId}: {label}',
    te: 'దరఖాస్తు {applicationId}: {label}',
  },
  ...grievanceStrings,
  ...bookingStrings,
  ...alertStrings,
  ...billStrings,
  ...reminderStrings,
}));

export type StringId = keyof typeof strings;

/**
 * What `t` reads. A function's bundle defines MITRA_BUNDLE_DATA (lib/mitra-function.ts) and reads the strings from
 * strings.json, written beside it from this literal when it is built (tools/bundle-data.ts): JSON parses faster than
 * the same object literal, and the bundle is a sixth smaller. Under vitest and tsx the literal is used.
 */
const table: typeof strings = process.env.MITRA_BUNDLE_DATA ? (bundleData('strings.json') as typeof strings) : strings;

/** `{name|one|other}`, whose forms may hold plain placeholders. */
const COUNTED = /\{(\w+)\|((?:[^|{}]|\{\w+\})*)\|((?:[^|{}]|\{\w+\})*)\}/g;

/**
 * A value is data, never formatting: WhatsApp turns text between two `*` into bold, so a masked name ("R**** K****")
 * or a typed reason would come out garbled. Its stars become the asterisk operator, which looks the same.
 */
export const inert = (value: string | number) => String(value).replaceAll('*', '\u2217');

export function t(id: StringId, language: Language, values: Record<string, string | number> = {}): string {
  return table[id][language]
    .replace(COUNTED, (match, key: string, one: string, other: string) =>
      key in values ? (Number(values[key]) === 1 ? one : other).replaceAll('#', String(values[key])) : match,
    )
    .replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? inert(values[key]!) : match));
}
