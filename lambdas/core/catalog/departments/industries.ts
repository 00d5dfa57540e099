import { department } from '../define.ts';
import { fields as F } from '../fields.ts';

export default department(
  'industries',
  ['Industries', 'పరిశ్రమలు'],
  ['General Manager, District Industries Centre', 'జనరల్ మేనేజర్, జిల్లా పరిశ్రమల కేంద్రం'],
  [
    {
      id: 'single-window-status',
      kind: 'status-lookup',
      name: ['Single desk status', 'సింగిల్ డెస్క్ స్థితి'],
      about: ['Status of industrial clearances applied for', 'పరిశ్రమ అనుమతుల దరఖాస్తు స్థితి'],
      synonyms: ['single window', 'single desk', 'clearance', 'సింగిల్ డెస్క్'],
      fields: [F.referenceNumber],
      slaDays: 1,
      document: 'status-report',
    },
    {
      id: 'msme-registration',
      kind: 'application',
      name: ['MSME registration help', 'ఎంఎస్ఎంఈ నమోదు సహాయం'],
      about: ['Help to register a small enterprise (Udyam)', 'చిన్న పరిశ్రమ (ఉద్యమ్) నమోదుకు సహాయం'],
      synonyms: ['msme', 'udyam', 'small industry', 'ఎంఎస్ఎంఈ'],
      fields: [F.businessName, F.applicantName, F.mobile],
      slaDays: 7,
      document: 'acknowledgement',
    },
    {
      id: 'incentive',
      kind: 'application',
      name: ['Industrial incentive', 'పారిశ్రామిక ప్రోత్సాహకం'],
      about: ['Investment and power subsidies for new units', 'కొత్త యూనిట్లకు పెట్టుబడి, విద్యుత్ సబ్సిడీ'],
      synonyms: ['incentive', 'subsidy', 'protsahakam', 'ప్రోత్సాహకం'],
      fields: [F.businessName, F.referenceNumber, F.details],
      slaDays: 60,
      officerApproval: true,
      document: 'sanction-order',
    },
    {
      id: 'industry-grievance',
      kind: 'grievance',
      name: ['Industry grievance', 'పరిశ్రమల ఫిర్యాదు'],
      about: ['Delays or problems with an industrial approval', 'పరిశ్రమ అనుమతిలో జాప్యం లేదా సమస్య'],
      synonyms: ['industry complaint', 'పరిశ్రమ ఫిర్యాదు'],
      fields: [F.businessName, F.complaint, F.district],
      slaDays: 15,
      document: 'acknowledgement',
    },
  ],
);
