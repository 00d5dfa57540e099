import type { Reply } from '#core/conversation/messages.ts';
import { keys } from '#core/table-keys.ts';

/** Outbox items live 30 days: long enough to investigate a failed delivery. */
const OUTBOX_RETENTION_SECONDS = 30 * 24 * 60 * 60;

export interface OutboxItem {
  pk: string;
  sk: string;
  kind: 'outbox';
  waId: string;
  reply: Reply;
  status: 'pending' | 'sent' | 'failed';
  createdAt: string;
  expiresAt: number;
}

/**
 * One reply waiting in the transactional outbox. The table's stream hands each new item to the sender, in order per
 * citizen; `ref` makes the key deterministic so a retried writer never queues the same reply twice.
 */
export function outboxItem(waId: string, ref: string, reply: Reply, now: Date): OutboxItem {
  return {
    ...keys.outbox(waId, ref),
    kind: 'outbox',
    waId,
    reply,
    status: 'pending',
    createdAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + OUTBOX_RETENTION_SECONDS,
  };
}
