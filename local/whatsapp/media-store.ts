import { createHash, randomInt } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JsonlFile } from './jsonl-file.ts';

export interface MediaRecord {
  id: string;
  mime_type: string;
  /** Hex, as GET /{media_id} answers it. */
  sha256: string;
  /** Base64, as inbound webhooks carry it. */
  sha256_base64: string;
  file_size: number;
  filename?: string;
  origin: 'upload' | 'inbound';
  created_at: string;
  expires_at: string;
}

type IndexEntry = { op: 'put'; media: MediaRecord } | { op: 'delete'; id: string };

// Meta keeps uploaded media 30 days and inbound media 7 days.
const LIFETIME_DAYS = { upload: 30, inbound: 7 } as const;
const DAY_MS = 86_400_000;

/** Media bytes on disk under dataDir/media, indexed by a JSON-lines file. */
export class MediaStore {
  private readonly index: JsonlFile<IndexEntry>;
  private readonly records = new Map<string, MediaRecord>();

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    this.index = new JsonlFile(join(dir, 'index.jsonl'));
    for (const entry of this.index.readAll()) {
      if (entry.op === 'put') this.records.set(entry.media.id, entry.media);
      else this.records.delete(entry.id);
    }
  }

  put(input: {
    bytes: Buffer;
    mimeType: string;
    filename?: string;
    origin: MediaRecord['origin'];
    now: Date;
  }): MediaRecord {
    const digest = createHash('sha256').update(input.bytes).digest();
    const media: MediaRecord = {
      id: mediaId(),
      mime_type: input.mimeType,
      sha256: digest.toString('hex'),
      sha256_base64: digest.toString('base64'),
      file_size: input.bytes.length,
      ...(input.filename ? { filename: input.filename } : {}),
      origin: input.origin,
      created_at: input.now.toISOString(),
      expires_at: new Date(input.now.getTime() + LIFETIME_DAYS[input.origin] * DAY_MS).toISOString(),
    };
    writeFileSync(join(this.dir, media.id), input.bytes);
    this.index.append({ op: 'put', media });
    this.records.set(media.id, media);
    return media;
  }

  /** The record while the id is alive by the simulated clock. */
  get(id: string, now: Date): MediaRecord | undefined {
    const media = this.records.get(id);
    if (!media || Date.parse(media.expires_at) <= now.getTime()) return undefined;
    return media;
  }

  bytes(media: MediaRecord): Buffer {
    return readFileSync(join(this.dir, media.id));
  }

  delete(id: string): boolean {
    if (!this.records.delete(id)) return false;
    this.index.append({ op: 'delete', id });
    rmSync(join(this.dir, id), { force: true });
    return true;
  }
}

/** Meta's media ids are 15–16 digit numbers. */
function mediaId(): string {
  let id = String(randomInt(1, 10));
  while (id.length < 16) id += String(randomInt(0, 10));
  return id;
}
