import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { turnWrite } from '#adapters/conversation-store.ts';
import { catalog } from '#core/catalog/catalog.ts';
import type { Language } from '#core/catalog/schema.ts';
import { DEFAULT_SETTINGS, type TurnContext } from '#core/conversation/context.ts';
import { converse } from '#core/conversation/converse.ts';
import type { InboundContent } from '#core/conversation/messages.ts';
import { NO_RECENT_MESSAGES, type RecentMessages, remember, unpackRing } from '#core/conversation/recent-messages.ts';
import { newSession, type Session, SessionSchema } from '#core/conversation/session.ts';
import { unpackReplies } from '#core/whatsapp/turn-replies.ts';
import type { Figure } from './results-file.ts';

/**
 * The size of an item as DynamoDB bills it: each attribute's name and value in UTF-8; a number about one byte per two
 * significant digits plus one; a list or map 3 bytes plus one per element; a boolean or null one byte.
 */
function itemBytes(item: Record<string, unknown>): number {
  const attributes = marshall(item, { removeUndefinedValues: true });
  return Object.entries(attributes).reduce((sum, [name, value]) => sum + utf8(name) + valueBytes(value), 0);
}

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

function valueBytes(value: AttributeValue): number {
  if (value.S !== undefined) return utf8(value.S);
  if (value.N !== undefined) return Math.ceil(value.N.replace(/^-|\.|^0+|0+$/g, '').length / 2) + 1;
  if (value.B !== undefined) return value.B.length;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS) return value.SS.reduce((sum, s) => sum + utf8(s), 0);
  if (value.L) return 3 + value.L.reduce((sum, v) => sum + 1 + valueBytes(v), 0);
  if (value.M) return 3 + Object.entries(value.M).reduce((sum, [k, v]) => sum + 1 + utf8(k) + valueBytes(v), 0);
  throw new Error(`no size rule for ${Object.keys(value).join()}`);
}

/** A put is billed a write unit per KB; an item of a transaction, two. */
const units = (bytes: number, transactional: boolean) => (transactional ? 2 : 1) * Math.max(1, Math.ceil(bytes / 1024));

type Step = { tap: string } | { text: string; context?: Partial<TurnContext> };

const AADHAAR = '234567890124';

/**
 * What a citizen does most: greet, choose the language, accept the notice, find a service through the menus, answer
 * its form, prove their Aadhaar by OTP, submit, then ask for the status and come back to the menu.
 */
const CONVERSATION: Step[] = [
  { text: 'Hi' },
  { tap: 'lang:*' },
  { tap: 'consent:yes' },
  { tap: 'dept:revenue' },
  { tap: 'svc:revenue.income-certificate' },
  { text: 'Ravi Kumar Reddy' },
  { tap: 'opt:son-of' },
  { text: 'Venkata Reddy' },
  { text: AADHAAR, context: { otpRequest: { ok: true, txnId: 'txn-bench' } } },
  { text: '120000' },
  { text: 'Tadikonda' },
  { text: 'Tadikonda' },
  { tap: 'opt:guntur' },
  { tap: 'opt:education' },
  { tap: 'confirm' },
  { text: '123456', context: { otpCheck: { ok: true, valid: true } } },
  { text: 'status' },
  { text: 'Hi' },
  { tap: 'dept:energy' },
  { text: 'help' },
];

interface TurnSize {
  /** The session item as the turn before left it, and as this turn writes it. */
  items: { before?: Record<string, unknown>; after: Record<string, unknown> };
  /** The session item a common turn puts, and the same item as written before it packed its ring, flow and replies. */
  sessionBytes?: number;
  unpackedBytes?: number;
  writeUnits: number;
  unpackedWriteUnits: number;
}

/** The session item as written before packing: the whole session as a map, the ids and the replies as lists. */
function unpackedItem(item: Record<string, unknown>, session: Session): Record<string, unknown> {
  const { flow: _flow, ...rest } = item;
  return { ...rest, session, recent: unpackRing(item.recent), replies: unpackReplies(item.replies) };
}

/**
 * Every turn of the conversation in one language, as the webhook would write it. A write replacing an item is billed
 * by the larger of the item before and after (DynamoDB's rule for PutItem), so each turn's session item is sized
 * beside the one the turn before left.
 */
function conversationTurns(language: Language): TurnSize[] {
  const services = catalog();
  const waId = language === 'te' ? '919876543211' : '919876543210';
  let session: Session = newSession(waId);
  let stored: { lastInboundAt?: string; recent: RecentMessages } = { recent: NO_RECENT_MESSAGES };
  let now = new Date('2026-12-06T04:30:00Z');
  let before = { packed: 0, unpacked: 0 };
  let previousItem: Record<string, unknown> | undefined;
  return CONVERSATION.map((step, index) => {
    now = new Date(now.getTime() + 20_000);
    const content: InboundContent =
      'tap' in step
        ? { type: 'choice', id: `${step.tap.replace('*', language)}~${session.menu.token}`, title: step.tap }
        : { type: 'text', text: step.text };
    // Meta's ids are about 60 characters.
    const inbound = {
      messageId: `wamid.HBgMOTE5ODc2NTQzMjEwFQIAEhgg${String(index).padStart(26, '0')}`,
      waId,
      sentAt: now,
      content,
    };
    const context = { settings: DEFAULT_SETTINGS, ...('context' in step ? step.context : {}) };
    const turn = converse(session, inbound, services, now, context);
    const write = turnWrite('Mitra', session, stored, inbound, turn, now);
    session = SessionSchema.parse(turn.session);
    stored = { lastInboundAt: now.toISOString(), recent: remember(stored.recent, inbound.messageId, now) };
    const [sessionItem, ...created] =
      'put' in write ? [write.put.Item!] : write.transaction.map(({ Put }) => Put!.Item!);
    const sessionBytes = itemBytes(sessionItem!);
    const unpackedBytes = itemBytes(unpackedItem(sessionItem!, turn.session));
    const replaced = {
      packed: Math.max(before.packed, sessionBytes),
      unpacked: Math.max(before.unpacked, unpackedBytes),
    };
    before = { packed: sessionBytes, unpacked: unpackedBytes };
    const items = { ...(previousItem ? { before: previousItem } : {}), after: sessionItem! };
    previousItem = sessionItem;
    if ('put' in write)
      return {
        items,
        sessionBytes,
        unpackedBytes,
        writeUnits: units(replaced.packed, false),
        unpackedWriteUnits: units(replaced.unpacked, false),
      };
    // The items the transaction creates, and the sender's record that a turn starting work was answered once its
    // replies went: one more write.
    const others =
      created.reduce((sum, item) => sum + units(itemBytes(item), true), 0) + (sessionItem!.answersLater ? 1 : 0);
    return {
      items,
      writeUnits: units(replaced.packed, true) + others,
      unpackedWriteUnits: units(replaced.unpacked, true) + others,
    };
  });
}

/**
 * Each turn's write of the citizen's session item, the item before and after, over the conversation in both languages:
 * the changes the table's stream hands the events function.
 */
export function conversationSessionWrites(): TurnSize['items'][] {
  return [...conversationTurns('en'), ...conversationTurns('te')].map((turn) => turn.items);
}

/**
 * The write units of a turn (its write, and the sender's record that a turn starting work was answered), averaged over
 * the conversation in English and in Telugu; and the size of the session item a common turn puts.
 */
export function turnItemFigures(): Figure[] {
  const turns = [...conversationTurns('en'), ...conversationTurns('te')];
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const puts = turns.filter((turn) => turn.sessionBytes !== undefined);
  return [
    {
      name: 'turn.session_item_bytes',
      value: mean(puts.map((turn) => turn.sessionBytes!)),
      unit: 'B',
      baseline: { name: 'session, ids and replies unpacked', value: mean(puts.map((turn) => turn.unpackedBytes!)) },
      ratio: mean(puts.map((turn) => turn.sessionBytes!)) / mean(puts.map((turn) => turn.unpackedBytes!)),
    },
    {
      name: 'turn.write_units',
      value: mean(turns.map((turn) => turn.writeUnits)),
      unit: 'WCU',
      baseline: {
        name: 'session, ids and replies unpacked',
        value: mean(turns.map((turn) => turn.unpackedWriteUnits)),
      },
      ratio: mean(turns.map((turn) => turn.writeUnits)) / mean(turns.map((turn) => turn.unpackedWriteUnits)),
    },
  ];
}
