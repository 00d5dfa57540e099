import { department } from '../define.ts';
import { fields as F } from '../fields.ts';

export default department(
  'tourism',
  ['Tourism', 'పర్యాటకం'],
  ['AP Tourism Development Corporation', 'ఏపీ పర్యాటక అభివృద్ధి సంస్థ'],
  [
    {
      id: 'hotel-booking',
      kind: 'booking',
      name: ['Haritha hotel room', 'హరిత హోటల్ గది'],
      about: ['Book a room in an APTDC Haritha hotel', 'ఏపీటీడీసీ హరిత హోటల్‌లో గది బుక్ చేయండి'],
      synonyms: ['hotel', 'haritha', 'resort', 'హోటల్'],
      fields: [F.harithaHotel, F.travelDate, F.rooms, F.applicantName],
      fee: 1500,
      slaDays: 1,
      document: 'e-ticket',
    },
    {
      id: 'tour-package',
      kind: 'booking',
      name: ['Tour package', 'టూర్ ప్యాకేజీ'],
      about: ['Day tours such as Araku, Tirupati or Srisailam', 'అరకు, తిరుపతి, శ్రీశైలం వంటి పర్యటనలు'],
      synonyms: ['tour', 'araku', 'package', 'టూర్'],
      fields: [F.tour, F.travelDate, F.persons, F.applicantName],
      fee: 1200,
      slaDays: 1,
      document: 'e-ticket',
    },
    {
      id: 'boating',
      kind: 'booking',
      name: ['Boating ticket', 'బోటింగ్ టికెట్'],
      about: ['Boat rides on rivers and lakes, e.g. Papikondalu', 'పాపికొండలు వంటి నదీ, సరస్సు బోటు ప్రయాణం'],
      synonyms: ['boat', 'boating', 'papikondalu', 'బోటు'],
      fields: [F.boatingPoint, F.travelDate, F.persons, F.applicantName],
      fee: 150,
      slaDays: 1,
      document: 'e-ticket',
    },
    {
      id: 'guide-booking',
      kind: 'booking',
      name: ['Tourist guide', 'పర్యాటక గైడ్'],
      about: ['Book an approved guide at a heritage site', 'వారసత్వ ప్రదేశంలో అనుమతి పొందిన గైడ్'],
      synonyms: ['guide', 'heritage', 'గైడ్'],
      fields: [F.heritageSite, F.travelDate, F.applicantName],
      fee: 500,
      slaDays: 1,
      document: 'e-ticket',
    },
  ],
);
