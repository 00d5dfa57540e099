/** The outbox sort key of a turn's reply: the hash of the message it answers, and its place among the turn's. */
export const turnReplyRef = (repliesTo: string, index: number) => `${repliesTo}#${String(index).padStart(2, '0')}`;

/** A turn reply's place among its turn's: the turn, and how many replies go before it. */
export function turnReplyPlace(ref: string): { turn: string; index: number } {
  const at = ref.lastIndexOf('#');
  return { turn: ref.slice(0, at), index: Number(ref.slice(at + 1)) };
}
