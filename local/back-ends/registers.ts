import type { IncomingMessage, ServerResponse } from 'node:http';
import { readJsonBody, sendJsonBody } from '../json-io.ts';
import { births, deaths, type LocalCivilEntry, trainings } from './register-entries.ts';
import { REGISTERS_DOWN_NUMBER } from './status-registers.ts';

export interface LocalRegisters {
  /** Serves `POST /registers/{births,deaths,training}/search`; false for other paths. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
}

/** Places and numbers as registers compare them: case, spaces, dots and hyphens aside. */
const comparable = (value: string) =>
  value
    .normalize('NFC')
    .replace(/[\s.-]/g, '')
    .toLowerCase();

/**
 * The birth and death registers (Civil Registration System) and the skill development training records in the
 * embedded runtime: an independent fake of the department systems (it imports nothing from lambdas/), serving the
 * contracts of docs/department-systems.md over the sample citizens' families. `503503503`, typed as a village or a
 * certificate number, makes a register answer 503, as one that is down would.
 */
export function createLocalRegisters(): LocalRegisters {
  return {
    async handle(req, res, url) {
      if (!url.pathname.startsWith('/registers/')) return false;
      const register = /^\/registers\/(births|deaths|training)\/search$/.exec(url.pathname)?.[1];
      if (!register || req.method !== 'POST') {
        sendJsonBody(res, 404, { message: 'Not Found' });
        return true;
      }
      const query = stringsOf(await readJsonBody(req));
      if (Object.values(query ?? {}).some((value) => comparable(value) === REGISTERS_DOWN_NUMBER)) {
        sendJsonBody(res, 503, { message: 'the register is down for maintenance' });
        return true;
      }
      if (register === 'training') {
        if (!query?.number) return badRequest(res, 'the body must be {"number": string}');
        const number = comparable(query.number);
        const entries = trainings.filter((t) => [t.certificateNumber, t.enrolmentNumber].includes(number));
        sendJsonBody(res, 200, { entries });
        return true;
      }
      const { date, district, village } = query ?? {};
      if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || (!district && !village))
        return badRequest(res, 'the body must be {"date": "YYYY-MM-DD", "district"?: string, "village"?: string}');
      const inPlace = (e: LocalCivilEntry) =>
        (!district || e.district === district) &&
        (!village || [e.place, e.placeTe].some((place) => comparable(place) === comparable(village)));
      const entries = (register === 'births' ? births : deaths).filter((e) => e.date === date && inPlace(e));
      sendJsonBody(res, 200, { entries });
      return true;
    },
  };
}

function badRequest(res: ServerResponse, message: string): true {
  sendJsonBody(res, 400, { message });
  return true;
}

/** The body as an object of strings, or undefined when it is anything else. */
function stringsOf(body: unknown): Record<string, string> | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  return Object.values(body).every((value) => typeof value === 'string') ? (body as Record<string, string>) : undefined;
}
