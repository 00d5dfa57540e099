import { department } from '../define.ts';
import { fields as F } from '../fields.ts';

export default department(
  'youth-sports',
  ['Youth & Sports', 'యువజన, క్రీడలు'],
  ['Sports Authority of Andhra Pradesh', 'ఆంధ్రప్రదేశ్ క్రీడా ప్రాధికార సంస్థ'],
  [
    {
      id: 'stadium-booking',
      kind: 'booking',
      name: ['Stadium booking', 'స్టేడియం బుకింగ్'],
      about: ['Book a ground or court at a district stadium', 'జిల్లా స్టేడియంలో మైదానం లేదా కోర్టు బుక్ చేయండి'],
      synonyms: ['stadium', 'ground', 'court', 'స్టేడియం'],
      fields: [F.district, F.travelDate, F.applicantName],
      fee: 200,
      slaDays: 1,
      document: 'e-ticket',
    },
    {
      id: 'coaching-enrolment',
      kind: 'application',
      name: ['Sports coaching', 'క్రీడా శిక్షణ'],
      about: ['Enrol in a summer or regular coaching camp', 'వేసవి లేదా సాధారణ శిక్షణ శిబిరంలో నమోదు'],
      synonyms: ['coaching', 'sports camp', 'shikshana', 'శిక్షణ'],
      fields: [F.studentName, F.dateOfBirth, F.district],
      fee: 100,
      slaDays: 7,
      document: 'admission-letter',
    },
    {
      id: 'sports-quota-status',
      kind: 'status-lookup',
      name: ['Sports quota status', 'క్రీడా కోటా స్థితి'],
      about: ['Status of a sports quota certificate check', 'క్రీడా కోటా సర్టిఫికెట్ పరిశీలన స్థితి'],
      synonyms: ['sports quota', 'sports certificate', 'క్రీడా కోటా'],
      fields: [F.referenceNumber],
      slaDays: 1,
      document: 'status-report',
    },
  ],
);
