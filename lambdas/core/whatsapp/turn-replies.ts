import { readFileSync } from 'node:fs';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/** The outbox sort key of a turn's reply: the hash of the message it answers, and its place among the turn's. */
export const turnReplyRef = (repliesTo: string, index: number) => `${repliesTo}#${String(index).padStart(2, '0')}`;

/** A turn reply's place among its turn's: the turn, and how many replies go before it. */
export function turnReplyPlace(ref: string): { turn: string; index: number } {
  const at = ref.lastIndexOf('#');
  return { turn: ref.slice(0, at), index: Number(ref.slice(at + 1)) };
}

/**
 * The preset dictionaries values are deflated with: what the screens and flows of a conversation repeat, in both
 * languages (tools/reply-dictionary.ts writes them). A packed value begins with a byte naming its dictionary's
 * version, chosen so that no raw deflate stream can begin with it (its block type bits are 11, which deflate
 * reserves), so values packed before dictionaries existed still read as they are. Older versions stay, so an item
 * written with one stays readable after a new one is made current.
 */
const REPLY_DICTIONARY_VERSIONS = [1] as const;
const CURRENT_DICTIONARY = 1;
const VERSIONED = 0b110;

export const replyDictionaryFile = (version: number) => `reply-dictionary-${version}.txt`;

const dictionaries = new Map<number, Buffer>();

/** A dictionary, read once: beside the bundle's code in Lambda, beside this module in the repository. */
function dictionary(version: number): Buffer {
  let found = dictionaries.get(version);
  if (!found) {
    if (!(REPLY_DICTIONARY_VERSIONS as readonly number[]).includes(version))
      throw new Error(`packed with reply dictionary ${version}, which this release does not have`);
    found = readFileSync(new URL(`./${replyDictionaryFile(version)}`, import.meta.url));
    dictionaries.set(version, found);
  }
  return found;
}

/** A value as JSON, deflated with the current dictionary, behind the byte naming it. */
function pack(value: unknown): Uint8Array {
  const deflated = deflateRawSync(JSON.stringify(value), { dictionary: dictionary(CURRENT_DICTIONARY) });
  return Buffer.concat([Uint8Array.of((CURRENT_DICTIONARY << 3) | VERSIONED), deflated]);
}

/** A packed value's JSON, parsed: with the dictionary its first byte names, or without one when it names none. */
export function unpackValue(stored: Uint8Array): unknown {
  const first = stored[0] ?? 0;
  const text =
    (first & VERSIONED) === VERSIONED
      ? inflateRawSync(stored.subarray(1), { dictionary: dictionary(first >> 3) })
      : inflateRawSync(stored);
  return JSON.parse(text.toString('utf8'));
}

/**
 * A turn's replies as the session item stores them: their JSON, deflated with the dictionary of what screens repeat.
 * A list of ten rows or a Telugu paragraph is mostly strings the dictionary holds, so most turns' replies take a
 * tenth to a third of their JSON.
 */
export function packReplies(replies: readonly unknown[]): Uint8Array {
  return pack(replies);
}

/**
 * The replies a session item holds: packed (packReplies, or deflated without a dictionary by an earlier release), or
 * the plain list an item written before packing holds; undefined when it holds none. Throws when packed bytes do not
 * read back as a list.
 */
export function unpackReplies<Reply>(stored: unknown): Reply[] | undefined {
  if (Array.isArray(stored)) return stored as Reply[];
  if (!(stored instanceof Uint8Array)) return undefined;
  const replies = unpackValue(stored);
  if (!Array.isArray(replies)) throw new Error('the packed replies of a session item are not a list');
  return replies as Reply[];
}

/** Where a session is in the conversation (its step and the menu typed numbers are read against), packed as replies are. */
export function packFlow(flow: { step: unknown; menu: unknown }): Uint8Array {
  return pack(flow);
}

/** A session's packed flow; throws when the bytes do not read back as one. */
export function unpackFlow(stored: Uint8Array): { step: unknown; menu: unknown } {
  const flow = unpackValue(stored) as { step?: unknown; menu?: unknown } | null;
  if (!flow || typeof flow !== 'object' || !('step' in flow))
    throw new Error('the packed flow of a session item is not one');
  return { step: flow.step, menu: flow.menu };
}
