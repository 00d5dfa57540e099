import type { Reply } from '../conversation/messages.ts';

type GraphPayload = Record<string, unknown>;

/**
 * The Graph API request body for one reply. A document is sent by the media id its upload returned.
 * Limits are enforced before this point by the catalog tests and, for free text, by the caller.
 */
export function graphPayload(to: string, reply: Exclude<Reply, { type: 'document' }>): GraphPayload;
export function graphPayload(to: string, reply: Extract<Reply, { type: 'document' }>, mediaId: string): GraphPayload;
export function graphPayload(to: string, reply: Reply, mediaId?: string): GraphPayload {
  const base = { messaging_product: 'whatsapp', recipient_type: 'individual', to };
  switch (reply.type) {
    case 'read-receipt':
      return {
        messaging_product: 'whatsapp',
        status: 'read',
        message_id: reply.messageId,
        typing_indicator: { type: 'text' },
      };
    case 'text':
      return { ...base, type: 'text', text: { body: reply.text, preview_url: false } };
    case 'list':
      return {
        ...base,
        type: 'interactive',
        interactive: {
          type: 'list',
          ...(reply.header ? { header: { type: 'text', text: reply.header } } : {}),
          body: { text: reply.body },
          ...(reply.footer ? { footer: { text: reply.footer } } : {}),
          action: {
            button: reply.button,
            sections: reply.sections.map((section) => ({
              title: section.title,
              rows: section.rows.map((row) => ({
                id: row.id,
                title: row.title,
                ...(row.description ? { description: row.description } : {}),
              })),
            })),
          },
        },
      };
    case 'buttons':
      return {
        ...base,
        type: 'interactive',
        interactive: {
          type: 'button',
          ...(reply.header ? { header: { type: 'text', text: reply.header } } : {}),
          body: { text: reply.body },
          ...(reply.footer ? { footer: { text: reply.footer } } : {}),
          action: { buttons: reply.buttons.map((b) => ({ type: 'reply', reply: { id: b.id, title: b.title } })) },
        },
      };
    case 'document':
      return { ...base, type: 'document', document: { id: mediaId, filename: reply.filename, caption: reply.caption } };
  }
}
