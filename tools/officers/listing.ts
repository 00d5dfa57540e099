import { maskPhone } from '../../lambdas/core/masking.ts';
import type { Officer } from '../../lambdas/core/officers.ts';

const COLUMNS = ['id', 'name', 'department', 'district', 'role', 'whatsapp'] as const;

/** Where the officer acts: the state, a district, or a mandal of it ("guntur / tadikonda"). */
const placeOf = (o: Officer) => (o.district ? [o.district, o.mandal].filter(Boolean).join(' / ') : '(state)');

/**
 * The officers as a plain-text table, by department, district (state-level first) and id. Numbers are masked: a
 * listing is pasted into tickets and chats, and the administrator who needs a number has it in their records.
 */
export function officersTable(officers: readonly Officer[]): string {
  if (officers.length === 0) return 'No officer is registered.';
  const rows = [...officers]
    .sort(
      (a, b) =>
        a.department.localeCompare(b.department) ||
        (a.district ?? '').localeCompare(b.district ?? '') ||
        (a.mandal ?? '').localeCompare(b.mandal ?? '') ||
        a.id.localeCompare(b.id),
    )
    .map((o) => [o.id, o.name, o.department, placeOf(o), o.role, maskPhone(o.waId)]);
  const widths = COLUMNS.map((column, i) => Math.max(column.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const count = `${officers.length} officer${officers.length === 1 ? '' : 's'}`;
  return [line(COLUMNS), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), '', count].join('\n');
}
