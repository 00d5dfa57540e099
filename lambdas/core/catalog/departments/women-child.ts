import { department } from '../define.ts';
import { fields as F } from '../fields.ts';

export default department(
  'women-child',
  ['Women & Child Welfare', 'మహిళా శిశు సంక్షేమం'],
  ['Child Development Project Officer', 'శిశు అభివృద్ధి ప్రాజెక్టు అధికారి'],
  [
    {
      id: 'anganwadi-enrolment',
      kind: 'application',
      name: ['Anganwadi enrolment', 'అంగన్వాడీ నమోదు'],
      about: ['Enrol a child under six at the anganwadi', 'ఆరేళ్ల లోపు బిడ్డను అంగన్వాడీలో నమోదు'],
      synonyms: ['anganwadi', 'అంగన్వాడీ'],
      fields: [F.childName, F.dateOfBirth, F.village],
      slaDays: 7,
      document: 'acknowledgement',
    },
    {
      id: 'maternity-nutrition',
      kind: 'application',
      name: ['Nutrition for mothers', 'తల్లులకు పౌష్టికాహారం'],
      about: ['Take-home nutrition for pregnant and nursing women', 'గర్భిణులు, బాలింతలకు పౌష్టికాహారం'],
      synonyms: ['pregnant', 'nutrition', 'sampoorna poshana', 'పౌష్టికాహారం', 'గర్భిణి'],
      fields: [F.applicantName, F.aadhaar, F.village],
      slaDays: 7,
      document: 'acknowledgement',
    },
    {
      id: 'women-grievance',
      kind: 'grievance',
      name: ['Women safety complaint', 'మహిళా భద్రత ఫిర్యాదు'],
      about: ['Harassment or domestic violence (emergency: 181 or 112)', 'వేధింపులు, గృహ హింస (అత్యవసరమైతే 181 లేదా 112)'],
      synonyms: ['harassment', 'domestic violence', 'disha', 'vedhimpulu', 'vedhistunnadu', 'వేధింపులు', 'వేధిస్తున్నాడు'],
      fields: [F.complaint],
      slaDays: 1,
      document: 'acknowledgement',
    },
    {
      id: 'girl-child-scheme',
      kind: 'application',
      name: ['Girl child scheme', 'బాలిక సంరక్షణ పథకం'],
      about: ['Deposit and support for a girl child', 'ఆడపిల్లకు డిపాజిట్, సహాయం'],
      synonyms: ['girl child', 'balika', 'బాలిక'],
      fields: [F.childName, F.dateOfBirth, F.fatherName],
      slaDays: 30,
      officerApproval: true,
      document: 'sanction-order',
    },
  ],
);
