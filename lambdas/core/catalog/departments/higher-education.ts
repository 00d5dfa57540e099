import { department } from '../define.ts';
import { fields as F } from '../fields.ts';

export default department(
  'higher-education',
  ['Higher Education', 'ఉన్నత విద్య'],
  ['AP State Council of Higher Education', 'ఏపీ రాష్ట్ర ఉన్నత విద్యా మండలి'],
  [
    {
      id: 'fee-reimbursement',
      kind: 'application',
      name: ['Fee reimbursement', 'ఫీజు రీయింబర్స్‌మెంట్'],
      about: ['College fees paid by the state for eligible students', 'అర్హులైన విద్యార్థుల కళాశాల ఫీజు ప్రభుత్వం చెల్లింపు'],
      synonyms: ['fee reimbursement', 'vidya deevena', 'ఫీజు', 'విద్యా దీవెన'],
      fields: [F.studentName, F.aadhaar, F.annualIncome, F.referenceNumber],
      slaDays: 30,
      officerApproval: true,
      document: 'sanction-order',
    },
    {
      id: 'migration-certificate',
      kind: 'certificate',
      name: ['Migration certificate', 'మైగ్రేషన్ సర్టిఫికెట్'],
      about: ['For moving to a university in another state', 'ఇతర రాష్ట్ర విశ్వవిద్యాలయానికి మారడానికి'],
      synonyms: ['migration', 'మైగ్రేషన్'],
      fields: [F.studentName, F.referenceNumber],
      fee: 500,
      slaDays: 7,
      officerApproval: true,
      document: 'migration-certificate',
    },
    {
      id: 'eapcet-results',
      kind: 'status-lookup',
      name: ['Entrance test results', 'ప్రవేశ పరీక్ష ఫలితాలు'],
      about: ['Ranks of EAPCET, ICET and other common tests', 'ఈఏపీసెట్, ఐసెట్ ఇతర పరీక్షల ర్యాంకులు'],
      synonyms: ['eamcet', 'eapcet', 'icet', 'result', 'rank', 'ఫలితాలు'],
      fields: [F.referenceNumber, F.dateOfBirth],
      slaDays: 1,
      document: 'status-report',
    },
  ],
);
