/**
 * Other words people use for a choice's options (by field id, then option id), beside the option's own id and labels
 * in both languages: a district's other spellings, a temple's other names, "ammayi" for female.
 */
export const OPTION_WORDS: Record<string, Record<string, string[]>> = {
  district: {
    visakhapatnam: ['vizag', 'vishakapatnam', 'visakha', 'vishakhapatnam', 'విశాఖ', 'వైజాగ్'],
    vizianagaram: ['vizianagaram', 'vijayanagaram'],
    'east-godavari': ['east godavari', 'toorpu godavari', 'thoorpu godavari'],
    'west-godavari': ['west godavari', 'paschima godavari'],
    nellore: ['nellore', 'nelluru', 'nellur'],
    guntur: ['gunturu', 'guntoor'],
    kurnool: ['karnool', 'kurnul', 'karnulu'],
    'ysr-kadapa': ['kadapa', 'cuddapah', 'కడప'],
    anantapur: ['anantapuram', 'ananthapur', 'ananthapuram', 'అనంతపురము'],
    srikakulam: ['srikakulam', 'sikkolu'],
    chittoor: ['chittor', 'chitoor'],
    prakasam: ['ongole', 'ఒంగోలు'],
    krishna: ['machilipatnam', 'మచిలీపట్నం'],
    alluri: ['paderu', 'పాడేరు'],
  },
  temple: {
    tirumala: ['tirumala', 'tirupati', 'ttd', 'venkateswara', 'balaji', 'srivari', 'తిరుపతి', 'శ్రీవారి', 'వెంకటేశ్వర'],
    srisailam: ['srisailam', 'mallikarjuna', 'శ్రీశైలం'],
    'kanaka-durga': ['durga', 'kanakadurga', 'durgamma', 'indrakeeladri', 'దుర్గ', 'కనకదుర్గ', 'దుర్గమ్మ'],
    simhachalam: ['simhachalam', 'సింహాచలం'],
    annavaram: ['annavaram', 'satyanarayana', 'అన్నవరం'],
    srikalahasti: ['kalahasti', 'srikalahasti', 'శ్రీకాళహస్తి'],
    'dwaraka-tirumala': ['dwaraka tirumala', 'dwarka tirumala', 'chinna tirupati', 'ద్వారకా తిరుమల', 'చిన్న తిరుపతి'],
  },
  gender: {
    female: ['girl', 'woman', 'daughter', 'ammayi', 'ammai', 'papa', 'aadapilla', 'అమ్మాయి', 'ఆడపిల్ల', 'పాప', 'కూతురు'],
    male: ['boy', 'man', 'son', 'abbayi', 'abbai', 'babu', 'koduku', 'అబ్బాయి', 'బాబు', 'కొడుకు', 'మగ'],
  },
  slot: {
    morning: ['morning', 'udayam', 'ఉదయం'],
    midday: ['afternoon', 'noon', 'madhyahnam', 'మధ్యాహ్నం'],
    evening: ['evening', 'sayantram', 'saayantram', 'సాయంత్రం'],
  },
  relation: {
    'son-of': ['s/o', 'son of'],
    'daughter-of': ['d/o', 'daughter of'],
    'wife-of': ['w/o', 'wife of'],
  },
  'caste-category': {
    sc: ['sc', 'scheduled caste', 'ఎస్సీ'],
    st: ['st', 'scheduled tribe', 'ఎస్టీ'],
    'bc-a': ['bc a', 'bca', 'bc-a', 'బీసీ ఎ'],
    'bc-b': ['bc b', 'bcb', 'bc-b', 'బీసీ బి'],
    'bc-c': ['bc c', 'bcc', 'bc-c', 'బీసీ సి'],
    'bc-d': ['bc d', 'bcd', 'bc-d', 'బీసీ డి'],
    'bc-e': ['bc e', 'bce', 'bc-e', 'బీసీ ఇ'],
  },
  purpose: {
    education: ['education', 'admission', 'college', 'chaduvu', 'చదువు', 'అడ్మిషన్'],
    scholarship: ['scholarship', 'స్కాలర్‌షిప్', 'ఉపకార వేతనం'],
    employment: ['job', 'employment', 'udyogam', 'ఉద్యోగం'],
    'welfare-scheme': ['scheme', 'pathakam', 'పథకం'],
    'bank-loan': ['bank loan', 'loan', 'runam', 'రుణం', 'లోన్'],
  },
  'land-type': {
    wet: ['wet', 'maagani', 'magani', 'మాగాణి'],
    dry: ['dry', 'metta', 'మెట్ట'],
    'house-site': ['house site', 'inti sthalam', 'ఇంటి స్థలం'],
  },
};

/** Option ids whose own id or English label must not be matched alone: they are common words or letters. */
export const ONLY_BY_ALIAS = new Set(['relation', 'caste-category', 'purpose', 'gender']);
