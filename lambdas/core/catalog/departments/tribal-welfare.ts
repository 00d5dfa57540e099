import { department } from '../define.ts';
import { fields as F } from '../fields.ts';

export default department(
  'tribal-welfare',
  ['Tribal Welfare', 'గిరిజన సంక్షేమం'],
  ['Project Officer, ITDA', 'ప్రాజెక్టు అధికారి, ఐటీడీఏ'],
  [
    {
      id: 'forest-rights',
      kind: 'application',
      name: ['Forest rights (ROFR)', 'అటవీ హక్కుల పట్టా'],
      about: ['Title for forest land cultivated by tribal families', 'గిరిజనులు సాగు చేసే అటవీ భూమికి పట్టా'],
      synonyms: ['rofr', 'forest rights', 'podu', 'పోడు', 'అటవీ హక్కు'],
      fields: [F.applicantName, F.aadhaar, F.village, F.surveyNumber],
      slaDays: 90,
      officerApproval: true,
      document: 'title-deed',
    },
    {
      id: 'tribal-hostel',
      kind: 'application',
      name: ['Tribal school seat', 'గిరిజన పాఠశాల సీటు'],
      about: ['Admission to an ashram or residential school', 'ఆశ్రమ లేదా గురుకుల పాఠశాలలో ప్రవేశం'],
      synonyms: ['ashram school', 'gurukulam', 'గురుకులం'],
      fields: [F.studentName, F.gender, F.dateOfBirth],
      slaDays: 15,
      officerApproval: true,
      document: 'admission-letter',
    },
    {
      id: 'tribal-scholarship',
      kind: 'application',
      name: ['ST scholarship', 'ఎస్టీ ఉపకార వేతనం'],
      about: ['Post-matric scholarship for ST students', 'ఎస్టీ విద్యార్థులకు పోస్ట్ మెట్రిక్ స్కాలర్‌షిప్'],
      synonyms: ['st scholarship', 'tribal scholarship', 'ఎస్టీ స్కాలర్‌షిప్'],
      fields: [F.studentName, F.aadhaar, F.annualIncome],
      slaDays: 30,
      officerApproval: true,
      document: 'sanction-order',
    },
    {
      id: 'tribal-grievance',
      kind: 'grievance',
      name: ['ITDA grievance', 'ఐటీడీఏ ఫిర్యాదు'],
      about: ['Problems with schemes in tribal areas', 'గిరిజన ప్రాంత పథకాలలో సమస్యలు'],
      synonyms: ['itda', 'tribal complaint', 'ఐటీడీఏ'],
      fields: [F.village, F.complaint, F.district],
      slaDays: 15,
      document: 'acknowledgement',
    },
  ],
);
