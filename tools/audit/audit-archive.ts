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
import {
  type KeyUse,
  LeafFileSchema,
  type LogEntry,
  leafObjectKey,
} from '../../lambdas/core/transparency-log/entry.ts';
import { chainKeys, type TrustedKey } from '../../lambdas/core/transparency-log/key-chain.ts';
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
import { checkCarriedProof } from './carried-proof.ts';
import { comparePdfWithRecord } from './pdf-contents.ts';
import { versionFindings } from './versions.ts';
import { checkWitness, type WitnessKey } from './witness-check.ts';

type FindingKind =
  | 'tampered'
  | 'missing'
  | 'unlogged'
  | 'deleted'
  | 'overwritten'
  | 'invalid'
  | 'untrusted'
  | 'rollback'
  | 'unwitnessed'
  | 'unverifiable';

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
  /** `latest` is the newest checkpoint that verified: what the auditor keeps for the next audit. */
  log: { leaves: number; checkpoints: number; latest?: SignedCheckpoint };
  /** The checkpoint the log was held to: the auditor's own from an earlier audit, or one given on the command line. */
  trustedCheckpoint?: { treeSize: number; rootHash: string; consistent: boolean; from: 'option' | 'state' };
  /** Where the trusted keys came from, and every key the audit trusted, with why. */
  trust: { anchor: string; keys: { keyId: string; use: KeyUse; via: string }[] };
  /** The witness the log was held to, and how many of its checkpoints it co-signed. */
  witness: { keyId: string; source: string; cosigned: number } | 'not configured';
  /** Whether the audit could rule out that the log was cut short or replaced since an earlier audit. */
  rollback: 'checked' | 'first audit' | 'not ruled out';
  qrCodes: 'read' | 'not read: install poppler (pdftoppm)' | 'not read';
  versioning: 'checked' | 'not available on this store';
  findings: Finding[];
}

export interface AuditOptions {
  /** The keys held outside the archive; every other key must chain to one of them through the log. */
  anchor: { source: string; keys: ReadonlyMap<string, TrustedKey> };
  /** The witness's public key, when one co-signs the log: every checkpoint must then carry its co-signature. */
  witness?: WitnessKey;
  trustedCheckpoint?: { checkpoint: unknown; from: 'option' | 'state' };
  /** Accept an archive seen for the first time without an earlier checkpoint (rollback cannot be ruled out). */
  firstAudit?: boolean;
  /** Read each PDF's QR code (needs poppler's pdftoppm); on by default. */
  readQr?: boolean;
  progress?: (done: number, total: number) => void;
  concurrency?: number;
}

/**
 * Checks the whole archive from the archive alone (docs/archive-format.md), trusting only the keys that chain to the
 * anchor: the key leaves and their endorsements, log leaves and signed checkpoints, the checkpoint of an earlier
 * audit, each certificate's PDF (its bytes, what it carries and prints, and the log proof it carries), metadata,
 * signed record and leaf, and versions or delete markers.
 */
export async function auditArchive(store: ArchiveStore, options: AuditOptions): Promise<AuditReport> {
  const findings: Finding[] = [];
  const find = (kind: FindingKind, object: string, detail: string) => findings.push({ kind, object, detail });

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

  // Keys: only those the anchor names or a trusted key endorsed in the log. A key file is just a copy.
  const chain = chainKeys(
    options.anchor.keys,
    leaves.map(({ entry }, index) => ({ index, entry })),
  );
  for (const f of chain.findings) find('untrusted', leafObjectKey(f.leafIndex), f.why);
  const trusted = chain.trusted;
  /** The key `keyId` if trusted for `use` and introduced before log position `before` (anchor keys: always). */
  const trustedKey = (keyId: string, use: KeyUse, before: number): TrustedKey | string => {
    const key = trusted.get(keyId);
    if (!key) return `key ${keyId} chains to no key of the trust anchor`;
    if (key.use !== use) return `key ${keyId} is a ${key.use} key`;
    if (key.via !== 'anchor' && key.via.leafIndex >= before) {
      return `key ${keyId} entered the log at leaf ${key.via.leafIndex}, after what it signed`;
    }
    return key;
  };
  for (const name of await store.list('keys/')) {
    const object = await store.get(name);
    const keyId = /^keys\/([0-9a-f]{16})\.pem$/.exec(name)?.[1];
    let actual: string | undefined;
    try {
      actual = keyIdOf(object ? new TextDecoder().decode(object.bytes) : '');
    } catch {
      actual = undefined;
    }
    if (!keyId || actual !== keyId) {
      find('tampered', name, 'the key file does not hold the key its name says (key id = SHA-256 of the SPKI DER)');
    } else if (!trusted.has(keyId)) {
      find('untrusted', name, `key ${keyId} chains to no key of the trust anchor (${options.anchor.source})`);
    }
  }

  // Checkpoints: signed by a trusted checkpoint key, each the root of the leaves as archived.
  const checkpoints: SignedCheckpoint[] = [];
  for (const name of await store.list('log/checkpoints/')) {
    const object = await store.get(name);
    const parsed = SignedCheckpointSchema.safeParse(object ? safeJson(object.bytes) : undefined);
    if (!parsed.success || name !== `log/checkpoints/${parsed.data.treeSize}.json`) {
      find('invalid', name, 'not a signed checkpoint of the size in its name');
      continue;
    }
    const checkpoint = parsed.data;
    const key = trustedKey(checkpoint.keyId, 'checkpoint-signing', checkpoint.treeSize);
    if (typeof key === 'string') {
      find('untrusted', name, `signed by ${key}`);
      continue;
    }
    if (!verifyCheckpoint(checkpoint, key.pem)) {
      find('tampered', name, `the checkpoint signature does not verify with key ${key.keyId}`);
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

  // The witness: what it co-signed must be the log as it is now, and it must have co-signed every checkpoint.
  let witness: AuditReport['witness'] = 'not configured';
  if (options.witness) {
    const checked = await checkWitness(store, checkpoints, hashes.length, options.witness);
    for (const f of checked.findings) find(f.kind, f.object, f.detail);
    witness = { keyId: options.witness.keyId, source: options.witness.source, cosigned: checked.cosigned };
  }

  // Rollback: the log today must extend the checkpoint of an earlier audit (or one the auditor kept).
  let trustedCheckpoint: AuditReport['trustedCheckpoint'];
  let rollback: AuditReport['rollback'] = 'checked';
  if (options.trustedCheckpoint) {
    const { from } = options.trustedCheckpoint;
    const label = from === 'state' ? 'the checkpoint of the last audit' : 'the trusted checkpoint';
    const parsed = SignedCheckpointSchema.safeParse(options.trustedCheckpoint.checkpoint);
    if (!parsed.success) {
      find('invalid', label, 'not a signed checkpoint');
    } else {
      const t = parsed.data;
      const key = trustedKey(t.keyId, 'checkpoint-signing', Number.POSITIVE_INFINITY);
      let consistent = false;
      if (typeof key === 'string' || !verifyCheckpoint(t, key.pem)) {
        find('invalid', label, `its signature does not verify with a trusted checkpoint key`);
      } else if (hashes.length < t.treeSize || (latest?.treeSize ?? 0) < t.treeSize) {
        find(
          'rollback',
          'log',
          `${label} (${t.timestamp}) covers ${t.treeSize} leaves; the archive now has ${hashes.length} leaves and ` +
            `signed checkpoints up to ${latest?.treeSize ?? 0}: the log was cut short`,
        );
      } else {
        // The archived leaves, as they are now, must reproduce the trusted root as a prefix of the whole log.
        const proof = consistencyProof(hashes, t.treeSize, hashes.length);
        consistent = verifyConsistency(t.treeSize, hashes.length, proof, fromHex(t.rootHash)!, rootHash(hashes));
        if (!consistent) {
          find('rollback', 'log', `the archived log does not extend ${label} (size ${t.treeSize}): it was replaced`);
        }
      }
      trustedCheckpoint = { treeSize: t.treeSize, rootHash: t.rootHash, consistent, from };
    }
  } else if (options.firstAudit) {
    rollback = 'first audit';
  } else {
    rollback = 'not ruled out';
    find(
      'unverifiable',
      'log',
      'rollback cannot be ruled out: there is no checkpoint from an earlier audit of this archive (no state file, ' +
        'no --trusted-checkpoint). If this is the first audit, run again with --first-audit; the audit then keeps ' +
        'the checkpoint it verified for the next one',
    );
  }

  // Certificates, each against its leaf.
  const certificateLeaves = new Map<string, number>();
  const revocations = new Map<string, number>();
  leaves.forEach(({ entry }, index) => {
    if (index >= (latest?.treeSize ?? 0)) return;
    if (entry.type === 'certificate') certificateLeaves.set(entry.certId, index);
    if (entry.type === 'revocation') revocations.set(entry.certId, index);
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
  let qrCodes: AuditReport['qrCodes'] = options.readQr === false ? 'not read' : 'read';
  const total = ids.size;
  options.progress?.(0, total);
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
        const key = trustedKey(signed.keyId, 'certificate-signing', leafIndex ?? Number.POSITIVE_INFINITY);
        if (typeof key === 'string') {
          find('untrusted', pair.json, `signed by ${key}`);
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
          if (signed.keyId !== entry.keyId) {
            find('tampered', pair.json, `the record names key ${signed.keyId}; its leaf names ${entry.keyId}`);
          }
          if (signed.log && signed.log.index !== leafIndex) {
            find('tampered', pair.json, `the record names leaf ${signed.log.index}; its leaf is ${leafIndex}`);
          }
        }
      }
    }
    if (pair.pdf) {
      const object = await store.get(pair.pdf);
      const bytes = object?.bytes ?? new Uint8Array();
      const meta = object?.metadata ?? {};
      if (meta.sha256 !== sha256Hex(bytes)) find('tampered', pair.pdf, 'the sha256 metadata does not match the PDF');
      if (meta['cert-id'] !== certId) find('tampered', pair.pdf, 'the cert-id metadata does not name this certificate');
      if (signed && (meta['service-id'] !== signed.record.serviceId || meta['issued-at'] !== signed.record.issuedAt)) {
        find('tampered', pair.pdf, 'the service-id or issued-at metadata differs from the signed record');
      }
      if (entry?.type === 'certificate' && leafIndex !== undefined) {
        const carried = checkCarriedProof(bytes, {
          certId,
          leafIndex,
          leafHash: hashes[leafIndex]!,
          hashes,
          trustedKey: (keyId, before) => trustedKey(keyId, 'checkpoint-signing', before),
        });
        if (carried.loggedSha256 !== entry.pdfSha256) {
          find('tampered', pair.pdf, `its SHA-256 is not the one logged at leaf ${leafIndex}`);
        }
        for (const problem of carried.problems) find(problem.kind, pair.pdf, problem.detail);
      }
      if (signed) {
        const compared = await comparePdfWithRecord(bytes, signed, { readQr: qrCodes === 'read' });
        if (compared.qr === 'no-renderer') qrCodes = 'not read: install poppler (pdftoppm)';
        for (const problem of compared.problems) find('tampered', pair.pdf, problem);
      }
    }
    if (findings.length === before) {
      if (revocations.has(certId)) revoked++;
      else valid++;
    }
    options.progress?.(++done, total);
  };
  const queue = [...ids.entries()];
  await Promise.all(
    Array.from({ length: options.concurrency ?? 4 }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await checkOne(next);
    }),
  );
  for (const [certId, index] of revocations) {
    if (!certificateLeaves.has(certId))
      find('invalid', leafObjectKey(index), `revokes ${certId}, which was never logged`);
  }
  if (qrCodes !== 'read' && qrCodes !== 'not read') {
    find('unverifiable', 'QR codes', 'the QR codes printed on the PDFs were not read: install poppler (pdftoppm)');
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
      ...(latest ? { latest } : {}),
    },
    ...(trustedCheckpoint ? { trustedCheckpoint } : {}),
    trust: {
      anchor: options.anchor.source,
      keys: [...trusted.values()].map(({ keyId, use, via }) => ({
        keyId,
        use,
        via: via === 'anchor' ? 'trust anchor' : `endorsed by ${via.endorsedBy} at leaf ${via.leafIndex}`,
      })),
    },
    witness,
    rollback,
    qrCodes,
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
