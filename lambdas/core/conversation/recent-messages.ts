import { createHash } from 'node:crypto';

/** How many of a citizen's latest message ids the session item keeps to recognise Meta's redeliveries. */
export const RECENT_MESSAGES = 16;

/**
 * The citizen's latest messages as the session item keeps them: each a short hash of Meta's message id with Meta's
 * timestamp (`<hash>@<seconds in base 36>`), oldest first; and `floor`, the latest timestamp among those that left the
 * ring. The item stores the ring packed, 10 bytes a message however long Meta's ids are (packRing).
 */
export interface RecentMessages {
  ring: string[];
  floor: number;
}

export const NO_RECENT_MESSAGES: RecentMessages = { ring: [], floor: 0 };

/**
 * 48 bits of the id: among one citizen's 16 latest messages, a new one is taken for another about once in 10¹³
 * messages. (Where it must be unique among everyone's, it goes with the citizen's token.)
 */
export function messageHash(messageId: string): string {
  return createHash('sha256').update(messageId).digest('base64url').slice(0, 8);
}

const hashOf = (entry: string) => entry.slice(0, entry.indexOf('@'));
const secondsOf = (entry: string) => Number.parseInt(entry.slice(entry.indexOf('@') + 1), 36);

/**
 * Whether the message was applied before: its id is in the ring, or, once messages have left the ring, it is older
 * than the ring's oldest or than the latest to leave (Meta redelivers a message it thinks unanswered for days, after
 * any number of later ones). Meta's timestamps are whole seconds, so a message of the same second is taken as new:
 * only a redelivery behind more than 16 messages of one second would be applied again.
 */
export function seenBefore(recent: RecentMessages, messageId: string, sentAt: Date): boolean {
  const hash = messageHash(messageId);
  if (recent.ring.some((entry) => hashOf(entry) === hash)) return true;
  if (recent.floor === 0) return false;
  return Math.floor(sentAt.getTime() / 1000) < Math.max(recent.floor, Math.min(...recent.ring.map(secondsOf)));
}

/** The ring with the message added, the oldest leaving (and raising the floor) once it holds RECENT_MESSAGES. */
export function remember(recent: RecentMessages, messageId: string, sentAt: Date): RecentMessages {
  const ring = [...recent.ring, `${messageHash(messageId)}@${Math.floor(sentAt.getTime() / 1000).toString(36)}`];
  const leaving = ring.splice(0, Math.max(0, ring.length - RECENT_MESSAGES));
  const floor = Math.max(recent.floor, ...leaving.map(secondsOf));
  return { ring, floor };
}

/** The entries of `after`'s ring that `before`'s does not hold: the messages one write of the session applied. */
export function newlyApplied(before: readonly string[], after: readonly string[]): { hash: string; sentAt: Date }[] {
  const known = new Set(before.map(hashOf));
  return after
    .filter((entry) => !known.has(hashOf(entry)))
    .map((entry) => ({ hash: hashOf(entry), sentAt: new Date(secondsOf(entry) * 1000) }));
}

/** Bytes of one ring entry as the session item stores it: the hash's 6 bytes, then Meta's seconds (uint32, BE). */
const PACKED_ENTRY_BYTES = 10;

/**
 * The ring as the session item stores it: one binary value of 10 bytes a message (160 bytes for 16), where the text
 * form took about 16 bytes and a list element's overhead each.
 */
export function packRing(ring: readonly string[]): Uint8Array {
  const packed = new Uint8Array(ring.length * PACKED_ENTRY_BYTES);
  const view = new DataView(packed.buffer);
  for (const [index, entry] of ring.entries()) {
    packed.set(Buffer.from(hashOf(entry), 'base64url'), index * PACKED_ENTRY_BYTES);
    view.setUint32(index * PACKED_ENTRY_BYTES + 6, secondsOf(entry));
  }
  return packed;
}

/**
 * The ring the session item holds: packed (packRing), or the list of texts an item written before packing holds;
 * empty when it holds neither.
 */
export function unpackRing(stored: unknown): string[] {
  if (Array.isArray(stored)) return stored.map(String);
  if (!(stored instanceof Uint8Array) || stored.length % PACKED_ENTRY_BYTES !== 0) return [];
  const view = new DataView(stored.buffer, stored.byteOffset, stored.byteLength);
  return Array.from({ length: stored.length / PACKED_ENTRY_BYTES }, (_, index) => {
    const at = index * PACKED_ENTRY_BYTES;
    const hash = Buffer.from(stored.subarray(at, at + 6)).toString('base64url');
    return `${hash}@${view.getUint32(at + 6).toString(36)}`;
  });
}
