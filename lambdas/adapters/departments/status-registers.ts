import { type StatusLookupResult, StatusLookupResultSchema } from '#core/fulfilment/status-lookup.ts';
import { issueLine } from '#core/validation.ts';
import { DepartmentSystemError } from './department-system-error.ts';

/** A lookup is answered inside the citizen's turn: a register slower than this is treated as down. */
const DEFAULT_TIMEOUT_MS = 3000;
const SYSTEM = 'status registers';

/**
 * The departments' status registers (docs/department-systems.md): `POST {endpoint}/status-registers/lookup
 * { service, query }` → `{ found: true, record }` or `{ found: false }`. A lookup only reads, so asking again is
 * safe; this adapter never retries (the citizen is told to try again later). The embedded runtime serves the same
 * API over its sample citizens.
 */
export class HttpStatusRegisters {
  constructor(
    private readonly endpoint: string,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {}

  async lookup(serviceId: string, query: Record<string, string>): Promise<StatusLookupResult> {
    const response = await fetch(`${this.endpoint.replace(/\/$/, '')}/status-registers/lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ service: serviceId, query }),
      signal: AbortSignal.timeout(this.timeoutMs),
    }).catch((error: unknown) => {
      throw new DepartmentSystemError(SYSTEM, `unreachable for ${serviceId}: ${(error as Error).message}`, {
        cause: error,
      });
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw new DepartmentSystemError(SYSTEM, `answered ${response.status} for ${serviceId}`);
    }
    const body: unknown = await response.json().catch((error: unknown) => {
      throw new DepartmentSystemError(SYSTEM, `answered ${serviceId} with a body that is not JSON`, { cause: error });
    });
    const parsed = StatusLookupResultSchema.safeParse(body);
    if (!parsed.success)
      throw new DepartmentSystemError(
        SYSTEM,
        `answered ${serviceId} out of contract: ${parsed.error.issues.map((issue) => issueLine(issue)).join('; ')}`,
      );
    return parsed.data;
  }
}
