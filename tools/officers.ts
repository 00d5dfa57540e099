import { OfficerRegistry } from '../lambdas/adapters/officers.ts';
import { catalog } from '../lambdas/core/catalog/catalog.ts';
import { maskPhone } from '../lambdas/core/masking.ts';
import type { Officer } from '../lambdas/core/officers.ts';
import { type OfficersCommand, parseOfficersArguments, USAGE, UsageError } from './officers/arguments.ts';
import { officersTable } from './officers/listing.ts';
import { openTable } from './table-access.ts';

async function main(argv: string[]): Promise<number> {
  const services = catalog();
  let command: OfficersCommand;
  try {
    command = parseOfficersArguments(argv, services, process.env.MITRA_DATA_DIR ?? '.mitra');
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`officers: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (command.command === 'help') {
    console.log(USAGE);
    return 0;
  }
  const table = await openTable(command.target);
  try {
    const registry = new OfficerRegistry(table.name, table.client);
    switch (command.command) {
      case 'list': {
        const departments = command.department ? [command.department] : services.departments.map((d) => d.id);
        const officers = (await Promise.all(departments.map((d) => registry.ofDepartment(d)))).flat();
        console.log(officersTable(officers));
        return 0;
      }
      case 'add': {
        const { officer } = command;
        if (!(await registry.add(officer))) {
          console.error(`officers: ${officer.waId} is registered already; remove it first to register it again`);
          return 1;
        }
        console.log(`Registered ${describe(officer)}, acting from ${officer.waId}`);
        return 0;
      }
      case 'remove': {
        const removed = await registry.remove(command.waId);
        if (!removed) {
          console.error(`officers: no officer is registered for ${maskPhone(command.waId)}`);
          return 1;
        }
        const who = removed.officer ? describe(removed.officer) : 'an unreadable registration';
        console.log(`Removed ${who}, who acted from ${maskPhone(command.waId)}`);
        return 0;
      }
    }
  } finally {
    await table.close();
  }
}

function describe(officer: Officer): string {
  const district = [officer.district, officer.mandal && `${officer.mandal} mandal`].filter(Boolean).join(', ');
  const where = district ? `${officer.department}, ${district}` : `${officer.department}, state level`;
  return `${officer.id} ${officer.name} (${officer.role}, ${where})`;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`officers: ${(error as Error).message}`);
    process.exitCode = 2;
  },
);
