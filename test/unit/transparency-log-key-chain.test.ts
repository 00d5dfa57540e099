import { describe, expect, it } from 'vitest';
import type { LogEntry } from '#core/transparency-log/entry.ts';
import {
  anchorEntryOf,
  anchorKeys,
  chainKeys,
  endorsedKeyEntry,
  firstKeyEntry,
  TrustAnchorSchema,
} from '#core/transparency-log/key-chain.ts';
import { keySigner } from './certificate-fixtures.ts';

async function anchorOf(...signers: ReturnType<typeof keySigner>[]) {
  const keys = await Promise.all(signers.map(async (s) => anchorEntryOf(await s.currentKey(), 'checkpoint-signing')));
  return anchorKeys(TrustAnchorSchema.parse({ format: 'mitra.trust-anchor.v1', keys }));
}

const leaves = (...entries: LogEntry[]) => entries.map((entry, index) => ({ index, entry }));

describe('the chain of keys an auditor trusts', () => {
  it('trusts a rotated key that the key it replaces endorsed in the log, from the leaf that endorses it', async () => {
    const first = keySigner();
    const second = keySigner();
    const third = keySigner();
    const log = leaves(
      firstKeyEntry(await first.currentKey(), 'checkpoint-signing'),
      await endorsedKeyEntry(await second.currentKey(), 'checkpoint-signing', first),
      await endorsedKeyEntry(await third.currentKey(), 'checkpoint-signing', second),
    );
    const { trusted, findings } = chainKeys(await anchorOf(first), log);
    expect(findings).toEqual([]);
    expect(trusted.get((await third.currentKey()).keyId)?.via).toEqual({
      leafIndex: 2,
      endorsedBy: (await second.currentKey()).keyId,
    });
  });

  it('names a key that no trusted key endorsed, and everything it endorsed in turn', async () => {
    const genuine = keySigner();
    const attacker = keySigner();
    const accomplice = keySigner();
    const log = leaves(
      firstKeyEntry(await genuine.currentKey(), 'checkpoint-signing'),
      firstKeyEntry(await attacker.currentKey(), 'checkpoint-signing'),
      await endorsedKeyEntry(await accomplice.currentKey(), 'checkpoint-signing', attacker),
    );
    const { trusted, findings } = chainKeys(await anchorOf(genuine), log);
    expect(findings.map((f) => f.leafIndex)).toEqual([1, 2]);
    expect(findings[0]!.why).toMatch(/trust anchor does not name it/);
    expect(trusted.size).toBe(1);
  });

  it('refuses an endorsement whose signature does not cover the key it names, or comes from a key of another use', async () => {
    const first = keySigner();
    const second = keySigner();
    const swapped = keySigner();
    const endorsed = await endorsedKeyEntry(await second.currentKey(), 'checkpoint-signing', first);
    if (endorsed.type !== 'key') throw new Error('not a key entry');
    const forged = {
      ...firstKeyEntry(await swapped.currentKey(), 'checkpoint-signing'),
      endorsement: endorsed.endorsement,
    };
    const certificateKey = anchorEntryOf(await first.currentKey(), 'certificate-signing');
    const asCertificateKey = anchorKeys({ format: 'mitra.trust-anchor.v1', keys: [certificateKey] });
    expect(chainKeys(await anchorOf(first), leaves(forged)).findings[0]!.why).toMatch(/does not verify/);
    expect(chainKeys(asCertificateKey, leaves(endorsed)).findings[0]!.why).toMatch(/not a trusted checkpoint-signing/);
  });

  it('refuses an anchor whose key is not the key its id names', async () => {
    const one = anchorEntryOf(await keySigner().currentKey(), 'certificate-signing');
    const other = anchorEntryOf(await keySigner().currentKey(), 'certificate-signing');
    expect(() =>
      anchorKeys({ format: 'mitra.trust-anchor.v1', keys: [{ ...one, publicKey: other.publicKey }] }),
    ).toThrow(/not the key its id names/);
  });
});
