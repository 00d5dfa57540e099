import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { canonicalJson } from '#core/certificate/encoding.ts';
import type { CertificateSigner, SigningKey } from '#core/certificate/signed-certificate.ts';
import { MitraError } from '#core/errors.ts';
import {
  LOG_ORIGIN,
  type SignedCheckpoint,
  SignedCheckpointSchema,
  signCheckpoint,
} from '#core/transparency-log/checkpoint.ts';
import {
  checkpointObjectKey,
  entryIdOf,
  entryLeafHash,
  type KeyUse,
  type LogEntry,
  LogEntrySchema,
  leafObjectKey,
} from '#core/transparency-log/entry.ts';
import { endorsedKeyEntry, firstKeyEntry } from '#core/transparency-log/key-chain.ts';
import {
  appendToFrontier,
  type CompleteSubtrees,
  consistencyProofFrom,
  fromHex,
  frontierRoot,
  type Hash,
  inclusionProofFrom,
  nodeHash,
  toHex,
} from '#core/transparency-log/merkle.ts';
import { ArchiveObjects } from './archive-objects.ts';

/** Leaves, entries and checkpoints of the log in the single table; every item is written once, the head excepted. */
const logKeys = {
  head: { pk: 'LOG', sk: 'HEAD' },
  leaf: (index: number) => ({ pk: 'LOG#LEAVES', sk: pad(index) }),
  entry: (entryId: string) => ({ pk: `LOG#ENTRY#${entryId}`, sk: 'ENTRY' }),
  checkpoint: (treeSize: number) => ({ pk: 'LOG#CHECKPOINTS', sk: pad(treeSize) }),
  /** The key of each use the log holds now: the key a rotated one must be endorsed by. */
  keyOfUse: (use: KeyUse) => ({ pk: 'LOG#KEYS', sk: use }),
  /** The hash of a complete subtree above the leaves (level ≥ 1), written with the leaf that closes it. */
  node: (level: number, index: number) => ({ pk: `LOG#NODES#${level}`, sk: pad(index) }),
};

/**
 * DynamoDB transactions hold 100 items. A batch of B leaves writes 2 per leaf (leaf, entry), the head, and the
 * complete subtrees the leaves close: fewer than B + 34 for any log under 2^34 leaves. 20 leaves stay within 95.
 */
const MAX_BATCH = 20;
/** BatchGetItem reads at most 100 keys a call. */
const MAX_BATCH_GET = 100;
const NO_HASH = new Uint8Array(32);
const MAX_ATTEMPTS = 40;

export interface LoggedEntry {
  index: number;
  leafHash: string;
  /** The signed checkpoint that includes the leaf: appending returns only once there is one. */
  checkpoint: SignedCheckpoint;
  /** The leaf's inclusion proof against that checkpoint (RFC 9162 audit path, hex). */
  proof: string[];
}

/** A signing key that the log does not hold and that no key in it endorsed: nothing may be signed with it. */
export class UnendorsedKeyError extends MitraError {}

/** A complete subtree: the 2^level leaves from index·2^level on (leaves are level 0). */
interface NodeId {
  level: number;
  index: number;
}

const nodeKey = (level: number, index: number) => `${level}/${index}`;

interface Head {
  size: number;
  frontier: Hash[];
}

interface Pending {
  entry: LogEntry;
  entryId: string;
  leafHash: Hash;
  resolve(index: number): void;
  reject(error: unknown): void;
}

export interface InclusionAnswer {
  leafIndex: number;
  leafHash: string;
  entry: LogEntry;
  treeSize: number;
  proof: string[];
}

/**
 * The transparency log's sequencer and reader. Appends are linearizable: the head item (size and frontier) changes
 * only by a transaction conditional on the size it was read at, which also writes the new leaves and the
 * one-per-entry items; a lost race reads the head again. Concurrent appends in one process are batched into one
 * transaction. After the append, a checkpoint covering it is signed (its own KMS key) and archived with the leaves.
 */
export class TransparencyLog {
  private readonly objects: ArchiveObjects;
  private readonly queue: Pending[] = [];
  private pumping = false;
  private checkpointing: Promise<SignedCheckpoint> | undefined;
  private readonly archivedCheckpoints = new Set<number>();
  /** Leaves this process archived that no archived checkpoint covers yet. */
  private readonly archivedLeaves = new Set<number>();
  private keyPublished = false;
  private readonly loggedKeys = new Set<string>();

  constructor(
    private readonly clients: { dynamodb: DynamoDBDocumentClient; s3: S3Client },
    private readonly config: {
      tableName: string;
      bucket: string;
      now: () => Date;
      /** Signs checkpoints; absent in readers (the verify function). */
      signer?: CertificateSigner;
      /** Archives the checkpoint key under keys/ before the first checkpoint that names it. */
      publishKey?: (key: SigningKey, validFrom: string) => Promise<void>;
    },
  ) {
    this.objects = new ArchiveObjects(clients.s3, config.bucket);
  }

  /**
   * Appends the entry unless it is already in the log (one leaf per entry id), then waits for a checkpoint and
   * answers with the leaf's inclusion proof against it.
   */
  async append(entry: LogEntry): Promise<LoggedEntry> {
    const { index, leafHash } = await this.appendLeaf(entry);
    const checkpoint = await this.ensureCheckpoint(index + 1);
    const proof = await this.proof((complete) => inclusionProofFrom(complete, index, checkpoint.treeSize));
    return { index, leafHash, checkpoint, proof: proof.map(toHex) };
  }

  private async appendLeaf(entry: LogEntry): Promise<{ index: number; leafHash: string }> {
    const parsed = LogEntrySchema.parse(entry);
    const leafHash = entryLeafHash(parsed);
    const index = await new Promise<number>((resolve, reject) => {
      this.queue.push({ entry: parsed, entryId: entryIdOf(parsed), leafHash, resolve, reject });
      void this.pump();
    });
    return { index, leafHash: toHex(leafHash) };
  }

  /**
   * Makes sure `key` is in the log before anything it signs is: the first key of its use is logged as it is (the
   * trust anchor vouches for it); a later key must have been endorsed (`endorseKey`), or this throws, so nothing is
   * ever signed by a key an auditor could not chain to the anchor.
   */
  async logKey(key: SigningKey, use: KeyUse): Promise<void> {
    if (this.loggedKeys.has(key.keyId)) return;
    if (!(await this.indexOf(`key:${key.keyId}`))) {
      const current = await this.keyOfUse(use);
      if (current === undefined) {
        // Claimed before the leaf is appended, so two first keys of one use can never both be logged.
        await this.setKeyOfUse(use, key.keyId, undefined).catch(async (error: unknown) => {
          if (!(error instanceof ConditionalCheckFailedException) || (await this.keyOfUse(use)) !== key.keyId) {
            throw new UnendorsedKeyError(`another ${use} key was logged first; key ${key.keyId} needs an endorsement`);
          }
        });
      } else if (current !== key.keyId) {
        throw new UnendorsedKeyError(
          `${use} key ${key.keyId} is not in the log: the key it replaces (${current}) must endorse it first ` +
            '(TransparencyLog.endorseKey; docs/archive-format.md, "Trust")',
        );
      }
      await this.appendLeaf(firstKeyEntry(key, use));
    }
    this.loggedKeys.add(key.keyId);
  }

  /**
   * Records a rotation: `previous` (the key of `use` the log holds now) endorses `key` in a leaf of the log, after
   * which `key` may sign. Answers once a checkpoint includes the leaf.
   */
  async endorseKey(key: SigningKey, use: KeyUse, previous: CertificateSigner): Promise<LoggedEntry> {
    const logged = await this.indexOf(`key:${key.keyId}`);
    const current = await this.keyOfUse(use);
    if (!logged) {
      const { keyId: previousKeyId } = await previous.currentKey();
      if (current !== previousKeyId) {
        throw new UnendorsedKeyError(`the log's ${use} key is ${current ?? 'none'}, not ${previousKeyId}`);
      }
    }
    const entry = logged ? undefined : await endorsedKeyEntry(key, use, previous);
    const result = entry ? await this.append(entry) : await this.appendLogged(`key:${key.keyId}`);
    if (current !== key.keyId) await this.setKeyOfUse(use, key.keyId, current);
    this.loggedKeys.add(key.keyId);
    return result;
  }

  private async appendLogged(entryId: string): Promise<LoggedEntry> {
    const found = await this.indexOf(entryId);
    if (!found) throw new MitraError(`log entry ${entryId} is not in the log`);
    const checkpoint = await this.ensureCheckpoint(found.index + 1);
    const proof = await this.proof((complete) => inclusionProofFrom(complete, found.index, checkpoint.treeSize));
    return { ...found, checkpoint, proof: proof.map(toHex) };
  }

  private async keyOfUse(use: KeyUse): Promise<string | undefined> {
    const { Item } = await this.clients.dynamodb.send(
      new GetCommand({ TableName: this.config.tableName, Key: logKeys.keyOfUse(use), ConsistentRead: true }),
    );
    return Item ? String(Item.keyId) : undefined;
  }

  private async setKeyOfUse(use: KeyUse, keyId: string, previous: string | undefined): Promise<void> {
    await this.clients.dynamodb.send(
      new PutCommand({
        TableName: this.config.tableName,
        Item: { ...logKeys.keyOfUse(use), kind: 'log-key', keyId },
        ...(previous === undefined
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: 'keyId = :previous', ExpressionAttributeValues: { ':previous': previous } }),
      }),
    );
  }

  /** The index of an entry already in the log. */
  async indexOf(entryId: string): Promise<{ index: number; leafHash: string } | undefined> {
    const { Item } = await this.clients.dynamodb.send(
      new GetCommand({ TableName: this.config.tableName, Key: logKeys.entry(entryId), ConsistentRead: true }),
    );
    return Item ? { index: Number(Item.index), leafHash: String(Item.leafHash) } : undefined;
  }

  async latestCheckpoint(): Promise<SignedCheckpoint | undefined> {
    const { Items } = await this.clients.dynamodb.send(
      new QueryCommand({
        TableName: this.config.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': logKeys.checkpoint(0).pk },
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    const item = Items?.[0];
    return item ? SignedCheckpointSchema.parse(JSON.parse(String(item.checkpoint))) : undefined;
  }

  /**
   * Checkpoints whose tree includes leaf `index`, newest first: the `newest` latest ones and the first one, which the
   * entry's document carries.
   */
  async checkpointsIncluding(index: number, newest = 3): Promise<SignedCheckpoint[]> {
    const query = (forward: boolean, limit: number) =>
      this.clients.dynamodb.send(
        new QueryCommand({
          TableName: this.config.tableName,
          KeyConditionExpression: 'pk = :pk AND sk >= :from',
          ExpressionAttributeValues: { ':pk': logKeys.checkpoint(0).pk, ':from': logKeys.checkpoint(index + 1).sk },
          ScanIndexForward: forward,
          Limit: limit,
        }),
      );
    const [latest, first] = await Promise.all([query(false, newest), query(true, 1)]);
    const items = [...(latest.Items ?? []), ...(first.Items ?? [])];
    const bySize = new Map<number, SignedCheckpoint>();
    for (const item of items) {
      const checkpoint = SignedCheckpointSchema.parse(JSON.parse(String(item.checkpoint)));
      bySize.set(checkpoint.treeSize, checkpoint);
    }
    return [...bySize.values()].sort((a, b) => b.treeSize - a.treeSize);
  }

  /** Inclusion proof (hex) of leaf `index` in the tree of the first `treeSize` leaves. */
  async inclusionAt(index: number, treeSize: number): Promise<string[]> {
    return (await this.proof((complete) => inclusionProofFrom(complete, index, treeSize))).map(toHex);
  }

  /** Inclusion proof of an entry against the latest checkpoint; undefined when it is not in a checkpoint yet. */
  async inclusion(entryId: string, checkpoint: SignedCheckpoint): Promise<InclusionAnswer | undefined> {
    const found = await this.indexOf(entryId);
    if (!found || found.index >= checkpoint.treeSize) return undefined;
    const [{ Item }, proof] = await Promise.all([
      this.clients.dynamodb.send(new GetCommand({ TableName: this.config.tableName, Key: logKeys.leaf(found.index) })),
      this.proof((complete) => inclusionProofFrom(complete, found.index, checkpoint.treeSize)),
    ]);
    return {
      leafIndex: found.index,
      leafHash: found.leafHash,
      entry: LogEntrySchema.parse(JSON.parse(String(Item?.entry))),
      treeSize: checkpoint.treeSize,
      proof: proof.map(toHex),
    };
  }

  async consistency(from: number, to: number): Promise<string[]> {
    return (await this.proof((complete) => consistencyProofFrom(complete, from, to))).map(toHex);
  }

  /**
   * Builds a proof from the complete subtrees it needs: a first pass only records which (O(log² n) of them), they
   * are read, and a second pass computes the proof. Nothing reads the whole log, however large it grows.
   */
  private async proof(build: (complete: CompleteSubtrees) => Hash[]): Promise<Hash[]> {
    const needed = new Map<string, NodeId>();
    build((level, index) => {
      needed.set(nodeKey(level, index), { level, index });
      return NO_HASH;
    });
    const known = await this.completeSubtrees([...needed.values()]);
    return build((level, index) => {
      const hash = known.get(nodeKey(level, index));
      if (!hash) throw new MitraError(`log subtree ${level}/${index} was not read`);
      return hash;
    });
  }

  /**
   * The hashes of these complete subtrees, from their node items (leaves from leaf items). A node that is not stored
   * (a log appended before nodes were kept) is computed from its children, down to the leaves if need be.
   */
  private async completeSubtrees(wanted: NodeId[]): Promise<Map<string, Hash>> {
    const known = new Map<string, Hash>();
    const missing: NodeId[] = [];
    let round = wanted;
    while (round.length > 0) {
      const read = await this.readNodes(round);
      const next = new Map<string, NodeId>();
      for (const node of round) {
        const hash = read.get(nodeKey(node.level, node.index));
        if (hash) {
          known.set(nodeKey(node.level, node.index), hash);
        } else if (node.level === 0) {
          throw new MitraError(`log leaf ${node.index} is missing`);
        } else {
          missing.push(node);
          for (const child of [2 * node.index, 2 * node.index + 1]) {
            const key = nodeKey(node.level - 1, child);
            if (!known.has(key)) next.set(key, { level: node.level - 1, index: child });
          }
        }
      }
      round = [...next.values()];
    }
    // Parents were found missing before their children: computed in reverse, every child is known in time.
    for (const { level, index } of missing.reverse()) {
      const left = known.get(nodeKey(level - 1, 2 * index));
      const right = known.get(nodeKey(level - 1, 2 * index + 1));
      if (!left || !right) throw new MitraError(`log subtree ${level}/${index} cannot be computed`);
      known.set(nodeKey(level, index), nodeHash(left, right));
    }
    return known;
  }

  private async readNodes(nodes: NodeId[]): Promise<Map<string, Hash>> {
    const found = new Map<string, Hash>();
    for (let i = 0; i < nodes.length; i += MAX_BATCH_GET) {
      let keys: Record<string, unknown>[] = nodes
        .slice(i, i + MAX_BATCH_GET)
        .map(({ level, index }) => (level === 0 ? logKeys.leaf(index) : logKeys.node(level, index)));
      for (let attempt = 0; keys.length > 0; attempt++) {
        if (attempt >= MAX_ATTEMPTS) throw new MitraError('the log nodes could not be read');
        const { Responses, UnprocessedKeys } = await this.clients.dynamodb.send(
          new BatchGetCommand({
            RequestItems: {
              [this.config.tableName]: {
                Keys: keys,
                ProjectionExpression: 'pk, sk, leafHash, #hash',
                ExpressionAttributeNames: { '#hash': 'hash' },
              },
            },
          }),
        );
        for (const item of Responses?.[this.config.tableName] ?? []) {
          const hash = fromHex(String(item.leafHash ?? item.hash));
          if (!hash) throw new MitraError(`log item ${String(item.pk)}/${String(item.sk)} has no hash`);
          const level = item.pk === logKeys.leaf(0).pk ? 0 : Number(String(item.pk).slice('LOG#NODES#'.length));
          found.set(nodeKey(level, Number(item.sk)), hash);
        }
        keys = (UnprocessedKeys?.[this.config.tableName]?.Keys as Record<string, unknown>[] | undefined) ?? [];
        if (keys.length > 0) await sleep(Math.random() * Math.min(100, 2 ** attempt));
      }
    }
    return found;
  }

  private async readLeaves(from: number, to: number) {
    const leaves: { index: number; leafHash: string; entry: string }[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.clients.dynamodb.send(
        new QueryCommand({
          TableName: this.config.tableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': logKeys.leaf(0).pk, ':from': pad(from), ':to': pad(to - 1) },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) {
        leaves.push({ index: Number(item.index), leafHash: String(item.leafHash), entry: String(item.entry) });
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return leaves;
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          await this.appendBatch(batch);
        } catch (error) {
          for (const pending of batch) pending.reject(error);
        }
      }
    } finally {
      this.pumping = false;
    }
  }

  private async appendBatch(batch: Pending[]): Promise<void> {
    // Entries logged before (a retried issue) answer with their index; duplicates in the batch share one leaf.
    let todo: Pending[] = [];
    const byId = new Map<string, Pending[]>();
    for (const pending of batch) {
      const same = byId.get(pending.entryId);
      if (same) same.push(pending);
      else {
        byId.set(pending.entryId, [pending]);
        todo.push(pending);
      }
    }
    const settle = (entryId: string, index: number, leafHash: string) => {
      for (const pending of byId.get(entryId) ?? []) {
        if (toHex(pending.leafHash) === leafHash) pending.resolve(index);
        else pending.reject(new MitraError(`log entry ${entryId} was logged before with different content`));
      }
    };
    const resolveLogged = async () => {
      const found = await Promise.all(todo.map((pending) => this.indexOf(pending.entryId)));
      todo = todo.filter((pending, i) => {
        const logged = found[i];
        if (logged) settle(pending.entryId, logged.index, logged.leafHash);
        return !logged;
      });
    };
    await resolveLogged();

    for (let attempt = 0; todo.length > 0; attempt++) {
      if (attempt >= MAX_ATTEMPTS) throw new MitraError('the log head kept changing; giving up on this append');
      const head = await this.readHead();
      let frontier = head.frontier;
      const nodes: Record<string, unknown>[] = [];
      const items = todo.flatMap((pending, offset) => {
        const index = head.size + offset;
        frontier = appendToFrontier(frontier, index, pending.leafHash, (level, nodeIndex, hash) =>
          nodes.push({
            Put: {
              TableName: this.config.tableName,
              Item: { ...logKeys.node(level, nodeIndex), kind: 'log-node', hash: toHex(hash) },
            },
          }),
        );
        const leafHash = toHex(pending.leafHash);
        return [
          {
            Put: {
              TableName: this.config.tableName,
              Item: { ...logKeys.leaf(index), kind: 'log-leaf', index, leafHash, entry: canonicalJson(pending.entry) },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: this.config.tableName,
              Item: { ...logKeys.entry(pending.entryId), kind: 'log-entry', index, leafHash },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ];
      });
      const size = head.size + todo.length;
      items.push({
        Put: {
          TableName: this.config.tableName,
          Item: {
            ...logKeys.head,
            kind: 'log-head',
            size,
            frontier: frontier.map(toHex),
            rootHash: toHex(frontierRoot(frontier)),
          },
          ConditionExpression: head.size === 0 ? 'attribute_not_exists(pk)' : '#size = :size',
          ...(head.size === 0
            ? {}
            : { ExpressionAttributeNames: { '#size': 'size' }, ExpressionAttributeValues: { ':size': head.size } }),
        } as never,
      });
      try {
        await this.clients.dynamodb.send(new TransactWriteCommand({ TransactItems: [...items, ...nodes] as never }));
        todo.forEach((pending, offset) => {
          settle(pending.entryId, head.size + offset, toHex(pending.leafHash));
        });
        return;
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const reasons = error.CancellationReasons ?? [];
        // An entry item that exists now was logged by another sequencer; a changed head is a lost race.
        if (
          reasons.some((reason, i) => i % 2 === 1 && i < items.length - 1 && reason.Code === 'ConditionalCheckFailed')
        ) {
          await resolveLogged();
        }
        await sleep(Math.random() * Math.min(100, 2 ** attempt));
      }
    }
  }

  private async readHead(): Promise<Head> {
    const { Item } = await this.clients.dynamodb.send(
      new GetCommand({ TableName: this.config.tableName, Key: logKeys.head, ConsistentRead: true }),
    );
    if (!Item) return { size: 0, frontier: [] };
    return { size: Number(Item.size), frontier: (Item.frontier as string[]).map((hex) => fromHex(hex)!) };
  }

  /**
   * A signed checkpoint of at least `minSize` leaves, archived with every leaf it covers. The first checkpoint of a
   * size wins (a conditional put); later signers of the same size answer with it.
   */
  async ensureCheckpoint(minSize: number): Promise<SignedCheckpoint> {
    // One checkpoint at a time per sequencer: it covers every leaf appended before it started, so concurrent
    // appenders mostly find their leaf in it instead of each signing (and archiving leaves for) one of their own.
    for (let inFlight = this.checkpointing; inFlight; inFlight = this.checkpointing) {
      const checkpoint = await inFlight.catch(() => undefined);
      if (checkpoint && checkpoint.treeSize >= minSize) return checkpoint;
    }
    const started = this.checkpointOnce(minSize).finally(() => {
      this.checkpointing = undefined;
    });
    this.checkpointing = started;
    return started;
  }

  private async checkpointOnce(minSize: number): Promise<SignedCheckpoint> {
    const latest = await this.latestCheckpoint();
    if (latest && latest.treeSize >= minSize) {
      await this.archiveCheckpoint(latest);
      return latest;
    }
    const { signer } = this.config;
    if (!signer) throw new MitraError('this log reader cannot sign checkpoints');
    // The checkpoint key's own leaf comes first, so the checkpoint it signs covers it.
    await this.logKey(await signer.currentKey(), 'checkpoint-signing');
    const head = await this.readHead();
    if (head.size < minSize) throw new MitraError(`the log head is at ${head.size}, below ${minSize}`);
    await this.archiveLeaves(latest?.treeSize ?? 0, head.size);

    const timestamp = this.config.now().toISOString();
    if (!this.keyPublished && this.config.publishKey) {
      await this.config.publishKey(await signer.currentKey(), timestamp);
      this.keyPublished = true;
    }
    const signed = await signCheckpoint(
      { origin: LOG_ORIGIN, treeSize: head.size, rootHash: toHex(frontierRoot(head.frontier)), timestamp },
      signer,
    );
    let winner = signed;
    try {
      await this.clients.dynamodb.send(
        new PutCommand({
          TableName: this.config.tableName,
          Item: { ...logKeys.checkpoint(head.size), kind: 'log-checkpoint', checkpoint: canonicalJson(signed) },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const { Item } = await this.clients.dynamodb.send(
        new GetCommand({ TableName: this.config.tableName, Key: logKeys.checkpoint(head.size), ConsistentRead: true }),
      );
      winner = SignedCheckpointSchema.parse(JSON.parse(String(Item!.checkpoint)));
    }
    await this.archiveCheckpoint(winner);
    return winner;
  }

  private async archiveCheckpoint(checkpoint: SignedCheckpoint): Promise<void> {
    if (this.archivedCheckpoints.has(checkpoint.treeSize)) return;
    await this.objects.putIfAbsent(
      checkpointObjectKey(checkpoint.treeSize),
      canonicalJson(checkpoint),
      'application/json',
      { 'tree-size': String(checkpoint.treeSize), 'root-hash': checkpoint.rootHash },
    );
    this.archivedCheckpoints.add(checkpoint.treeSize);
  }

  /**
   * Writes leaves [from, to) to the archive, each once; a checkpoint is archived only after all its leaves. Every
   * leaf is tried even when another fails, and one written is not written again by a later checkpoint, so a busy S3
   * only leaves the failed ones for the next try instead of all leaves since the last checkpoint.
   */
  private async archiveLeaves(from: number, to: number): Promise<void> {
    // Leaves below `from` are covered by an archived checkpoint.
    for (const index of this.archivedLeaves) if (index < from) this.archivedLeaves.delete(index);
    if (to <= from) return;
    const leaves = (await this.readLeaves(from, to)).filter((leaf) => !this.archivedLeaves.has(leaf.index));
    let failure: unknown;
    for (let i = 0; i < leaves.length; i += 16) {
      const written = await Promise.allSettled(
        leaves.slice(i, i + 16).map(async (leaf) => {
          await this.objects.putIfAbsent(
            leafObjectKey(leaf.index),
            canonicalJson({ index: leaf.index, entry: JSON.parse(leaf.entry), leafHash: leaf.leafHash }),
            'application/json',
            { 'leaf-hash': leaf.leafHash },
          );
          this.archivedLeaves.add(leaf.index);
        }),
      );
      failure ??= written.find((result) => result.status === 'rejected')?.reason;
    }
    if (failure) throw failure;
  }
}

function pad(n: number): string {
  return String(n).padStart(12, '0');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
