import { department } from '../define.ts';
import { fields as F } from '../fields.ts';

export default department(
  'employment',
  ['Employment', 'ఉపాధి కల్పన'],
  ['District Employment Officer', 'జిల్లా ఉపాధి కల్పన అధికారి'],
  [
    {
      id: 'exchange-registration',
      kind: 'application',
      name: ['Employment registration', 'ఉపాధి కార్యాలయ నమోదు'],
      about: ['Register at the employment exchange', 'ఉపాధి కల్పన కార్యాలయంలో నమోదు'],
      synonyms: ['employment exchange', 'job registration', 'udyogam', 'ఉద్యోగం'],
      fields: [F.applicantName, F.dateOfBirth, F.details],
      slaDays: 7,
      document: 'registration-card',
    },
    {
      id: 'registration-renewal',
      kind: 'application',
      name: ['Renew registration', 'నమోదు పునరుద్ధరణ'],
      about: ['Renew an employment exchange registration', 'ఉపాధి కార్యాలయ నమోదు పునరుద్ధరణ'],
      synonyms: ['renewal', 'renew card', 'పునరుద్ధరణ'],
      fields: [F.referenceNumber],
      slaDays: 3,
      document: 'registration-card',
    },
    {
      id: 'vacancy-alerts',
      kind: 'status-lookup',
      name: ['Government vacancies', 'ప్రభుత్వ ఖాళీలు'],
      about: ['Current government job notifications', 'ప్రస్తుత ప్రభుత్వ ఉద్యోగ నోటిఫికేషన్లు'],
      synonyms: ['vacancy', 'notification', 'govt jobs', 'ఖాళీలు', 'నోటిఫికేషన్'],
      fields: [F.district],
      slaDays: 1,
      document: 'status-report',
    },
  ],
);
