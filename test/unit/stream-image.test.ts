import { describe, expect, it } from 'vitest';
import { streamImage } from '#adapters/stream-image.ts';

describe('a stream record’s image', () => {
  it('reads an image with attribute values that have no type (DynamoDB Local sends some), leaving them out', () => {
    const image = {
      kind: { S: 'session' },
      empty: {},
      replies: { L: [{ M: { type: { S: 'text' }, extra: {} } }, {}] },
      session: { M: { values: { M: {} }, nothing: {} } },
    };
    expect(streamImage(image)).toEqual({ kind: 'session', replies: [{ type: 'text' }], session: { values: {} } });
    expect(streamImage(undefined)).toBeUndefined();
  });

  it('reads a binary value as the bytes it holds, whether Lambda’s JSON sent it as base64 text or the SDK as bytes', () => {
    const bytes = new Uint8Array([0, 1, 254, 255, 10]);
    const fromLambda = streamImage({ recent: { B: Buffer.from(bytes).toString('base64') as unknown as Uint8Array } });
    const fromSdk = streamImage({ recent: { B: bytes }, set: { BS: [bytes] } });
    expect(fromLambda?.recent).toEqual(bytes);
    expect(fromSdk).toEqual({ recent: bytes, set: new Set([bytes]) });
  });
});
