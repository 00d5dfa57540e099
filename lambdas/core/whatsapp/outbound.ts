import type { Reply } from '../conversation/messages.ts';
import type { OutboundReply, TemplateReply } from './limits.ts';
import { isBusinessScopedUserId } from './user-key.ts';

type GraphPayload = Record<string, unknown>;

/**
 * Whom a message goes to, in the field Meta takes for the person's key: `to` for a phone number, `recipient` for a
 * business-scoped user id. Never both: Meta lets `to` win, and the key is the phone number whenever there is one.
 */
export function addressee(userKey: string): { to: string } | { recipient: string } {
  return isBusinessScopedUserId(userKey) ? { recipient: userKey } : { to: userKey };
}

/**
 * The Graph API request body for one reply to the person keyed `userKey` (a phone number or a BSUID). A document is
 * sent by the media id its upload returned. The sender brings every reply within Meta's limits (fitReply in
 * limits.ts) before building its payload.
 */
export function graphPayload(
  userKey: string,
  reply: Exclude<OutboundReply, { type: 'document' | 'media' }>,
): GraphPayload;
export function graphPayload(
  userKey: string,
  reply: Extract<Reply, { type: 'document' | 'media' }> | TemplateReply,
  mediaId: string,
): GraphPayload;
export function graphPayload(userKey: string, reply: OutboundReply, mediaId?: string): GraphPayload {
  const base = { messaging_product: 'whatsapp', recipient_type: 'individual', ...addressee(userKey) };
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
    case 'location-request':
      return bodyAndAction(base, 'location_request_message', reply.body, { name: 'send_location' });
    case 'order':
      return { ...base, type: 'interactive', interactive: orderDetails(reply) };
    case 'order-status':
      return bodyAndAction(base, 'order_status', reply.body, {
        name: 'review_order',
        parameters: { reference_id: reply.reference, order: { status: reply.status } },
      });
    case 'document':
      if (reply.buttons?.length)
        return {
          ...base,
          type: 'interactive',
          interactive: {
            type: 'button',
            header: { type: 'document', document: { id: mediaId, filename: reply.filename } },
            body: { text: reply.caption },
            action: { buttons: reply.buttons.map((b) => ({ type: 'reply', reply: { id: b.id, title: b.title } })) },
          },
        };
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
      return templatePayload(base, reply, mediaId);
  }
}

/** An interactive message of just a body and one named action (no header, footer or buttons). */
function bodyAndAction(base: GraphPayload, type: string, body: string, action: GraphPayload): GraphPayload {
  return { ...base, type: 'interactive', interactive: { type, body: { text: body }, action } };
}

/**
 * Meta's `order_details` interactive (payments in India, payment gateway): review and pay, amounts in paise (offset
 * 100), the order pending until paid, and the payment configuration the business set up in WhatsApp Manager.
 */
function orderDetails(reply: Extract<Reply, { type: 'order' }>): GraphPayload {
  const paise = (value: number) => ({ value, offset: 100 });
  const total = reply.items.reduce((sum, item) => sum + item.amountPaise * item.quantity, 0);
  return {
    type: 'order_details',
    body: { text: reply.body },
    action: {
      name: 'review_and_pay',
      parameters: {
        reference_id: reply.reference,
        type: 'digital-goods',
        payment_settings: [
          {
            type: 'payment_gateway',
            payment_gateway: { type: reply.payment.gateway, configuration_name: reply.payment.configuration },
          },
        ],
        currency: 'INR',
        total_amount: paise(total),
        order: {
          status: 'pending',
          expiration: { timestamp: String(Math.floor(Date.parse(reply.expiresAt) / 1000)), description: 'Unpaid' },
          items: reply.items.map((item) => ({
            retailer_id: item.id,
            name: item.name,
            amount: paise(item.amountPaise),
            quantity: item.quantity,
          })),
          subtotal: paise(total),
          tax: paise(0),
        },
      },
    },
  };
}

function templatePayload(base: GraphPayload, reply: TemplateReply, mediaId: string | undefined): GraphPayload {
  const components: Record<string, unknown>[] = [];
  if (reply.document && mediaId) {
    components.push({
      type: 'header',
      parameters: [{ type: 'document', document: { id: mediaId, filename: reply.document.filename } }],
    });
  } else if (reply.image && mediaId) {
    components.push({ type: 'header', parameters: [{ type: 'image', image: { id: mediaId } }] });
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
    ...base,
    type: 'template',
    template: {
      name: reply.name,
      language: { code: reply.language },
      components,
    },
    ...(reply.callbackData ? { biz_opaque_callback_data: reply.callbackData } : {}),
  };
}
