import { certificateObjectKeys } from '../../lambdas/core/certificate/archive-layout.ts';
import { canonicalJson, sha256Hex } from '../../lambdas/core/certificate/encoding.ts';
import { keyIdOf } from '../../lambdas/core/certificate/signature.ts';
import {
  type SignedCertificate,
  SignedCertificateSchema,
  verifySignedCertificate,
} from '../../lambdas/core/certificate/signed-certificate.ts';
import {
  type SignedCheckpoint,
  SignedCheckpointSchema,
  verifyCheckpoint,
} from '../../lambdas/core/transparency-log/checkpoint.ts';
import { LeafFileSchema, type LogEntry, leafObjectKey } from '../../lambdas/core/transparency-log/entry.ts';
import {
  consistencyProof,
  fromHex,
  type Hash,
  leafHash,
  rootHash,
  toHex,
  verifyConsistency,
} from '../../lambdas/core/transparency-log/merkle.ts';
import type { ArchiveStore } from './archive-store.ts';
import { versionFindings } from './versions.ts';

type FindingKind = 'tampered' | 'missing' | 'unlogged' | 'deleted' | 'overwritten' | 'invalid';

interface Finding {
  kind: FindingKind;
  /** The object (or log position) concerned. */
  object: string;
  detail: string;
}

export interface AuditReport {
  archive: string;
  ok: boolean;
  certificates: { checked: number; valid: number; revoked: number };
  log: { leaves: number; checkpoints: number; latest?: { treeSize: number; rootHash: string; timestamp: string } };
  trustedCheckpoint?: { treeSize: number; rootHash: string; consistent: boolean };
  keys: { keyId: string; use: string }[];
  versioning: 'checked' | 'not available on this store';
  findings: Finding[];
}

export interface AuditOptions {
  trustedCheckpoint?: unknown;
  progress?: (done: number, total: number) => void;
  concurrency?: number;
}

/**
 * Checks the whole archive from the archive alone (docs/archive-format.md): public keys, log leaves and signed
 * checkpoints, each certificate's PDF, metadata, signed record and leaf, and versions or delete markers.
 */
export async function auditArchive(store: ArchiveStore, options: AuditOptions = {}): Promise<AuditReport> {
  const findings: Finding[] = [];
  const find = (kind: FindingKind, object: string, detail: string) => findings.push({ kind, object, detail });

  // Keys: a key's id is a hash of the key, so a swapped key file cannot keep its name.
  const keys = new Map<string, { pem: string; use: string }>();
  for (const name of await store.list('keys/')) {
    const object = await store.get(name);
    const keyId = /^keys\/([0-9a-f]{16})\.pem$/.exec(name)?.[1];
    const pem = object ? new TextDecoder().decode(object.bytes) : '';
    let actual: string | undefined;
    try {
      actual = keyIdOf(pem);
    } catch {
      actual = undefined;
    }
    if (!keyId || actual !== keyId) {
      find('tampered', name, 'the key file does not hold the key its name says (key id = SHA-256 of the SPKI DER)');
      continue;
    }
    keys.set(keyId, { pem, use: object?.metadata.use ?? 'certificate-signing' });
  }

  // Leaves, in index order without gaps.
  const leafKeys = await store.list('log/leaves/');
  const leaves: { entry: LogEntry; hash: Hash }[] = [];
  const leafNames = new Set(leafKeys);
  const leafCount = leafKeys.length === 0 ? 0 : leafIndexOf(leafKeys[leafKeys.length - 1]!) + 1;
  for (let index = 0; index < leafCount; index++) {
    const name = leafObjectKey(index);
    if (!leafNames.has(name)) {
      find('missing', name, `log leaf ${index} is missing; every later checkpoint fails`);
      break;
    }
    const object = await store.get(name);
    const parsed = LeafFileSchema.safeParse(object ? safeJson(object.bytes) : undefined);
    if (!parsed.success || parsed.data.index !== index) {
      find('tampered', name, 'not a log leaf file for this index');
      break;
    }
    const hash = leafHash(new TextEncoder().encode(canonicalJson(parsed.data.entry)));
    if (toHex(hash) !== parsed.data.leafHash) {
      find('tampered', name, 'the leaf hash does not match the entry');
      break;
    }
    leaves.push({ entry: parsed.data.entry, hash });
  }
  const hashes = leaves.map((leaf) => leaf.hash);

  // Checkpoints: signed by a published checkpoint key, each the root of the leaves as archived.
  const checkpoints: SignedCheckpoint[] = [];
  for (const name of await store.list('log/checkpoints/')) {
    const object = await store.get(name);
    const parsed = SignedCheckpointSchema.safeParse(object ? safeJson(object.bytes) : undefined);
    if (!parsed.success || name !== `log/checkpoints/${parsed.data.treeSize}.json`) {
      find('invalid', name, 'not a signed checkpoint of the size in its name');
      continue;
    }
    const checkpoint = parsed.data;
    const key = keys.get(checkpoint.keyId);
    if (key?.use !== 'checkpoint-signing' || !verifyCheckpoint(checkpoint, key.pem)) {
      find('tampered', name, `the checkpoint signature does not verify with a published checkpoint key`);
      continue;
    }
    if (checkpoint.treeSize > hashes.length) {
      find('missing', name, `signs ${checkpoint.treeSize} leaves; the archive has ${hashes.length} readable leaves`);
      continue;
    }
    if (toHex(rootHash(hashes.slice(0, checkpoint.treeSize))) !== checkpoint.rootHash) {
      find('tampered', name, 'its root hash is not the root of the archived leaves: the log was rewritten');
      continue;
    }
    checkpoints.push(checkpoint);
  }
  checkpoints.sort((a, b) => a.treeSize - b.treeSize);
  const latest = checkpoints.at(-1);
  if (latest && latest.treeSize < hashes.length) {
    for (let index = latest.treeSize; index < hashes.length; index++) {
      find('unlogged', leafObjectKey(index), 'this leaf is in no signed checkpoint yet');
    }
  }

  // A checkpoint the auditor kept from earlier: the log today must extend it.
  let trusted: AuditReport['trustedCheckpoint'];
  if (options.trustedCheckpoint !== undefined) {
    const parsed = SignedCheckpointSchema.safeParse(options.trustedCheckpoint);
    if (!parsed.success) {
      find('invalid', 'trusted checkpoint', 'the trusted checkpoint is not a signed checkpoint');
    } else {
      const t = parsed.data;
      const key = keys.get(t.keyId);
      let consistent = false;
      if (!key || !verifyCheckpoint(t, key.pem)) {
        find('invalid', 'trusted checkpoint', 'its signature does not verify with a published checkpoint key');
      } else if (hashes.length < t.treeSize) {
        find('missing', 'log', `the trusted checkpoint has ${t.treeSize} leaves; the archive has ${hashes.length}`);
      } else {
        // The archived leaves, as they are now, must reproduce the trusted root as a prefix of the whole log.
        const proof = consistencyProof(hashes, t.treeSize, hashes.length);
        consistent = verifyConsistency(t.treeSize, hashes.length, proof, fromHex(t.rootHash)!, rootHash(hashes));
        if (!consistent) {
          find('tampered', 'log', `the archived log does not extend the trusted checkpoint of size ${t.treeSize}`);
        }
      }
      trusted = { treeSize: t.treeSize, rootHash: t.rootHash, consistent };
    }
  }

  // Certificates, each against its leaf.
  const certificateLeaves = new Map<string, number>();
  const revocations = new Map<string, number>();
  leaves.forEach(({ entry }, index) => {
    if (index >= (latest?.treeSize ?? 0)) return;
    (entry.type === 'certificate' ? certificateLeaves : revocations).set(entry.certId, index);
  });
  const objects = await store.list('certificates/');
  const ids = new Map<string, { pdf?: string; json?: string }>();
  for (const name of objects) {
    const match = /^certificates\/\d{4}\/\d{2}\/\d{2}\/([A-Za-z0-9_-]{22})\.(pdf|json)$/.exec(name);
    if (!match) {
      find('invalid', name, 'an object outside the archive layout');
      continue;
    }
    const pair = ids.get(match[1]!) ?? {};
    pair[match[2] as 'pdf' | 'json'] = name;
    ids.set(match[1]!, pair);
  }
  for (const certId of certificateLeaves.keys()) if (!ids.has(certId)) ids.set(certId, {});

  let valid = 0;
  let revoked = 0;
  let done = 0;
  const total = ids.size;
  options.progress?.(0, total);
  const work = [...ids.entries()];
  const checkOne = async ([certId, pair]: [string, { pdf?: string; json?: string }]) => {
    const before = findings.length;
    const leafIndex = certificateLeaves.get(certId);
    const entry = leafIndex === undefined ? undefined : leaves[leafIndex]!.entry;
    const expected = entry?.type === 'certificate' ? certificateObjectKeys(certId, entry.issuedAt) : undefined;
    const pdfName = pair.pdf ?? expected?.pdfKey ?? `${certId}.pdf`;
    const jsonName = pair.json ?? expected?.recordKey ?? `${certId}.json`;
    if (!pair.pdf) find('missing', pdfName, `the PDF of certificate ${certId} is not in the archive`);
    if (!pair.json) find('missing', jsonName, `the signed record of certificate ${certId} is not in the archive`);
    if (leafIndex === undefined) {
      find('unlogged', pair.pdf ?? pair.json!, `certificate ${certId} has no leaf in a signed checkpoint of the log`);
    }

    let signed: SignedCertificate | undefined;
    if (pair.json) {
      const object = await store.get(pair.json);
      const parsed = SignedCertificateSchema.safeParse(object ? safeJson(object.bytes) : undefined);
      if (!parsed.success) find('tampered', pair.json, 'not a signed certificate record');
      else {
        signed = parsed.data;
        const key = keys.get(signed.keyId);
        if (key?.use !== 'certificate-signing') {
          find('missing', `keys/${signed.keyId}.pem`, `the key that signed ${certId} is not published`);
        } else if (!verifySignedCertificate(signed, key.pem)) {
          find('tampered', pair.json, 'the record signature or the QR claims signature does not verify');
        }
        const layout = certificateObjectKeys(signed.record.certId, signed.record.issuedAt);
        if (signed.record.certId !== certId || layout.recordKey !== pair.json) {
          find('tampered', pair.json, 'the record is not the certificate its archive key names');
        }
        if (object!.metadata.sha256 !== sha256Hex(object!.bytes)) {
          find('tampered', pair.json, 'the sha256 metadata does not match the object');
        }
        if (entry?.type === 'certificate') {
          if (sha256Hex(canonicalJson(signed.record)) !== entry.recordSha256) {
            find('tampered', pair.json, `the record differs from the one logged at leaf ${leafIndex}`);
          }
          if (signed.log && signed.log.index !== leafIndex) {
            find('tampered', pair.json, `the record names leaf ${signed.log.index}; its leaf is ${leafIndex}`);
          }
        }
      }
    }
    if (pair.pdf) {
      const object = await store.get(pair.pdf);
      const hash = object ? sha256Hex(object.bytes) : '';
      const meta = object?.metadata ?? {};
      if (entry?.type === 'certificate' && hash !== entry.pdfSha256) {
        find('tampered', pair.pdf, `its SHA-256 is not the one logged at leaf ${leafIndex}`);
      }
      if (meta.sha256 !== hash) find('tampered', pair.pdf, 'the sha256 metadata does not match the PDF bytes');
      if (meta['cert-id'] !== certId) find('tampered', pair.pdf, 'the cert-id metadata does not name this certificate');
      if (signed && (meta['service-id'] !== signed.record.serviceId || meta['issued-at'] !== signed.record.issuedAt)) {
        find('tampered', pair.pdf, 'the service-id or issued-at metadata differs from the signed record');
      }
    }
    if (findings.length === before) {
      if (revocations.has(certId)) revoked++;
      else valid++;
    }
    options.progress?.(++done, total);
  };
  const queue = [...work];
  await Promise.all(
    Array.from({ length: options.concurrency ?? 8 }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await checkOne(next);
    }),
  );
  for (const [certId, index] of revocations) {
    if (!certificateLeaves.has(certId))
      find('invalid', leafObjectKey(index), `revokes ${certId}, which was never logged`);
  }

  // Versions: in a WORM archive every key has one version and nothing is deleted.
  const versions = await store.versions();
  for (const finding of versionFindings(versions ?? [])) find(finding.kind, finding.object, finding.detail);

  findings.sort((a, b) => a.object.localeCompare(b.object) || a.kind.localeCompare(b.kind));
  return {
    archive: store.location,
    ok: findings.length === 0,
    certificates: { checked: total, valid, revoked },
    log: {
      leaves: hashes.length,
      checkpoints: checkpoints.length,
      ...(latest
        ? { latest: { treeSize: latest.treeSize, rootHash: latest.rootHash, timestamp: latest.timestamp } }
        : {}),
    },
    ...(trusted ? { trustedCheckpoint: trusted } : {}),
    keys: [...keys].map(([keyId, { use }]) => ({ keyId, use })),
    versioning: versions ? 'checked' : 'not available on this store',
    findings,
  };
}

function leafIndexOf(name: string): number {
  return Number(/(\d{12})\.json$/.exec(name)?.[1] ?? '-1');
}

function safeJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}
