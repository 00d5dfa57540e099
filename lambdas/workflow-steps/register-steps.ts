import { HttpCivilRegistration } from '#adapters/departments/civil-registration.ts';
import { DepartmentSystemError } from '#adapters/departments/department-system-error.ts';
import { HttpEncumbranceRegister } from '#adapters/departments/encumbrance-register.ts';
import { HttpTrainingRecords } from '#adapters/departments/training-records.ts';
import { requireEnv } from '#adapters/env.ts';
import {
  type Encumbrance,
  encumbranceOf,
  encumbranceQuery,
  searchesEncumbrances,
} from '#core/applications/encumbrance.ts';
import type { RecordCheck } from '#core/applications/records.ts';
import {
  checkAgainstRegister,
  type RegisterQuery,
  registerFor,
  registerQuery,
} from '#core/applications/register-checks.ts';
import type { Service } from '#core/catalog/schema.ts';

const registersEndpoint = requireEnv('REGISTERS_ENDPOINT');
const configured = registersEndpoint !== 'unconfigured';
const civilRegistration = configured ? new HttpCivilRegistration(registersEndpoint) : undefined;
const trainingRecords = configured ? new HttpTrainingRecords(registersEndpoint) : undefined;
const encumbranceRegister = configured ? new HttpEncumbranceRegister(registersEndpoint) : undefined;

/**
 * "Look up records", for a certificate a register speaks to (a birth, a death, a completed course): the register must
 * confirm every fact the certificate would state, or an officer decides, told what differed. A certificate that is
 * also about the applicant is checked against the household records first (`household`); the register is asked only
 * when those confirm it. Without a register endpoint nothing can confirm it, and an officer decides. A register that
 * cannot answer throws a DepartmentSystemError, which the state machine retries.
 */
export async function checkWithRegister(
  service: Service,
  values: Record<string, string>,
  household: RecordCheck | undefined,
): Promise<RecordCheck | undefined> {
  const register = registerFor(service);
  if (!register || (household && !household.verified)) return household;
  const search = registerQuery(service, values);
  return checkAgainstRegister(service, values, register, search && (await entriesFor(search)));
}

async function entriesFor(search: RegisterQuery) {
  if (search.register === 'training') return trainingRecords?.search(search.query.number);
  return civilRegistration?.search(search);
}

/**
 * "Look up records", for an encumbrance certificate: the Registration Department's register of documents, searched
 * for the property and the period, gives the transactions the certificate states (the officer still approves it).
 * Without a register nothing can be stated, so the step fails rather than issue a certificate silent about them; a
 * register that cannot answer throws a DepartmentSystemError, which the state machine retries.
 */
export async function searchEncumbrances(
  service: Service,
  values: Record<string, string>,
  now: Date,
): Promise<Encumbrance | undefined> {
  if (!searchesEncumbrances(service)) return undefined;
  const query = encumbranceQuery(values, now);
  if (!encumbranceRegister) throw new DepartmentSystemError('encumbrance register', 'no REGISTERS_ENDPOINT configured');
  return encumbranceOf(query, await encumbranceRegister.search(query));
}
