import { deflateRawSync, inflateRawSync } from 'node:zlib';

/** The outbox sort key of a turn's reply: the hash of the message it answers, and its place among the turn's. */
export const turnReplyRef = (repliesTo: string, index: number) => `${repliesTo}#${String(index).padStart(2, '0')}`;

/** A turn reply's place among its turn's: the turn, and how many replies go before it. */
export function turnReplyPlace(ref: string): { turn: string; index: number } {
  const at = ref.lastIndexOf('#');
  return { turn: ref.slice(0, at), index: Number(ref.slice(at + 1)) };
}

/**
 * A turn's replies as the session item stores them: their JSON, deflated. A list of ten rows or a Telugu paragraph
 * is mostly repeated keys and UTF-8 lead bytes, so this takes a write unit off most turns that answer with one.
 */
export function packReplies(replies: readonly unknown[]): Uint8Array {
  return deflateRawSync(JSON.stringify(replies));
}

/**
 * The replies a session item holds: packed (packReplies), or the plain list an item written before packing holds;
 * undefined when it holds none. Throws when packed bytes do not read back as a list.
 */
export function unpackReplies<Reply>(stored: unknown): Reply[] | undefined {
  if (Array.isArray(stored)) return stored as Reply[];
  if (!(stored instanceof Uint8Array)) return undefined;
  const replies: unknown = JSON.parse(inflateRawSync(stored).toString('utf8'));
  if (!Array.isArray(replies)) throw new Error('the packed replies of a session item are not a list');
  return replies as Reply[];
}
