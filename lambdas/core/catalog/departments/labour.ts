import { department } from '../define.ts';
import { fields as F } from '../fields.ts';

export default department(
  'labour',
  ['Labour', 'కార్మిక శాఖ'],
  ['Assistant Commissioner of Labour', 'సహాయ కార్మిక కమిషనర్'],
  [
    {
      id: 'construction-worker',
      kind: 'application',
      name: ['Building worker card', 'భవన కార్మికుల కార్డు'],
      about: ['Register as a building and construction worker', 'భవన నిర్మాణ కార్మికునిగా నమోదు'],
      synonyms: ['construction worker', 'labour card', 'mestri', 'కార్మిక', 'భవన కార్మికుడు'],
      fields: [F.applicantName, F.aadhaar, F.dateOfBirth, F.mobile],
      fee: 110,
      slaDays: 15,
      officerApproval: true,
      document: 'identity-card',
    },
    {
      id: 'shop-registration',
      kind: 'application',
      name: ['Shop registration', 'దుకాణ నమోదు'],
      about: ['Register a shop or establishment', 'దుకాణం లేదా సంస్థ నమోదు'],
      synonyms: ['shops and establishments', 'shop registration', 'దుకాణం'],
      fields: [F.businessName, F.applicantName, F.address],
      fee: 250,
      slaDays: 7,
      document: 'registration-certificate',
    },
    {
      id: 'wage-complaint',
      kind: 'grievance',
      name: ['Unpaid wages complaint', 'వేతనం అందని ఫిర్యాదు'],
      about: ['Wages unpaid or below the minimum wage', 'వేతనం ఇవ్వకపోవడం, కనీస వేతనం కంటే తక్కువ'],
      synonyms: ['wages', 'salary not paid', 'jeetham', 'జీతం'],
      fields: [F.businessName, F.complaint, F.district],
      slaDays: 15,
      document: 'acknowledgement',
    },
    {
      id: 'accident-relief',
      kind: 'application',
      name: ['Worker accident relief', 'కార్మిక ప్రమాద సాయం'],
      about: ['Relief for a registered worker after an accident', 'ప్రమాదం తర్వాత నమోదిత కార్మికునికి సాయం'],
      synonyms: ['accident', 'injury', 'pramadam', 'ప్రమాదం'],
      fields: [F.referenceNumber, F.eventDate, F.details],
      slaDays: 30,
      officerApproval: true,
      document: 'sanction-order',
    },
  ],
);
