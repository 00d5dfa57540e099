import type * as z from '#core/validation.ts';
import { issueLine } from '#core/validation.ts';
import { DepartmentSystemError } from './department-system-error.ts';

/**
 * One read from a department system: POSTs `body` as JSON to `url` and parses the answer with `schema`. Unreachable,
 * slower than `timeoutMs` (connection, headers and body), a status other than 2xx, or an answer out of contract is a
 * DepartmentSystemError naming `system`; its details go to the log, never to a citizen.
 */
export async function askDepartment<S extends z.ZodMiniType>(
  system: string,
  url: string,
  body: unknown,
  schema: S,
  timeoutMs: number,
): Promise<z.infer<S>> {
  const signal = AbortSignal.timeout(timeoutMs);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
    signal,
  }).catch((error: unknown) => {
    throw new DepartmentSystemError(system, `unreachable: ${(error as Error).message}`, { cause: error });
  });
  if (!response.ok) {
    await response.body?.cancel();
    throw new DepartmentSystemError(system, `answered ${response.status}`);
  }
  const answer: unknown = await response.json().catch((error: unknown) => {
    throw new DepartmentSystemError(system, `answered a body that is not JSON (or too slowly)`, { cause: error });
  });
  const parsed = schema.safeParse(answer);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DepartmentSystemError(system, `answered out of contract: ${issue ? issueLine(issue) : ''}`);
  }
  return parsed.data;
}
