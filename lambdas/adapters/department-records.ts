import { type HouseholdRecord, HouseholdRecordSchema } from '#core/applications/records.ts';
import { MitraError } from '#core/errors.ts';

class DepartmentRecordsError extends MitraError {}

const TIMEOUT_MS = 4000;

/**
 * The state's household records, as a department adapter: `POST {endpoint}/records/lookup {uidToken}` →
 * `{ found: true, record }` or `{ found: false }`. Asked by UID token (from the Aadhaar authentication), never by
 * Aadhaar number. The embedded runtime serves the same API over its sample citizens.
 */
export class HttpDepartmentRecords {
  constructor(private readonly endpoint: string) {}

  async lookup(uidToken: string): Promise<HouseholdRecord | undefined> {
    const response = await fetch(`${this.endpoint.replace(/\/$/, '')}/records/lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ uidToken }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    }).catch((error: unknown) => {
      // Unreachable or slow: the workflow retries the step (lib/workflows/fulfilment-workflow.ts, Validate).
      throw new DepartmentRecordsError(`department records unreachable: ${(error as Error).message}`);
    });
    if (!response.ok) throw new DepartmentRecordsError(`department records answered ${response.status}`);
    const body = (await response.json()) as { found?: unknown; record?: unknown };
    if (body.found !== true) return undefined;
    const parsed = HouseholdRecordSchema.safeParse(body.record);
    if (!parsed.success) throw new DepartmentRecordsError('department records answered a record out of contract');
    return parsed.data;
  }
}
