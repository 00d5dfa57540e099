import type * as z from '../validation.ts';
import type { DocumentTypeSchema } from './schema.ts';

type DocumentInput = z.input<typeof DocumentTypeSchema>;

/** English first, then Telugu. */
const doc = (title: [string, string], body: [string, string], validMonths?: number): DocumentInput => ({
  title: { en: title[0], te: title[1] },
  body: { en: body[0], te: body[1] },
  ...(validMonths === undefined ? {} : { validMonths }),
});

/**
 * Every kind of document the services issue, by type code (the code the QR code carries, so at most 24 characters
 * and never renamed). A body is the sentence the document certifies; `{holder}` is the person it is issued to,
 * `{guardian}` their father or husband, `{service}` the service's name, and any other `{field-id}` a printed answer
 * as the document prints it (an option's label, an amount in figures and words, a date as DD-MM-YYYY). The catalog
 * refuses a body naming a value that a service issuing it does not print.
 */
export const documents: Record<string, DocumentInput> = {
  'income-certificate': doc(
    ['Income Certificate', 'ఆదాయ ధృవీకరణ పత్రం'],
    [
      'This is to certify that {holder}, {relation} {guardian}, resident of {village}, {mandal} Mandal, {district} District, has an annual family income of {annual-income} from all sources. This certificate is issued for the purpose of {purpose}.',
      '{district} జిల్లా, {mandal} మండలం, {village} నివాసి అయిన {guardian} గారి {relation} {holder} యొక్క అన్ని మార్గాల ద్వారా కుటుంబ వార్షిక ఆదాయం {annual-income} అని ధృవీకరించడమైనది. ఈ పత్రం {purpose} కోసం జారీ చేయబడింది.',
    ],
    12,
  ),
  'caste-certificate': doc(
    ['Caste Certificate', 'కుల ధృవీకరణ పత్రం'],
    [
      'This is to certify that {holder}, {relation} {guardian}, resident of {village}, {mandal} Mandal, {district} District, belongs to the {caste-category} community, recognised as such by the Government of Andhra Pradesh. This certificate is issued for the purpose of {purpose}.',
      '{district} జిల్లా, {mandal} మండలం, {village} నివాసి అయిన {guardian} గారి {relation} {holder}, ఆంధ్రప్రదేశ్ ప్రభుత్వం గుర్తించిన {caste-category} వర్గానికి చెందినవారని ధృవీకరించడమైనది. ఈ పత్రం {purpose} కోసం జారీ చేయబడింది.',
    ],
  ),
  'residence-certificate': doc(
    ['Residence Certificate', 'నివాస ధృవీకరణ పత్రం'],
    [
      'This is to certify that {holder}, {relation} {guardian}, is a resident of {village}, {mandal} Mandal, {district} District, Andhra Pradesh. This certificate is issued for the purpose of {purpose}.',
      '{guardian} గారి {relation} {holder}, ఆంధ్రప్రదేశ్ రాష్ట్రం, {district} జిల్లా, {mandal} మండలం, {village} నివాసి అని ధృవీకరించడమైనది. ఈ పత్రం {purpose} కోసం జారీ చేయబడింది.',
    ],
  ),
  'family-member-cert': doc(
    ['Family Member Certificate', 'కుటుంబ సభ్యుల ధృవీకరణ పత్రం'],
    [
      'This is to certify that {holder}, {relation} {guardian}, resident of {village}, {mandal} Mandal, {district} District, is a member of the family recorded in the household records of the Government of Andhra Pradesh.',
      '{district} జిల్లా, {mandal} మండలం, {village} నివాసి అయిన {guardian} గారి {relation} {holder}, ఆంధ్రప్రదేశ్ ప్రభుత్వ గృహ రికార్డులలో నమోదైన కుటుంబ సభ్యులని ధృవీకరించడమైనది.',
    ],
  ),
  'ews-certificate': doc(
    ['EWS Certificate', 'ఆర్థికంగా బలహీన వర్గాల (ఈడబ్ల్యూఎస్) ధృవీకరణ పత్రం'],
    [
      "This is to certify that {holder}, {relation} {guardian}, resident of {village}, {mandal} Mandal, {district} District, belongs to the Economically Weaker Sections, the family's gross annual income being {annual-income}. This certificate is issued for the purpose of {purpose}.",
      '{district} జిల్లా, {mandal} మండలం, {village} నివాసి అయిన {guardian} గారి {relation} {holder}, కుటుంబ స్థూల వార్షిక ఆదాయం {annual-income} కావున, ఆర్థికంగా బలహీన వర్గాలకు చెందినవారని ధృవీకరించడమైనది. ఈ పత్రం {purpose} కోసం జారీ చేయబడింది.',
    ],
    12,
  ),
  'agri-income-certificate': doc(
    ['Agricultural Income Certificate', 'వ్యవసాయ ఆదాయ ధృవీకరణ పత్రం'],
    [
      'This is to certify that {holder}, {relation} {guardian}, resident of {village}, {mandal} Mandal, {district} District, has an annual income from agriculture of {annual-income}.',
      '{district} జిల్లా, {mandal} మండలం, {village} నివాసి అయిన {guardian} గారి {relation} {holder} యొక్క వ్యవసాయం ద్వారా వార్షిక ఆదాయం {annual-income} అని ధృవీకరించడమైనది.',
    ],
    12,
  ),
  'no-property-certificate': doc(
    ['No Property Certificate', 'ఆస్తి లేని ధృవీకరణ పత్రం'],
    [
      'This is to certify that {holder}, {relation} {guardian}, resident of {village}, {mandal} Mandal, {district} District, owns no agricultural land or house in the records of this office.',
      '{district} జిల్లా, {mandal} మండలం, {village} నివాసి అయిన {guardian} గారి {relation} {holder} పేరిట ఈ కార్యాలయ రికార్డులలో వ్యవసాయ భూమి గానీ ఇల్లు గానీ లేదని ధృవీకరించడమైనది.',
    ],
    6,
  ),
  'encumbrance-certificate': doc(
    ['Encumbrance Certificate', 'ఋణభార ధృవీకరణ పత్రం'],
    [
      'At the request of {holder}, the registers of this office have been searched for the years {from-year} to {to-year} for documents registered on survey number {survey-number} of {village}, {district} District. The period searched and every transaction registered in it are stated below.',
      '{holder} గారి అభ్యర్థన మేరకు, {district} జిల్లా, {village} లోని సర్వే నంబర్ {survey-number} పై {from-year} నుండి {to-year} సంవత్సరాల మధ్య నమోదైన దస్తావేజుల కోసం ఈ కార్యాలయ రిజిస్టర్లను పరిశీలించడమైనది. పరిశీలించిన కాలం, అందులో నమోదైన ప్రతి లావాదేవీ క్రింద పేర్కొనబడ్డాయి.',
    ],
  ),
  'birth-certificate': doc(
    ['Birth Certificate', 'జనన ధృవీకరణ పత్రం'],
    [
      'This is to certify that the following information has been taken from the original record of births: {child-name}, {gender}, born on {date-of-birth}.',
      'జనన రికార్డుల నుండి ఈ క్రింది వివరాలు తీసుకోబడినవని ధృవీకరించడమైనది: {child-name}, {gender}, పుట్టిన తేదీ {date-of-birth}.',
    ],
  ),
  'death-certificate': doc(
    ['Death Certificate', 'మరణ ధృవీకరణ పత్రం'],
    [
      'This is to certify that the following information has been taken from the original record of deaths: {deceased-name}, died on {event-date}.',
      'మరణ రికార్డుల నుండి ఈ క్రింది వివరాలు తీసుకోబడినవని ధృవీకరించడమైనది: {deceased-name}, మరణించిన తేదీ {event-date}.',
    ],
  ),
  'certified-copy': doc(
    ['Certified Copy', 'ధృవీకృత నకలు'],
    [
      'Certified to be a true copy of the registered document {reference-number}, issued to {holder}.',
      'రిజిస్టర్ అయిన దస్తావేజు {reference-number} కు ఇది నిజమైన నకలు అని ధృవీకరిస్తూ {holder} గారికి జారీ చేయడమైనది.',
    ],
  ),
  'migration-certificate': doc(
    ['Migration Certificate', 'మైగ్రేషన్ ధృవీకరణ పత్రం'],
    [
      'This is to certify that {student-name}, registration number {reference-number}, has no objection from this council to continue studies in another university or board.',
      'రిజిస్ట్రేషన్ సంఖ్య {reference-number} గల {student-name} మరొక విశ్వవిద్యాలయం లేదా బోర్డులో చదువు కొనసాగించడానికి ఈ మండలికి అభ్యంతరం లేదని ధృవీకరించడమైనది.',
    ],
  ),
  'study-certificate': doc(
    ['Study Certificate', 'స్టడీ ధృవీకరణ పత్రం'],
    [
      'This is to certify that {student-name}, born on {date-of-birth}, studied in a school of {district} District as recorded in the school records.',
      'పుట్టిన తేదీ {date-of-birth} గల {student-name}, పాఠశాల రికార్డుల ప్రకారం {district} జిల్లాలోని పాఠశాలలో చదివినారని ధృవీకరించడమైనది.',
    ],
  ),
  'vaccination-certificate': doc(
    ['Vaccination Certificate', 'టీకా ధృవీకరణ పత్రం'],
    [
      'This is to certify that {child-name}, born on {date-of-birth}, of {district} District, has received the vaccinations recorded against the child in the immunisation register.',
      '{district} జిల్లాకు చెందిన, పుట్టిన తేదీ {date-of-birth} గల {child-name}, టీకా రిజిస్టర్‌లో నమోదైన టీకాలు పొందినారని ధృవీకరించడమైనది.',
    ],
  ),
  'training-certificate': doc(
    ['Training Certificate', 'శిక్షణ ధృవీకరణ పత్రం'],
    [
      'This is to certify that {holder}, enrolment number {reference-number}, has completed the training recorded against that enrolment.',
      'నమోదు సంఖ్య {reference-number} గల {holder}, ఆ నమోదుకు సంబంధించిన శిక్షణను పూర్తి చేశారని ధృవీకరించడమైనది.',
    ],
  ),
  'pattadar-passbook': doc(
    ['Pattadar Passbook Order', 'పట్టాదారు పాసుపుస్తకం ఉత్తర్వు'],
    [
      'A pattadar passbook is ordered to be issued to {holder}, {relation} {guardian}, for survey number {survey-number} of {village}, {district} District.',
      '{district} జిల్లా, {village} లోని సర్వే నంబర్ {survey-number} కు {guardian} గారి {relation} {holder} గారికి పట్టాదారు పాసుపుస్తకం జారీ చేయాలని ఉత్తర్వు.',
    ],
  ),
  'mutation-order': doc(
    ['Mutation Proceedings', 'మ్యుటేషన్ ఉత్తర్వులు'],
    [
      'The land records of survey number {survey-number} of {village}, {district} District, are ordered to be mutated in the name of {holder}, {relation} {guardian}.',
      '{district} జిల్లా, {village} లోని సర్వే నంబర్ {survey-number} భూ రికార్డులను {guardian} గారి {relation} {holder} పేరిట మార్పు చేయాలని ఉత్తర్వు.',
    ],
  ),
  'conversion-order': doc(
    ['Land Conversion Proceedings', 'భూ వినియోగ మార్పిడి ఉత్తర్వులు'],
    [
      'Permission is granted to {holder}, {relation} {guardian}, to convert {land-type} in survey number {survey-number}, {district} District, to non-agricultural use.',
      '{district} జిల్లా, సర్వే నంబర్ {survey-number} లోని {land-type} ను వ్యవసాయేతర వినియోగానికి మార్చుటకు {guardian} గారి {relation} {holder} గారికి అనుమతి ఇవ్వడమైనది.',
    ],
  ),
  'land-record-extract': doc(
    ['Land Record Extract', 'భూ రికార్డు సారాంశం'],
    [
      'Extract of the land records of survey number {survey-number}, {village}, {district} District, as held by this office on the date of issue.',
      '{district} జిల్లా, {village} లోని సర్వే నంబర్ {survey-number} భూ రికార్డుల సారాంశం, జారీ తేదీ నాటికి ఈ కార్యాలయంలో ఉన్న విధంగా.',
    ],
  ),
  'trade-licence': doc(
    ['Trade Licence', 'వ్యాపార లైసెన్స్'],
    [
      'Licence is granted to {holder} to run the trade {business-name} at {address}, subject to the municipal bye-laws.',
      'పురపాలక ఉప నిబంధనలకు లోబడి {address} వద్ద {business-name} వ్యాపారం నిర్వహించుటకు {holder} గారికి లైసెన్స్ మంజూరు చేయడమైనది.',
    ],
    12,
  ),
  'building-permit': doc(
    ['Building Permission', 'భవన నిర్మాణ అనుమతి'],
    [
      'Permission is granted to {holder} to construct a building on survey number {survey-number} as per the approved plan.',
      'ఆమోదించిన ప్లాన్ ప్రకారం సర్వే నంబర్ {survey-number} లో భవన నిర్మాణానికి {holder} గారికి అనుమతి ఇవ్వడమైనది.',
    ],
    36,
  ),
  'connection-order': doc(
    ['Connection Order', 'కనెక్షన్ ఉత్తర్వు'],
    [
      'The application for {service} is sanctioned; the connection will be provided as per the rules.',
      '{service} దరఖాస్తు మంజూరు చేయబడింది; నిబంధనల ప్రకారం కనెక్షన్ ఇవ్వబడుతుంది.',
    ],
  ),
  'sanction-order': doc(
    ['Sanction Order', 'మంజూరు ఉత్తర్వు'],
    [
      'The application for {service} has been examined and is sanctioned as per the rules of the scheme.',
      '{service} దరఖాస్తు పరిశీలించబడి, పథకం నిబంధనల ప్రకారం మంజూరు చేయబడింది.',
    ],
  ),
  'allotment-order': doc(
    ['Allotment Order', 'కేటాయింపు ఉత్తర్వు'],
    [
      'A house site is allotted to {holder} of {village} under the housing scheme, as per the rules.',
      'గృహ నిర్మాణ పథకం కింద నిబంధనల ప్రకారం {village} కు చెందిన {holder} గారికి ఇంటి స్థలం కేటాయించడమైనది.',
    ],
  ),
  'admission-letter': doc(
    ['Admission Letter', 'ప్రవేశ పత్రం'],
    [
      'Admission is granted to {holder} for {service}, subject to the rules of the institution.',
      'సంస్థ నిబంధనలకు లోబడి {service} కోసం {holder} కు ప్రవేశం కల్పించడమైనది.',
    ],
  ),
  'permission-order': doc(
    ['Permission Order', 'అనుమతి ఉత్తర్వు'],
    [
      'Permission is granted to {holder} for the event on {travel-date}, subject to the conditions of the police.',
      'పోలీసు షరతులకు లోబడి {travel-date} న జరిగే కార్యక్రమానికి {holder} గారికి అనుమతి ఇవ్వడమైనది.',
    ],
  ),
  permit: doc(
    ['Permit', 'పర్మిట్'],
    [
      'A permit for {service} is granted to {holder}, subject to the conditions of the department.',
      'శాఖ షరతులకు లోబడి {service} కోసం {holder} గారికి పర్మిట్ మంజూరు చేయడమైనది.',
    ],
    1,
  ),
  'marriage-certificate': doc(
    ['Marriage Certificate', 'వివాహ ధృవీకరణ పత్రం'],
    [
      'This is to certify that the marriage of {holder}, solemnised on {event-date} at {address}, has been registered.',
      '{address} వద్ద {event-date} న జరిగిన {holder} వివాహం నమోదు చేయబడిందని ధృవీకరించడమైనది.',
    ],
  ),
  'verification-certificate': doc(
    ['Police Verification Certificate', 'పోలీసు ధృవీకరణ పత్రం'],
    [
      'This is to certify that {holder}, {relation} {guardian}, resident of {address}, has no adverse record in this police station.',
      '{address} నివాసి, {guardian} గారి {relation} {holder} పై ఈ పోలీస్ స్టేషన్‌లో ఎలాంటి ప్రతికూల రికార్డు లేదని ధృవీకరించడమైనది.',
    ],
    6,
  ),
  'lost-report': doc(
    ['Lost Article Report', 'పోగొట్టుకున్న వస్తువు నివేదిక'],
    [
      'The loss of an article on {event-date} near {address} has been reported to and recorded by this police station.',
      '{event-date} న {address} సమీపంలో వస్తువు పోగొట్టుకున్నట్లు ఈ పోలీస్ స్టేషన్‌లో నివేదించి నమోదు చేయడమైనది.',
    ],
  ),
  'bus-pass': doc(
    ['Bus Pass', 'బస్ పాస్'],
    [
      'A bus pass is issued to {holder} for {service}, valid on the services and routes the pass allows.',
      'పాస్ అనుమతించే సర్వీసులు, మార్గాలలో చెల్లుబాటు అయ్యేలా {service} కోసం {holder} గారికి బస్ పాస్ జారీ చేయడమైనది.',
    ],
    12,
  ),
  'rice-card': doc(
    ['Rice Card', 'బియ్యం కార్డు'],
    [
      'A rice card is issued to the household of {holder} for the public distribution system.',
      'ప్రజా పంపిణీ వ్యవస్థ కోసం {holder} కుటుంబానికి బియ్యం కార్డు జారీ చేయడమైనది.',
    ],
  ),
  'health-card': doc(
    ['Health Card', 'ఆరోగ్య కార్డు'],
    [
      'A health card is issued to {holder} and the family under the state health scheme.',
      'రాష్ట్ర ఆరోగ్య పథకం కింద {holder} మరియు కుటుంబానికి ఆరోగ్య కార్డు జారీ చేయడమైనది.',
    ],
  ),
  'identity-card': doc(
    ['Identity Card', 'గుర్తింపు కార్డు'],
    [
      'This identity card is issued to {holder}, registered under {service}.',
      '{service} కింద నమోదైన {holder} గారికి ఈ గుర్తింపు కార్డు జారీ చేయడమైనది.',
    ],
  ),
  'job-card': doc(
    ['Job Card', 'జాబ్ కార్డు'],
    [
      'A job card under the rural employment guarantee scheme is issued to {holder} of {village}.',
      'గ్రామీణ ఉపాధి హామీ పథకం కింద {village} కు చెందిన {holder} గారికి జాబ్ కార్డు జారీ చేయడమైనది.',
    ],
  ),
  'marks-memo': doc(
    ['Duplicate Marks Memo', 'నకలు మార్కుల జాబితా'],
    [
      'Duplicate marks memo of {student-name}, hall ticket number {reference-number}, born on {date-of-birth}, as recorded by the board.',
      'బోర్డు రికార్డుల ప్రకారం హాల్ టికెట్ సంఖ్య {reference-number}, పుట్టిన తేదీ {date-of-birth} గల {student-name} నకలు మార్కుల జాబితా.',
    ],
  ),
  'driving-licence': doc(
    ['Driving Licence Renewal', 'డ్రైవింగ్ లైసెన్స్ పునరుద్ధరణ'],
    [
      'The driving licence {reference-number} of the holder born on {date-of-birth} is renewed as per the Motor Vehicles Act.',
      'మోటారు వాహనాల చట్టం ప్రకారం పుట్టిన తేదీ {date-of-birth} గల వారి డ్రైవింగ్ లైసెన్స్ {reference-number} పునరుద్ధరించబడింది.',
    ],
  ),
  'registration-certificate': doc(
    ['Registration Certificate', 'నమోదు ధృవీకరణ పత్రం'],
    ['This is to certify that {holder} is registered under {service}.', '{service} కింద {holder} నమోదయ్యారని ధృవీకరించడమైనది.'],
  ),
  'registration-card': doc(
    ['Registration Card', 'నమోదు కార్డు'],
    ['Registration under {service} is recorded.', '{service} కింద నమోదు చేయబడింది.'],
  ),
  policy: doc(
    ['Insurance Policy', 'బీమా పాలసీ'],
    [
      'An insurance policy under {service} is issued to {holder}, subject to the terms of the scheme.',
      'పథకం నిబంధనలకు లోబడి {service} కింద {holder} గారికి బీమా పాలసీ జారీ చేయడమైనది.',
    ],
    12,
  ),
  'subsidy-token': doc(
    ['Subsidy Token', 'సబ్సిడీ టోకెన్'],
    [
      'A subsidy token under {service} is issued to {holder} of {village}.',
      '{service} కింద {village} కు చెందిన {holder} గారికి సబ్సిడీ టోకెన్ జారీ చేయడమైనది.',
    ],
    3,
  ),
  // The booking's slip: the soil health card itself follows from the lab once the sample is tested.
  'soil-test-registration': doc(
    ['Soil Test Registration', 'భూసార పరీక్ష నమోదు'],
    [
      'Soil test of survey number {survey-number}, {village}, registered for {holder}.',
      '{holder} గారి కోసం {village} లోని సర్వే నంబర్ {survey-number} భూసార పరీక్ష నమోదు చేయడమైనది.',
    ],
  ),
  'title-deed': doc(
    ['Forest Rights Title', 'అటవీ హక్కుల పత్రం'],
    [
      'Rights over the land in survey number {survey-number} of {village} are recognised in favour of {holder} under the Forest Rights Act.',
      'అటవీ హక్కుల చట్టం కింద {village} లోని సర్వే నంబర్ {survey-number} భూమిపై {holder} గారి హక్కులు గుర్తించడమైనది.',
    ],
  ),
  reservation: doc(
    ['Reservation Confirmation', 'రిజర్వేషన్ నిర్ధారణ'],
    [
      'The reservation for {service} is confirmed in the name of {holder}.',
      '{holder} పేరిట {service} రిజర్వేషన్ నిర్ధారించబడింది.',
    ],
  ),
  'slot-confirmation': doc(
    ['Slot Confirmation', 'సమయ నిర్ధారణ'],
    [
      'A slot for {service} is confirmed for {holder} on {travel-date}.',
      '{holder} గారికి {travel-date} న {service} కోసం సమయం నిర్ధారించబడింది.',
    ],
  ),
  'appointment-slip': doc(
    ['Appointment Slip', 'అపాయింట్‌మెంట్ స్లిప్'],
    ['An appointment for {service} is booked.', '{service} కోసం అపాయింట్‌మెంట్ బుక్ చేయబడింది.'],
  ),
  'e-ticket': doc(
    ['E-Ticket', 'ఈ-టికెట్'],
    [
      'A ticket for {service} is booked. Show this ticket with its QR code at entry.',
      '{service} కోసం టికెట్ బుక్ చేయబడింది. ప్రవేశం వద్ద ఈ టికెట్‌ను దాని క్యూఆర్ కోడ్‌తో చూపించండి.',
    ],
  ),
  'test-report': doc(
    ['Test Report', 'పరీక్ష నివేదిక'],
    ['Water sample from {village} registered for testing.', '{village} నుండి నీటి నమూనా పరీక్ష కోసం నమోదు చేయబడింది.'],
  ),
  'payment-receipt': doc(
    ['Payment Receipt', 'చెల్లింపు రసీదు'],
    ['Payment received towards {service}.', '{service} కోసం చెల్లింపు స్వీకరించబడింది.'],
  ),
  'donation-receipt': doc(
    ['Donation Receipt', 'విరాళం రసీదు'],
    [
      'Received with thanks from {holder} a donation of {amount} to {temple}.',
      '{temple} కు {holder} గారి నుండి {amount} విరాళం కృతజ్ఞతలతో స్వీకరించడమైనది.',
    ],
  ),
  'refund-receipt': doc(
    ['Refund Receipt', 'వాపసు రసీదు'],
    [
      'The ticket {reference-number} is cancelled and its refund is processed as per the rules.',
      'టికెట్ {reference-number} రద్దు చేయబడి, నిబంధనల ప్రకారం వాపసు చేయబడింది.',
    ],
  ),
  acknowledgement: doc(
    ['Acknowledgement', 'రసీదు'],
    [
      'Your request for {service} has been received and registered. It will be attended to within the service level.',
      'మీ {service} అభ్యర్థన స్వీకరించి నమోదు చేయబడింది. నిర్ణీత గడువులోగా చర్య తీసుకోబడుతుంది.',
    ],
  ),
  'status-report': doc(
    ['Status Report', 'స్థితి నివేదిక'],
    ['Status of {service} as recorded on the date of issue.', 'జారీ తేదీ నాటికి నమోదైన {service} స్థితి.'],
  ),
};
