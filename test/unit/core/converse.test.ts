import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalog } from '#core/catalog/catalog.ts';
import { applicationIdFor, converse, type Turn } from '#core/conversation/converse.ts';
import type { InboundContent, InboundMessage } from '#core/conversation/messages.ts';
import { newSession, type Session, SessionSchema } from '#core/conversation/session.ts';

const services = catalog();
const now = new Date('2026-11-28T10:00:00Z');
let counter = 0;
const inbound = (content: InboundContent): InboundMessage => ({
  messageId: `wamid.test${++counter}`,
  waId: '919876543210',
  sentAt: now,
  content,
});
const text = (t: string) => inbound({ type: 'text', text: t });
const tap = (id: string) => inbound({ type: 'choice', id, title: id });

function play(steps: InboundMessage[], session: Session = newSession('919876543210')): Turn {
  let turn: Turn = { session, replies: [], effects: [] };
  for (const step of steps) turn = converse(turn.session, step, services, now);
  return turn;
}

describe('converse', () => {
  it('greets a new citizen with a language choice and marks the message read', () => {
    const message = text('Hi');
    const turn = converse(newSession('919876543210'), message, services, now);
    expect(turn.replies[0]).toEqual({ type: 'read-receipt', messageId: message.messageId });
    expect(turn.replies[1]).toMatchObject({ type: 'buttons', buttons: [{ id: 'lang:en' }, { id: 'lang:te' }] });
    expect(turn.session.version).toBe(1);
  });

  it('shows the services in the chosen language, numbered in the text as well as in the list', () => {
    const turn = play([text('Hi'), tap('lang:te')]);
    const menu = turn.replies[1];
    expect(turn.session.language).toBe('te');
    expect(menu).toMatchObject({ type: 'list' });
    if (menu?.type !== 'list') throw new Error('expected a list');
    expect(menu.body).toContain('1. ఆదాయ ధృవీకరణ పత్రం');
    expect(menu.sections[0]!.rows.map((r) => r.id)).toEqual(services.services.map((s) => `svc:${s.id}`));
  });

  it('takes a typed number as the same choice as a tap', () => {
    const byNumber = play([text('Hi'), text('1'), text('2')]);
    const byTap = play([text('Hi'), tap('lang:en'), tap('svc:revenue.caste-certificate')]);
    expect(byNumber.session.step).toEqual(byTap.session.step);
    expect(byNumber.session.step).toMatchObject({ name: 'form', serviceId: 'revenue.caste-certificate' });
  });

  it('re-asks a name that is not a name, saying what is expected', () => {
    const turn = play([text('hello'), tap('lang:en'), tap('svc:revenue.income-certificate'), text('12345')]);
    expect(turn.session.step).toMatchObject({ name: 'form', fieldIndex: 0 });
    expect(turn.replies[1]).toMatchObject({ type: 'text', text: expect.stringContaining('letters only') });
  });

  it('submits a confirmed application as an effect with an id derived from the confirming message', () => {
    const confirm = tap('confirm');
    const turn = play([
      text('Hi'),
      tap('lang:en'),
      tap('svc:revenue.income-certificate'),
      text('Ravi Kumar Reddy'),
      confirm,
    ]);
    expect(turn.effects).toEqual([
      {
        type: 'start-application',
        application: expect.objectContaining({
          applicationId: applicationIdFor(confirm.messageId),
          serviceId: 'revenue.income-certificate',
          values: { 'applicant-name': 'Ravi Kumar Reddy' },
          submittedAt: now.toISOString(),
        }),
      },
    ]);
    expect(turn.replies[1]).toMatchObject({
      type: 'text',
      text: expect.stringContaining(applicationIdFor(confirm.messageId)),
    });
  });

  it('cancels without submitting anything', () => {
    const turn = play([text('Hi'), tap('lang:en'), tap('svc:revenue.income-certificate'), text('Ravi'), tap('cancel')]);
    expect(turn.effects).toEqual([]);
    expect(turn.session.step).toEqual({ name: 'menu' });
  });

  it('answers media politely and keeps the session where it was', () => {
    const before = play([text('Hi'), tap('lang:en')]);
    const turn = converse(
      before.session,
      inbound({ type: 'media', mediaType: 'sticker', mediaId: 'm1' }),
      services,
      now,
    );
    expect(turn.replies[1]).toMatchObject({ type: 'text', text: expect.stringContaining('only read text') });
    expect(turn.session.step).toEqual(before.session.step);
  });

  it('is deterministic, so a turn re-applied after a lost write race gives the same result', () => {
    const session = play([text('Hi'), tap('lang:en')]).session;
    const message = tap('svc:revenue.residence-certificate');
    expect(converse(session, message, services, now)).toEqual(converse(session, message, services, now));
  });

  it('leaves a valid session after any sequence of inputs', () => {
    const anyInput = fc.oneof(
      fc.string().map((t) => ({ type: 'text', text: t }) as InboundContent),
      fc
        .constantFrom('Hi', 'menu', '1', '2', '3', '11', 'నమస్తే')
        .map((t) => ({ type: 'text', text: t }) as InboundContent),
      fc
        .constantFrom(
          'lang:en',
          'lang:te',
          'confirm',
          'cancel',
          'svc:nope',
          ...services.services.map((s) => `svc:${s.id}`),
        )
        .map((id) => ({ type: 'choice', id, title: id }) as InboundContent),
    );
    fc.assert(
      fc.property(fc.array(anyInput, { maxLength: 15 }), (contents) => {
        const turn = play(contents.map(inbound));
        expect(() => SessionSchema.parse(turn.session)).not.toThrow();
        expect(turn.session.version).toBe(contents.length);
      }),
    );
  });
});

describe('applicationIdFor', () => {
  it('gives a stable, well-formed id per message and different ids for different messages', () => {
    expect(applicationIdFor('wamid.A')).toBe(applicationIdFor('wamid.A'));
    expect(applicationIdFor('wamid.A')).toMatch(/^AP-[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(applicationIdFor('wamid.A')).not.toBe(applicationIdFor('wamid.B'));
  });
});
