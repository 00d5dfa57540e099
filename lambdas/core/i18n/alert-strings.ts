/**
 * What citizens read about opt-in alerts (lambdas/core/alerts/, conversation/intents/alerts.ts). Same rules as
 * strings.ts, which includes them.
 */
export const alertStrings = {
  alertsIntro: {
    en: 'Alerts from the Government of Andhra Pradesh: weather warnings, power outages, water supply, scheme dates and health camps in your district.\n\nYour topics: {topics}\nYour districts: {districts}\n\nTap a topic to add or remove it.',
    te: 'ఆంధ్రప్రదేశ్ ప్రభుత్వ హెచ్చరికలు: మీ జిల్లాలో వాతావరణ హెచ్చరికలు, విద్యుత్ అంతరాయాలు, నీటి సరఫరా, పథకాల తేదీలు, ఆరోగ్య శిబిరాలు.\n\nమీ అంశాలు: {topics}\nమీ జిల్లాలు: {districts}\n\nఅంశాన్ని చేర్చడానికి లేదా తీసివేయడానికి నొక్కండి.',
  },
  alertsNone: { en: 'none', te: 'ఏమీ లేవు' },
  alertsButton: { en: 'Alerts', te: 'హెచ్చరికలు' },
  alertsSection: { en: 'Topics', te: 'అంశాలు' },
  alertTopicOn: { en: 'Subscribed: tap to remove', te: 'చేరారు: తీసివేయడానికి నొక్కండి' },
  alertTopicOff: { en: 'Tap to subscribe', te: 'చేరడానికి నొక్కండి' },
  alertDistrictsRow: { en: 'Districts', te: 'జిల్లాలు' },
  alertDistrictsRowDescription: { en: 'Choose up to 3 districts', te: 'గరిష్ఠంగా 3 జిల్లాలు ఎంచుకోండి' },
  alertStopRow: { en: 'Stop all alerts', te: 'అన్ని హెచ్చరికలు ఆపు' },
  alertStopRowDescription: { en: 'Other messages continue', te: 'ఇతర సందేశాలు కొనసాగుతాయి' },
  alertHomeRow: { en: 'Main menu', te: 'ప్రధాన మెనూ' },
  alertDistrictsIntro: {
    en: 'Choose the district you want alerts for (up to 3). Tap a chosen one again to remove it.\n\nChosen: {districts}',
    te: 'హెచ్చరికలు కావలసిన జిల్లాను ఎంచుకోండి (గరిష్ఠంగా 3). తీసివేయడానికి ఎంచుకున్నదాన్ని మళ్లీ నొక్కండి.\n\nఎంచుకున్నవి: {districts}',
  },
  alertDistrictsButton: { en: 'Districts', te: 'జిల్లాలు' },
  alertDistrictChosen: { en: 'Chosen: tap to remove', te: 'ఎంచుకున్నారు: తీసివేయడానికి నొక్కండి' },
  alertDistrictsFull: {
    en: 'You follow {max} districts already. Remove one first.',
    te: 'మీరు ఇప్పటికే {max} జిల్లాలను అనుసరిస్తున్నారు. ముందు ఒకదాన్ని తీసివేయండి.',
  },
  alertConsentNotice: {
    en: 'Alerts are sent to your WhatsApp number as messages from the Government of Andhra Pradesh, at any time of day. Mitra keeps your number with the topics and districts you choose, only to send these alerts, until you remove them or send STOP.\n\nDo you agree?',
    te: 'హెచ్చరికలు ఆంధ్రప్రదేశ్ ప్రభుత్వ సందేశాలుగా మీ వాట్సాప్ నంబర్‌కు ఏ సమయంలోనైనా పంపబడతాయి. ఈ హెచ్చరికలు పంపడానికి మాత్రమే, మీరు తీసివేసే వరకు లేదా "ఆపు" పంపే వరకు, మిత్ర మీ నంబర్‌ను మీరు ఎంచుకున్న అంశాలు, జిల్లాలతో ఉంచుతుంది.\n\nమీరు అంగీకరిస్తారా?',
  },
  alertConsentDeclined: {
    en: 'Understood: no alerts. Send "alerts" whenever you change your mind.',
    te: 'సరే: హెచ్చరికలు పంపము. మనసు మార్చుకుంటే "హెచ్చరికలు" అని పంపండి.',
  },
  alertSubscribed: {
    en: 'Done: you will get alerts on {topic} for {districts}.',
    te: 'సరే: {districts} కోసం {topic} మీకు అందుతాయి.',
  },
  alertChooseDistrict: {
    en: 'Now choose your district for {topic}.',
    te: 'ఇప్పుడు {topic} కోసం మీ జిల్లాను ఎంచుకోండి.',
  },
  alertUnsubscribed: { en: 'Removed: no more {topic} alerts.', te: 'తీసివేశాం: ఇక {topic} రావు.' },
  alertDistrictAdded: { en: 'Added {district}.', te: '{district} చేర్చాం.' },
  alertDistrictRemoved: { en: 'Removed {district}.', te: '{district} తీసివేశాం.' },
  alertsStopped: {
    en: 'All your alerts have ended. Send "alerts" to subscribe again.',
    te: 'మీ అన్ని హెచ్చరికలు ఆగిపోయాయి. మళ్లీ చేరడానికి "హెచ్చరికలు" అని పంపండి.',
  },
  alertsEndedWithStop: { en: 'All your alerts have ended too.', te: 'మీ అన్ని హెచ్చరికలు కూడా ఆగిపోయాయి.' },
} as const;
