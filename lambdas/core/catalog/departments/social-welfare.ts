import { department } from '../define.ts';
import { fields as F } from '../fields.ts';

export default department(
  'social-welfare',
  ['Social Welfare', 'సాంఘిక సంక్షేమం'],
  ['District Social Welfare Officer', 'జిల్లా సాంఘిక సంక్షేమ అధికారి'],
  [
    {
      id: 'sc-scholarship',
      kind: 'application',
      name: ['SC scholarship', 'ఎస్సీ ఉపకార వేతనం'],
      about: ['Post-matric scholarship for SC students', 'ఎస్సీ విద్యార్థులకు పోస్ట్ మెట్రిక్ స్కాలర్‌షిప్'],
      synonyms: ['scholarship', 'sc scholarship', 'upakara vetanam', 'స్కాలర్‌షిప్', 'ఉపకార వేతనం'],
      fields: [F.studentName, F.aadhaar, F.annualIncome],
      slaDays: 30,
      officerApproval: true,
      document: 'sanction-order',
    },
    {
      id: 'hostel-admission',
      kind: 'application',
      name: ['Welfare hostel seat', 'సంక్షేమ హాస్టల్ సీటు'],
      about: ['A seat in a government welfare hostel', 'ప్రభుత్వ సంక్షేమ హాస్టల్‌లో సీటు'],
      synonyms: ['hostel', 'welfare hostel', 'హాస్టల్'],
      fields: [F.studentName, F.gender, F.dateOfBirth, F.district],
      slaDays: 15,
      officerApproval: true,
      document: 'admission-letter',
    },
    {
      id: 'pension-status',
      kind: 'status-lookup',
      name: ['Pension status', 'పెన్షన్ స్థితి'],
      about: ['Status of an NTR Bharosa social security pension', 'ఎన్టీఆర్ భరోసా సామాజిక పెన్షన్ స్థితి'],
      synonyms: ['pension', 'ntr bharosa', 'old age pension', 'వృద్ధాప్య పెన్షన్', 'పెన్షన్'],
      fields: [F.aadhaar],
      slaDays: 1,
      document: 'status-report',
    },
    {
      id: 'pension',
      kind: 'application',
      name: ['Social pension', 'సామాజిక పెన్షన్'],
      about: ['Old age, widow, weaver or other welfare pension', 'వృద్ధాప్య, వితంతు, చేనేత మరియు ఇతర పెన్షన్లు'],
      synonyms: ['new pension', 'widow pension', 'vitantu', 'వితంతు'],
      fields: [F.applicantName, F.aadhaar, F.dateOfBirth, F.village],
      slaDays: 30,
      officerApproval: true,
      document: 'sanction-order',
    },
  ],
);
