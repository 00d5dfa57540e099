import type { OutboundReply, TemplateReply } from './limits.ts';

/** Free-form messages may go only within 24 hours of the citizen's last message; after that, only templates. */
const CUSTOMER_WINDOW_MS = 24 * 60 * 60 * 1000;

export function windowOpen(lastInboundAt: Date | undefined, now: Date): boolean {
  return lastInboundAt !== undefined && now.getTime() - lastInboundAt.getTime() < CUSTOMER_WINDOW_MS;
}

/**
 * The approved UTILITY templates: one with a text body `{{1}}`, one that also has a document header, and one with
 * the body and two quick-reply buttons (Approve, Reject) for officers' decisions.
 */
export interface ReplyTemplates {
  text: string;
  document: string;
  decision: string;
}

/**
 * The approved UTILITY template that carries a reply when the window is closed: its one body parameter is the
 * reply's own text, so a late status notice still says what it said, and a document travels in the header.
 * Undefined for what has nothing to carry (a read receipt is pointless hours later).
 */
export function templateInstead(
  reply: OutboundReply,
  templates: ReplyTemplates,
  language: string,
): TemplateReply | undefined {
  const text = summary(reply);
  if (text === undefined) return undefined;
  if (reply.type === 'document') {
    return {
      type: 'template',
      name: templates.document,
      language,
      parameters: [text],
      document: { archiveKey: reply.archiveKey, filename: reply.filename },
    };
  }
  if (reply.type === 'buttons' && reply.closedWindowTemplate === 'decision') {
    return {
      type: 'template',
      name: templates.decision,
      language,
      parameters: [text],
      quickReplies: reply.buttons.map((b) => b.id),
    };
  }
  return { type: 'template', name: templates.text, language, parameters: [text] };
}

function summary(reply: OutboundReply): string | undefined {
  switch (reply.type) {
    case 'text':
      return reply.text;
    case 'list':
    case 'buttons':
    case 'location-request':
    case 'order-status':
      return reply.body;
    // An order is paid inside the window only: later, its request with the payment link.
    case 'order':
      return reply.fallback;
    case 'document':
      return reply.caption || reply.filename;
    // A photo cannot travel in the text template: the officer is told of it, and sees it from the worklist.
    case 'media':
      return reply.caption;
    case 'template':
    case 'read-receipt':
      return undefined;
  }
}
