import { department } from '../define.ts';
import { fields as F } from '../fields.ts';

export default department(
  'water-resources',
  ['Water Resources', 'జల వనరులు'],
  ['Executive Engineer, Water Resources', 'కార్యనిర్వాహక ఇంజనీర్, జల వనరుల శాఖ'],
  [
    {
      id: 'water-cess',
      kind: 'bill-payment',
      name: ['Irrigation water cess', 'సాగునీటి పన్ను'],
      about: ['Pay the water cess on irrigated land', 'సాగు భూమిపై నీటి తీరువా చెల్లించండి'],
      synonyms: ['water cess', 'neeti theeruva', 'తీరువా'],
      fields: [F.village, F.surveyNumber],
      slaDays: 1,
      document: 'payment-receipt',
    },
    {
      id: 'canal-complaint',
      kind: 'grievance',
      name: ['Canal complaint', 'కాలువ ఫిర్యాదు'],
      about: ['A breach, blockage or no water in a canal', 'కాలువ గండి, అడ్డంకి లేదా నీరు రాకపోవడం'],
      synonyms: ['canal', 'irrigation', 'kaluva', 'కాలువ'],
      fields: [F.village, F.complaint, F.district],
      slaDays: 7,
      document: 'acknowledgement',
    },
    {
      id: 'reservoir-levels',
      kind: 'status-lookup',
      name: ['Reservoir levels', 'జలాశయ నీటి మట్టాలు'],
      about: ['Water stored in major reservoirs today', 'ప్రధాన జలాశయాల్లో నేటి నీటి నిల్వ'],
      synonyms: ['reservoir', 'dam', 'srisailam dam', 'జలాశయం', 'డ్యామ్'],
      fields: [F.district],
      slaDays: 1,
      document: 'status-report',
    },
  ],
);
