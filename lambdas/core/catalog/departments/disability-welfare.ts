import { department } from '../define.ts';
import { fields as F } from '../fields.ts';

export default department(
  'disability-welfare',
  ['Differently Abled', 'దివ్యాంగుల సంక్షేమం'],
  ['Assistant Director, Welfare of Differently Abled', 'సహాయ సంచాలకులు, దివ్యాంగుల సంక్షేమం'],
  [
    {
      id: 'disability-pension',
      kind: 'application',
      name: ['Disability pension', 'దివ్యాంగుల పెన్షన్'],
      about: ['Monthly pension with a SADAREM certificate', 'సదరం సర్టిఫికెట్‌తో నెలవారీ పెన్షన్'],
      synonyms: ['disability pension', 'handicapped pension', 'divyang', 'దివ్యాంగ'],
      fields: [F.applicantName, F.aadhaar, F.referenceNumber, F.medicalCertificate],
      slaDays: 30,
      officerApproval: true,
      document: 'sanction-order',
    },
    {
      id: 'assistive-devices',
      kind: 'application',
      name: ['Assistive devices', 'సహాయక పరికరాలు'],
      about: ['Tricycles, wheelchairs, hearing aids', 'ట్రైసైకిళ్లు, వీల్‌చైర్లు, వినికిడి యంత్రాలు'],
      synonyms: ['wheelchair', 'tricycle', 'hearing aid', 'వీల్‌చైర్'],
      fields: [F.applicantName, F.aadhaar, F.details],
      slaDays: 30,
      officerApproval: true,
      document: 'sanction-order',
    },
    {
      id: 'bus-concession',
      kind: 'application',
      name: ['Bus concession pass', 'బస్ రాయితీ పాస్'],
      about: ['Free or concession bus travel pass', 'ఉచిత లేదా రాయితీ బస్ ప్రయాణ పాస్'],
      synonyms: ['concession', 'free bus pass', 'రాయితీ'],
      fields: [F.applicantName, F.referenceNumber],
      slaDays: 7,
      document: 'bus-pass',
    },
    {
      id: 'marriage-incentive',
      kind: 'application',
      name: ['Marriage incentive', 'వివాహ ప్రోత్సాహకం'],
      about: ['Incentive when a differently abled person marries', 'దివ్యాంగుల వివాహానికి ప్రోత్సాహకం'],
      synonyms: ['marriage incentive', 'ప్రోత్సాహకం'],
      fields: [F.applicantName, F.eventDate, F.referenceNumber],
      slaDays: 30,
      officerApproval: true,
      document: 'sanction-order',
    },
  ],
);
