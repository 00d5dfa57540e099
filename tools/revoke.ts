import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { RevocationService } from '../lambdas/adapters/revocation.ts';
import { citizenRevocationNotice } from '../lambdas/adapters/revocation-notice.ts';
import { isCertId } from '../lambdas/core/certificate/model.ts';
import { revocationCodeList } from '../lambdas/core/certificate/revocation.ts';
import { archiveBackends, archiveLog } from './archive-backends.ts';

const USAGE = `Revokes a certificate: the verify page says "revoked" with the date and reason, and a revocation leaf is
appended to the transparency log.

  npm run revoke -- <certId> --reason "…"                        the embedded runtime's data (running or not)
  npm run revoke -- <certId> --reason "…" --table <name> --bucket <name> [--stage dev] [--region ap-south-1]
                                                                  a deployment, with IAM credentials that may update
                                                                  the table, write log/ and keys/ in the archive and
                                                                  kms:Sign with the checkpoint key

The reason is one of these codes (or its number), optionally followed by a note that stays with the certificate
for the department and is never shown to the public or written to the log: --reason "false-information: forged slip"
${revocationCodeList()
  .split('\n')
  .map((line) => `  ${line}`)
  .join('\n')}

Options:
  --by <name>          who revokes, as the log records it (default: administrator:<your user name>)
  --checkpoint-key <id>  default alias/mitra-<stage>-checkpoint-signing
  --data-dir <dir>     the embedded runtime's data folder (default .mitra)`;

/** A certificate id may begin with "-" (it is base64url); it is moved behind "--" so it is not read as an option. */
function certIdLast(args: string[]): string[] {
  const certIds = args.filter((arg) => arg.startsWith('-') && isCertId(arg));
  if (certIds.length === 0 || args.includes('--')) return args;
  return [...args.filter((arg) => !certIds.includes(arg)), '--', ...certIds];
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    args: certIdLast(process.argv.slice(2)),
    allowPositionals: true,
    options: {
      reason: { type: 'string' },
      by: { type: 'string' },
      table: { type: 'string' },
      bucket: { type: 'string' },
      stage: { type: 'string', default: 'dev' },
      region: { type: 'string' },
      'checkpoint-key': { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const certId = positionals[0];
  if (!certId || positionals.length !== 1 || !isCertId(certId) || !values.reason) {
    console.error(`revoke: give one certificate id (22 characters) and --reason\n\n${USAGE}`);
    return 2;
  }
  const backends = await archiveBackends(values);
  try {
    const now = () => new Date();
    const { store, log } = archiveLog(backends, now);
    const tellCitizen = citizenRevocationNotice(backends.dynamodb, backends.tableName, now);
    const result = await new RevocationService(store, log, now, tellCitizen).revoke({
      certId,
      reason: values.reason,
      revokedBy: values.by ?? `administrator:${userInfo().username}`,
    });
    if (result.outcome === 'unknown') {
      console.error(`revoke: no certificate ${certId} was issued`);
      return 1;
    }
    const what = result.outcome === 'revoked' ? 'Revoked' : 'Already revoked';
    console.log(`${what} ${certId} on ${result.revokedAt}: ${result.reason} (log leaf ${result.logIndex})`);
    return 0;
  } finally {
    await backends.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`revoke: ${(error as Error).message}`);
    process.exitCode = 2;
  },
);
