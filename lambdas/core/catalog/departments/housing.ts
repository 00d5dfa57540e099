import { department } from '../define.ts';
import { fields as F } from '../fields.ts';

export default department(
  'housing',
  ['Housing', 'గృహ నిర్మాణం'],
  ['AP State Housing Corporation', 'ఏపీ రాష్ట్ర గృహ నిర్మాణ సంస్థ'],
  [
    {
      id: 'house-site',
      kind: 'application',
      name: ['House site for the poor', 'పేదలకు ఇంటి స్థలం'],
      about: ['Apply for a free house site', 'ఉచిత ఇంటి స్థలం కోసం దరఖాస్తు'],
      synonyms: ['house site', 'plot', 'illu', 'ఇంటి స్థలం'],
      fields: [F.applicantName, F.aadhaar, F.annualIncome, F.village],
      slaDays: 60,
      officerApproval: true,
      document: 'allotment-order',
    },
    {
      id: 'housing-status',
      kind: 'status-lookup',
      name: ['Housing scheme status', 'గృహ పథకం స్థితి'],
      about: ['Stage and bills of a sanctioned house', 'మంజూరైన ఇంటి దశ, బిల్లుల వివరాలు'],
      synonyms: ['housing status', 'house bill', 'గృహ స్థితి'],
      fields: [F.referenceNumber],
      slaDays: 1,
      document: 'status-report',
    },
    {
      id: 'house-sanction',
      kind: 'application',
      name: ['House construction aid', 'ఇంటి నిర్మాణ సాయం'],
      about: ['Aid to build a house on your own site', 'సొంత స్థలంలో ఇల్లు కట్టడానికి సాయం'],
      synonyms: ['pmay', 'house construction', 'gruha', 'గృహ నిర్మాణం'],
      fields: [F.applicantName, F.aadhaar, F.surveyNumber],
      slaDays: 60,
      officerApproval: true,
      document: 'sanction-order',
    },
  ],
);
