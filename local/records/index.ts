import type { IncomingMessage, ServerResponse } from 'node:http';
import { readJsonBody, sendJsonBody } from '../json-io.ts';
import { localUidToken } from '../uid-token.ts';

/** One household in the local records, as the records API answers it. */
export interface LocalHouseholdRecord {
  aadhaar: string;
  name: string;
  /** The names in Telugu script, as the records also hold them. */
  nameTe: string;
  fatherName: string;
  fatherNameTe: string;
  /** Catalog district option id. */
  district: string;
  annualIncome: number;
  /** Catalog caste-category option id; absent for a household outside the listed categories. */
  casteCategory?: string;
}

export interface LocalRecords {
  /** Serves `POST /records/lookup {uidToken}`; false for other paths. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
}

/**
 * The state's household records in the embedded runtime (an independent fake of a department back end: it imports
 * nothing from lambdas/), found by UID token as the real ones are.
 */
export function createLocalRecords(households: readonly LocalHouseholdRecord[]): LocalRecords {
  const byToken = new Map(households.map((h) => [localUidToken(h.aadhaar), h]));
  return {
    async handle(req, res, url) {
      if (!url.pathname.startsWith('/records/')) return false;
      if (url.pathname !== '/records/lookup' || req.method !== 'POST') {
        sendJsonBody(res, 404, { message: 'Not Found' });
        return true;
      }
      const body = (await readJsonBody(req)) as Record<string, unknown> | undefined;
      const uidToken = typeof body?.uidToken === 'string' ? body.uidToken : undefined;
      if (!uidToken) {
        sendJsonBody(res, 400, { message: 'uidToken is required' });
        return true;
      }
      const household = byToken.get(uidToken);
      if (!household) {
        sendJsonBody(res, 200, { found: false });
        return true;
      }
      const { aadhaar: _aadhaar, ...record } = household;
      sendJsonBody(res, 200, { found: true, record });
      return true;
    },
  };
}
