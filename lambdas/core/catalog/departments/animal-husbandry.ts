import { department } from '../define.ts';
import { fields as F } from '../fields.ts';

export default department(
  'animal-husbandry',
  ['Animal Husbandry', 'పశుసంవర్ధకం'],
  ['Veterinary Assistant Surgeon', 'పశువైద్య సహాయ సర్జన్'],
  [
    {
      id: 'vet-visit',
      kind: 'booking',
      name: ['Veterinary visit', 'పశువైద్య సందర్శన'],
      about: ['A vet visit or mobile clinic for sick animals', 'జబ్బుపడిన పశువులకు వైద్యుడు లేదా సంచార వైద్యశాల'],
      synonyms: ['vet', 'veterinary', 'cattle doctor', 'pashu vaidyam', 'పశువైద్యం'],
      fields: [F.district, F.village, F.details, F.mobile, F.travelDate],
      slaDays: 1,
      document: 'appointment-slip',
    },
    {
      id: 'livestock-insurance',
      kind: 'application',
      name: ['Livestock insurance', 'పశువుల బీమా'],
      about: ['Insure cows, buffaloes, sheep and goats', 'ఆవులు, గేదెలు, గొర్రెలు, మేకలకు బీమా'],
      synonyms: ['cattle insurance', 'livestock', 'pashu bima', 'పశు బీమా'],
      fields: [F.applicantName, F.aadhaar, F.details],
      slaDays: 15,
      officerApproval: true,
      document: 'policy',
    },
    {
      id: 'fodder-seed',
      kind: 'application',
      name: ['Fodder seed subsidy', 'పశుగ్రాస విత్తనాలు'],
      about: ['Subsidised fodder seed for dairy farmers', 'పాడి రైతులకు సబ్సిడీ పశుగ్రాస విత్తనాలు'],
      synonyms: ['fodder', 'grass', 'gaddi', 'గడ్డి', 'పశుగ్రాసం'],
      fields: [F.applicantName, F.village],
      slaDays: 15,
      document: 'subsidy-token',
    },
    {
      id: 'vaccination-camp',
      kind: 'status-lookup',
      name: ['Animal vaccine camps', 'పశు టీకా శిబిరాలు'],
      about: ['Dates of vaccination camps in your mandal', 'మీ మండలంలో పశు టీకా శిబిరాల తేదీలు'],
      synonyms: ['foot and mouth', 'vaccination camp', 'పశు టీకా'],
      fields: [F.district],
      slaDays: 1,
      document: 'status-report',
    },
  ],
);
