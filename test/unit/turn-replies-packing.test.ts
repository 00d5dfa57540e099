import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { catalog } from '#core/catalog/catalog.ts';
import { DEFAULT_SETTINGS } from '#core/conversation/context.ts';
import { converse } from '#core/conversation/converse.ts';
import type { InboundContent } from '#core/conversation/messages.ts';
import { newSession, type Session, SessionSchema } from '#core/conversation/session.ts';
import { packFlow, packReplies, unpackFlow, unpackReplies } from '#core/whatsapp/turn-replies.ts';

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

/** The screens a Telugu-speaking citizen sees first: the departments, then the services of the first of them. */
function firstScreens(): { replies: unknown[]; session: Session } {
  const now = new Date('2026-12-06T04:30:00Z');
  let session = newSession('919876543211');
  let replies: unknown[] = [];
  const steps: InboundContent[] = [
    { type: 'text', text: 'Hi' },
    { type: 'text', text: '2' },
    { type: 'text', text: '1' },
  ];
  for (const [index, content] of [...steps, { type: 'text', text: '1' } as const].entries()) {
    const inbound = { messageId: `wamid.${index}`, waId: session.waId, sentAt: now, content };
    const turn = converse(session, inbound, catalog(), now, { settings: DEFAULT_SETTINGS });
    session = SessionSchema.parse(turn.session);
    replies = turn.replies.filter((reply) => reply.type !== 'read-receipt');
  }
  return { replies, session };
}

describe('a turn’s replies as the session item stores them', () => {
  it('read back exactly as written, Telugu and all', () => {
    const replies = [{ type: 'text', text: 'మీ దరఖాస్తు స్వీకరించబడింది.' }, mainMenu];
    expect(unpackReplies(packReplies(replies))).toEqual(replies);
  });

  it('take well under two thirds of the bytes of their JSON for a Telugu list', () => {
    const json = Buffer.byteLength(JSON.stringify([mainMenu]));
    expect(packReplies([mainMenu]).length).toBeLessThan((json * 2) / 3);
  });

  it('take a sixth of their JSON for a real Telugu list of services, less than half of deflate alone', () => {
    const { replies } = firstScreens();
    expect(replies).toMatchObject([{ type: 'list' }]);
    const json = Buffer.byteLength(JSON.stringify(replies));
    const packed = packReplies(replies).length;
    expect(packed).toBeLessThan(json / 6);
    expect(packed).toBeLessThan(deflateRawSync(JSON.stringify(replies)).length / 2);
  });

  it('read replies an earlier release deflated without a dictionary, and the plain list one before it wrote', () => {
    const replies = [{ type: 'text', text: 'మీ దరఖాస్తు స్వీకరించబడింది.' }];
    expect(unpackReplies(deflateRawSync(JSON.stringify(replies)))).toEqual(replies);
  });

  it('name their dictionary, and refuse one this release does not have rather than guess', () => {
    const packed = packReplies([{ type: 'text', text: 'Hi' }]);
    expect(packed[0]).toBe((1 << 3) | 0b110);
    const later = Uint8Array.from(packed);
    later[0] = (9 << 3) | 0b110;
    expect(() => unpackReplies(later)).toThrow(/reply dictionary 9/);
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

describe('where a session is in the conversation, as its item stores it', () => {
  it('reads back exactly: the step, its answers and the menu typed numbers are read against', () => {
    const { session } = firstScreens();
    const flow = { step: session.step, menu: session.menu };
    expect(flow.menu.options.length).toBeGreaterThan(3);
    expect(unpackFlow(packFlow(flow))).toEqual(flow);
    // The service ids of the menu are the dictionary's: ten of them take a few bytes each.
    expect(packFlow(flow).length).toBeLessThan(Buffer.byteLength(JSON.stringify(flow)) / 4);
  });

  it('refuses packed bytes that are not a flow', () => {
    expect(() => unpackFlow(packReplies([{ type: 'text', text: 'Hi' }]))).toThrow(/not one/);
  });
});
