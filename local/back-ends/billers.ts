import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { readJsonBody, sendJsonBody } from '../json-io.ts';
import { REGISTERS_DOWN_NUMBER } from './status-registers.ts';

/** Posting against this number is refused: the connection was closed after the bill was raised. */
export const REFUSING_NUMBER = '3777777777';
/** The first posting against this number is recorded but answered 504, as a biller timing out would. */
export const SLOW_NUMBER = '3888888888';
/** Every fetch after the first adds a late fee: the amount changes between the bill shown and the payment. */
export const CHANGING_NUMBER = '3555555555';

interface SeededBill {
  biller: string;
  number: string;
  consumerName: string;
  /** Days from today of the due date (negative: overdue). */
  dueInDays: number;
  currentPaise: number;
  arrearsPaise?: number;
  lateFeePaise?: number;
  disconnection?: { status: 'notice' | 'disconnected'; inDays: number };
}

const POWER = (number: string) =>
  `${['', 'apspdcl', 'apspdcl', 'apspdcl', 'apcpdcl', 'apcpdcl', 'apcpdcl', 'apepdcl', 'apepdcl', 'apepdcl'][Number(number[0])]}`;
const power = (number: string, rest: Omit<SeededBill, 'biller' | 'number'>): SeededBill => ({
  biller: POWER(number),
  number,
  ...rest,
});

/** The sample bills (fictional people): due, overdue with a late fee and a notice, zero due, disconnected. */
const SEEDED: SeededBill[] = [
  power('1123456789', { consumerName: 'Ravi Kumar Reddy', dueInDays: 10, currentPaise: 124_500 }),
  power('4234567890', {
    consumerName: 'Lakshmi Devi Naidu',
    dueInDays: -5,
    currentPaise: 61_000,
    arrearsPaise: 83_000,
    lateFeePaise: 5_000,
    disconnection: { status: 'notice', inDays: 3 },
  }),
  power('7345678901', { consumerName: 'Mohammed Iqbal', dueInDays: 12, currentPaise: 0 }),
  power('2456789012', {
    consumerName: 'Sita Rama Rao',
    dueInDays: -20,
    currentPaise: 98_000,
    arrearsPaise: 128_000,
    lateFeePaise: 5_000,
    disconnection: { status: 'disconnected', inDays: -10 },
  }),
  power(REFUSING_NUMBER, { consumerName: 'Closed Connection', dueInDays: 4, currentPaise: 45_000 }),
  power(SLOW_NUMBER, { consumerName: 'Venkata Lakshmi', dueInDays: 6, currentPaise: 72_000 }),
  power(CHANGING_NUMBER, { consumerName: 'Padma Priya', dueInDays: 1, currentPaise: 50_000 }),
  { biller: 'municipal', number: '1086001234', consumerName: 'Ravi Kumar Reddy', dueInDays: 30, currentPaise: 346_000 },
  { biller: 'municipal', number: '20045678', consumerName: 'Lakshmi Devi Naidu', dueInDays: 15, currentPaise: 24_000 },
  { biller: 'municipal', number: '1086009876', consumerName: 'Ravi Kumar Reddy', dueInDays: 30, currentPaise: 120_000 },
  { biller: 'panchayat', number: '204512', consumerName: 'Lakshmi Devi Naidu', dueInDays: 45, currentPaise: 86_000 },
  { biller: 'traffic', number: 'AP07CD4321', consumerName: 'Ravi Kumar Reddy', dueInDays: 60, currentPaise: 103_500 },
  {
    biller: 'professional-tax',
    number: '2812345',
    consumerName: 'Lakshmi Devi Naidu',
    dueInDays: 20,
    currentPaise: 250_000,
  },
  { biller: 'irrigation', number: '212/3A', consumerName: 'Ravi Kumar Reddy', dueInDays: 25, currentPaise: 42_000 },
];

interface Posting {
  idempotencyKey: string;
  biller: string;
  number: string;
  billId: string;
  amountPaise: number;
  paymentId: string;
  answer: { status: 'posted'; billerReference: string; postedAt: string } | { status: 'refused'; reason: string };
}

export interface LocalBillers {
  /** Serves `POST /billers/{biller}/bills/fetch`, `POST /billers/{biller}/payments`, `GET /billers/postings`. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
}

const day = (now: Date, days: number) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
const comparable = (value: string) => value.replace(/[\s-]/g, '').toUpperCase();

/**
 * The billers in the embedded runtime: an independent fake (it imports nothing from lambdas/) of the contract in
 * docs/department-systems.md. It posts a payment once per idempotency key, and a posted bill is then zero due; the
 * postings are kept in the data folder across restarts.
 */
export function createLocalBillers(options: { now: () => Date; dataDir: string }): LocalBillers {
  const file = join(options.dataDir, 'biller-postings.json');
  const postings: Posting[] = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : [];
  const fetches = new Map<string, number>();
  const save = () => writeFileSync(file, JSON.stringify(postings));

  const billOf = (seeded: SeededBill) => {
    const now = options.now();
    const key = `${seeded.biller}:${seeded.number}`;
    const fetched = fetches.get(key) ?? 0;
    const changedFee = seeded.number === CHANGING_NUMBER && fetched > 1 ? 5_000 : 0;
    const paid = postings.some(
      (p) => p.biller === seeded.biller && p.number === seeded.number && p.answer.status === 'posted',
    );
    const lateFeePaise = (seeded.lateFeePaise ?? 0) + changedFee;
    const amountPaise = paid ? 0 : seeded.currentPaise + (seeded.arrearsPaise ?? 0) + lateFeePaise;
    const due = day(now, seeded.dueInDays);
    return {
      billId: `${seeded.biller.toUpperCase()}-${comparable(seeded.number).replace(/[^A-Z0-9]/g, '')}-${due.slice(0, 7).replace('-', '')}${changedFee ? '-L' : ''}`,
      consumerName: seeded.consumerName,
      periodFrom: day(now, seeded.dueInDays - 45),
      periodTo: day(now, seeded.dueInDays - 15),
      amountPaise,
      dueDate: due,
      ...(seeded.arrearsPaise && !paid ? { arrearsPaise: seeded.arrearsPaise } : {}),
      ...(lateFeePaise && !paid ? { lateFeePaise } : {}),
      ...(seeded.disconnection && !paid
        ? { disconnection: { status: seeded.disconnection.status, date: day(now, seeded.disconnection.inDays) } }
        : {}),
    };
  };

  return {
    async handle(req, res, url) {
      if (!url.pathname.startsWith('/billers/')) return false;
      if (url.pathname === '/billers/postings' && req.method === 'GET') {
        const number = url.searchParams.get('number');
        sendJsonBody(res, 200, { postings: postings.filter((p) => !number || p.number === number) });
        return true;
      }
      const [, biller, action] = /^\/billers\/([a-z-]+)\/(bills\/fetch|payments)$/.exec(url.pathname) ?? [];
      if (!biller || !action || req.method !== 'POST') {
        sendJsonBody(res, 404, { message: 'Not Found' });
        return true;
      }
      const body = (await readJsonBody(req)) as Record<string, unknown> | undefined;
      const number = typeof body?.number === 'string' ? comparable(body.number) : undefined;
      if (!number) {
        sendJsonBody(res, 400, { message: 'the body must name the "number"' });
        return true;
      }
      if (number === REGISTERS_DOWN_NUMBER) {
        sendJsonBody(res, 503, { message: 'the biller is down for maintenance' });
        return true;
      }
      const seeded = SEEDED.find((b) => b.biller === biller && comparable(b.number) === number);
      if (action === 'bills/fetch') {
        if (!seeded) {
          sendJsonBody(res, 200, { found: false });
          return true;
        }
        const key = `${seeded.biller}:${seeded.number}`;
        fetches.set(key, (fetches.get(key) ?? 0) + 1);
        sendJsonBody(res, 200, { found: true, bill: billOf(seeded) });
        return true;
      }
      const { idempotencyKey, billId, amountPaise, paymentId } = body as Record<string, unknown>;
      if (
        typeof idempotencyKey !== 'string' ||
        typeof billId !== 'string' ||
        typeof amountPaise !== 'number' ||
        typeof paymentId !== 'string'
      ) {
        sendJsonBody(res, 400, {
          message: 'the body must be {idempotencyKey, service, number, billId, amountPaise, paymentId, paidAt}',
        });
        return true;
      }
      const earlier = postings.find((p) => p.idempotencyKey === idempotencyKey);
      if (earlier) {
        sendJsonBody(res, 200, earlier.answer);
        return true;
      }
      const refused = !seeded
        ? 'no such account'
        : seeded.number === REFUSING_NUMBER
          ? 'the service connection was closed'
          : undefined;
      const posting: Posting = {
        idempotencyKey,
        biller,
        number,
        billId,
        amountPaise,
        paymentId,
        answer: refused
          ? { status: 'refused', reason: refused }
          : {
              status: 'posted',
              billerReference: `${biller.slice(0, 4).toUpperCase()}${String(postings.length + 1).padStart(8, '0')}`,
              postedAt: options.now().toISOString(),
            },
      };
      postings.push(posting);
      save();
      if (seeded?.number === SLOW_NUMBER && postings.filter((p) => p.number === SLOW_NUMBER).length === 1) {
        sendJsonBody(res, 504, { message: 'upstream timed out' });
        return true;
      }
      sendJsonBody(res, 200, posting.answer);
      return true;
    },
  };
}
