import { catalog } from '#core/catalog/catalog.ts';
import type { Language } from '#core/catalog/schema.ts';
import { DEFAULT_SETTINGS, type TurnContext } from '#core/conversation/context.ts';
import { converse, type Turn } from '#core/conversation/converse.ts';
import type { InboundContent, Reply } from '#core/conversation/messages.ts';
import { newSession, type Session, SessionSchema } from '#core/conversation/session.ts';

export const services = catalog();

/** Guntur's Energy officer as the registry holds them (local/sample-officers.ts): grievances of the district. */
export const gunturEnergyOfficer = {
  waId: '919000000631',
  id: 'EN-GNT-0631',
  name: 'S. Naga Lakshmi',
  department: 'energy',
  district: 'guntur',
  role: 'section-officer' as const,
};
export const START = new Date('2026-11-28T10:00:00Z');

/** A citizen talking to the pure conversation, with a clock the test moves and the context the webhook would load. */
export class Citizen {
  session: Session;
  turn: Turn = { session: newSession('919876543210'), replies: [], effects: [] };
  now = new Date(START);
  private counter = 0;

  constructor(readonly waId = '919876543210') {
    this.session = newSession(waId);
  }

  send(content: InboundContent, context: Partial<TurnContext> = {}): Turn {
    const messageId = `wamid.${this.waId}.${++this.counter}`;
    this.turn = converse(this.session, { messageId, waId: this.waId, sentAt: this.now, content }, services, this.now, {
      settings: DEFAULT_SETTINGS,
      ...context,
    });
    this.session = SessionSchema.parse(this.turn.session);
    return this.turn;
  }

  text(text: string, context?: Partial<TurnContext>): Turn {
    return this.send({ type: 'text', text }, context);
  }

  /** Taps the row or button of the menu last shown that has this action. */
  tap(action: string, context?: Partial<TurnContext>): Turn {
    return this.send({ type: 'choice', id: `${action}~${this.session.menu.token}`, title: action }, context);
  }

  /** Taps a row of an earlier menu, named by its token. */
  tapOld(action: string, token: number): Turn {
    return this.send({ type: 'choice', id: `${action}~${token}`, title: action });
  }

  advance(minutes: number): void {
    this.now = new Date(this.now.getTime() + minutes * 60_000);
  }

  /** Greets, picks the language and accepts the notice: the main menu is showing. */
  ready(language: Language = 'en'): this {
    this.text('Hi');
    this.tap(`lang:${language}`);
    this.tap('consent:yes');
    return this;
  }

  /** The replies of the last turn, without the read receipt. */
  get replies(): Reply[] {
    return this.turn.replies.filter((r) => r.type !== 'read-receipt');
  }

  /** Every text the last turn showed: text bodies, list and button bodies. */
  get said(): string {
    return this.replies
      .map((r) => (r.type === 'text' ? r.text : r.type === 'list' || r.type === 'buttons' ? r.body : ''))
      .join('\n');
  }

  get list(): Extract<Reply, { type: 'list' }> {
    const list = this.replies.find((r) => r.type === 'list');
    if (list?.type !== 'list') throw new Error(`expected a list, got ${JSON.stringify(this.replies)}`);
    return list;
  }
}
