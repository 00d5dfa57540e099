/**
 * What citizens read about their remembered bills, reminders and donation receipts (conversation/intents/my-bills.ts,
 * lambdas/core/reminders/). Same rules as strings.ts, which includes them.
 */
export const billStrings = {
  billsConsentNotice: {
    en: 'Mitra can remember the numbers of the bills you fetch or pay (consumer, assessment or vehicle numbers), so that "my bills" shows what is due on each, with one tap to pay. Only those numbers are kept, under your WhatsApp number, until you forget them; send "my bills" to see or forget them.\n\nShall Mitra remember your bills?',
    te: 'మీరు చూసిన లేదా చెల్లించిన బిల్లుల నంబర్లను (వినియోగదారు, అసెస్‌మెంట్ లేదా వాహన నంబర్లు) మిత్ర గుర్తుంచుకోగలదు; అప్పుడు "నా బిల్లులు" ప్రతి దానిపై ఎంత బాకీ ఉందో చూపిస్తుంది, ఒక్క నొక్కుతో చెల్లించవచ్చు. ఆ నంబర్లు మాత్రమే, మీ వాట్సాప్ నంబర్ కింద, మీరు మర్చిపోమనే వరకు ఉంచబడతాయి; చూడటానికి లేదా మర్చిపోమనడానికి "నా బిల్లులు" అని పంపండి.\n\nమిత్ర మీ బిల్లులను గుర్తుంచుకోవాలా?',
  },
  billsRemember: { en: 'Remember', te: 'గుర్తుంచుకో' },
  billsSaveButton: { en: 'Save in my bills', te: 'నా బిల్లుల్లో ఉంచు' },
  billsSaved: {
    en: 'Saved under "my bills": send "my bills" any time to see what is due and pay it with one tap.',
    te: '"నా బిల్లులు"లో ఉంచాము: ఎంత బాకీ ఉందో చూసి ఒక్క నొక్కుతో చెల్లించడానికి ఎప్పుడైనా "నా బిల్లులు" అని పంపండి.',
  },
  billsFull: {
    en: 'My bills holds at most {max} numbers: forget one under "my bills" to save this one.',
    te: '"నా బిల్లులు"లో గరిష్ఠంగా {max} నంబర్లు మాత్రమే ఉంటాయి: దీన్ని ఉంచడానికి "నా బిల్లులు"లో ఒకదాన్ని మర్చిపోండి.',
  },
  billsDeclined: {
    en: 'Understood: Mitra will not remember your bills. Send "my bills" if you change your mind.',
    te: 'సరే: మిత్ర మీ బిల్లులను గుర్తుంచుకోదు. మనసు మార్చుకుంటే "నా బిల్లులు" అని పంపండి.',
  },
  billsNone: {
    en: 'No bills are remembered yet. Fetch a bill (type "current bill" or "property tax") and it is saved here.',
    te: 'ఇంకా ఏ బిల్లులూ గుర్తుంచుకోలేదు. ఒక బిల్లు చూడండి ("కరెంట్ బిల్లు" లేదా "ఆస్తి పన్ను" అని టైప్ చేయండి), అది ఇక్కడ ఉంచబడుతుంది.',
  },
  billsIntro: {
    en: 'My bills, as the billers state them now:\n\n{lines}\n\nTap a bill to pay what is due.',
    te: 'నా బిల్లులు, బిల్లర్లు ఇప్పుడు చెప్పిన ప్రకారం:\n\n{lines}\n\nబాకీ చెల్లించడానికి బిల్లును నొక్కండి.',
  },
  billsLineDue: { en: '{amount} due by {date}', te: '{date} లోగా {amount} చెల్లించాలి' },
  billsLineNothing: { en: 'nothing due', te: 'బాకీ ఏమీ లేదు' },
  billsLineUnknown: { en: 'the biller has no bill for it', te: 'బిల్లర్ వద్ద దీనికి బిల్లు లేదు' },
  billsLineDown: {
    en: "the biller's system is not answering; try again later",
    te: 'బిల్లర్ వ్యవస్థ స్పందించడం లేదు; తర్వాత ప్రయత్నించండి',
  },
  billsButton: { en: 'My bills', te: 'నా బిల్లులు' },
  billsSection: { en: 'Remembered bills', te: 'గుర్తుంచిన బిల్లులు' },
  billsForgetRow: { en: 'Forget a number', te: 'నంబర్ మర్చిపో' },
  billsForgetRowDescription: { en: 'Mitra stops remembering it', te: 'మిత్ర దాన్ని ఇక గుర్తుంచుకోదు' },
  billsForgetIntro: { en: 'Which number shall Mitra forget?', te: 'మిత్ర ఏ నంబర్‌ను మర్చిపోవాలి?' },
  billsForgotten: {
    en: '{service} {number} is forgotten.',
    te: '{service} {number} మర్చిపోయాము.',
  },
  billsRemindRow: { en: 'Remind me', te: 'గుర్తు చేయండి' },
  billsRemindRowDescription: {
    en: 'A message {days} days before each due date',
    te: 'ప్రతి గడువుకు {days} రోజుల ముందు ఒక సందేశం',
  },
  billsRemindOffRow: { en: 'Stop reminders', te: 'గుర్తులు ఆపు' },
  billsRemindOffRowDescription: { en: 'No more messages before due dates', te: 'గడువుల ముందు ఇక సందేశాలు రావు' },
  billsRemindersOn: {
    en: 'Mitra will remind you {days} days before each of these bills is due, even if you have not written for a while. Tap "Stop reminders" under "my bills" to end them.',
    te: 'ఈ బిల్లుల్లో ప్రతి దాని గడువుకు {days} రోజుల ముందు మిత్ర మీకు గుర్తు చేస్తుంది, మీరు కొంతకాలం రాయకపోయినా. ఆపడానికి "నా బిల్లులు"లో "గుర్తులు ఆపు" నొక్కండి.',
  },
  billsRemindersOff: {
    en: 'Bill reminders are off: none will come, including those already planned.',
    te: 'బిల్లు గుర్తులు ఆపివేశాము: ఇప్పటికే ఏర్పాటు చేసినవి కూడా రావు.',
  },
  billsMenuRow: { en: 'My bills', te: 'నా బిల్లులు' },
  billsMenuRowDescription: {
    en: 'What is due on your remembered bills',
    te: 'గుర్తుంచిన బిల్లులపై ఎంత బాకీ ఉంది',
  },
  fact80G: { en: 'Section 80G', te: 'సెక్షన్ 80జి' },
  donation80G: {
    en: 'This donation qualifies for deduction under section 80G of the Income-tax Act, 1961. Registration number {registration}.',
    te: 'ఈ విరాళం ఆదాయపు పన్ను చట్టం, 1961 సెక్షన్ 80జి కింద మినహాయింపుకు అర్హమైనది. నమోదు సంఖ్య {registration}.',
  },
  donationNot80G: {
    en: 'This donation does not qualify for deduction under section 80G of the Income-tax Act, 1961: the temple holds no 80G registration.',
    te: 'ఈ విరాళం ఆదాయపు పన్ను చట్టం, 1961 సెక్షన్ 80జి కింద మినహాయింపుకు అర్హం కాదు: ఈ దేవాలయానికి 80జి నమోదు లేదు.',
  },
} as const;
