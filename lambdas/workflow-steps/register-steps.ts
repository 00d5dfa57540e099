import { HttpCivilRegistration } from '#adapters/departments/civil-registration.ts';
import { DepartmentSystemError } from '#adapters/departments/department-system-error.ts';
import { HttpEncumbranceRegister } from '#adapters/departments/encumbrance-register.ts';
import { HttpStatusRegisters } from '#adapters/departments/status-registers.ts';
import { HttpTrainingRecords } from '#adapters/departments/training-records.ts';
import { requireEnv } from '#adapters/env.ts';
import {
  type Encumbrance,
  encumbranceOf,
  encumbranceQuery,
  searchesEncumbrances,
} from '#core/applications/encumbrance.ts';
import type { RecordCheck } from '#core/applications/record-check.ts';
import {
  checkAgainstRegister,
  type RegisterQuery,
  registerFor,
  registerQuery,
} from '#core/applications/register-checks.ts';
import type { Service } from '#core/catalog/schema.ts';
import { ValidationError } from '#core/errors.ts';
import { extractWorkflowOf } from '#core/fulfilment/registry.ts';
import { lookupQuery, type StatusRecord } from '#core/fulfilment/status-lookup.ts';

const registersEndpoint = requireEnv('REGISTERS_ENDPOINT');
const configured = registersEndpoint !== 'unconfigured';
const civilRegistration = configured ? new HttpCivilRegistration(registersEndpoint) : undefined;
const trainingRecords = configured ? new HttpTrainingRecords(registersEndpoint) : undefined;
const encumbranceRegister = configured ? new HttpEncumbranceRegister(registersEndpoint) : undefined;
const statusRegistersEndpoint = requireEnv('STATUS_REGISTERS_ENDPOINT');
const statusRegisters =
  statusRegistersEndpoint === 'unconfigured' ? undefined : new HttpStatusRegisters(statusRegistersEndpoint);

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

/**
 * "Look up records", for a signed extract of a status lookup's record (land records: Adangal / 1-B): the department's
 * system is asked again, so the extract states what it holds when it is issued, not what the chat showed earlier. A
 * record that is gone, or no longer offers an extract, fails the application (the citizen is told); a system that
 * cannot answer throws a DepartmentSystemError, which the state machine retries.
 */
export async function lookUpExtract(
  service: Service,
  values: Record<string, string>,
): Promise<StatusRecord | undefined> {
  if (!extractWorkflowOf(service)) return undefined;
  const query = lookupQuery(service, values);
  if (!query) throw new ValidationError(`${service.id}: an extract is only issued for a record found without Aadhaar`);
  if (!statusRegisters) throw new DepartmentSystemError('status registers', 'no STATUS_REGISTERS_ENDPOINT configured');
  const result = await statusRegisters.lookup(service.id, query);
  if (!result.found || !result.record.extract)
    throw new ValidationError(`${service.id}: the department system holds no record to extract for this query`);
  return result.record;
}
