import { department } from '../define.ts';
import { fields as F } from '../fields.ts';

export default department(
  'excise',
  ['Prohibition & Excise', 'మద్య నిషేధం, ఎక్సైజ్'],
  ['Prohibition and Excise Superintendent', 'మద్య నిషేధ, ఎక్సైజ్ సూపరింటెండెంట్'],
  [
    {
      id: 'illicit-liquor',
      kind: 'grievance',
      name: ['Report illicit liquor', 'నాటుసారా ఫిర్యాదు'],
      about: ['Illicit distillation, smuggling or ganja', 'నాటుసారా తయారీ, అక్రమ రవాణా, గంజాయి'],
      synonyms: ['illicit liquor', 'arrack', 'ganja', 'natu sara', 'నాటుసారా', 'గంజాయి'],
      fields: [F.village, F.complaint, F.district],
      slaDays: 3,
      document: 'acknowledgement',
    },
    {
      id: 'event-permit',
      kind: 'application',
      name: ['Event liquor permit', 'కార్యక్రమ మద్యం అనుమతి'],
      about: ['Occasional permit for serving liquor at an event', 'కార్యక్రమంలో మద్యం వడ్డనకు తాత్కాలిక అనుమతి'],
      synonyms: ['event permit', 'bar permit', 'మద్యం అనుమతి'],
      fields: [F.applicantName, F.travelDate, F.address],
      fee: 10000,
      slaDays: 3,
      officerApproval: true,
      document: 'permit',
    },
    {
      id: 'deaddiction',
      kind: 'application',
      name: ['De-addiction help', 'వ్యసన విముక్తి సహాయం'],
      about: ['Counselling and a de-addiction centre near you', 'కౌన్సెలింగ్, దగ్గరలోని విముక్తి కేంద్రం'],
      synonyms: ['de-addiction', 'rehab', 'counselling', 'వ్యసనం'],
      fields: [F.district, F.mobile],
      slaDays: 3,
      document: 'acknowledgement',
    },
  ],
);
