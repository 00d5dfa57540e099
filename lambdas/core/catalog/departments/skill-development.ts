import { department } from '../define.ts';
import { fields as F } from '../fields.ts';

export default department(
  'skill-development',
  ['Skill Development', 'నైపుణ్యాభివృద్ధి'],
  ['AP State Skill Development Corporation', 'ఏపీ రాష్ట్ర నైపుణ్యాభివృద్ధి సంస్థ'],
  [
    {
      id: 'training',
      kind: 'application',
      name: ['Skill training', 'నైపుణ్య శిక్షణ'],
      about: ['Free job-oriented training courses', 'ఉచిత ఉద్యోగ ఆధారిత శిక్షణ కోర్సులు'],
      synonyms: ['skill', 'training', 'course', 'naipunyam', 'నైపుణ్యం'],
      fields: [F.applicantName, F.dateOfBirth, F.district],
      slaDays: 15,
      document: 'admission-letter',
    },
    {
      id: 'job-fair',
      kind: 'booking',
      name: ['Job fair', 'జాబ్ మేళా'],
      about: ['Register for the next job fair near you', 'మీ దగ్గర జరిగే జాబ్ మేళాకు నమోదు'],
      synonyms: ['job mela', 'job fair', 'jobs', 'ఉద్యోగ మేళా', 'జాబ్ మేళా'],
      fields: [F.applicantName, F.district, F.mobile, F.travelDate],
      slaDays: 1,
      document: 'e-ticket',
    },
    {
      id: 'training-certificate',
      kind: 'certificate',
      name: ['Training certificate', 'శిక్షణ ధృవీకరణ పత్రం'],
      about: ['Certificate of a completed skill course', 'పూర్తి చేసిన నైపుణ్య కోర్సు ధృవీకరణ'],
      synonyms: ['skill certificate', 'course certificate', 'శిక్షణ పత్రం'],
      fields: [F.applicantName, F.referenceNumber],
      slaDays: 3,
      document: 'training-certificate',
    },
  ],
);
