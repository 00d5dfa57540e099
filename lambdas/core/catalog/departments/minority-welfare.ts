import { department } from '../define.ts';
import { fields as F } from '../fields.ts';

export default department(
  'minority-welfare',
  ['Minority Welfare', 'మైనారిటీ సంక్షేమం'],
  ['District Minority Welfare Officer', 'జిల్లా మైనారిటీ సంక్షేమ అధికారి'],
  [
    {
      id: 'scholarship',
      kind: 'application',
      name: ['Minority scholarship', 'మైనారిటీ ఉపకార వేతనం'],
      about: ['Scholarship for minority community students', 'మైనారిటీ విద్యార్థులకు ఉపకార వేతనం'],
      synonyms: ['minority scholarship', 'మైనారిటీ స్కాలర్‌షిప్'],
      fields: [F.studentName, F.aadhaar, F.annualIncome],
      slaDays: 30,
      officerApproval: true,
      document: 'sanction-order',
    },
    {
      id: 'marriage-assistance',
      kind: 'application',
      name: ['Marriage assistance', 'వివాహ ఆర్థిక సాయం'],
      about: ['Financial help for the marriage of a daughter', 'కుమార్తె వివాహానికి ఆర్థిక సహాయం'],
      synonyms: ['shaadi', 'dulhan', 'kalyanamasthu', 'వివాహ సాయం'],
      fields: [F.applicantName, F.aadhaar, F.eventDate],
      slaDays: 30,
      officerApproval: true,
      document: 'sanction-order',
    },
    {
      id: 'imam-muezzin-honorarium',
      kind: 'status-lookup',
      name: ['Honorarium status', 'గౌరవ వేతన స్థితి'],
      about: ['Imam, muezzin and pastor honorarium payments', 'ఇమామ్, మౌజన్, పాస్టర్ గౌరవ వేతనం చెల్లింపులు'],
      synonyms: ['imam', 'muezzin', 'pastor', 'honorarium', 'గౌరవ వేతనం'],
      fields: [F.aadhaar],
      slaDays: 1,
      document: 'status-report',
    },
    {
      id: 'self-employment-loan',
      kind: 'application',
      name: ['Self-employment loan', 'స్వయం ఉపాధి రుణం'],
      about: ['Subsidised loan to start a small business', 'చిన్న వ్యాపారానికి సబ్సిడీ రుణం'],
      synonyms: ['loan', 'self employment', 'swayam upadhi', 'రుణం'],
      fields: [F.applicantName, F.aadhaar, F.businessName, F.amount],
      slaDays: 45,
      officerApproval: true,
      document: 'sanction-order',
    },
  ],
);
