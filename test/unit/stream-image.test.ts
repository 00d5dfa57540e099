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
});
