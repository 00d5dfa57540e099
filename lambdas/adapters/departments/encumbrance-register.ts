import {
  EncumbranceAnswerSchema,
  type EncumbranceQuery,
  type EncumbranceTransaction,
} from '#core/applications/encumbrance.ts';
import { askDepartment } from './department-request.ts';

/** The workflow step waits this long; a slower register is retried by the state machine. */
const DEFAULT_TIMEOUT_MS = 4000;
const SYSTEM = 'encumbrance register';

/**
 * The Registration Department's register of registered documents, searched for an encumbrance certificate
 * (docs/department-systems.md): `POST {endpoint}/registers/encumbrances/search` with
 * `{ district, village, surveyNumber, from, to }` → `{ transactions: [...] }`, every document registered on that
 * property in the period. A search only reads, so the workflow may ask again; an unreachable, slow or
 * out-of-contract register is a DepartmentSystemError, which the state machine retries. The embedded runtime serves
 * the same API over the sample citizens' land.
 */
export class HttpEncumbranceRegister {
  constructor(
    private readonly endpoint: string,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {}

  async search(query: EncumbranceQuery): Promise<EncumbranceTransaction[]> {
    const url = `${this.endpoint.replace(/\/$/, '')}/registers/encumbrances/search`;
    const answer = await askDepartment(SYSTEM, url, query, EncumbranceAnswerSchema, this.timeoutMs);
    return answer.transactions;
  }
}
