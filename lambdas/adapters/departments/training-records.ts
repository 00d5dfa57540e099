import { TrainingAnswerSchema, type TrainingEntry } from '#core/applications/register-checks.ts';
import { askDepartment } from './department-request.ts';

/** The workflow step waits this long; a slower system is retried by the state machine. */
const DEFAULT_TIMEOUT_MS = 4000;
const SYSTEM = 'training records';

/**
 * The skill development corporation's training records (docs/department-systems.md):
 * `POST {endpoint}/registers/training/search { number }` → `{ entries: [...] }`, the course whose enrolment or
 * certificate number that is (none when there is no such number). Reads only; failures are DepartmentSystemErrors,
 * which the state machine retries.
 */
export class HttpTrainingRecords {
  constructor(
    private readonly endpoint: string,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {}

  async search(number: string): Promise<TrainingEntry[]> {
    const url = `${this.endpoint.replace(/\/$/, '')}/registers/training/search`;
    const answer = await askDepartment(SYSTEM, url, { number }, TrainingAnswerSchema, this.timeoutMs);
    return answer.entries;
  }
}
