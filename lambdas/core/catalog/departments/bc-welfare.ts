import { department } from '../define.ts';
import { fields as F } from '../fields.ts';

export default department(
  'bc-welfare',
  ['BC Welfare', 'బీసీ సంక్షేమం'],
  ['District Backward Classes Welfare Officer', 'జిల్లా వెనుకబడిన తరగతుల సంక్షేమ అధికారి'],
  [
    {
      id: 'bc-scholarship',
      kind: 'application',
      name: ['BC scholarship', 'బీసీ ఉపకార వేతనం'],
      about: ['Post-matric scholarship for BC students', 'బీసీ విద్యార్థులకు పోస్ట్ మెట్రిక్ స్కాలర్‌షిప్'],
      synonyms: ['bc scholarship', 'బీసీ స్కాలర్‌షిప్'],
      fields: [F.studentName, F.aadhaar, F.annualIncome],
      slaDays: 30,
      officerApproval: true,
      document: 'sanction-order',
    },
    {
      id: 'bc-hostel',
      kind: 'application',
      name: ['BC hostel seat', 'బీసీ హాస్టల్ సీటు'],
      about: ['A seat in a BC welfare hostel', 'బీసీ సంక్షేమ హాస్టల్‌లో సీటు'],
      synonyms: ['bc hostel', 'బీసీ హాస్టల్'],
      fields: [F.studentName, F.gender, F.district],
      slaDays: 15,
      officerApproval: true,
      document: 'admission-letter',
    },
    {
      id: 'artisan-support',
      kind: 'application',
      name: ['Artisan tool kit', 'చేతివృత్తుల పనిముట్లు'],
      about: ['Tools and support for traditional artisans', 'సంప్రదాయ చేతివృత్తుల వారికి పనిముట్లు'],
      synonyms: ['artisan', 'weaver', 'barber', 'washerman', 'tailor', 'చేతివృత్తి'],
      fields: [F.applicantName, F.aadhaar, F.details],
      slaDays: 30,
      officerApproval: true,
      document: 'sanction-order',
    },
  ],
);
