import { randomBytes } from 'node:crypto';

/**
 * A message id shaped like Meta's: "wamid." + base64 of a small protobuf-like record carrying the wa_id and a
 * random hex id. Real ids contain "+", "/" and "=", which is exactly what a receiver must survive (escaped "\/" in
 * webhooks, URL-encoding in paths).
 */
export function wamid(waId: string): string {
  const inner = Buffer.concat([
    Buffer.from([0x1c, 0x18, waId.length]),
    Buffer.from(waId, 'ascii'),
    Buffer.from([0x15, 0x02, 0x00, 0x12, 0x18, 0x20]),
    Buffer.from(randomBytes(16).toString('hex').toUpperCase(), 'ascii'),
    Buffer.from([0x00]),
  ]);
  return `wamid.${inner.toString('base64')}`;
}

export function conversationId(): string {
  return randomBytes(16).toString('hex');
}
