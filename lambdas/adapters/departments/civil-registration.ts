import {
  CivilRegistrationAnswerSchema,
  type CivilRegistrationEntry,
  type RegisterQuery,
} from '#core/applications/register-checks.ts';
import { askDepartment } from './department-request.ts';

/** The workflow step waits this long; a slower register is retried by the state machine. */
const DEFAULT_TIMEOUT_MS = 4000;
const SYSTEM = 'civil registration';

type CivilQuery = Extract<RegisterQuery, { register: 'births' | 'deaths' }>;

/**
 * The birth and death registers of the Civil Registration System (docs/department-systems.md):
 * `POST {endpoint}/registers/births/search` or `…/deaths/search` with `{ date, district?, village? }` →
 * `{ entries: [...] }`, every entry registered for that date and place. A search only reads, so the workflow may
 * ask again; an unreachable, slow or out-of-contract register is a DepartmentSystemError, which the state machine
 * retries. The embedded runtime serves the same API over entries for the sample citizens.
 */
export class HttpCivilRegistration {
  constructor(
    private readonly endpoint: string,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {}

  async search({ register, query }: CivilQuery): Promise<CivilRegistrationEntry[]> {
    const url = `${this.endpoint.replace(/\/$/, '')}/registers/${register}/search`;
    const answer = await askDepartment(
      `${SYSTEM} (${register})`,
      url,
      query,
      CivilRegistrationAnswerSchema,
      this.timeoutMs,
    );
    return answer.entries;
  }
}
