import { department } from '../define.ts';
import { fields as F } from '../fields.ts';

export default department(
  'endowments',
  ['Temples (Endowments)', 'దేవాలయాలు (దేవాదాయ)'],
  ['Executive Officer of the temple, Endowments Department', 'దేవాలయ కార్యనిర్వహణాధికారి, దేవాదాయ శాఖ'],
  [
    {
      id: 'darshan-ticket',
      kind: 'booking',
      name: ['Darshan ticket', 'దర్శనం టికెట్'],
      about: ['Book a special entry darshan at a major temple', 'ప్రధాన దేవాలయంలో ప్రత్యేక దర్శనం బుక్ చేయండి'],
      synonyms: ['darshan', 'darshanam', 'temple ticket', 'దర్శనం'],
      fields: [F.temple, F.travelDate, F.persons, F.applicantName],
      fee: 300,
      slaDays: 1,
      document: 'e-ticket',
    },
    {
      id: 'seva-ticket',
      kind: 'booking',
      name: ['Seva ticket', 'సేవ టికెట్'],
      about: ['Book an arjitha seva such as kalyanam or abhishekam', 'కళ్యాణం, అభిషేకం వంటి ఆర్జిత సేవ బుక్ చేయండి'],
      synonyms: ['seva', 'pooja', 'abhishekam', 'kalyanam', 'సేవ', 'పూజ'],
      fields: [F.temple, F.travelDate, F.persons, F.applicantName],
      fee: 500,
      slaDays: 1,
      document: 'e-ticket',
    },
    {
      id: 'donation',
      kind: 'bill-payment',
      name: ['Temple donation', 'దేవాలయ విరాళం'],
      about: ['Donate to a temple or its annadanam trust', 'దేవాలయానికి లేదా అన్నదానానికి విరాళం'],
      synonyms: ['donation', 'e-hundi', 'hundi', 'viralam', 'విరాళం', 'హుండీ', 'annadanam'],
      fields: [F.temple, F.amount, F.applicantName],
      slaDays: 1,
      document: 'donation-receipt',
    },
    {
      id: 'accommodation',
      kind: 'booking',
      name: ['Temple accommodation', 'దేవాలయ వసతి'],
      about: ['Book a room near a temple', 'దేవాలయం దగ్గర గది బుక్ చేయండి'],
      synonyms: ['room', 'accommodation', 'cottage', 'vasathi', 'వసతి', 'గది'],
      fields: [F.temple, F.travelDate, F.persons],
      fee: 500,
      slaDays: 1,
      document: 'e-ticket',
    },
  ],
);
