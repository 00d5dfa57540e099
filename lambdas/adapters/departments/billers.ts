import {
  type Biller,
  type BillFetchResult,
  BillFetchResultSchema,
  type BillPosting,
  BillPostingSchema,
} from '#core/fulfilment/bills.ts';
import { askDepartment } from './department-request.ts';

/** A bill is fetched inside the citizen's turn: a biller slower than this is treated as down. */
const FETCH_TIMEOUT_MS = 3000;
/** Posting runs in the workflow, which retries with the same idempotency key. */
const POST_TIMEOUT_MS = 8000;

export interface PaymentPosting {
  /** The same key always answers the same posting: the biller posts a payment once however often it is asked. */
  idempotencyKey: string;
  service: string;
  number: string;
  billId: string;
  amountPaise: number;
  paymentId: string;
  paidAt: string;
}

/**
 * The billers (docs/department-systems.md, "Billers"): `POST {endpoint}/billers/{biller}/bills/fetch { service,
 * number, query }` → `{ found, bill? }`, and `POST {endpoint}/billers/{biller}/payments` with an idempotency key →
 * `{ status: 'posted', billerReference, postedAt } | { status: 'refused', reason }`. Unreachable, slow, non-2xx or
 * out of contract is a DepartmentSystemError.
 */
export class HttpBillers {
  constructor(private readonly endpoint: string) {}

  fetchBill(biller: Biller, service: string, number: string, query: Record<string, string>): Promise<BillFetchResult> {
    return askDepartment(
      `biller ${biller}`,
      `${this.base()}/billers/${biller}/bills/fetch`,
      { service, number, query },
      BillFetchResultSchema,
      FETCH_TIMEOUT_MS,
    );
  }

  postPayment(biller: Biller, posting: PaymentPosting): Promise<BillPosting> {
    return askDepartment(
      `biller ${biller}`,
      `${this.base()}/billers/${biller}/payments`,
      posting,
      BillPostingSchema,
      POST_TIMEOUT_MS,
    );
  }

  private base(): string {
    return this.endpoint.replace(/\/+$/, '');
  }
}
