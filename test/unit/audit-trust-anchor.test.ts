import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { trustAnchorOf } from '#core/transparency-log/trust-anchor-output.ts';
import { UsageError } from '../../tools/audit/archive-store.ts';
import { localTrustAnchor, trustAnchorFromFile } from '../../tools/audit/trust-anchor.ts';
import { keySigner } from './certificate-fixtures.ts';

const directory = mkdtempSync(join(tmpdir(), 'mitra-anchor-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function stackOutputs() {
  const certificate = await keySigner().currentKey();
  const checkpoint = await keySigner().currentKey();
  return { outputs: trustAnchorOf({ certificate, checkpoint }), certificate, checkpoint };
}

describe('the trust anchor the audit starts from', () => {
  it('is the stack output TrustAnchor, saved alone or with the whole output list', async () => {
    const { outputs, certificate, checkpoint } = await stackOutputs();
    const alone = join(directory, 'anchor.json');
    writeFileSync(alone, outputs.TrustAnchor);
    const list = join(directory, 'outputs.json');
    writeFileSync(
      list,
      JSON.stringify([
        { OutputKey: 'ArchiveBucketName', OutputValue: 'bucket' },
        { OutputKey: 'TrustAnchor', OutputValue: outputs.TrustAnchor },
      ]),
    );
    for (const file of [alone, list]) {
      const { keys } = trustAnchorFromFile(file);
      expect(keys.get(certificate.keyId)).toMatchObject({ use: 'certificate-signing', via: 'anchor' });
      expect(keys.get(checkpoint.keyId)).toMatchObject({ use: 'checkpoint-signing', via: 'anchor' });
    }
    expect(outputs).toMatchObject({ CertificateKeyId: certificate.keyId, CheckpointKeyId: checkpoint.keyId });
  });

  it('refuses a file whose key is not the one its id names, or that is no anchor', async () => {
    const { outputs } = await stackOutputs();
    const anchor = JSON.parse(outputs.TrustAnchor);
    anchor.keys[0].publicKey = anchor.keys[1].publicKey;
    const swapped = join(directory, 'swapped.json');
    writeFileSync(swapped, JSON.stringify(anchor));
    expect(() => trustAnchorFromFile(swapped)).toThrow(/not the key its id names/);
    const other = join(directory, 'other.json');
    writeFileSync(other, '{"keys":[]}');
    expect(() => trustAnchorFromFile(other)).toThrow(UsageError);
  });

  it('is, for the embedded runtime, the local KMS keys by their logical ids or aliases', () => {
    const kms = join(directory, 'data', 'kms');
    mkdirSync(kms, { recursive: true });
    const pem = () =>
      generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' });
    writeFileSync(join(kms, 'CertificateSigningKey7315C2FE.pem'), pem());
    writeFileSync(join(kms, 'b0d3.pem'), pem());
    writeFileSync(join(kms, 'unrelated.pem'), pem());
    writeFileSync(join(kms, 'aliases.json'), JSON.stringify({ 'alias/mitra-local-checkpoint-signing': 'b0d3' }));
    const anchor = localTrustAnchor(join(directory, 'data'))!;
    expect([...anchor.keys.values()].map((k) => k.use).sort()).toEqual(['certificate-signing', 'checkpoint-signing']);
    expect(localTrustAnchor(join(directory, 'none'))).toBeUndefined();

    // A rotation's key, even once the alias names it, is trusted only through its endorsement in the log.
    writeFileSync(join(kms, 'c4f1.pem'), pem());
    writeFileSync(join(kms, 'created-keys.json'), JSON.stringify({ c4f1: { description: 'rotated' } }));
    writeFileSync(join(kms, 'aliases.json'), JSON.stringify({ 'alias/mitra-local-checkpoint-signing': 'c4f1' }));
    const rotated = localTrustAnchor(join(directory, 'data'))!;
    expect([...rotated.keys.values()].map((k) => k.use)).toEqual(['certificate-signing']);
  });
});
