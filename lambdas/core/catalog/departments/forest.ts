import { department } from '../define.ts';
import { fields as F } from '../fields.ts';

export default department(
  'forest',
  ['Forest', 'అటవీ శాఖ'],
  ['District Forest Officer', 'జిల్లా అటవీ అధికారి'],
  [
    {
      id: 'tree-felling',
      kind: 'application',
      name: ['Tree felling permit', 'చెట్లు నరికే అనుమతి'],
      about: ['Permission to fell trees on private land', 'సొంత భూమిలో చెట్లు నరకడానికి అనుమతి'],
      synonyms: ['tree cutting', 'tree felling', 'chettu', 'చెట్లు'],
      fields: [F.applicantName, F.surveyNumber, F.details],
      slaDays: 30,
      officerApproval: true,
      document: 'permit',
    },
    {
      id: 'transit-permit',
      kind: 'application',
      name: ['Timber transit permit', 'కలప రవాణా అనుమతి'],
      about: ['Permit to transport timber or bamboo', 'కలప లేదా వెదురు రవాణాకు అనుమతి'],
      synonyms: ['timber', 'transit permit', 'bamboo', 'kalapa', 'కలప'],
      fields: [F.applicantName, F.vehicleNumber, F.details],
      fee: 100,
      slaDays: 7,
      officerApproval: true,
      document: 'permit',
    },
    {
      id: 'wildlife-compensation',
      kind: 'application',
      name: ['Wildlife damage relief', 'వన్యప్రాణి నష్ట పరిహారం'],
      about: ['Compensation for crop or cattle lost to wild animals', 'అడవి జంతువుల వల్ల పంట, పశు నష్టానికి పరిహారం'],
      synonyms: ['elephant', 'wild boar', 'wildlife', 'జంతువుల నష్టం'],
      fields: [F.applicantName, F.village, F.eventDate, F.details],
      slaDays: 30,
      officerApproval: true,
      document: 'sanction-order',
    },
  ],
);
