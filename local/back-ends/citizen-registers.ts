import { fact, person, type RegisterEntry, text } from './status-record.ts';

// The department registers' records of the sample citizens (local/sample-citizens.ts lists the numbers to type).
// Fictional people, fictional numbers; the shapes are those of Andhra Pradesh's registers.

const RAVI = ['Ravi Kumar Reddy', 'రవి కుమార్ రెడ్డి'] as const;
const LAKSHMI = ['Lakshmi Devi Naidu', 'లక్ష్మీ దేవి నాయుడు'] as const;
const SYED = ['Syed Abdul Rahman', 'సయ్యద్ అబ్దుల్ రెహమాన్'] as const;

const status = (en: string, te: string) => fact('Status', 'స్థితి', en, te);
const account = (last4: string, bank: string, bankTe: string) =>
  fact('Bank account', 'బ్యాంకు ఖాతా', `ending ${last4} (${bank})`, `చివరి అంకెలు ${last4} (${bankTe})`);

/** Adangal / 1-B entry of a survey number, and the market value the registration department fixes for it. */
function landParcel(parcel: {
  survey: string;
  acres: string;
  acresWords: [string, string];
  classification: [string, string];
  water: [string, string];
  crop: [string, string];
  valuePerAcre: string;
  value: string;
}): RegisterEntry[] {
  const key = { district: 'guntur', village: 'Tadikonda', 'survey-number': parcel.survey };
  return [
    {
      service: 'revenue.land-records',
      key,
      record: {
        title: text(
          `Adangal / 1-B: survey no. ${parcel.survey}, Tadikonda`,
          `అడంగల్ / 1-బి: సర్వే నం. ${parcel.survey}, తాడికొండ`,
        ),
        facts: [
          fact('District', 'జిల్లా', 'Guntur', 'గుంటూరు'),
          fact('Mandal and village', 'మండలం, గ్రామం', 'Tadikonda, Tadikonda', 'తాడికొండ, తాడికొండ'),
          fact('Khata number', 'ఖాతా నంబర్', '1047'),
          person('Pattadar', 'పట్టాదారు', ...RAVI),
          person("Pattadar's father", 'పట్టాదారు తండ్రి', 'Venkata Reddy', 'వెంకట రెడ్డి'),
          fact(
            'Extent',
            'విస్తీర్ణం',
            `${parcel.acres} acres (${parcel.acresWords[0]})`,
            `${parcel.acres} ఎకరాలు (${parcel.acresWords[1]})`,
          ),
          fact('Land classification', 'భూమి వర్గీకరణ', ...parcel.classification),
          fact('Water source', 'నీటి వనరు', ...parcel.water),
          fact('Crop, Kharif 2026', 'పంట, ఖరీఫ్ 2026', ...parcel.crop),
          person('Enjoyer (Anubhavadar)', 'అనుభవదారు', ...RAVI),
          fact(
            'Last mutation',
            'చివరి మ్యుటేషన్',
            '14-03-2019, succession; pattadar passbook issued',
            '14-03-2019, వారసత్వం; పట్టాదారు పాసుపుస్తకం జారీ',
          ),
        ],
        updatedAt: '2026-10-28T16:40:00+05:30',
        extract: true,
      },
    },
    {
      service: 'registration.market-value',
      key,
      record: {
        title: text(
          `Market value: survey no. ${parcel.survey}, Tadikonda`,
          `మార్కెట్ విలువ: సర్వే నం. ${parcel.survey}, తాడికొండ`,
        ),
        facts: [
          fact('Land classification', 'భూమి వర్గీకరణ', ...parcel.classification),
          fact('Value per acre', 'ఎకరాకు విలువ', parcel.valuePerAcre),
          fact('Extent in the records', 'రికార్డుల్లో విస్తీర్ణం', `${parcel.acres} acres`, `${parcel.acres} ఎకరాలు`),
          fact('Value of the extent', 'విస్తీర్ణం విలువ', parcel.value),
          fact('In force from', 'అమలులోకి వచ్చిన తేదీ', '01-02-2025'),
          fact('Sub-Registrar office', 'సబ్ రిజిస్ట్రార్ కార్యాలయం', 'Tadikonda', 'తాడికొండ'),
        ],
        updatedAt: '2025-02-01T00:00:00+05:30',
      },
    },
  ];
}

const ravi: RegisterEntry[] = [
  {
    service: 'civil-supplies.ration-card-status',
    key: { 'reference-number': '2812045678' },
    record: {
      title: text('Rice card 2812045678', 'బియ్యం కార్డు 2812045678'),
      facts: [
        person('Card holder', 'కార్డుదారు', ...RAVI),
        status('Active', 'అమలులో ఉంది'),
        fact('Members', 'సభ్యులు', '4'),
        fact('Monthly quota', 'నెలవారీ కోటా', 'Rice 20 kg, sugar 1 kg', 'బియ్యం 20 కిలోలు, చక్కెర 1 కిలో'),
        fact('Fair price shop', 'చౌక ధరల దుకాణం', 'No. 0812045, Tadikonda', 'నం. 0812045, తాడికొండ'),
        fact('Last drawn', 'చివరిసారి తీసుకున్నది', '03-11-2026 (November quota)', '03-11-2026 (నవంబర్ కోటా)'),
      ],
      updatedAt: '2026-11-03T10:12:00+05:30',
    },
  },
  {
    service: 'agriculture.farmer-support-status',
    key: { aadhaar: '234567890124' },
    record: {
      title: text('Annadata Sukhibhava 2026-27', 'అన్నదాత సుఖీభవ 2026-27'),
      facts: [
        person('Farmer', 'రైతు', ...RAVI),
        status('Eligible; both instalments paid', 'అర్హులు; రెండు విడతలూ చెల్లించారు'),
        fact('First instalment', 'మొదటి విడత', '₹ 7,000 credited on 02-08-2026', '₹ 7,000, 02-08-2026 న జమ అయింది'),
        fact('Second instalment', 'రెండవ విడత', '₹ 7,000 credited on 19-11-2026', '₹ 7,000, 19-11-2026 న జమ అయింది'),
        account('4821', 'State Bank of India, Tadikonda', 'స్టేట్ బ్యాంక్ ఆఫ్ ఇండియా, తాడికొండ'),
      ],
      updatedAt: '2026-11-19T09:00:00+05:30',
    },
  },
  ...landParcel({
    survey: '212/3A',
    acres: '2.35',
    acresWords: ['2 acres 35 cents', '2 ఎకరాల 35 సెంట్లు'],
    classification: ['Wet (Magani), patta land', 'మాగాణి, పట్టా భూమి'],
    water: ['Canal, Krishna Western Delta', 'కాలువ, కృష్ణా పశ్చిమ డెల్టా'],
    crop: ['Paddy, 2.35 acres', 'వరి, 2.35 ఎకరాలు'],
    valuePerAcre: '₹ 42,00,000',
    value: '₹ 98,70,000',
  }),
  ...landParcel({
    survey: '87/1B',
    acres: '1.60',
    acresWords: ['1 acre 60 cents', '1 ఎకరం 60 సెంట్లు'],
    classification: ['Dry (Metta), patta land', 'మెట్ట, పట్టా భూమి'],
    water: ['Rain-fed and borewell', 'వర్షాధారం, బోరుబావి'],
    crop: ['Cotton, 1.60 acres', 'పత్తి, 1.60 ఎకరాలు'],
    valuePerAcre: '₹ 18,50,000',
    value: '₹ 29,60,000',
  }),
  {
    service: 'rural-development.wage-status',
    key: { 'reference-number': '1415012004010123' },
    record: {
      title: text('MGNREGS job card 1415012004010123', 'ఉపాధి హామీ జాబ్ కార్డు 1415012004010123'),
      facts: [
        person('Wage seeker', 'వేతనదారు', ...RAVI),
        fact('Days worked, 2026-27', 'పని దినాలు, 2026-27', '58 of 100', '100 లో 58'),
        fact('Wages paid', 'చెల్లించిన వేతనాలు', '₹ 16,578 for 54 days', '54 రోజులకు ₹ 16,578'),
        fact(
          'Wages pending',
          'పెండింగ్ వేతనాలు',
          '₹ 1,228 for 4 days (muster roll 30451, week ending 28-11-2026)',
          '4 రోజులకు ₹ 1,228 (మస్టర్ రోల్ 30451, 28-11-2026 తో ముగిసిన వారం)',
        ),
        fact('Expected credit', 'జమ అయ్యే తేదీ', 'by 12-12-2026', '12-12-2026 లోగా'),
        account('4821', 'State Bank of India, Tadikonda', 'స్టేట్ బ్యాంక్ ఆఫ్ ఇండియా, తాడికొండ'),
      ],
      updatedAt: '2026-12-01T18:00:00+05:30',
    },
  },
  {
    service: 'transport.vehicle-registration-status',
    key: { 'vehicle-number': 'AP07CD4321' },
    record: {
      title: text('Vehicle AP07CD4321', 'వాహనం AP07CD4321'),
      facts: [
        person('Owner', 'యజమాని', ...RAVI),
        fact('Vehicle', 'వాహనం', 'Motorcycle, Hero Splendor Plus, petrol', 'మోటార్ సైకిల్, హీరో స్ప్లెండర్ ప్లస్, పెట్రోల్'),
        fact('Registered', 'నమోదు', '14-06-2019, RTA Guntur', '14-06-2019, ఆర్టీఏ గుంటూరు'),
        fact('RC status', 'ఆర్సీ స్థితి', 'Active', 'అమలులో ఉంది'),
        fact('Registration valid until', 'రిజిస్ట్రేషన్ గడువు', '13-06-2034'),
        fact('Road tax', 'రోడ్డు పన్ను', 'Paid for the life of the vehicle', 'వాహన జీవితకాలానికి చెల్లించారు'),
        fact('Insurance valid until', 'బీమా గడువు', '13-06-2027'),
        fact('Pollution certificate until', 'కాలుష్య పత్రం గడువు', '21-02-2027'),
        fact('Hypothecation', 'తాకట్టు', 'None', 'లేదు'),
      ],
      updatedAt: '2026-06-14T11:05:00+05:30',
    },
  },
  {
    service: 'police.fir-status',
    key: { 'reference-number': '0412202600245', district: 'guntur' },
    record: {
      title: text('FIR 245/2026, Tadikonda police station', 'ఎఫ్ఐఆర్ 245/2026, తాడికొండ పోలీస్ స్టేషన్'),
      facts: [
        fact('Registered on', 'నమోదు తేదీ', '17-09-2026'),
        fact('Sections', 'సెక్షన్లు', 'BNS 303(2), theft', 'బీఎన్ఎస్ 303(2), దొంగతనం'),
        fact('Stage', 'దశ', 'Under investigation', 'దర్యాప్తులో ఉంది'),
        fact(
          'Last action',
          'చివరి చర్య',
          'Stolen property partly recovered on 02-11-2026',
          '02-11-2026 న దొంగిలించిన సొత్తు కొంత స్వాధీనం',
        ),
        person('Investigating officer (SI)', 'దర్యాప్తు అధికారి (ఎస్ఐ)', 'Kota Prasada Rao', 'కోట ప్రసాద రావు'),
      ],
      updatedAt: '2026-11-02T19:20:00+05:30',
    },
  },
  {
    service: 'village-secretariat.scheme-eligibility',
    key: { aadhaar: '234567890124' },
    record: {
      title: text('Welfare schemes: eligibility of the household', 'సంక్షేమ పథకాలు: కుటుంబ అర్హత'),
      facts: [
        person('Head of household', 'కుటుంబ యజమాని', ...RAVI),
        fact('Annadata Sukhibhava', 'అన్నదాత సుఖీభవ', 'Eligible: farmer with 3.95 acres', 'అర్హులు: 3.95 ఎకరాల రైతు'),
        fact('Rice card', 'బియ్యం కార్డు', 'Eligible: card 2812045678', 'అర్హులు: కార్డు 2812045678'),
        fact('Thalliki Vandanam', 'తల్లికి వందనం', 'Eligible for 1 child, class 4', '4వ తరగతిలోని 1 బిడ్డకు అర్హులు'),
        fact('Deepam-2 (free gas refills)', 'దీపం-2 (ఉచిత గ్యాస్ సిలిండర్లు)', 'Eligible: 3 a year', 'అర్హులు: ఏడాదికి 3'),
        fact('NTR Bharosa pension', 'ఎన్టీఆర్ భరోసా పెన్షన్', 'Not eligible: below 60 years', 'అర్హులు కారు: 60 ఏళ్ల లోపు'),
      ],
      updatedAt: '2026-11-15T10:00:00+05:30',
    },
  },
];

const lakshmi: RegisterEntry[] = [
  {
    service: 'social-welfare.pension-status',
    key: { aadhaar: '345678901238' },
    record: {
      title: text('NTR Bharosa pension', 'ఎన్టీఆర్ భరోసా పెన్షన్'),
      facts: [
        person('Pensioner', 'పెన్షనర్', ...LAKSHMI),
        fact('Pension ID', 'పెన్షన్ ఐడీ', '1028471536'),
        fact('Category', 'వర్గం', 'Widow', 'వితంతు'),
        fact('Monthly amount', 'నెలవారీ మొత్తం', '₹ 4,000'),
        status('Active', 'అమలులో ఉంది'),
        fact(
          'Last paid',
          'చివరి చెల్లింపు',
          '01-12-2026, at home by the secretariat staff',
          '01-12-2026, సచివాలయ సిబ్బంది ఇంటి వద్ద అందజేశారు',
        ),
        fact('Secretariat', 'సచివాలయం', 'Machilipatnam ward 14', 'మచిలీపట్నం వార్డు 14'),
      ],
      updatedAt: '2026-12-01T08:45:00+05:30',
    },
  },
  {
    service: 'school-education.mother-support-status',
    key: { aadhaar: '345678901238' },
    record: {
      title: text('Thalliki Vandanam 2026-27', 'తల్లికి వందనం 2026-27'),
      facts: [
        person('Mother', 'తల్లి', ...LAKSHMI),
        fact('Children counted', 'లెక్కించిన పిల్లలు', '2 (classes 7 and 10)', '2 (7వ, 10వ తరగతులు)'),
        fact('Amount', 'మొత్తం', '₹ 26,000 (₹ 13,000 per child)', '₹ 26,000 (ఒక్కో బిడ్డకు ₹ 13,000)'),
        fact('Attendance', 'హాజరు', '78%, meets the 75% rule', '78%, 75% నిబంధనకు సరిపోతుంది'),
        status('Credited on 12-06-2026', '12-06-2026 న జమ అయింది'),
        account('7734', 'Union Bank of India, Machilipatnam', 'యూనియన్ బ్యాంక్ ఆఫ్ ఇండియా, మచిలీపట్నం'),
      ],
      updatedAt: '2026-06-12T11:00:00+05:30',
    },
  },
  {
    service: 'fisheries.ban-period-relief',
    key: { aadhaar: '345678901238' },
    record: {
      title: text('Matsyakarula Sevalo 2026 (fishing ban relief)', 'మత్స్యకారుల సేవలో 2026 (వేట నిషేధ భృతి)'),
      facts: [
        person('Beneficiary', 'లబ్ధిదారు', ...LAKSHMI),
        fact('Ban period', 'నిషేధ కాలం', '15-04-2026 to 14-06-2026', '15-04-2026 నుండి 14-06-2026 వరకు'),
        fact('Boat', 'పడవ', 'Motorised boat AP-KRI-MO-1187, crew', 'మోటారు పడవ AP-KRI-MO-1187, సిబ్బంది'),
        fact('Fishing harbour', 'ఫిషింగ్ హార్బర్', 'Gilakaladindi, Machilipatnam', 'గిలకలదిండి, మచిలీపట్నం'),
        fact('Amount', 'మొత్తం', '₹ 20,000'),
        status('Credited on 24-06-2026', '24-06-2026 న జమ అయింది'),
        account('7734', 'Union Bank of India, Machilipatnam', 'యూనియన్ బ్యాంక్ ఆఫ్ ఇండియా, మచిలీపట్నం'),
      ],
      updatedAt: '2026-06-24T15:30:00+05:30',
    },
  },
  {
    service: 'higher-education.eapcet-results',
    key: { 'reference-number': '2611240587', 'date-of-birth': '2008-05-14' },
    record: {
      title: text('AP EAPCET 2026 result, hall ticket 2611240587', 'ఏపీ ఈఏపీసెట్ 2026 ఫలితం, హాల్ టికెట్ 2611240587'),
      facts: [
        person('Candidate', 'అభ్యర్థి', 'Naidu Sai Charan', 'నాయుడు సాయి చరణ్'),
        fact('Stream', 'విభాగం', 'Engineering', 'ఇంజనీరింగ్'),
        fact('Marks', 'మార్కులు', '104 of 160', '160 కి 104'),
        fact('Rank', 'ర్యాంకు', '8,412'),
        fact('Result', 'ఫలితం', 'Qualified', 'అర్హత సాధించారు'),
        fact('Counselling', 'కౌన్సెలింగ్', 'Web options open from 07-07-2026', '07-07-2026 నుండి వెబ్ ఆప్షన్లు'),
      ],
      updatedAt: '2026-06-08T12:00:00+05:30',
    },
  },
  {
    service: 'village-secretariat.scheme-eligibility',
    key: { aadhaar: '345678901238' },
    record: {
      title: text('Welfare schemes: eligibility of the household', 'సంక్షేమ పథకాలు: కుటుంబ అర్హత'),
      facts: [
        person('Head of household', 'కుటుంబ యజమాని', ...LAKSHMI),
        fact('NTR Bharosa pension', 'ఎన్టీఆర్ భరోసా పెన్షన్', 'Receiving: widow pension', 'పొందుతున్నారు: వితంతు పెన్షన్'),
        fact('Thalliki Vandanam', 'తల్లికి వందనం', 'Receiving for 2 children', '2 పిల్లలకు పొందుతున్నారు'),
        fact('Matsyakarula Sevalo', 'మత్స్యకారుల సేవలో', 'Receiving', 'పొందుతున్నారు'),
        fact('Deepam-2 (free gas refills)', 'దీపం-2 (ఉచిత గ్యాస్ సిలిండర్లు)', 'Eligible: 3 a year', 'అర్హులు: ఏడాదికి 3'),
        fact('Rice card', 'బియ్యం కార్డు', 'Not eligible: income above the limit', 'అర్హులు కారు: ఆదాయం పరిమితి మించింది'),
      ],
      updatedAt: '2026-11-15T10:00:00+05:30',
    },
  },
];

const syed: RegisterEntry[] = [
  {
    service: 'minority-welfare.imam-muezzin-honorarium',
    key: { aadhaar: '456789012341' },
    record: {
      title: text('Honorarium of muezzins', 'మౌజన్ల గౌరవ వేతనం'),
      facts: [
        person('Beneficiary', 'లబ్ధిదారు', ...SYED),
        fact('Role', 'హోదా', 'Muezzin, Jama Masjid, Old Town, Kurnool', 'మౌజన్, జామా మసీదు, ఓల్డ్ టౌన్, కర్నూలు'),
        fact('Monthly honorarium', 'నెలవారీ గౌరవ వేతనం', '₹ 5,000'),
        fact('Paid up to', 'చెల్లించిన నెల', 'October 2026', 'అక్టోబర్ 2026'),
        fact('Pending', 'పెండింగ్', 'November 2026: sanctioned, to be credited', 'నవంబర్ 2026: మంజూరైంది, జమ కావాలి'),
        account('5502', 'Canara Bank, Kurnool', 'కెనరా బ్యాంక్, కర్నూలు'),
      ],
      updatedAt: '2026-11-25T17:10:00+05:30',
    },
  },
  {
    service: 'civil-supplies.ration-card-status',
    key: { 'reference-number': '2813067214' },
    record: {
      title: text('Rice card 2813067214', 'బియ్యం కార్డు 2813067214'),
      facts: [
        person('Card holder', 'కార్డుదారు', ...SYED),
        status('Active', 'అమలులో ఉంది'),
        fact('Members', 'సభ్యులు', '3'),
        fact('Monthly quota', 'నెలవారీ కోటా', 'Rice 15 kg, sugar 1 kg', 'బియ్యం 15 కిలోలు, చక్కెర 1 కిలో'),
        fact('Fair price shop', 'చౌక ధరల దుకాణం', 'No. 1306021, Kurnool Old Town', 'నం. 1306021, కర్నూలు ఓల్డ్ టౌన్'),
        fact('Last drawn', 'చివరిసారి తీసుకున్నది', 'Not yet for December 2026', 'డిసెంబర్ 2026 కోటా ఇంకా తీసుకోలేదు'),
      ],
      updatedAt: '2026-11-06T09:40:00+05:30',
    },
  },
  {
    service: 'commercial-taxes.gst-status',
    key: { 'reference-number': '370926001234' },
    record: {
      title: text('GST application 370926001234', 'జీఎస్టీ దరఖాస్తు 370926001234'),
      facts: [
        fact('Trade name', 'వ్యాపార పేరు', 'Rahman Electricals', 'రెహమాన్ ఎలక్ట్రికల్స్'),
        fact('Application', 'దరఖాస్తు', 'New registration (REG-01)', 'కొత్త నమోదు (REG-01)'),
        fact('Filed on', 'దాఖలు తేదీ', '06-11-2026'),
        status('Approved on 13-11-2026', '13-11-2026 న ఆమోదించబడింది'),
        fact('GSTIN', 'జీఎస్టీఐఎన్', '37ABCPR1234F1Z5'),
        fact('Jurisdiction', 'పరిధి', 'Kurnool-I circle', 'కర్నూలు-I సర్కిల్'),
      ],
      updatedAt: '2026-11-13T14:25:00+05:30',
    },
  },
  {
    service: 'industries.single-window-status',
    key: { 'reference-number': '2026110456' },
    record: {
      title: text('Single Desk application 2026110456', 'సింగిల్ డెస్క్ దరఖాస్తు 2026110456'),
      facts: [
        fact('Enterprise', 'సంస్థ', 'Rahman Cold Storage, Kurnool', 'రెహమాన్ కోల్డ్ స్టోరేజ్, కర్నూలు'),
        fact('Building plan', 'భవన నిర్మాణ అనుమతి', 'Approved on 21-10-2026', '21-10-2026 న ఆమోదించబడింది'),
        fact('Consent to establish', 'స్థాపనకు సమ్మతి (కాలుష్య నియంత్రణ)', 'Approved on 04-11-2026', '04-11-2026 న ఆమోదించబడింది'),
        fact('Fire safety NOC', 'అగ్నిమాపక ఎన్ఓసీ', 'Inspection on 09-12-2026', '09-12-2026 న తనిఖీ'),
        fact('Power connection (HT)', 'విద్యుత్ కనెక్షన్ (హెచ్‌టీ)', 'Feasibility under review', 'సాధ్యాసాధ్యాల పరిశీలనలో ఉంది'),
        fact('Factory licence', 'ఫ్యాక్టరీ లైసెన్స్', 'Waiting for the fire NOC', 'అగ్నిమాపక ఎన్ఓసీ కోసం వేచి ఉంది'),
      ],
      updatedAt: '2026-11-30T12:00:00+05:30',
    },
  },
  {
    service: 'apsrtc.parcel-tracking',
    key: { 'reference-number': '110226004517' },
    record: {
      title: text('APSRTC cargo parcel 110226004517', 'ఏపీఎస్ఆర్టీసీ కార్గో పార్శిల్ 110226004517'),
      facts: [
        fact('From', 'నుండి', 'Kurnool bus station', 'కర్నూలు బస్ స్టేషన్'),
        fact('To', 'వరకు', 'Vijayawada, Pandit Nehru bus station', 'విజయవాడ, పండిట్ నెహ్రూ బస్ స్టేషన్'),
        fact('Booked on', 'బుక్ చేసిన తేదీ', '03-12-2026'),
        fact('Articles', 'వస్తువులు', '1 carton, 12 kg', '1 అట్టపెట్టె, 12 కిలోలు'),
        status('Arrived; collect at the cargo counter', 'చేరింది; కార్గో కౌంటర్ వద్ద తీసుకోండి'),
        person('Receiver', 'స్వీకర్త', 'Syed Imran', 'సయ్యద్ ఇమ్రాన్'),
      ],
      updatedAt: '2026-12-04T06:40:00+05:30',
    },
  },
  {
    service: 'youth-sports.sports-quota-status',
    key: { 'reference-number': '26004412' },
    record: {
      title: text('Sports quota check 26004412', 'క్రీడా కోటా పరిశీలన 26004412'),
      facts: [
        person('Candidate', 'అభ్యర్థి', 'Syed Ayesha', 'సయ్యద్ ఆయేషా'),
        fact('Sport', 'క్రీడ', 'Kabaddi', 'కబడ్డీ'),
        fact('Certificate', 'సర్టిఫికెట్', 'State level, second place, 2025', 'రాష్ట్ర స్థాయి, ద్వితీయ స్థానం, 2025'),
        status(
          'Verified by the District Sports Authority; sent to the admitting college',
          'జిల్లా క్రీడా ప్రాధికార సంస్థ ధృవీకరించింది; ప్రవేశ కళాశాలకు పంపారు',
        ),
        fact('Verified on', 'ధృవీకరించిన తేదీ', '27-11-2026'),
      ],
      updatedAt: '2026-11-27T16:00:00+05:30',
    },
  },
  {
    service: 'housing.housing-status',
    key: { 'reference-number': '2813150123' },
    record: {
      title: text('House sanction 2813150123', 'ఇంటి మంజూరు 2813150123'),
      facts: [
        person('Beneficiary', 'లబ్ధిదారు', ...SYED),
        fact('Scheme', 'పథకం', 'PMAY-Gramin (NTR Housing)', 'పీఎంఏవై-గ్రామీణ్ (ఎన్టీఆర్ గృహ నిర్మాణం)'),
        fact('Sanctioned', 'మంజూరు', '₹ 1,80,000 on 10-02-2026', '10-02-2026 న ₹ 1,80,000'),
        fact('Stage', 'దశ', 'Roof level reached', 'పైకప్పు స్థాయికి చేరింది'),
        fact(
          'Bills paid',
          'చెల్లించిన బిల్లులు',
          '₹ 1,20,000 (basement, lintel and roof levels)',
          '₹ 1,20,000 (బేస్‌మెంట్, లింటెల్, పైకప్పు స్థాయిలు)',
        ),
        fact(
          'Next bill',
          'తదుపరి బిల్లు',
          '₹ 60,000 on completion, after a geo-tagged photo',
          'ఇల్లు పూర్తయ్యాక, జియో-ట్యాగ్ ఫోటో తర్వాత ₹ 60,000',
        ),
      ],
      updatedAt: '2026-11-20T13:30:00+05:30',
    },
  },
  {
    service: 'village-secretariat.scheme-eligibility',
    key: { aadhaar: '456789012341' },
    record: {
      title: text('Welfare schemes: eligibility of the household', 'సంక్షేమ పథకాలు: కుటుంబ అర్హత'),
      facts: [
        person('Head of household', 'కుటుంబ యజమాని', ...SYED),
        fact('Rice card', 'బియ్యం కార్డు', 'Eligible: card 2813067214', 'అర్హులు: కార్డు 2813067214'),
        fact('Housing', 'గృహ నిర్మాణం', 'Sanctioned: 2813150123', 'మంజూరైంది: 2813150123'),
        fact('Honorarium of muezzins', 'మౌజన్ల గౌరవ వేతనం', 'Receiving', 'పొందుతున్నారు'),
        fact('Deepam-2 (free gas refills)', 'దీపం-2 (ఉచిత గ్యాస్ సిలిండర్లు)', 'Eligible: 3 a year', 'అర్హులు: ఏడాదికి 3'),
        fact('NTR Bharosa pension', 'ఎన్టీఆర్ భరోసా పెన్షన్', 'Not eligible: below 60 years', 'అర్హులు కారు: 60 ఏళ్ల లోపు'),
      ],
      updatedAt: '2026-11-15T10:00:00+05:30',
    },
  },
];

/** Every record of the sample citizens, in the registers of their departments. */
export const citizenRegisters: readonly RegisterEntry[] = [...ravi, ...lakshmi, ...syed];
