import { department } from '../define.ts';
import { fields as F } from '../fields.ts';

export default department(
  'rural-development',
  ['Rural Development', 'గ్రామీణాభివృద్ధి'],
  ['Mandal Parishad Development Officer', 'మండల పరిషత్ అభివృద్ధి అధికారి'],
  [
    {
      id: 'job-card',
      kind: 'application',
      name: ['MGNREGS job card', 'ఉపాధి హామీ జాబ్ కార్డు'],
      about: ['A job card for rural employment guarantee work', 'గ్రామీణ ఉపాధి హామీ పనులకు జాబ్ కార్డు'],
      synonyms: ['job card', 'nrega', 'upadhi', 'ఉపాధి', 'జాబ్ కార్డు'],
      fields: [F.applicantName, F.aadhaar, F.village],
      slaDays: 15,
      officerApproval: true,
      document: 'job-card',
    },
    {
      id: 'wage-status',
      kind: 'status-lookup',
      name: ['MGNREGS wage status', 'ఉపాధి వేతన స్థితి'],
      about: ['Wages paid and pending for work done', 'చేసిన పనికి చెల్లించిన, పెండింగ్ వేతనాలు'],
      synonyms: ['wages', 'nrega payment', 'kooli', 'కూలి', 'వేతనం'],
      fields: [F.referenceNumber],
      slaDays: 1,
      document: 'status-report',
    },
    {
      id: 'work-demand',
      kind: 'application',
      name: ['Ask for MGNREGS work', 'ఉపాధి పని కోరండి'],
      about: ['Ask for work under the employment guarantee', 'ఉపాధి హామీ కింద పని కోరండి'],
      synonyms: ['work demand', 'pani', 'పని'],
      fields: [F.referenceNumber, F.travelDate],
      slaDays: 15,
      document: 'acknowledgement',
    },
    {
      id: 'shg-loan',
      kind: 'application',
      name: ['SHG loan', 'డ్వాక్రా రుణం'],
      about: ['Bank linkage loan for a women self-help group', 'మహిళా స్వయం సహాయక సంఘానికి బ్యాంకు రుణం'],
      synonyms: ['dwcra', 'shg', 'self help group', 'podupu', 'డ్వాక్రా'],
      fields: [F.applicantName, F.village, F.amount],
      slaDays: 30,
      officerApproval: true,
      document: 'sanction-order',
    },
  ],
);
