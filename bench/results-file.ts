import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname } from 'node:path';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  ratio?: number;
}

/**
 * Writes bench/results.json in the CONTRACT.md shape and prints the same figures as a table. Figures of the file that
 * this run did not measure (`npm run soak`'s beside `npm run bench`'s) are kept.
 */
export function report(figures: Figure[], file = 'bench/results.json'): void {
  const measured = new Set(figures.map((f) => f.name));
  const earlier = existsSync(file)
    ? ((JSON.parse(readFileSync(file, 'utf8')) as { figures?: Figure[] }).figures ?? [])
    : [];
  const results = {
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown cpu'}`,
    node: process.version,
    at: new Date().toISOString(),
    figures: [...earlier.filter((f) => !measured.has(f.name)), ...figures],
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  const rows = figures.map((f) => [
    f.name,
    `${round(f.value)} ${f.unit}`,
    f.baseline ? `${f.baseline.name} ${round(f.baseline.value)}` : '',
    f.ratio === undefined ? '' : `× ${round(f.ratio)}`,
  ]);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length), 6));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
  console.log(`\nwritten to ${file}`);
}

function round(value: number): number {
  return Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
}
