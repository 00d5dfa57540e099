import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openArchive, UsageError } from './audit/archive-store.ts';
import { type AuditReport, auditArchive } from './audit/audit-archive.ts';

const USAGE = `Verifies the certificate archive against its transparency log.

  npm run audit                                   the embedded runtime's archive (MITRA_DATA_DIR, default .mitra)
  npm run audit -- --bucket <name> [--region r]   an archive in S3, with your AWS credentials
  npm run audit -- --bucket <name> --endpoint <url>   any S3 API (e.g. a running emulator)

Options:
  --data-dir <dir>             the embedded runtime's data folder (default .mitra)
  --trusted-checkpoint <file>  a checkpoint saved earlier (GET /log/checkpoint); the log must extend it
  --json                       print a machine-readable report
  -h, --help

Exit status: 0 when everything verifies, 1 when anything is tampered, missing, unlogged or deleted, 2 on bad usage.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      bucket: { type: 'string' },
      endpoint: { type: 'string' },
      region: { type: 'string' },
      'data-dir': { type: 'string' },
      'trusted-checkpoint': { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const trustedCheckpoint = values['trusted-checkpoint']
    ? (JSON.parse(readFileSync(values['trusted-checkpoint'], 'utf8')) as unknown)
    : undefined;
  const store = await openArchive({
    bucket: values.bucket,
    endpoint: values.endpoint,
    region: values.region,
    dataDir: values['data-dir'],
  });
  const bar = !values.json && process.stderr.isTTY ? progressBar() : undefined;
  try {
    const report = await auditArchive(store, { trustedCheckpoint, progress: bar?.update });
    bar?.done();
    console.log(values.json ? JSON.stringify(report, null, 2) : summary(report));
    return report.ok ? 0 : 1;
  } finally {
    await store.close();
  }
}

function progressBar() {
  const width = 30;
  return {
    update(done: number, total: number) {
      const filled = total === 0 ? width : Math.round((done / total) * width);
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} certificates`);
    },
    done() {
      process.stderr.write('\n');
    },
  };
}

function summary(report: AuditReport): string {
  const lines = [
    `Archive: ${report.archive}`,
    `Certificates: ${report.certificates.checked} checked, ${report.certificates.valid} valid, ${report.certificates.revoked} revoked`,
    `Log: ${report.log.leaves} leaves, ${report.log.checkpoints} signed checkpoints` +
      (report.log.latest ? `; latest size ${report.log.latest.treeSize}, root ${report.log.latest.rootHash}` : ''),
    `Keys: ${report.keys.map((k) => `${k.keyId} (${k.use})`).join(', ') || 'none'}`,
    `Object versions: ${report.versioning}`,
  ];
  if (report.trustedCheckpoint) {
    lines.push(
      `Trusted checkpoint of size ${report.trustedCheckpoint.treeSize}: ${report.trustedCheckpoint.consistent ? 'the log extends it' : 'NOT CONSISTENT'}`,
    );
  }
  if (report.ok) lines.push('', 'OK: every certificate, leaf and checkpoint verifies.');
  else {
    lines.push('', `FAILED: ${report.findings.length} problem(s)`);
    for (const f of report.findings) lines.push(`  ${f.kind.toUpperCase().padEnd(11)} ${f.object}  ${f.detail}`);
  }
  return lines.join('\n');
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof TypeError) {
      console.error(`audit: ${(error as Error).message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else {
      console.error(`audit: ${(error as Error).stack ?? String(error)}`);
      process.exitCode = 2;
    }
  },
);
