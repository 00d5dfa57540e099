import { department } from '../define.ts';
import { fields as F } from '../fields.ts';

export default department(
  'commercial-taxes',
  ['Commercial Taxes', 'వాణిజ్య పన్నులు'],
  ['Deputy Commissioner, Commercial Taxes', 'ఉప కమిషనర్, వాణిజ్య పన్నుల శాఖ'],
  [
    {
      id: 'professional-tax',
      kind: 'bill-payment',
      name: ['Professional tax', 'వృత్తి పన్ను'],
      about: ['Pay professional tax as an employer or professional', 'యజమాని లేదా వృత్తి నిపుణునిగా వృత్తి పన్ను'],
      synonyms: ['professional tax', 'pt', 'vrutti pannu', 'వృత్తి పన్ను'],
      fields: [F.referenceNumber, F.amount],
      slaDays: 1,
      document: 'payment-receipt',
    },
    {
      id: 'gst-status',
      kind: 'status-lookup',
      name: ['GST application status', 'జీఎస్టీ దరఖాస్తు స్థితి'],
      about: ['Status of a GST registration or refund', 'జీఎస్టీ నమోదు లేదా రీఫండ్ స్థితి'],
      synonyms: ['gst', 'gstin', 'జీఎస్టీ'],
      fields: [F.referenceNumber],
      slaDays: 1,
      document: 'status-report',
    },
    {
      id: 'pt-enrolment',
      kind: 'application',
      name: ['PT enrolment', 'వృత్తి పన్ను నమోదు'],
      about: ['Enrol for professional tax (PTEC)', 'వృత్తి పన్ను (పీటీఈసీ) నమోదు'],
      synonyms: ['ptec', 'ptrc', 'enrolment', 'నమోదు'],
      fields: [F.businessName, F.applicantName, F.address],
      slaDays: 7,
      document: 'registration-certificate',
    },
    {
      id: 'tax-evasion-report',
      kind: 'grievance',
      name: ['Report a bill-less sale', 'బిల్లు లేని అమ్మకం'],
      about: ['A shop that refuses to give a GST bill', 'జీఎస్టీ బిల్లు ఇవ్వని దుకాణం'],
      synonyms: ['no bill', 'tax evasion', 'bill ledu', 'బిల్లు'],
      fields: [F.businessName, F.complaint, F.district],
      slaDays: 15,
      document: 'acknowledgement',
    },
  ],
);
