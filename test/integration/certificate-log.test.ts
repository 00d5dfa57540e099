import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { DeleteCommand, DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransparencyLog, UnendorsedKeyError } from '#adapters/transparency-log.ts';
import { verifyCheckpoint } from '#core/transparency-log/checkpoint.ts';
import {
  type CertificateEntry,
  entryIdOf,
  entryLeafHash,
  type LogEntry,
  leafObjectKey,
} from '#core/transparency-log/entry.ts';
import { anchorEntryOf, anchorKeys, chainKeys, firstKeyEntry } from '#core/transparency-log/key-chain.ts';
import { fromHex, rootHash, toHex, verifyConsistency, verifyInclusion } from '#core/transparency-log/merkle.ts';
import { createKeyedTable, type LocalDynamoDb, startDynamoDbLocal } from '../../local/dynamodb-local.ts';
import { LOCAL_REGION } from '../../local/local-aws.ts';
import { freePort } from '../../local/ports.ts';
import { type LocalS3, startS3Local } from '../../local/s3-local.ts';
import { keySigner, vectors } from '../unit/certificate-fixtures.ts';

const TABLE = 'mitra-log-test';
const BUCKET = 'mitra-log-archive';
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

let dataDir: string;
let dynamo: LocalDynamoDb;
let s3rver: LocalS3;
let s3: S3Client;
let documents: DynamoDBDocumentClient;
const checkpointKey = keySigner(createPrivateKey(vectors.privateKeyPem));

/** One sequencer, as one Lambda container holds it. */
function sequencer() {
  return new TransparencyLog(
    { dynamodb: documents, s3 },
    { tableName: TABLE, bucket: BUCKET, now: () => new Date(), signer: checkpointKey },
  );
}

let serial = 0;
function entry(): CertificateEntry {
  const n = serial++;
  return {
    type: 'certificate',
    certId: `${String(n).padStart(21, 'A')}A`,
    serviceId: 'revenue.income-certificate',
    issuedAt: '2025-06-01T04:30:00.000Z',
    keyId: vectors.keyId,
    recordSha256: n.toString(16).padStart(64, '0'),
    pdfSha256: 'f'.repeat(64),
  };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'mitra-log-'));
  [dynamo, s3rver] = await Promise.all([
    freePort().then((port) => startDynamoDbLocal(port)),
    startS3Local(join(dataDir, 's3'), [BUCKET]),
  ]);
  await createKeyedTable(dynamo.client, TABLE);
  documents = DynamoDBDocumentClient.from(dynamo.client);
  s3 = new S3Client({
    endpoint: s3rver.endpoint,
    region: LOCAL_REGION,
    credentials: CREDENTIALS,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
});

afterAll(async () => {
  await Promise.allSettled([dynamo?.stop(), s3rver?.stop()]);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the transparency log on the emulators', () => {
  it('gives concurrent appends from several sequencers distinct, gap-free indices in one consistent tree', async () => {
    const sequencers = [sequencer(), sequencer(), sequencer()];
    const entries = Array.from({ length: 24 }, entry);
    const logged = await Promise.all(entries.map((e, i) => sequencers[i % 3]!.append(e)));

    // The checkpoint key has a leaf of its own, logged before the first checkpoint it signs.
    const reader = sequencer();
    const keyEntry = firstKeyEntry(await checkpointKey.currentKey(), 'checkpoint-signing');
    const keyLeaf = (await reader.indexOf(entryIdOf(keyEntry)))!;
    const indices = [...logged.map((l) => l.index), keyLeaf.index].sort((a, b) => a - b);
    expect(indices).toEqual(Array.from({ length: 25 }, (_, i) => i));
    for (const l of logged) {
      expect(l.checkpoint.treeSize).toBeGreaterThan(l.index);
      expect(l.checkpoint.treeSize).toBeGreaterThan(keyLeaf.index);
      expect(verifyCheckpoint(l.checkpoint, checkpointKey.publicKey)).toBe(true);
    }

    // The tree the checkpoint signs is the tree of the leaves in index order.
    const latest = (await reader.latestCheckpoint())!;
    expect(latest.treeSize).toBe(25);
    const byIndex = new Map<number, LogEntry>(logged.map((l, i) => [l.index, entries[i]!]));
    byIndex.set(keyLeaf.index, keyEntry);
    const hashes = Array.from({ length: 25 }, (_, i) => entryLeafHash(byIndex.get(i)!));
    expect(latest.rootHash).toBe(toHex(rootHash(hashes)));
  });

  it('appends an entry once, however often and from however many sequencers it is appended', async () => {
    const e = entry();
    const [a, b, c] = await Promise.all([sequencer().append(e), sequencer().append(e), sequencer().append(e)]);
    expect(new Set([a!.index, b!.index, c!.index]).size).toBe(1);
    expect((await sequencer().append(e)).index).toBe(a!.index);
    await expect(sequencer().append({ ...e, pdfSha256: 'e'.repeat(64) })).rejects.toThrow(/different content/);
  });

  it('archives every leaf and checkpoint it signs, each readable by itself', async () => {
    const latest = (await sequencer().latestCheckpoint())!;
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'log/leaves/' }));
    expect(listed.Contents?.length).toBe(latest.treeSize);
    const text = async (key: string) =>
      (await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body!.transformToString();
    const archived = JSON.parse(await text(`log/checkpoints/${latest.treeSize}.json`));
    expect(archived).toEqual(latest);
    const leaf = JSON.parse(await text('log/leaves/000000000000.json'));
    expect(leaf.leafHash).toBe(toHex(entryLeafHash(leaf.entry)));
  });

  it('proves inclusion of every leaf and consistency between checkpoints from the stored subtrees', async () => {
    // A second run of appends on top of the earlier ones: 60 leaves or so, from two sequencers.
    const added = Array.from({ length: 33 }, entry);
    const sequencers = [sequencer(), sequencer()];
    const logged = await Promise.all(added.map((e, i) => sequencers[i % 2]!.append(e)));
    const reader = sequencer();
    const latest = (await reader.latestCheckpoint())!;
    const root = fromHex(latest.rootHash)!;
    for (const [i, e] of added.entries()) {
      const answer = (await reader.inclusion(entryIdOf(e), latest))!;
      expect(answer.leafIndex).toBe(logged[i]!.index);
      const proof = answer.proof.map((hex) => fromHex(hex)!);
      expect(verifyInclusion(fromHex(answer.leafHash)!, answer.leafIndex, latest.treeSize, proof, root)).toBe(true);
    }
    // Every complete subtree above the leaves is stored as its leaf closes it: size − popcount(size) of them.
    const nodes = await Promise.all(
      Array.from({ length: 6 }, (_, level) =>
        documents.send(
          new QueryCommand({
            TableName: TABLE,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': `LOG#NODES#${level + 1}` },
          }),
        ),
      ),
    );
    const ones = latest.treeSize.toString(2).replaceAll('0', '').length;
    expect(nodes.reduce((sum, page) => sum + (page.Items?.length ?? 0), 0)).toBe(latest.treeSize - ones);

    const checkpoints = await Promise.all(logged.map((l) => l.checkpoint));
    for (const older of checkpoints.slice(0, 5)) {
      const proof = (await reader.consistency(older.treeSize, latest.treeSize)).map((hex) => fromHex(hex)!);
      expect(verifyConsistency(older.treeSize, latest.treeSize, proof, fromHex(older.rootHash)!, root)).toBe(true);
    }
  });

  it('still proves a log whose subtrees were never stored, from its leaves', async () => {
    const reader = sequencer();
    const latest = (await reader.latestCheckpoint())!;
    const before = await reader.consistency(5, latest.treeSize);
    for (let level = 1; level <= 6; level++) {
      const { Items = [] } = await documents.send(
        new QueryCommand({
          TableName: TABLE,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': `LOG#NODES#${level}` },
        }),
      );
      for (const item of Items)
        await documents.send(new DeleteCommand({ TableName: TABLE, Key: { pk: item.pk, sk: item.sk } }));
    }
    expect(await sequencer().consistency(5, latest.treeSize)).toEqual(before);
  });

  it('signs with a rotated key only once the key it replaces endorsed it in the log', async () => {
    const rotated = keySigner();
    const withRotatedKey = () =>
      new TransparencyLog(
        { dynamodb: documents, s3 },
        { tableName: TABLE, bucket: BUCKET, now: () => new Date(), signer: rotated },
      );
    await expect(withRotatedKey().append(entry())).rejects.toThrow(UnendorsedKeyError);

    const endorsed = await sequencer().endorseKey(await rotated.currentKey(), 'checkpoint-signing', checkpointKey);
    const logged = await withRotatedKey().append(entry());
    expect(logged.checkpoint.keyId).toBe((await rotated.currentKey()).keyId);
    expect(logged.index).toBeGreaterThan(endorsed.index);
    // A key already in the log stays usable, e.g. by a container that has not seen the rotation yet.
    await expect(sequencer().logKey(await checkpointKey.currentKey(), 'checkpoint-signing')).resolves.toBeUndefined();

    const leaves = [];
    for (let index = 0; index < logged.checkpoint.treeSize; index++) {
      const text = await (
        await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: leafObjectKey(index) }))
      ).Body!.transformToString();
      leaves.push({ index, entry: JSON.parse(text).entry as LogEntry });
    }
    const anchor = anchorKeys({
      format: 'mitra.trust-anchor.v1',
      keys: [anchorEntryOf(await checkpointKey.currentKey(), 'checkpoint-signing')],
    });
    const { trusted, findings } = chainKeys(anchor, leaves);
    expect(findings).toEqual([]);
    expect(trusted.get(logged.checkpoint.keyId)?.via).toEqual({
      leafIndex: endorsed.index,
      endorsedBy: (await checkpointKey.currentKey()).keyId,
    });
  });
});
