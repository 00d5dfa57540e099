import type { Reply } from '../conversation/messages.ts';
import type { OutboundReply, TemplateReply } from './limits.ts';

type GraphPayload = Record<string, unknown>;

/**
 * The Graph API request body for one reply. A document is sent by the media id its upload returned.
 * The sender brings every reply within Meta's limits (fitReply in limits.ts) before building its payload.
 */
export function graphPayload(to: string, reply: Exclude<OutboundReply, { type: 'document' | 'media' }>): GraphPayload;
export function graphPayload(
  to: string,
  reply: Extract<Reply, { type: 'document' | 'media' }> | TemplateReply,
  mediaId: string,
): GraphPayload;
export function graphPayload(to: string, reply: OutboundReply, mediaId?: string): GraphPayload {
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
      return {
        ...base,
        type: 'document',
        document: { id: mediaId, filename: reply.filename, ...(reply.caption ? { caption: reply.caption } : {}) },
      };
    case 'media':
      // A photo goes as an image (shown inline); a PDF as a document with its name.
      if (reply.mediaType === 'image')
        return { ...base, type: 'image', image: { id: mediaId, ...(reply.caption ? { caption: reply.caption } : {}) } };
      return {
        ...base,
        type: 'document',
        document: {
          id: mediaId,
          ...(reply.filename ? { filename: reply.filename } : {}),
          ...(reply.caption ? { caption: reply.caption } : {}),
        },
      };
    case 'template':
      return templatePayload(to, reply, mediaId);
  }
}

function templatePayload(to: string, reply: TemplateReply, mediaId: string | undefined): GraphPayload {
  const components: Record<string, unknown>[] = [];
  if (reply.document && mediaId) {
    components.push({
      type: 'header',
      parameters: [{ type: 'document', document: { id: mediaId, filename: reply.document.filename } }],
    });
  }
  if (reply.parameters.length > 0)
    components.push({ type: 'body', parameters: reply.parameters.map((text) => ({ type: 'text', text })) });
  for (const [index, payload] of (reply.quickReplies ?? []).entries()) {
    components.push({
      type: 'button',
      sub_type: 'quick_reply',
      index: String(index),
      parameters: [{ type: 'payload', payload }],
    });
  }
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to,
    type: 'template',
    template: {
      name: reply.name,
      language: { code: reply.language },
      components,
    },
  };
}
