import { department } from '../define.ts';
import { fields as F } from '../fields.ts';

export default department(
  'fisheries',
  ['Fisheries', 'మత్స్య శాఖ'],
  ['Fisheries Development Officer', 'మత్స్య అభివృద్ధి అధికారి'],
  [
    {
      id: 'fisher-id',
      kind: 'application',
      name: ['Fisherman ID card', 'మత్స్యకారుల కార్డు'],
      about: ['Identity card for a fisherman', 'మత్స్యకారునికి గుర్తింపు కార్డు'],
      synonyms: ['fisherman', 'fisher card', 'matsyakara', 'మత్స్యకార'],
      fields: [F.applicantName, F.aadhaar, F.village],
      slaDays: 15,
      officerApproval: true,
      document: 'identity-card',
    },
    {
      id: 'boat-registration',
      kind: 'application',
      name: ['Boat registration', 'పడవ నమోదు'],
      about: ['Register a fishing boat or renew its licence', 'చేపల పడవ నమోదు లేదా లైసెన్స్ పునరుద్ధరణ'],
      synonyms: ['boat', 'padava', 'పడవ'],
      fields: [F.applicantName, F.referenceNumber],
      fee: 200,
      slaDays: 15,
      officerApproval: true,
      document: 'registration-certificate',
    },
    {
      id: 'ban-period-relief',
      kind: 'status-lookup',
      name: ['Fishing ban relief', 'వేట నిషేధ భృతి'],
      about: ['Status of relief paid during the fishing ban', 'వేట నిషేధ కాలంలో చెల్లించే భృతి స్థితి'],
      synonyms: ['fishing ban', 'matsyakara bharosa', 'భృతి'],
      fields: [F.aadhaar],
      slaDays: 1,
      document: 'status-report',
    },
  ],
);
