import { department } from '../define.ts';
import { fields as F } from '../fields.ts';

export default department(
  'rwss',
  ['Rural Water Supply', 'గ్రామీణ నీటి సరఫరా'],
  ['Assistant Executive Engineer, RWS&S', 'సహాయ కార్యనిర్వాహక ఇంజనీర్, ఆర్డబ్ల్యూఎస్'],
  [
    {
      id: 'drinking-water-complaint',
      kind: 'grievance',
      name: ['Drinking water complaint', 'తాగునీటి ఫిర్యాదు'],
      about: ['No water, dirty water or a broken borewell', 'నీరు రాకపోవడం, మురికి నీరు, పాడైన బోరు'],
      synonyms: ['drinking water', 'borewell', 'taagu neeru', 'తాగునీరు', 'బోరు'],
      fields: [F.village, F.complaint, F.district],
      slaDays: 3,
      document: 'acknowledgement',
    },
    {
      id: 'household-tap',
      kind: 'application',
      name: ['Village tap connection', 'గ్రామ కుళాయి కనెక్షన్'],
      about: ['A household tap under the Jal Jeevan Mission', 'జల్ జీవన్ మిషన్ కింద ఇంటి కుళాయి'],
      synonyms: ['jal jeevan', 'village tap', 'కుళాయి'],
      fields: [F.applicantName, F.village],
      slaDays: 30,
      officerApproval: true,
      document: 'connection-order',
    },
    {
      id: 'water-testing',
      kind: 'booking',
      name: ['Water quality test', 'నీటి నాణ్యత పరీక్ష'],
      about: ['Test drinking water for fluoride or germs', 'తాగునీటిలో ఫ్లోరైడ్, క్రిముల పరీక్ష'],
      synonyms: ['water test', 'fluoride', 'నీటి పరీక్ష'],
      fields: [F.district, F.village, F.details, F.travelDate],
      slaDays: 1,
      document: 'test-report',
    },
  ],
);
