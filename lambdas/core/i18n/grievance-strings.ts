/**
 * What citizens and officers read about a grievance once it is registered: its states, the officers' buttons and
 * every change the citizen is told of (lambdas/core/grievances/). Same rules as strings.ts, which includes them.
 */
export const grievanceStrings = {
  stateAccepted: { en: 'accepted by the officer', te: 'అధికారి స్వీకరించారు' },
  stateAwaitingCitizen: { en: 'waiting for your answer', te: 'మీ సమాధానం కోసం వేచి ఉంది' },
  stateTransferred: { en: 'transferred to another department', te: 'మరో శాఖకు బదిలీ చేయబడింది' },
  stateResolved: { en: 'resolved', te: 'పరిష్కరించబడింది' },
  stateReopened: { en: 'reopened, with the senior officer', te: 'తిరిగి తెరవబడింది, సీనియర్ అధికారి వద్ద ఉంది' },
  stateClosed: { en: 'closed', te: 'ముగిసింది' },
  grievanceAcceptButton: { en: 'Accept', te: 'స్వీకరించు' },
  grievanceAskButton: { en: 'Ask citizen', te: 'పౌరుడిని అడుగు' },
  grievanceResolveButton: { en: 'Resolve', te: 'పరిష్కరించు' },
  grievanceTransferButton: { en: 'Transfer', te: 'బదిలీ' },
  grievanceReopenButton: { en: 'Reopen', te: 'తిరిగి తెరువు' },
  grievanceReplyButton: { en: 'Reply', te: 'జవాబివ్వు' },
  grievanceRateButton: { en: 'Rate or reopen', te: 'రేటింగ్ ఇవ్వండి' },
  grievanceRateSection: { en: 'How was it handled?', te: 'ఎలా పరిష్కరించారు?' },
  grievanceAskText: {
    en: 'Type your {what} for grievance {applicationId} (or "cancel").',
    te: 'ఫిర్యాదు {applicationId} కోసం మీ {what} టైప్ చేయండి (లేదా "రద్దు").',
  },
  grievanceWhatQuestion: { en: 'question to the citizen', te: 'పౌరుడికి ప్రశ్న' },
  grievanceWhatNote: { en: 'resolution note', te: 'పరిష్కార గమనిక' },
  grievanceResolvePhotoHint: {
    en: 'The citizen reads it. You may also send a photo of the work done, with the note as its caption.',
    te: 'పౌరుడు దీన్ని చదువుతారు. చేసిన పని ఫోటోను కూడా, గమనికను దాని క్యాప్షన్‌గా పెట్టి పంపవచ్చు.',
  },
  grievancePhotoKeptWriteNote: {
    en: 'Photo kept for grievance {applicationId}; it goes to the citizen with your note. Now type the resolution note (or "cancel").',
    te: 'ఫిర్యాదు {applicationId} కోసం ఫోటో ఉంచాము; మీ గమనికతో పాటు పౌరుడికి వెళ్తుంది. ఇప్పుడు పరిష్కార గమనిక టైప్ చేయండి (లేదా "రద్దు").',
  },
  grievanceWhatTransfer: {
    en: 'transfer: the department and the reason, e.g. "panchayat-raj: the pole is on a panchayat road"',
    te: 'బదిలీ: శాఖ, కారణం, ఉదా. panchayat-raj: స్తంభం పంచాయతీ రోడ్డుపై ఉంది',
  },
  grievanceWhatAnswer: { en: 'answer to the officer', te: 'అధికారికి సమాధానం' },
  grievanceTextTooShort: {
    en: 'Please write at least 3 characters (under 500) for grievance {applicationId}, or "cancel".',
    te: 'ఫిర్యాదు {applicationId} కోసం కనీసం 3 అక్షరాలు (500 లోపు) రాయండి, లేదా "రద్దు".',
  },
  grievanceTextCancelled: {
    en: 'Nothing was sent for grievance {applicationId}.',
    te: 'ఫిర్యాదు {applicationId} కోసం ఏదీ పంపలేదు.',
  },
  grievanceNotYours: {
    en: 'Grievance {applicationId} cannot be changed from this number.',
    te: 'ఫిర్యాదు {applicationId} ను ఈ నంబర్ నుండి మార్చలేము.',
  },
  grievanceYouAccepted: {
    en: 'You accepted grievance {applicationId}; the citizen has been told. Ask them a question, resolve it, or transfer it.',
    te: 'మీరు ఫిర్యాదు {applicationId} ను స్వీకరించారు; పౌరుడికి తెలియజేశాము. వారిని ప్రశ్న అడగండి, పరిష్కరించండి, లేదా బదిలీ చేయండి.',
  },
  grievanceQuestionSent: {
    en: 'Your question on grievance {applicationId} has been sent to the citizen; their answer will come here.',
    te: 'ఫిర్యాదు {applicationId} పై మీ ప్రశ్నను పౌరుడికి పంపాము; వారి సమాధానం ఇక్కడికి వస్తుంది.',
  },
  grievanceYouResolved: {
    en: 'Grievance {applicationId} is resolved; the citizen gets your note and can rate it.',
    te: 'ఫిర్యాదు {applicationId} పరిష్కరించబడింది; పౌరుడికి మీ గమనిక అందుతుంది, వారు రేటింగ్ ఇవ్వవచ్చు.',
  },
  grievanceYouTransferred: {
    en: 'Grievance {applicationId} has been transferred to {department}; the citizen has been told.',
    te: 'ఫిర్యాదు {applicationId} ను {department} కు బదిలీ చేశాము; పౌరుడికి తెలియజేశాము.',
  },
  grievanceTransferUnclear: {
    en: 'Name another department and the reason, e.g. "panchayat-raj: the pole is on a panchayat road", to transfer grievance {applicationId}.',
    te: 'ఫిర్యాదు {applicationId} బదిలీ కోసం మరో శాఖ, కారణం రాయండి, ఉదా. panchayat-raj: స్తంభం పంచాయతీ రోడ్డుపై ఉంది',
  },
  grievanceWorking: { en: 'Working on grievance {applicationId}…', te: 'ఫిర్యాదు {applicationId} పై పని జరుగుతోంది…' },
  grievanceOfficerNotice: {
    en: 'Grievance {applicationId}: {service}\nFrom {citizen}, registered {submitted}; act on it by {due}.\nPlace: {place}\n{details}',
    te: 'ఫిర్యాదు {applicationId}: {service}\n{citizen} నుండి, {submitted} న నమోదు; {due} లోగా చర్య తీసుకోండి.\nప్రదేశం: {place}\n{details}',
  },
  grievanceAccepted: {
    en: 'Your grievance {applicationId} has been accepted by the {department} officer, who is working on it.',
    te: 'మీ ఫిర్యాదు {applicationId} ను {department} అధికారి స్వీకరించారు; వారు దానిపై పని చేస్తున్నారు.',
  },
  grievanceQuestion: {
    en: "The {department} officer handling your grievance {applicationId} asks: {question}\nPlease reply here; Mitra passes your answer on (neither of you sees the other's number).",
    te: 'మీ ఫిర్యాదు {applicationId} చూస్తున్న {department} అధికారి అడుగుతున్నారు: {question}\nదయచేసి ఇక్కడే సమాధానం ఇవ్వండి; మిత్ర మీ సమాధానాన్ని అందజేస్తుంది (మీ ఇద్దరికీ ఒకరి నంబర్ మరొకరికి కనిపించదు).',
  },
  grievanceAnswerRelayed: {
    en: 'Citizen {citizen} answers on grievance {applicationId}: {answer}',
    te: 'ఫిర్యాదు {applicationId} పై పౌరుడు {citizen} సమాధానం: {answer}',
  },
  grievanceAnswerSent: {
    en: 'Thank you; your answer has been passed to the officer handling grievance {applicationId}.',
    te: 'ధన్యవాదాలు; మీ సమాధానాన్ని ఫిర్యాదు {applicationId} చూస్తున్న అధికారికి అందజేశాము.',
  },
  grievanceTransferred: {
    en: 'Your grievance {applicationId} has been transferred to {department}. Reason: {reason}',
    te: 'మీ ఫిర్యాదు {applicationId} ను {department} కు బదిలీ చేశారు. కారణం: {reason}',
  },
  grievanceResolvedNote: {
    en: 'Your grievance {applicationId} has been resolved. The officer\'s note: {note}\nHow was it handled? Tap "Rate or reopen" and choose, or type, 1 (poor) to 5 (very good). Not resolved? Choose Reopen there within 7 days.',
    te: 'మీ ఫిర్యాదు {applicationId} పరిష్కరించబడింది. అధికారి గమనిక: {note}\nఎలా పరిష్కరించారు? కింది "రేటింగ్ ఇవ్వండి" నొక్కి 1 (బాగాలేదు) నుండి 5 (చాలా బాగుంది) వరకు ఎంచుకోండి, లేదా ఆ అంకె టైప్ చేయండి. పరిష్కారం కాలేదా? 7 రోజుల్లో అక్కడే "తిరిగి తెరువు" ఎంచుకోండి.',
  },
  grievanceEscalated: {
    en: 'Your grievance {applicationId} was not resolved by {due}, so it has gone to the senior officer of the department.',
    te: 'మీ ఫిర్యాదు {applicationId} {due} లోగా పరిష్కారం కాలేదు, కాబట్టి శాఖ సీనియర్ అధికారికి పంపాము.',
  },
  grievanceEscalatedToOfficer: {
    en: 'Escalated to you: this grievance was not resolved by {due}.',
    te: 'మీకు పంపబడింది: ఈ ఫిర్యాదు {due} లోగా పరిష్కారం కాలేదు.',
  },
  grievanceReopened: {
    en: 'Your grievance {applicationId} is reopened and has gone to the senior officer of the department.',
    te: 'మీ ఫిర్యాదు {applicationId} తిరిగి తెరవబడింది, శాఖ సీనియర్ అధికారికి పంపాము.',
  },
  grievanceReopenTooLate: {
    en: 'Grievance {applicationId} was resolved more than 7 days ago and can no longer be reopened; please register a new grievance.',
    te: 'ఫిర్యాదు {applicationId} 7 రోజుల కంటే ముందే పరిష్కరించబడింది, ఇక తిరిగి తెరవలేము; దయచేసి కొత్త ఫిర్యాదు నమోదు చేయండి.',
  },
  grievanceRated: {
    en: 'Thank you for rating grievance {applicationId}: {rating} of 5.',
    te: 'ఫిర్యాదు {applicationId} కు రేటింగ్ ఇచ్చినందుకు ధన్యవాదాలు: 5 లో {rating}.',
  },
  grievanceRatingInvalid: {
    en: 'Please rate with a number from 1 to 5.',
    te: 'దయచేసి 1 నుండి 5 వరకు ఒక సంఖ్యతో రేటింగ్ ఇవ్వండి.',
  },
  grievanceLocationRequest: {
    en: 'Where exactly is the problem? Tap "Send location" to share the place, or type the village and mandal (for example: Tadikonda, Tadikonda).',
    te: 'సమస్య సరిగ్గా ఎక్కడ ఉంది? ప్రదేశం పంపడానికి కింది లొకేషన్ బటన్ నొక్కండి, లేదా గ్రామం, మండలం టైప్ చేయండి (ఉదా: తాడికొండ, తాడికొండ).',
  },
  grievancePlaceUnclear: {
    en: 'Please share the location, or type the village and mandal separated by a comma (for example: Tadikonda, Tadikonda).',
    te: 'దయచేసి లొకేషన్ పంపండి, లేదా గ్రామం, మండలం కామాతో వేరు చేసి టైప్ చేయండి (ఉదా: తాడికొండ, తాడికొండ).',
  },
  grievancePhotosAsk: {
    en: 'Photos help the officer see the problem. Send up to 3 photos, one at a time, or tap Skip.',
    te: 'ఫోటోలు అధికారికి సమస్యను చూపిస్తాయి. 3 వరకు ఫోటోలు ఒక్కొక్కటిగా పంపండి, లేదా "వద్దు" నొక్కండి.',
  },
  grievancePhotoReceived: {
    en: 'Photo {count} of 3 received. Send another, or tap Done.',
    te: '3 లో {count}వ ఫోటో అందింది. మరొకటి పంపండి, లేదా "అయింది" నొక్కండి.',
  },
  grievanceSkipButton: { en: 'Skip', te: 'వద్దు' },
  grievanceDoneButton: { en: 'Done', te: 'అయింది' },
  grievanceSummaryPlace: { en: 'Place: {place}', te: 'ప్రదేశం: {place}' },
  grievanceSummaryPhotos: { en: 'Photos: {count}', te: 'ఫోటోలు: {count}' },
  grievanceSameButton: { en: 'Yes, the same', te: 'అవును, అదే' },
  grievanceNewButton: { en: 'No, a new one', te: 'కాదు, కొత్తది' },
  grievanceSameKept: {
    en: 'Then nothing new is registered: your grievance {applicationId} stands, and you will hear about it here. Type "status" to see where it stands.',
    te: 'అయితే కొత్తగా ఏదీ నమోదు చేయలేదు: మీ ఫిర్యాదు {applicationId} కొనసాగుతోంది, దాని సమాచారం ఇక్కడే వస్తుంది. అది ఎక్కడ ఉందో చూడడానికి "స్థితి" అని టైప్ చేయండి.',
  },
  grievanceSimilar: {
    en: 'You registered a similar grievance, {applicationId} ({service}), at {place} in the last 24 hours. Is this the same one?',
    te: 'గత 24 గంటల్లో {place} వద్ద ఇలాంటి ఫిర్యాదు {applicationId} ({service}) నమోదు చేశారు. ఇది అదేనా?',
  },
  grievanceResolutionPhotoCaption: {
    en: 'Grievance {applicationId}: the officer’s photo of the work done',
    te: 'ఫిర్యాదు {applicationId}: చేసిన పనికి అధికారి ఫోటో',
  },
  grievancePhotoCaption: {
    en: 'Grievance {applicationId}: {label}',
    te: 'ఫిర్యాదు {applicationId}: {label}',
  },
  grievanceFallbackRouted: {
    en: 'No {department} officer is registered for {place}; this grievance reaches you as the district officer.',
    te: '{place} కు {department} అధికారి నమోదు కాలేదు; జిల్లా అధికారిగా ఈ ఫిర్యాదు మీకు చేరింది.',
  },
} as const;
