import { parseArgs } from 'node:util';
import {
  CreateKeyCommand,
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  type KMSClient,
  UpdateAliasCommand,
} from '@aws-sdk/client-kms';
import { createKmsSigner } from '../lambdas/adapters/signer.ts';
import type { KeyUse } from '../lambdas/core/transparency-log/entry.ts';
import { archiveBackends, archiveLog } from './archive-backends.ts';

const USAGE = `Rotates a signing key: creates the next KMS key with the current key's policy, publishes its public key
under keys/, records it in the transparency log as a leaf the current key signs (its endorsement), and then moves
the signing alias to it, so every signer uses the new key from its next signature, without a deployment.
Certificates signed before still verify with the old key, which is kept. An auditor holding the original trust
anchor chains the new key through its endorsement (npm run audit).

  npm run rotate-key -- certificate|checkpoint                      the embedded runtime's data (running or not)
  npm run rotate-key -- certificate|checkpoint --table <name> --bucket <name> [--stage dev] [--region ap-south-1]
                                                                  a deployment, as the role mitra-<stage>-key-administrator
                                                                  (the only one besides the signers that may sign
                                                                  with the keys; it also needs kms:CreateKey,
                                                                  kms:UpdateAlias, and the table and archive writes
                                                                  of npm run revoke)

Options:
  --stage <stage>      names the aliases alias/mitra-<stage>-certificate-signing and -checkpoint-signing (default dev)
  --data-dir <dir>     the embedded runtime's data folder (default .mitra)`;

const USES: Record<string, KeyUse> = { certificate: 'certificate-signing', checkpoint: 'checkpoint-signing' };

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      table: { type: 'string' },
      bucket: { type: 'string' },
      stage: { type: 'string', default: 'dev' },
      region: { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const use = positionals.length === 1 ? USES[positionals[0]!] : undefined;
  if (!use) {
    console.error(`rotate-key: say which key, certificate or checkpoint\n\n${USAGE}`);
    return 2;
  }
  const backends = await archiveBackends(values);
  try {
    const alias = use === 'certificate-signing' ? backends.certificateKey : backends.checkpointKey;
    if (!alias.startsWith('alias/')) throw new Error(`signers name the key ${alias}, not an alias: nothing to move`);
    const now = () => new Date();
    const { store, log } = archiveLog(backends, now);

    const previous = createKmsSigner(backends.kms, alias);
    const previousKey = await previous.currentKey();
    // The current key goes into the log first if nothing it signed is there yet, so it can endorse its successor.
    await log.logKey(previousKey, use);
    const nextArn = await createNextKey(backends.kms, alias);
    const next = await createKmsSigner(backends.kms, nextArn).currentKey();
    await store.archivePublicKey(next, now().toISOString(), use);
    const endorsed = await log.endorseKey(next, use, previous);
    await backends.kms.send(new UpdateAliasCommand({ AliasName: alias, TargetKeyId: nextArn }));
    console.log(
      `Rotated ${alias}: ${previousKey.keyId} → ${next.keyId} (KMS key ${nextArn}), endorsed in log leaf ` +
        `${endorsed.index}, covered by the checkpoint of size ${endorsed.checkpoint.treeSize}`,
    );
    return 0;
  } finally {
    await backends.close();
  }
}

/** A new ECDSA P-256 key with the policy and description of the key the alias names now. */
async function createNextKey(kms: KMSClient, alias: string): Promise<string> {
  const current = await kms.send(new DescribeKeyCommand({ KeyId: alias }));
  const currentKeyId = current.KeyMetadata?.KeyId;
  if (!currentKeyId) throw new Error(`KMS describes no key behind ${alias}`);
  const { Policy } = await kms.send(new GetKeyPolicyCommand({ KeyId: currentKeyId, PolicyName: 'default' }));
  const created = await kms.send(
    new CreateKeyCommand({
      KeySpec: 'ECC_NIST_P256',
      KeyUsage: 'SIGN_VERIFY',
      Description: `${current.KeyMetadata?.Description ?? alias} (rotated ${new Date().toISOString().slice(0, 10)})`,
      ...(Policy ? { Policy } : {}),
    }),
  );
  const arn = created.KeyMetadata?.Arn;
  if (!arn) throw new Error('KMS created no key');
  return arn;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`rotate-key: ${(error as Error).message}`);
    process.exitCode = 2;
  },
);
