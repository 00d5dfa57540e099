import type { IncomingMessage, ServerResponse } from 'node:http';
import { readJsonBody, sendJsonBody } from '../json-io.ts';
import { REGISTERS_DOWN_NUMBER } from './status-registers.ts';

export interface LocalEncumbranceRegister {
  /** Serves `POST /registers/encumbrances/search`; false for other paths. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
}

interface LocalTransaction {
  documentNumber: string;
  year: number;
  registeredOn: string;
  nature: string;
  executants: string[];
  claimants: string[];
  consideration: number;
}

interface LocalProperty {
  district: string;
  villages: string[];
  surveyNumber: string;
  transactions: LocalTransaction[];
}

const RAVI = 'Ravi Kumar Reddy';
const SBI = 'State Bank of India, Tadikonda branch';

/** A plot sold on, flat by flat: enough registered documents to fill more than one page. */
const layoutSales = Array.from({ length: 12 }, (_, index): LocalTransaction => {
  const year = 2006 + index;
  return {
    documentNumber: String(3100 + index * 17),
    year,
    registeredOn: `${year}-${String((index % 12) + 1).padStart(2, '0')}-1${index % 9}`,
    nature: index % 3 === 2 ? 'mortgage' : 'sale',
    executants: [index === 0 ? 'Tadikonda Layout Developers' : `Buyer ${index} of plot 45/2`],
    claimants: [index % 3 === 2 ? SBI : `Buyer ${index + 1} of plot 45/2`],
    consideration: 400_000 + index * 125_000,
  };
});

/**
 * The Registration Department's register of documents in the embedded runtime, searched for encumbrance
 * certificates: an independent fake of the department system (it imports nothing from lambdas/), serving the contract
 * of docs/department-systems.md over the sample citizens' land in Tadikonda, Guntur. Survey number 212/3A was bought,
 * mortgaged to a bank and released; 87/1B has nil encumbrance; 45/2 holds more documents than a page prints.
 * `503503503` as a village or survey number makes it answer 503, as a register that is down would.
 */
const PROPERTIES: LocalProperty[] = [
  {
    district: 'guntur',
    villages: ['Tadikonda', 'తాడికొండ'],
    surveyNumber: '212/3A',
    transactions: [
      {
        documentNumber: '1874',
        year: 2009,
        registeredOn: '2009-03-14',
        nature: 'sale',
        executants: ['Kondaveeti Venkata Rao'],
        claimants: [RAVI],
        consideration: 650_000,
      },
      {
        documentNumber: '2231',
        year: 2015,
        registeredOn: '2015-07-22',
        nature: 'mortgage',
        executants: [RAVI],
        claimants: [SBI],
        consideration: 1_200_000,
      },
      {
        documentNumber: '982',
        year: 2021,
        registeredOn: '2021-02-10',
        nature: 'release',
        executants: [SBI],
        claimants: [RAVI],
        consideration: 0,
      },
    ],
  },
  { district: 'guntur', villages: ['Tadikonda', 'తాడికొండ'], surveyNumber: '87/1B', transactions: [] },
  { district: 'guntur', villages: ['Tadikonda', 'తాడికొండ'], surveyNumber: '45/2', transactions: layoutSales },
];

/** Places and survey numbers as the register compares them: case, spaces, dots and hyphens aside. */
const comparable = (value: string) =>
  value
    .normalize('NFC')
    .replace(/[\s.-]/g, '')
    .toLowerCase();

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function createLocalEncumbranceRegister(): LocalEncumbranceRegister {
  return {
    async handle(req, res, url) {
      if (url.pathname !== '/registers/encumbrances/search') return false;
      if (req.method !== 'POST') {
        sendJsonBody(res, 405, { message: 'Method Not Allowed' });
        return true;
      }
      const query = await readJsonBody(req);
      const { district, village, surveyNumber, from, to } = (query ?? {}) as Record<string, unknown>;
      const strings = [district, village, surveyNumber, from, to];
      if (!strings.every((value) => typeof value === 'string' && value.length > 0) || !ISO_DATE.test(from as string)) {
        sendJsonBody(res, 400, {
          message: 'the body must be {"district", "village", "surveyNumber", "from": "YYYY-MM-DD", "to": "YYYY-MM-DD"}',
        });
        return true;
      }
      if ([village, surveyNumber].some((value) => comparable(value as string) === REGISTERS_DOWN_NUMBER)) {
        sendJsonBody(res, 503, { message: 'the register is down for maintenance' });
        return true;
      }
      const property = PROPERTIES.find(
        (p) =>
          p.district === district &&
          p.villages.some((v) => comparable(v) === comparable(village as string)) &&
          comparable(p.surveyNumber) === comparable(surveyNumber as string),
      );
      const transactions = (property?.transactions ?? []).filter(
        (t) => t.registeredOn >= (from as string) && t.registeredOn <= (to as string),
      );
      sendJsonBody(res, 200, { transactions });
      return true;
    },
  };
}
