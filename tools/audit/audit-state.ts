import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { SignedCheckpointSchema } from '../../lambdas/core/transparency-log/checkpoint.ts';
import { UsageError } from './archive-store.ts';

/**
 * What the auditor keeps between audits, outside the archive: the last checkpoint that verified. The next audit
 * holds the log to it, so a log cut short or rewritten since cannot pass unnoticed.
 */
const AuditStateSchema = z.strictObject({
  format: z.literal('mitra.audit-state.v1'),
  archive: z.string(),
  auditedAt: z.string(),
  checkpoint: SignedCheckpointSchema,
});
export type AuditState = z.infer<typeof AuditStateSchema>;

/** `$XDG_STATE_HOME/mitra-audit/<bucket>.json` (default `~/.local/state/…`): the auditor's, never the archive's. */
export function defaultStatePath(bucket: string): string {
  const base = process.env.XDG_STATE_HOME || join(homedir(), '.local', 'state');
  return join(base, 'mitra-audit', `${bucket.replace(/[^A-Za-z0-9._-]/g, '_')}.json`);
}

export function readAuditState(path: string): AuditState | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed = AuditStateSchema.safeParse(safeJson(text));
  if (!parsed.success) throw new UsageError(`the audit state ${path} is not one this audit wrote; move it away`);
  return parsed.data;
}

export function writeAuditState(path: string, state: AuditState): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(AuditStateSchema.parse(state), null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, path);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
