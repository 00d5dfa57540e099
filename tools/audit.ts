import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openArchive, UsageError } from './audit/archive-store.ts';
import { type AuditReport, auditArchive } from './audit/audit-archive.ts';
import { defaultStatePath, readAuditState, writeAuditState } from './audit/audit-state.ts';
import { type LoadedAnchor, localTrustAnchor, localWitnessKey, trustAnchorFromFile } from './audit/trust-anchor.ts';
import { witnessKeyFromFile } from './audit/witness-check.ts';

const USAGE = `Verifies the certificate archive against its transparency log, trusting only the keys that chain to a
trust anchor held outside the archive, and holding the log to the checkpoint of the previous audit.

  npm run audit -- --first-audit                  the embedded runtime's archive (MITRA_DATA_DIR, default .mitra),
                                                  the first time; later runs need no flag
  npm run audit -- --bucket <name> --trusted-keys anchor.json [--region r]   an archive in S3, with your AWS
                                                  credentials; anchor.json is the stack's TrustAnchor output
  npm run audit -- --bucket <name> --endpoint <url> --trusted-keys anchor.json   any S3 API (e.g. an emulator)

Options:
  --data-dir <dir>             the embedded runtime's data folder (default .mitra); its trust anchor is the local
                               KMS keys in <dir>/kms unless --trusted-keys is given
  --trusted-keys <file>        the trust anchor: the stack output TrustAnchor (the JSON, or the whole output list of
                               aws cloudformation describe-stacks)
  --trusted-checkpoint <file>  a checkpoint kept earlier (GET /log/checkpoint); the log must extend it
  --witness-key <file>         the witness's public key (PEM, DER, or the base64 of aws kms get-public-key for the
                               witness stack's WitnessKeyArn): every checkpoint must carry its co-signature, and
                               nothing it co-signed may be missing from the log. Locally, the local witness key
  --state <file>               where the audit keeps the last checkpoint it verified
                               (default $XDG_STATE_HOME/mitra-audit/<bucket>.json, else ~/.local/state/…;
                               for the embedded runtime's data, <dir>/audit-state.json)
  --first-audit                no earlier checkpoint exists: accept that rollback cannot be ruled out this once
  --no-qr                      do not read the QR codes (reading them needs poppler's pdftoppm)
  --json                       print a machine-readable report
  -h, --help

Exit status: 0 when everything verifies, 1 when anything is tampered, missing, unlogged, deleted, untrusted or
rolled back, or rollback cannot be ruled out; 2 on bad usage.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      bucket: { type: 'string' },
      endpoint: { type: 'string' },
      region: { type: 'string' },
      'data-dir': { type: 'string' },
      'trusted-keys': { type: 'string' },
      'trusted-checkpoint': { type: 'string' },
      'witness-key': { type: 'string' },
      state: { type: 'string' },
      'first-audit': { type: 'boolean', default: false },
      'no-qr': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const local = !values.bucket || values['data-dir'] !== undefined;
  const dataDir = resolve(values['data-dir'] ?? process.env.MITRA_DATA_DIR ?? '.mitra');
  const anchor: LoadedAnchor | undefined = values['trusted-keys']
    ? trustAnchorFromFile(values['trusted-keys'])
    : local
      ? localTrustAnchor(dataDir)
      : undefined;
  if (!anchor) {
    throw new UsageError(
      'give the trust anchor with --trusted-keys <file> (the stack output TrustAnchor): without it, any key in the ' +
        'bucket could have signed what the bucket holds',
    );
  }
  const witness = values['witness-key']
    ? witnessKeyFromFile(values['witness-key'])
    : local
      ? localWitnessKey(dataDir)
      : undefined;
  const store = await openArchive({
    bucket: values.bucket,
    endpoint: values.endpoint,
    region: values.region,
    dataDir: local ? dataDir : undefined,
  });
  // Every embedded runtime's archive has the same bucket name: its state stays with its own data.
  const statePath = values.state ?? (local ? join(dataDir, 'audit-state.json') : defaultStatePath(store.bucket));
  const bar = !values.json && process.stderr.isTTY ? progressBar() : undefined;
  try {
    const state = readAuditState(statePath);
    const trustedCheckpoint = values['trusted-checkpoint']
      ? { checkpoint: readJson(values['trusted-checkpoint']), from: 'option' as const }
      : state
        ? { checkpoint: state.checkpoint, from: 'state' as const }
        : undefined;
    const report = await auditArchive(store, {
      anchor,
      witness,
      trustedCheckpoint,
      firstAudit: values['first-audit'],
      readQr: !values['no-qr'],
      progress: bar?.update,
    });
    bar?.done();
    // Only a log that verified completely becomes the one the next audit is held to.
    const kept = report.ok && report.log.latest;
    if (kept) {
      writeAuditState(statePath, {
        format: 'mitra.audit-state.v1',
        archive: store.location,
        auditedAt: new Date().toISOString(),
        checkpoint: kept,
      });
    }
    console.log(values.json ? JSON.stringify(report, null, 2) : summary(report, kept ? statePath : undefined));
    return report.ok ? 0 : 1;
  } finally {
    await store.close();
  }
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
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

function summary(report: AuditReport, statePath: string | undefined): string {
  const { latest } = report.log;
  const lines = [
    `Archive: ${report.archive}`,
    `Certificates: ${report.certificates.checked} checked, ${report.certificates.valid} valid, ${report.certificates.revoked} revoked`,
    `Log: ${report.log.leaves} leaves, ${report.log.checkpoints} signed checkpoints` +
      (latest ? `; latest size ${latest.treeSize}, root ${latest.rootHash}` : ''),
    `Trust anchor: ${report.trust.anchor}`,
    `Trusted keys: ${report.trust.keys.map((k) => `${k.keyId} (${k.use}, ${k.via})`).join('; ') || 'none'}`,
    `Witness: ${
      report.witness === 'not configured'
        ? 'not configured'
        : `key ${report.witness.keyId} (${report.witness.source}), ${report.witness.cosigned} of ${report.log.checkpoints} checkpoints co-signed`
    }`,
    `QR codes: ${report.qrCodes}`,
    `Object versions: ${report.versioning}`,
  ];
  const t = report.trustedCheckpoint;
  if (t) {
    const what = t.from === 'state' ? 'Checkpoint of the last audit' : 'Trusted checkpoint';
    lines.push(`${what}, size ${t.treeSize}: ${t.consistent ? 'the log extends it' : 'NOT EXTENDED'}`);
  } else if (report.rollback === 'first audit') {
    lines.push('First audit: rollback before today cannot be ruled out; later audits are held to this one.');
  }
  if (report.ok) {
    lines.push('', 'OK: every certificate, leaf and checkpoint verifies.');
    if (statePath) lines.push(`Kept the latest checkpoint in ${statePath} for the next audit.`);
  } else {
    lines.push('', `FAILED: ${report.findings.length} problem(s)`);
    for (const f of report.findings) lines.push(`  ${f.kind.toUpperCase().padEnd(12)} ${f.object}  ${f.detail}`);
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
    } else {
      console.error(`audit: ${(error as Error).stack ?? String(error)}`);
    }
    process.exitCode = 2;
  },
);
