import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveObjects } from '#adapters/archive-objects.ts';
import { LOCAL_REGION } from '../../local/local-aws.ts';
import { type LocalS3, startS3Local } from '../../local/s3-local.ts';

const BUCKET = 'archive-write-once';
let dataDir: string;
let s3rver: LocalS3;
let s3: S3Client;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'mitra-archive-'));
  s3rver = await startS3Local(join(dataDir, 's3'), [BUCKET]);
  s3 = new S3Client({
    endpoint: s3rver.endpoint,
    region: LOCAL_REGION,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
});

afterAll(async () => {
  s3.destroy();
  await s3rver.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const read = async (key: string) =>
  (await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body!.transformToString('utf-8');

describe('the archive writes each object once, with one conditional put', () => {
  it('keeps the first object when the same key is written again, and says nothing of it', async () => {
    const archive = new ArchiveObjects(s3, BUCKET);
    const key = 'certificates/2026/12/06/AAAA.json';
    await archive.putIfAbsent(key, '{"first":true}', 'application/json');
    await expect(archive.putIfAbsent(key, '{"second":true}', 'application/json')).resolves.toBeUndefined();
    expect(await read(key)).toBe('{"first":true}');
  });

  it('is refused 412 PreconditionFailed, as S3 refuses it, when the key holds an object', async () => {
    const key = 'log/leaves/0000000001.json';
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: 'leaf', IfNoneMatch: '*' }));
    const refused = await s3
      .send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: 'another leaf', IfNoneMatch: '*' }))
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(S3ServiceException);
    expect((refused as S3ServiceException).name).toBe('PreconditionFailed');
    expect((refused as S3ServiceException).$metadata.httpStatusCode).toBe(412);
    expect(await read(key)).toBe('leaf');
  });

  it('lets exactly one of many writes of one key at once land, whole', async () => {
    const archive = new ArchiveObjects(s3, BUCKET);
    const key = 'log/checkpoints/7.json';
    const bodies = Array.from({ length: 12 }, (_, i) => JSON.stringify({ writer: i, padding: 'x'.repeat(20_000) }));
    await Promise.all(bodies.map((body) => archive.putIfAbsent(key, body, 'application/json')));
    expect(bodies).toContain(await read(key));

    const another = 'log/checkpoints/8.json';
    const answers = await Promise.allSettled(
      bodies.map((body) =>
        s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: another, Body: body, IfNoneMatch: '*' })),
      ),
    );
    const landed = answers.flatMap((answer, i) => (answer.status === 'fulfilled' ? [bodies[i]] : []));
    expect(landed).toHaveLength(1);
    expect(
      answers.every(
        (answer) =>
          answer.status === 'fulfilled' || (answer.reason as S3ServiceException).$metadata.httpStatusCode === 412,
      ),
    ).toBe(true);
    expect(await read(another)).toBe(landed[0]);
  });

  it('still replaces an object on a put without the condition, as S3 does', async () => {
    const key = 'media/replaceable.txt';
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: 'one', IfNoneMatch: '*' }));
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: 'two' }));
    expect(await read(key)).toBe('two');
  });
});
