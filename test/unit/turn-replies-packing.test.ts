import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { packReplies, unpackReplies } from '#core/whatsapp/turn-replies.ts';

const mainMenu = {
  type: 'list',
  body: 'నమస్కారం! మీకు ఏ సేవ కావాలి? ఒక విభాగాన్ని ఎంచుకోండి.',
  button: 'విభాగాలు',
  sections: [
    {
      title: 'విభాగాలు',
      rows: Array.from({ length: 10 }, (_, i) => ({ id: `dept:${i}`, title: `విభాగం ${i + 1}`, description: 'సేవలు' })),
    },
  ],
};

describe('a turn’s replies as the session item stores them', () => {
  it('read back exactly as written, Telugu and all', () => {
    const replies = [{ type: 'text', text: 'మీ దరఖాస్తు స్వీకరించబడింది.' }, mainMenu];
    expect(unpackReplies(packReplies(replies))).toEqual(replies);
  });

  it('take well under two thirds of the bytes of their JSON for a Telugu list', () => {
    const json = Buffer.byteLength(JSON.stringify([mainMenu]));
    expect(packReplies([mainMenu]).length).toBeLessThan((json * 2) / 3);
  });

  it('read the plain list an item written before packing holds, and nothing from an item with none', () => {
    expect(unpackReplies([{ type: 'text', text: 'Hi' }])).toEqual([{ type: 'text', text: 'Hi' }]);
    expect(unpackReplies(undefined)).toBeUndefined();
  });

  it('refuse bytes that are not packed replies, with an error rather than a wrong reply', () => {
    expect(() => unpackReplies(new Uint8Array([1, 2, 3, 4]))).toThrow();
    expect(() => unpackReplies(deflateRawSync(JSON.stringify({ type: 'text' })))).toThrow(/not a list/);
  });
});
