import { parseArgs } from 'node:util';
import type { Catalog } from '../../lambdas/core/catalog/schema.ts';
import { ValidationError } from '../../lambdas/core/errors.ts';
import { placeId } from '../../lambdas/core/grievances/routing.ts';
import { type Officer, OfficerSchema, parseOfficer } from '../../lambdas/core/officers.ts';

export const USAGE = `Registers the officers who decide applications and revoke certificates in the chat.

  npm run officers -- list [--department <id>]
  npm run officers -- add --wa-id <number> --id <officer id> --name "<name>" --department <id>
                          [--district <id> [--mandal <name>]] --role <role>
  npm run officers -- remove --wa-id <number>

Where: the embedded runtime's data by default (through the running \`npm start\` if there is one); a deployment
with --table <TableName> [--region <region>] and AWS credentials that may read and write the table.

Options:
  --wa-id <number>     the WhatsApp number the officer acts from, with the country code and no +: 919000000042
  --id <officer id>    what the log and the application record name: capital letters, digits and hyphens
  --department <id>    the catalog's department id (GET /catalog): revenue, school-education, …
  --district <id>      the catalog's district id (guntur, krishna, …): the officer decides that district's
                       applications only; without it the officer acts for the whole state
  --mandal <name>      with --district, for a department whose grievances go to the mandal's officer: the mandal
                       (Tadikonda, kept as tadikonda); the district's officer has the mandals with none of their own
  --role <role>        clerk (decides nothing), section-officer, tahsildar, revenue-divisional-officer,
                       district-collector, head-of-department (the last three also hear of escalations)
  --data-dir <dir>     the embedded runtime's data folder (default .mitra)
  --stage <stage>      the stage whose synthesized stack names the local table (default dev)`;

/** A mistake in the command line: the message, then the usage, and exit code 2. */
export class UsageError extends Error {}

type Target = { kind: 'aws'; table: string; region?: string } | { kind: 'embedded'; dataDir: string; stage: string };

export type OfficersCommand =
  | { command: 'help' }
  | { command: 'list'; target: Target; department?: string }
  | { command: 'add'; target: Target; officer: Officer }
  | { command: 'remove'; target: Target; waId: string };

const OPTIONS = {
  'wa-id': { type: 'string' },
  id: { type: 'string' },
  name: { type: 'string' },
  department: { type: 'string' },
  district: { type: 'string' },
  mandal: { type: 'string' },
  role: { type: 'string' },
  table: { type: 'string' },
  region: { type: 'string' },
  'data-dir': { type: 'string' },
  stage: { type: 'string', default: 'dev' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Which options each command takes besides where it acts. */
const TAKES = {
  list: ['department'],
  add: ['wa-id', 'id', 'name', 'department', 'district', 'mandal', 'role'],
  remove: ['wa-id'],
} as const;

/** Reads `npm run officers -- …`: the command, its officer checked against the catalog, and where it acts. */
export function parseOfficersArguments(
  argv: readonly string[],
  catalog: Catalog,
  defaultDataDir: string,
): OfficersCommand {
  const { values, positionals } = read(argv);
  if (values.help) return { command: 'help' };
  const [command, ...extra] = positionals;
  if (command !== 'list' && command !== 'add' && command !== 'remove')
    throw new UsageError(
      command ? `unknown command "${command}": list, add or remove` : 'name a command: list, add or remove',
    );
  if (extra.length > 0) throw new UsageError(`unexpected ${extra.map((e) => `"${e}"`).join(' ')}`);
  const others = Object.keys(TAKES).flatMap((name) => TAKES[name as keyof typeof TAKES] as readonly string[]);
  const misplaced = others.filter(
    (option) =>
      values[option as keyof typeof values] !== undefined && !(TAKES[command] as readonly string[]).includes(option),
  );
  if (misplaced.length > 0) throw new UsageError(`${command} takes no ${misplaced.map((o) => `--${o}`).join(', ')}`);
  if (values.region !== undefined && values.table === undefined)
    throw new UsageError('--region goes with --table (a deployment)');
  const target: Target = values.table
    ? { kind: 'aws', table: values.table, ...(values.region ? { region: values.region } : {}) }
    : { kind: 'embedded', dataDir: values['data-dir'] ?? defaultDataDir, stage: values.stage };

  switch (command) {
    case 'list': {
      const { department } = values;
      if (department !== undefined && !catalog.departments.some((d) => d.id === department))
        throw new UsageError(
          `unknown department "${department}"; one of ${catalog.departments.map((d) => d.id).join(', ')}`,
        );
      return { command, target, ...(department ? { department } : {}) };
    }
    case 'add': {
      const missing = ['wa-id', 'id', 'name', 'department', 'role'].filter(
        (option) => values[option as keyof typeof values] === undefined,
      );
      if (missing.length > 0) throw new UsageError(`add needs ${missing.map((o) => `--${o}`).join(', ')}`);
      const registration = {
        id: values.id,
        waId: values['wa-id'],
        name: values.name,
        department: values.department,
        ...(values.district !== undefined ? { district: values.district } : {}),
        ...(values.mandal !== undefined ? { mandal: placeId(values.mandal) } : {}),
        role: values.role,
      };
      try {
        return { command, target, officer: parseOfficer(registration, catalog) };
      } catch (error) {
        if (error instanceof ValidationError) throw new UsageError(error.message);
        throw error;
      }
    }
    case 'remove': {
      const waId = values['wa-id'];
      if (waId === undefined) throw new UsageError('remove needs --wa-id');
      const key = OfficerSchema.shape.waId.safeParse(waId);
      if (!key.success) throw new UsageError(`--wa-id: ${key.error.issues[0]?.message}`);
      return { command, target, waId };
    }
  }
}

function read(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's own message names the option: "Unknown option '--departmnet'".
    throw new UsageError((error as Error).message);
  }
}
