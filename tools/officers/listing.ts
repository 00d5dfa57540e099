import { maskPhone } from '../../lambdas/core/masking.ts';
import type { Officer } from '../../lambdas/core/officers.ts';

const COLUMNS = ['id', 'name', 'department', 'district', 'role', 'whatsapp'] as const;

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
        a.id.localeCompare(b.id),
    )
    .map((o) => [o.id, o.name, o.department, o.district ?? '(state)', o.role, maskPhone(o.waId)]);
  const widths = COLUMNS.map((column, i) => Math.max(column.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const count = `${officers.length} officer${officers.length === 1 ? '' : 's'}`;
  return [line(COLUMNS), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), '', count].join('\n');
}
