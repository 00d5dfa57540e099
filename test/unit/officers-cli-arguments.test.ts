import { describe, expect, it } from 'vitest';
import { catalog } from '#core/catalog/catalog.ts';
import { parseOfficersArguments, UsageError } from '../../tools/officers/arguments.ts';
import { officersTable } from '../../tools/officers/listing.ts';

const services = catalog();
const parse = (...argv: string[]) => parseOfficersArguments(argv, services, '.mitra');
const add = ['add', '--wa-id', '919000000777', '--id', 'REV-NLR-0777', '--name', 'A. Test', '--department', 'revenue'];

function refusal(...argv: string[]): string {
  try {
    parse(...argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
}

describe('npm run officers: reading the command line', () => {
  it('adds a district officer, or a state-level one without --district, to the local data by default', () => {
    expect(parse(...add, '--district', 'nellore', '--role', 'tahsildar')).toEqual({
      command: 'add',
      target: { kind: 'embedded', dataDir: '.mitra', stage: 'dev' },
      officer: {
        id: 'REV-NLR-0777',
        waId: '919000000777',
        name: 'A. Test',
        department: 'revenue',
        district: 'nellore',
        role: 'tahsildar',
      },
    });
    expect(parse(...add, '--role', 'head-of-department')).toMatchObject({ officer: { role: 'head-of-department' } });
    expect(parse(...add, '--role', 'clerk').command).toBe('add');
  });

  it('adds a mandal officer with --mandal and the district, keeping the mandal as an id; refuses one without a district', () => {
    const energy = [
      'add',
      '--wa-id',
      '919000000778',
      '--id',
      'EN-GNT-0778',
      '--name',
      'B. Test',
      '--department',
      'energy',
    ];
    expect(
      parse(...energy, '--district', 'guntur', '--mandal', 'Tadikonda', '--role', 'section-officer'),
    ).toMatchObject({
      officer: { department: 'energy', district: 'guntur', mandal: 'tadikonda' },
    });
    expect(refusal(...energy, '--mandal', 'Tadikonda', '--role', 'section-officer')).toContain(
      'registered with the district of their mandal',
    );
    expect(refusal('list', '--mandal', 'Tadikonda')).toContain('list takes no --mandal');
  });

  it('acts on a deployed table with --table, in the region given', () => {
    expect(parse('list', '--table', 'Mitra-prod-Table', '--region', 'ap-south-1')).toEqual({
      command: 'list',
      target: { kind: 'aws', table: 'Mitra-prod-Table', region: 'ap-south-1' },
    });
    expect(parse('remove', '--wa-id', '919000000777', '--data-dir', '/tmp/data')).toEqual({
      command: 'remove',
      target: { kind: 'embedded', dataDir: '/tmp/data', stage: 'dev' },
      waId: '919000000777',
    });
    expect(refusal('list', '--region', 'ap-south-1')).toContain('--region goes with --table');
  });

  it('refuses a department, district or role the catalog does not know, naming the ones it does', () => {
    expect(refusal(...add.slice(0, -1), 'Revenue Department', '--role', 'tahsildar')).toContain('department');
    expect(refusal(...add.slice(0, -1), 'revenu', '--role', 'tahsildar')).toMatch(
      /unknown department "revenu"; one of/,
    );
    expect(refusal(...add, '--district', 'gunture', '--role', 'tahsildar')).toMatch(
      /unknown district "gunture"; one of .*guntur/,
    );
    expect(refusal(...add, '--role', 'collector')).toContain('role must be one of clerk, section-officer');
    expect(refusal('list', '--department', 'revnue')).toMatch(/unknown department "revnue"; one of .*revenue/);
  });

  it('refuses a malformed number, missing options, options of another command and unknown ones', () => {
    expect(refusal('add', '--wa-id', '919000000777', '--role', 'tahsildar')).toBe(
      'add needs --id, --name, --department',
    );
    expect(refusal(...add.slice(0, 2), '+91 90000', ...add.slice(3), '--role', 'tahsildar')).toContain('waId');
    expect(refusal('remove', '--wa-id', '+919000000777')).toContain('--wa-id');
    expect(refusal('remove')).toBe('remove needs --wa-id');
    expect(refusal('list', '--role', 'clerk')).toBe('list takes no --role');
    expect(refusal('list', '--departmnet', 'revenue')).toContain('--departmnet');
    expect(refusal('promote')).toContain('unknown command "promote"');
    expect(refusal()).toContain('name a command');
    expect(parse('--help')).toEqual({ command: 'help' });
  });
});

describe('npm run officers -- list', () => {
  it('prints a table by department and district with every number masked', () => {
    const table = officersTable([
      {
        id: 'REV-KRI-0007',
        waId: '919000000007',
        name: 'P. Anuradha',
        department: 'revenue',
        district: 'krishna',
        role: 'district-collector',
      },
      {
        id: 'REV-APS-0009',
        waId: '919000000009',
        name: 'G. Nageswara Rao',
        department: 'revenue',
        role: 'head-of-department',
      },
      {
        id: 'HE-APS-0301',
        waId: '919000000301',
        name: 'S. Madhavi',
        department: 'higher-education',
        role: 'section-officer',
      },
    ]);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^id\s+name\s+department\s+district\s+role\s+whatsapp$/);
    expect(lines.slice(2, 5).map((l) => l.split(/\s{2,}/)[0])).toEqual(['HE-APS-0301', 'REV-APS-0009', 'REV-KRI-0007']);
    expect(table).toContain('(state)');
    expect(table).toContain('********0007');
    expect(table).not.toMatch(/9190000000\d\d/);
    expect(table).toContain('3 officers');
    expect(officersTable([])).toBe('No officer is registered.');
  });
});
