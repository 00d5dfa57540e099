import { department } from '../define.ts';
import { fields as F } from '../fields.ts';

export default department(
  'civil-supplies',
  ['Civil Supplies', 'పౌర సరఫరాలు'],
  ['Assistant Supply Officer, Civil Supplies', 'సహాయ సరఫరా అధికారి, పౌర సరఫరాల శాఖ'],
  [
    {
      id: 'ration-card',
      kind: 'application',
      name: ['New rice card', 'కొత్త బియ్యం కార్డు'],
      about: ['Apply for a new rice (ration) card for the family', 'కుటుంబానికి కొత్త బియ్యం (రేషన్) కార్డు'],
      synonyms: ['ration card', 'rice card', 'ration', 'biyyam', 'రేషన్', 'బియ్యం కార్డు'],
      fields: [F.applicantName, F.aadhaar, F.annualIncome, F.address],
      slaDays: 21,
      officerApproval: true,
      document: 'rice-card',
    },
    {
      id: 'ration-card-status',
      kind: 'status-lookup',
      name: ['Rice card status', 'బియ్యం కార్డు స్థితి'],
      about: ['Status of a rice card application or the card', 'బియ్యం కార్డు దరఖాస్తు లేదా కార్డు స్థితి'],
      synonyms: ['ration status', 'rice card status', 'రేషన్ స్థితి'],
      fields: [F.referenceNumber],
      slaDays: 1,
      document: 'status-report',
    },
    {
      id: 'add-member',
      kind: 'application',
      name: ['Add member to card', 'కార్డులో సభ్యుని చేర్పు'],
      about: ['Add a newborn or a spouse to a rice card', 'బియ్యం కార్డులో శిశువు లేదా జీవిత భాగస్వామి చేర్పు'],
      synonyms: ['add member', 'member addition', 'add to card', 'sabhyudu', 'సభ్యుని చేర్పు'],
      fields: [F.referenceNumber, F.applicantName, F.dateOfBirth],
      slaDays: 15,
      officerApproval: true,
      document: 'rice-card',
    },
    {
      id: 'ration-shop-complaint',
      kind: 'grievance',
      name: ['Ration shop complaint', 'రేషన్ షాపు ఫిర్యాదు'],
      about: ['Short weight, denial or a closed fair price shop', 'తక్కువ తూకం, నిరాకరణ, మూసిన చౌక దుకాణం'],
      synonyms: ['ration shop', 'fair price shop', 'dealer', 'రేషన్ షాపు'],
      fields: [F.complaint, F.district, F.village],
      slaDays: 7,
      document: 'acknowledgement',
    },
  ],
);
