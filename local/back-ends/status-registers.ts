import type { IncomingMessage, ServerResponse } from 'node:http';
import { readJsonBody, sendJsonBody } from '../json-io.ts';
import { localUidToken } from '../uid-token.ts';
import { citizenRegisters } from './citizen-registers.ts';
import { districtBulletins } from './district-bulletins.ts';
import type { RegisterEntry } from './status-record.ts';

/**
 * Typed as a reference, vehicle or survey number in any lookup, this makes the registers answer 503, as a department
 * system that is down would: the way to see "try again later" in /sim and in tests.
 */
export const REGISTERS_DOWN_NUMBER = '503503503';

const ROUTE = '/status-registers/lookup';
const UID_TOKEN_KEY = 'uidToken';

export interface LocalStatusRegisters {
  /** Serves `POST /status-registers/lookup {service, query}`; false for other paths. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
}

/**
 * The departments' status registers in the embedded runtime (an independent fake of the department systems: it
 * imports nothing from lambdas/), serving the contract of docs/department-systems.md over the sample citizens'
 * records and the sample districts' daily bulletins.
 */
export function createLocalStatusRegisters(options: { now: () => Date }): LocalStatusRegisters {
  // Registers hold UID tokens, never Aadhaar numbers: the sample records name an Aadhaar only for readability.
  const citizens = citizenRegisters.map(({ key: { aadhaar, ...rest }, ...entry }) => ({
    ...entry,
    key: aadhaar ? { ...rest, [UID_TOKEN_KEY]: localUidToken(aadhaar) } : rest,
  }));
  const entries = (): RegisterEntry[] => [...citizens, ...districtBulletins(options.now())];
  const needs = new Map<string, string[]>();
  for (const { service, key } of entries()) needs.set(service, Object.keys(key).sort());

  return {
    async handle(req, res, url) {
      if (!url.pathname.startsWith('/status-registers/')) return false;
      if (url.pathname !== ROUTE || req.method !== 'POST') {
        sendJsonBody(res, 404, { message: 'Not Found' });
        return true;
      }
      const request = parseRequest(await readJsonBody(req));
      if (!request) {
        sendJsonBody(res, 400, { message: 'the body must be {"service": string, "query": {string: string}}' });
        return true;
      }
      const { service, query } = request;
      const required = needs.get(service);
      if (!required) {
        sendJsonBody(res, 404, { message: `no register answers ${service}` });
        return true;
      }
      const missing = required.filter((name) => query[name] === undefined);
      if (missing.length > 0) {
        sendJsonBody(res, 400, { message: `${service} needs ${missing.join(', ')}` });
        return true;
      }
      if (Object.values(query).some((value) => comparable(value) === REGISTERS_DOWN_NUMBER)) {
        sendJsonBody(res, 503, { message: 'the register is down for maintenance' });
        return true;
      }
      const entry = entries().find(
        (e) =>
          e.service === service &&
          Object.entries(e.key).every(([name, value]) =>
            name === UID_TOKEN_KEY ? query[name] === value : comparable(query[name]!) === comparable(value),
          ),
      );
      sendJsonBody(res, 200, entry ? { found: true, record: entry.record } : { found: false });
      return true;
    },
  };
}

/** Numbers and names as registers compare them: case, spaces and hyphens aside. */
const comparable = (value: string) => value.replace(/[\s-]/g, '').toLowerCase();

function parseRequest(body: unknown): { service: string; query: Record<string, string> } | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { service, query } = body as { service?: unknown; query?: unknown };
  if (typeof service !== 'string' || typeof query !== 'object' || query === null || Array.isArray(query))
    return undefined;
  if (!Object.values(query).every((value) => typeof value === 'string')) return undefined;
  return { service, query: query as Record<string, string> };
}
